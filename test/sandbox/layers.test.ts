import { describe, expect, it } from 'vitest';
import { functionConfigSchema } from '../../sandbox/config/function-config-schema.ts';
import { createLayerLibrary, resolveLayerArns } from '../../sandbox/layers/layer-library.ts';
import { makeLayerVersion, type LayerVersion } from '../../sandbox/layers/layer-version.ts';
import { baseConfig, failure, run, sharedHost, success } from './helpers.ts';

const host = sharedHost();

const priceUtils = (version: number, rate: number): LayerVersion =>
  makeLayerVersion({
    name: 'price-utils',
    version,
    compatibleRuntimes: ['nodejs22.x', 'nodejs24.x'],
    files: [
      { path: 'nodejs/node_modules/price-utils/package.json', code: '{"name":"price-utils","main":"lib/main.js"}' },
      {
        path: 'nodejs/node_modules/price-utils/lib/main.js',
        code: `exports.withTax = (c) => Math.round(c * ${rate});\nexports.version = ${version};`,
      },
      { path: 'nodejs/config/settings.json', code: `{"currency":"KRW","from":"price-utils:${version}"}` },
    ],
  });
const overrides = makeLayerVersion({
  name: 'overrides',
  version: 1,
  files: [{ path: 'nodejs/config/settings.json', code: '{"currency":"USD","from":"overrides:1"}' }],
});

const esmCode = `import { withTax, version } from 'price-utils';
import { readFileSync } from 'node:fs';
export const handler = async () => ({
  total: withTax(1000),
  version,
  settings: JSON.parse(readFileSync('/opt/nodejs/config/settings.json', 'utf8')),
});`;

const parsed = (r: Awaited<ReturnType<typeof run>>): Record<string, unknown> =>
  JSON.parse(success(r).result) as Record<string, unknown>;

describe('layers in the execution environment', () => {
  it('lets require find a package in /opt/nodejs/node_modules (package.json main)', async () => {
    const code = "const { withTax } = require('price-utils');\nexports.handler = async () => withTax(1000);";
    const r = success(await run(host, code, { file: 'index.js', config: { layers: [priceUtils(1, 1.1)] } }));
    expect(r.result).toBe('1100');
  });

  it('lets an ES module import a layer package by name, as Lambda searches NODE_PATH for import since nodejs18.x', async () => {
    expect(parsed(await run(host, esmCode, { config: { layers: [priceUtils(1, 1.1)] } }))).toMatchObject({
      total: 1100,
      version: 1,
    });
  });

  it('finds packages in /opt/nodejs/node24/node_modules before /opt/nodejs/node_modules (node22 on nodejs22.x)', async () => {
    const versioned = (major: number) =>
      makeLayerVersion({
        name: `v${major}`,
        version: 1,
        files: [{ path: `nodejs/node${major}/node_modules/which/index.js`, code: `module.exports = 'node${major}';` }],
      });
    const plain = makeLayerVersion({
      name: 'plain',
      version: 1,
      files: [{ path: 'nodejs/node_modules/which/index.js', code: "module.exports = 'plain';" }],
    });
    const code = "exports.handler = async () => require('which');";
    const layers = [plain, versioned(22), versioned(24)];
    expect(success(await run(host, code, { file: 'index.js', config: { layers } })).result).toBe('"node24"');
    expect(success(await run(host, code, { file: 'index.js', config: { layers, runtime: 'nodejs22.x' } })).result).toBe(
      '"node22"',
    );
  });

  it("prefers the deployment package's own node_modules over a layer, as Node.js searches node_modules before NODE_PATH", async () => {
    const r = await run(host, '', {
      files: [
        { path: 'index.js', code: "exports.handler = async () => require('price-utils').withTax(1000);" },
        { path: 'node_modules/price-utils/index.js', code: 'exports.withTax = () => "bundled";' },
      ],
      config: { layers: [priceUtils(1, 1.1)] },
    });
    expect(success(r).result).toBe('"bundled"');
  });

  it('extracts layers in order: a later layer overwrites the same path of an earlier one', async () => {
    const first = parsed(await run(host, esmCode, { config: { layers: [priceUtils(1, 1.1), overrides] } }));
    expect(first.settings).toEqual({ currency: 'USD', from: 'overrides:1' });
    const swapped = parsed(await run(host, esmCode, { config: { layers: [overrides, priceUtils(1, 1.1)] } }));
    expect(swapped.settings).toEqual({ currency: 'KRW', from: 'price-utils:1' });
  });

  it('keeps /opt and /var/task read-only: writes fail with EROFS as on Lambda, /tmp stays writable', async () => {
    const code = `import { writeFileSync, mkdirSync, readdirSync } from 'node:fs';
const attempt = (fn) => { try { fn(); return 'ok'; } catch (e) { return e.code + ': ' + e.message; } };
export const handler = async () => ({
  opt: attempt(() => writeFileSync('/opt/nodejs/config/settings.json', '{}')),
  optDir: attempt(() => mkdirSync('/opt/cache')),
  task: attempt(() => writeFileSync('/var/task/index.mjs', '')),
  tmp: attempt(() => writeFileSync('/tmp/ok.txt', 'x')),
  list: readdirSync('/opt/nodejs'),
});`;
    expect(parsed(await run(host, code, { config: { layers: [priceUtils(1, 1.1)] } }))).toEqual({
      opt: "EROFS: EROFS: read-only file system, open '/opt/nodejs/config/settings.json'",
      optDir: "EROFS: EROFS: read-only file system, mkdir '/opt/cache'",
      task: "EROFS: EROFS: read-only file system, open '/var/task/index.mjs'",
      tmp: 'ok',
      list: ['config', 'node_modules'],
    });
  });

  it("sets NODE_PATH as Lambda's Node.js runtimes do", async () => {
    const code = 'export const handler = async () => process.env.NODE_PATH;';
    expect(success(await run(host, code)).result).toBe(
      '"/opt/nodejs/node24/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task"',
    );
    expect(success(await run(host, code, { config: { runtime: 'nodejs22.x' } })).result).toBe(
      '"/opt/nodejs/node22/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task"',
    );
  });

  it('starts a new deployment (cold start) when the layers change', async () => {
    const key = 'layers-deployment';
    expect((await run(host, esmCode, { key, config: { layers: [priceUtils(1, 1.1)] } })).coldStart).toBe(true);
    expect((await run(host, esmCode, { key, config: { layers: [priceUtils(1, 1.1)] } })).coldStart).toBe(false);
    const v2 = await run(host, esmCode, { key, config: { layers: [priceUtils(2, 1.2)] } });
    expect(v2.coldStart).toBe(true);
    expect(parsed(v2)).toMatchObject({ total: 1200, version: 2 });
  });

  it("fails with Lambda's error when a package is not found, and says where the layer put it", async () => {
    const loose = makeLayerVersion({
      name: 'loose',
      version: 1,
      files: [{ path: 'nodejs/price-utils.mjs', code: 'export const withTax = (c) => c;' }],
    });
    const r = failure(
      await run(host, "import { withTax } from 'price-utils';\nexport const handler = async () => withTax(1);", {
        config: { layers: [loose] },
      }),
    );
    expect(r.error.errorType).toBe('Runtime.ImportModuleError');
    expect(r.error.errorMessage).toBe("Error: Cannot find package 'price-utils' imported from /var/task/index.mjs");
    const note = r.logs.find((l) => l.text.startsWith('Coldstart note:'))?.text ?? '';
    expect(note).toContain("Import it by its absolute path ('/opt/nodejs/price-utils.mjs')");
    const fixed = success(
      await run(
        host,
        "import { withTax } from '/opt/nodejs/price-utils.mjs';\nexport const handler = async () => withTax(7);",
        { config: { layers: [loose] } },
      ),
    );
    expect(fixed.result).toBe('7');
  });
});

