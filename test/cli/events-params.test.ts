/** Event template parameters on the command line: `--set` on `events` and `invoke`, and `--params`. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../support/temp-dir.ts';
import { runColdstart, writeFiles } from './run-coldstart.ts';

const tempDir = useTempDirs();
const ECHO = 'export const handler = async (event) => event;\n';

interface S3Event {
  Records: Array<{ s3: { bucket: { name: string; arn: string }; object: { key: string; size: number } } }>;
}

describe('coldstart events <name> --set', () => {
  it('prints the event built from the parameters, the others at their defaults', async () => {
    const r = await runColdstart(['events', 's3-put', '--set', 'bucket=photos', '--set', 'key=cats/tom cat.jpg']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const record = (JSON.parse(r.stdout) as S3Event).Records[0];
    expect(record?.s3.bucket).toMatchObject({ name: 'photos', arn: 'arn:aws:s3:::photos' });
    // S3 URL-encodes the key in the event, spaces as '+'.
    expect(record?.s3.object.key).toBe('cats/tom+cat.jpg');
    expect(record?.s3.object.size).toBe(1024);
  });

  it('takes a value containing "=" and JSON values', async () => {
    const r = await runColdstart([
      'events',
      'apigateway-rest',
      '--set',
      'method=POST',
      '--set',
      'query=a=1&b=2',
      '--set',
      'headers={"X-Id":"7"}',
    ]);
    expect(r.code).toBe(0);
    const event = JSON.parse(r.stdout) as {
      httpMethod: string;
      queryStringParameters: Record<string, string>;
      headers: Record<string, string>;
    };
    expect(event.httpMethod).toBe('POST');
    expect(event.queryStringParameters).toEqual({ a: '1', b: '2' });
    expect(event.headers['X-Id']).toBe('7');
  });

  it('refuses an unknown parameter with the closest name and the list (exit 2)', async () => {
    const r = await runColdstart(['events', 's3-put', '--set', 'sise=10']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      "coldstart events: unknown parameter 'sise' for event template s3-put (did you mean 'size'?); its parameters are: bucket, key, size, eTag",
    );
  });

  it("refuses a value of the wrong kind with the template's message (exit 2)", async () => {
    const r = await runColdstart(['events', 's3-put', '--set', 'size=-1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`coldstart events: parameter 'size' of s3-put expects a whole number from 0 to`);
    const e = await runColdstart(['events', 'apigateway-rest', '--set', 'method=FETCH']);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain(
      "parameter 'method' of apigateway-rest expects one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS",
    );
  });

  it('refuses --set without NAME=VALUE, and --set without a template (exit 2)', async () => {
    const bad = await runColdstart(['events', 's3-put', '--set', 'bucket']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      "--set takes NAME=VALUE, a template parameter and its value (e.g. --set bucket=photos); got 'bucket'",
    );
    const none = await runColdstart(['events', '--set', 'bucket=photos']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--set needs a template name');
  });
});

describe('coldstart events <name> --params', () => {
  it('lists each parameter with its kind, default and description', async () => {
    const r = await runColdstart(['events', 's3-put', '--params']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Parameters of s3-put (');
    expect(r.stdout).toMatch(/^ {2}bucket <string> +The bucket the object is in\. Default:\s+coldstart-uploads\./m);
    expect(r.stdout).toMatch(/^ {2}size <number> +/m);
    const enums = await runColdstart(['events', 'apigateway-rest', '--params']);
    expect(enums.stdout.replace(/\s+/g, ' ')).toContain(
      'One of: GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS. Default: GET.',
    );
  });

  it('prints them as JSON with --json', async () => {
    const r = await runColdstart(['events', 'hello-world', '--params', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { name: 'key1', kind: 'string', default: 'value1', description: 'The value of "key1".' },
      { name: 'key2', kind: 'string', default: 'value2', description: 'The value of "key2".' },
      { name: 'key3', kind: 'string', default: 'value3', description: 'The value of "key3".' },
    ]);
    const enums = JSON.parse(
      (await runColdstart(['events', 'apigateway-rest', '--params', '--json'])).stdout,
    ) as Array<{ name: string; options?: string[] }>;
    expect(enums.find((p) => p.name === 'method')?.options).toContain('POST');
  });

  it("adds a template's parameters to `coldstart events <name> --help`", async () => {
    const r = await runColdstart(['events', 'sqs', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: coldstart events [name] [options]');
    expect(r.stdout).toContain('Parameters of sqs (');
  });

  it('refuses --params for an unknown template (exit 2)', async () => {
    const r = await runColdstart(['events', 'nope', '--params']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown event template 'nope'");
  });
});

describe('coldstart invoke --event <template> --set', () => {
  it('sends the event built from the parameters', async () => {
    const dir = writeFiles(tempDir(), { 'echo.mjs': ECHO });
    const r = await runColdstart([
      'invoke',
      join(dir, 'echo.mjs'),
      '--event',
      's3-put',
      '--set',
      'bucket=photos',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { invocations: Array<{ result: S3Event }> };
    expect(doc.invocations[0]?.result.Records[0]?.s3.bucket.name).toBe('photos');
  });

  it("refuses a bad parameter with the template's message before running anything (exit 2)", async () => {
    const dir = writeFiles(tempDir(), { 'echo.mjs': ECHO });
    const r = await runColdstart(['invoke', join(dir, 'echo.mjs'), '--event', 'sqs', '--set', 'colour=red']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("coldstart invoke: unknown parameter 'colour' for event template sqs");
  });

  it('refuses --set without --event, or with an event that is not a template (exit 2)', async () => {
    const dir = writeFiles(tempDir(), { 'echo.mjs': ECHO, 'e.json': '{}' });
    const none = await runColdstart(['invoke', 'echo.mjs', '--set', 'bucket=photos'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--set sets parameters of an event template: add --event <template>');
    const file = await runColdstart(['invoke', 'echo.mjs', '--event', 'e.json', '--set', 'bucket=photos'], {
      cwd: dir,
    });
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('--set sets parameters of an event template, and --event e.json is not one');
    const typo = await runColdstart(['invoke', 'echo.mjs', '--event', 's3-putt', '--set', 'bucket=photos'], {
      cwd: dir,
    });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown event template 's3-putt' (did you mean 's3-put'?)");
  });
});
