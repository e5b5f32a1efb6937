/**
 * What the code editor underlines and offers in a handler, with the TypeScript worker the editor
 * runs: no lesson's starter or solution, in any language, shows a false error (lesson 7's starter
 * imports from node:fs), real mistakes and APIs the sandbox lacks are underlined, and IntelliSense
 * offers the sandbox's Node.js functions.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LessonCode } from '../../../sandbox/course/lesson-code.ts';
import { loadCourse } from '../../../sandbox/course/lesson-library.ts';
import { LANGUAGES } from '../../../sandbox/course/load-lesson.ts';
import { layerPackageNames, layerTypeFiles } from '../../../renderer/monaco/layer-declarations.ts';
import { type EditorTypeChecker, loadEditorTypeChecker, type Problem } from './editor-type-checker.ts';

const course = loadCourse(fileURLToPath(new URL('../../../lessons/', import.meta.url)));
let editor: EditorTypeChecker;

beforeAll(async () => {
  editor = await loadEditorTypeChecker();
});

const codes = (problems: Problem[]): number[] => problems.map((p) => p.code);

/** Starters whose task is to fix what the editor underlines, as running them fails the same way. */
const INTENDED: Record<string, Problem[]> = {
  // Task 2: a bare name finds only packages in node_modules; the layer's file is /opt/nodejs/shop-rules.mjs.
  '12-layers/starter.mjs': [
    { code: 2307, line: 21, message: "Cannot find module 'shop-rules' or its corresponding type declarations." },
  ],
  '12-layers/starter.ko.mjs': [
    { code: 2307, line: 21, message: "Cannot find module 'shop-rules' or its corresponding type declarations." },
  ],
};

/** Every file the editor may open for a lesson's starter or solution: the default and each language's. */
const handlerFiles = (file: LessonCode) => [
  { source: file.source, code: file.code },
  ...Object.values(file.variants).map((variant) => ({ source: variant.source, code: variant.code })),
];