describe("Lambda's rules for a function's layers", () => {
  const six = Array.from({ length: 6 }, (_, i) =>
    makeLayerVersion({ name: `l${i}`, version: 1, files: [{ path: 'x.txt', code: 'x' }] }),
  );

  it('refuses a sixth layer with InvalidParameterValueException before anything runs', async () => {
    const r = failure(await run(host, 'export const handler = async () => 1;', { config: { layers: six } }));
    expect(r.error).toMatchObject({
      errorType: 'InvalidParameterValueException',
      errorMessage: 'Cannot reference more than 5 layers.',
    });
    expect(r.logs.some((l) => l.kind === 'start')).toBe(false);
    expect(functionConfigSchema.safeParse({ layers: six.map((l) => l.arn) }).error?.issues[0]?.message).toBe(
      'Cannot reference more than 5 layers.',
    );
  });

  it('refuses code and layers together over 250 MB unzipped, with the actual size', async () => {
    const big = makeLayerVersion({
      name: 'ml-model',
      version: 1,
      files: [{ path: 'model.bin', code: '', sizeBytes: 262_144_000 }],
    });
    const code = 'export const handler = async () => 1;';
    const r = failure(await run(host, code, { config: { layers: [big] } }));
    expect(r.error.errorMessage).toBe(
      `Function code combined with layers exceeds the maximum allowed size of 262144000 bytes. The actual size is ${262_144_000 + code.length} bytes.`,
    );
  });

  it("refuses two versions of one layer and an unknown layer version, in Lambda's words", () => {
    const library = createLayerLibrary([priceUtils(1, 1.1), priceUtils(2, 1.2)]);
    const [v1, v2] = [priceUtils(1, 1.1).arn, priceUtils(2, 1.2).arn];
    expect(resolveLayerArns([v1, v2], library)).toEqual({
      ok: false,
      reason: 'same-layer-twice',
      message: `Two different versions of the same layer are not allowed to be referenced in the same function. ${v1} and ${v2} are versions of the same layer.`,
    });
    const unknown = v1.replace(/:1$/, ':9');
    expect(resolveLayerArns([unknown], library)).toEqual({
      ok: false,
      reason: 'unknown-layer',
      message: `Layer version ${unknown} does not exist.`,
      index: 0,
    });
    expect(resolveLayerArns([v2], library)).toMatchObject({ ok: true, layers: [{ version: 2 }] });
  });

  it('attaches a layer that does not list the runtime, as Lambda does, with a note saying so', async () => {
    const old = makeLayerVersion({
      name: 'old',
      version: 1,
      compatibleRuntimes: ['nodejs22.x'],
      compatibleArchitectures: ['arm64'],
      files: [{ path: 'nodejs/node_modules/old/index.js', code: 'module.exports = 1;' }],
    });
    const r = success(
      await run(host, "exports.handler = async () => require('old');", {
        file: 'index.js',
        config: { ...baseConfig, layers: [old] },
      }),
    );
    const notes = r.logs.filter((l) => l.text.startsWith('Coldstart note:')).map((l) => l.text);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain('lists the runtimes nodejs22.x, not nodejs24.x. Lambda attaches it anyway');
    expect(notes[1]).toContain('lists the architectures arm64, not x86_64');
  });
});