describe('the code editor on handlers', () => {
  it("shows no error in any lesson's starter or solution in any language, but a starter's intended mistake", async () => {
    expect(course.lessons.length).toBeGreaterThan(10);
    let checked = 0;
    for (const lesson of course.lessons) {
      // The editor of a lesson that publishes layers knows their modules once they are attached;
      // the checks attach them, so the solution is read with every published layer attached.
      const layerFiles = (lesson.exercise?.layers ?? []).flatMap((layer) =>
        layer.files.map((f) => ({ path: f.path, text: f.code })),
      );
      const checker = layerFiles.length
        ? await loadEditorTypeChecker({ extraFiles: layerTypeFiles(layerFiles) })
        : editor;
      for (const file of [lesson.starter, lesson.solution]) {
        for (const { source, code } of handlerFiles(file)) {
          const where = `${lesson.folder}/${source}`;
          expect(await checker.problems(code, file.filename), where).toEqual(INTENDED[where] ?? []);
          checked += 1;
        }
      }
    }
    // Both languages of both files of every lesson.
    expect(checked).toBe(course.lessons.length * 2 * LANGUAGES.length);
  });

  it("accepts lesson 7's node:fs import and underlines a wrong call to it", async () => {
    const lesson = course.lessons.find((l) => l.id === 'execution-environment');
    const starter = lesson?.starter.code ?? '';
    expect(starter).toContain("import { existsSync, readFileSync, writeFileSync } from 'node:fs';");
    const broken = `${starter}\nexistsSync(42);\n`;
    const problems = await editor.problems(broken);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 2345,
        line: broken.split('\n').length - 1,
        message: expect.stringContaining("'number'"),
      }),
    ]);
  });

  it('type-checks everyday handler code written against the supported API', async () => {
    const esm = `import fs, { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'path';
import { format, promisify } from 'node:util';
import EventEmitter, { EventEmitter as Emitter } from 'node:events';
import process2, { env } from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { URL as NodeURL } from 'node:url';

class ValidationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ValidationError';
    Error.captureStackTrace(this, ValidationError);
  }
}
Error.stackTraceLimit = 20;

export const handler = async (event, context) => {
  if (!event) throw new ValidationError('no event');
  await writeFile(join('/tmp', 'a.txt'), Buffer.from('hi').toString('base64'));
  const text = await readFile('/tmp/a.txt', 'utf8');
  const digest = createHash('SHA256').update(text).digest('hex');
  new EventEmitter().on('x', () => {});
  new Emitter().emit('x');
  await sleep(10);
  const timer = setTimeout(() => {}, 5).unref();
  clearTimeout(timer);
  const url = new NodeURL('https://example.com/?q=1');
  console.log(format('%s %d', digest, process2.memoryUsage().heapUsed), env.AWS_REGION, url.searchParams.get('q'));
  return { id: randomUUID(), exists: existsSync('/tmp/a.txt') && fs.statSync('/tmp').isDirectory(), wait: promisify(() => {}) };
};
`;
    expect(await editor.problems(esm)).toEqual([]);
    const cjs = `const { readFileSync } = require('node:fs');
const path = require('path');
exports.handler = async () => readFileSync(path.join(__dirname, 'config.json'), 'utf8');
module.exports.helper = () => require.resolve('./helper');
`;
    expect(await editor.problems(cjs, 'index.cjs')).toEqual([]);
  });

  it('underlines what the sandbox does not have, as running it would fail', async () => {
    const code = `import http from 'node:http';
import { createReadStream } from 'node:fs';
import os from 'os';
Buffer.alloc(4).swap16();
process.chdir('/tmp');
document.querySelector('main');
fetch('https://example.com');
`;
    expect(codes(await editor.problems(code))).toEqual([2307, 2305, 2307, 2339, 2339, 2584, 2304]);
  });

  it("offers the sandbox's functions in IntelliSense, and not Node's others", async () => {
    const fsNames = await editor.completions("import { | } from 'node:fs';");
    expect(fsNames).toEqual(expect.arrayContaining(['existsSync', 'readFileSync', 'writeFileSync', 'promises']));
    expect(fsNames).not.toContain('createReadStream');
    expect(await editor.completions("import { createHash } from 'node:crypto';\ncreateHash('sha256').|")).toEqual(
      expect.arrayContaining(['update', 'digest']),
    );
    const processNames = await editor.completions('process.|');
    expect(processNames).toEqual(expect.arrayContaining(['env', 'memoryUsage', 'hrtime', 'nextTick']));
    expect(processNames).not.toContain('chdir');
  });

  it('knows the simulated AWS SDK packages: their clients, commands and exceptions, and nothing else', async () => {
    const code = `import { S3Client, GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import { DynamoDBClient, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
const s3 = new S3Client({});
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async () => {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
    await doc.send(new PutCommand({ TableName: 't', Item: marshall({ id: 1 }) }));
    return object.ContentType;
  } catch (error) {
    if (error instanceof NoSuchKey || error instanceof ConditionalCheckFailedException) return null;
    throw error;
  }
};
`;
    expect(await editor.problems(code)).toEqual([]);
    // A command the sandbox does not export, and a package it does not simulate.
    const missing = `import { UploadFileCommand } from '@aws-sdk/client-s3';
import { LambdaClient } from '@aws-sdk/client-lambda';
`;
    expect(codes(await editor.problems(missing))).toEqual([2305, 2307]);
    const s3Names = await editor.completions("import { | } from '@aws-sdk/client-s3';");
    expect(s3Names).toEqual(expect.arrayContaining(['S3Client', 'PutObjectCommand', 'HeadObjectCommand', 'NoSuchKey']));
  });

  it('knows the packages and /opt modules of attached layers only, with what they export', async () => {
    const files = [
      { path: 'nodejs/node_modules/price-utils/package.json', text: '{"main":"index.js"}' },
      { path: 'nodejs/node_modules/price-utils/index.js', text: 'exports.withVat = (won) => won * 1.1;' },
      { path: 'nodejs/node24/node_modules/@shop/rules/index.mjs', text: 'export const rule = 1;' },
      { path: 'nodejs/shop-rules.mjs', text: 'export function discountFor(items) { return items.length; }' },
      { path: 'nodejs/big-model.bin', text: null },
    ];
    expect(layerPackageNames(files)).toEqual(['@shop/rules', 'price-utils']);
    const code = `import { withVat } from 'price-utils';
const rules = await import('/opt/nodejs/shop-rules.mjs');
export const handler = async () => withVat(rules.discountFor([]));
`;
    expect(codes(await editor.problems(code))).toEqual([2307, 2307]);
    const attached = await loadEditorTypeChecker({ extraFiles: layerTypeFiles(files) });
    expect(await attached.problems(code)).toEqual([]);
    // The /opt module is read for real: a name it does not export is underlined.
    expect(codes(await attached.problems(code.replace('rules.discountFor', 'rules.discountOf')))).toEqual([2551]);
  });
});
