/**
 * Read a scenario file (YAML or JSON), validate it against ./schema.ts, and resolve each function's
 * code (inline, or files relative to the scenario) into a deployable function. Problems come back as
 * ScenarioError with one line per problem, each naming the path of the value (`functions.api.config`).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_RUNTIME, MEMORY_DEFAULT_MB, TIMEOUT_DEFAULT_S } from '../facts/limits.ts';
import type { DeployedFunction } from '../invocation-models/lambda-service.ts';
import type { SourceFile } from '../invocation/record.ts';
import { loadFunctionFiles } from '../cli/load-function-files.ts';
import { createLayerLibrary, resolveLayerArns } from '../layers/layer-library.ts';
import { layerFromSpec } from '../layers/layer-spec-schema.ts';
import type { LayerVersion } from '../layers/layer-version.ts';
import { scenarioSchema, type FunctionSpec, type ScenarioFile } from './schema.ts';

/** A scenario that cannot be run as written. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  readonly problems: string[];
  constructor(file: string, problems: string[]) {
    super(
      `${file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join('\n  ')}`}`,
    );
    this.problems = problems;
  }
}

/** A role as the account authorises calls with it. */
export interface ScenarioRole {
  roleArn: string;
  policy: { Version?: string; Statement: unknown };
}

/** A validated scenario with its functions ready to deploy. */
export interface LoadedScenario {
  file: ScenarioFile;
  functions: DeployedFunction[];
  roles: Record<string, ScenarioRole>;
  /** Folder that relative paths were resolved against. */
  baseDir: string;
}

/** Without a role in the file, the function may do anything (a lesson adds least privilege on purpose). */
const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

function functionFiles(name: string, spec: FunctionSpec, baseDir: string): { files: SourceFile[]; handler: string } {
  if (spec.code !== undefined) {
    const handler = spec.handler ?? 'index.handler';
    const module = handler.slice(0, handler.lastIndexOf('.'));
    return { files: [{ path: `${module}.mjs`, code: spec.code }], handler };
  }
  if (spec.files !== undefined)
    return {
      files: Object.entries(spec.files).map(([path, code]) => ({ path, code })),
      handler: spec.handler ?? 'index.handler',
    };
  try {
    const pkg = loadFunctionFiles(spec.file!, baseDir);
    return { files: pkg.files, handler: spec.handler ?? pkg.defaultHandler };
  } catch (err) {
    throw new ScenarioError(name, [`functions.${name}.file: ${err instanceof Error ? err.message : String(err)}`]);
  }
}

/** Check cross references: triggers, destinations and steps name things that exist. */
function crossCheck(s: ScenarioFile): string[] {
  const problems: string[] = [];
  const fns = new Set(Object.keys(s.functions));
  const r = s.resources ?? {};
  const names = {
    bucket: new Set((r.buckets ?? []).map((b) => b.name)),
    queue: new Set((r.queues ?? []).map((q) => q.name)),
    table: new Set((r.tables ?? []).map((t) => t.name)),
    topic: new Set((r.topics ?? []).map((t) => t.name)),
    rule: new Set((r.rules ?? []).map((t) => t.name)),
    stream: new Set((r.streams ?? []).map((t) => t.name)),
  };
  const need = (kind: keyof typeof names, name: string, path: string): void => {
    if (!names[kind].has(name)) problems.push(`${path}: no ${kind} named '${name}' in resources.${kind}s`);
  };
  for (const q of r.queues ?? [])
    if (q.deadLetterQueue) need('queue', q.deadLetterQueue, `resources.queues.${q.name}.deadLetterQueue`);
  for (const t of r.topics ?? [])
    for (const sub of t.subscriptions ?? []) need('queue', sub.queue, `resources.topics.${t.name}.subscriptions`);
  (s.triggers ?? []).forEach((t, i) => {
    const path = `triggers.${i}`;
    if (!fns.has(t.function))
      problems.push(`${path}.function: no function named '${t.function}' (functions: ${[...fns].join(', ')})`);
    if (t.type === 's3') need('bucket', t.bucket, `${path}.bucket`);
    if (t.type === 'sqs') need('queue', t.queue, `${path}.queue`);
    if (t.type === 'dynamodb') need('table', t.table, `${path}.table`);
    if (t.type === 'kinesis') need('stream', t.stream, `${path}.stream`);
    if (t.type === 'sns') need('topic', t.topic, `${path}.topic`);
    if (t.type === 'eventbridge') need('rule', t.rule, `${path}.rule`);
  });
  for (const [name, f] of Object.entries(s.functions)) {
    for (const [key, target] of [
      ['async.onSuccess', f.async?.onSuccess],
      ['async.onFailure', f.async?.onFailure],
      ['deadLetterQueue', f.deadLetterQueue],
    ] as const) {
      if (!target) continue;
      const [service, ref] = target.split(':') as [string, string];
      if (service === 'sqs') need('queue', ref, `functions.${name}.${key}`);
      if (service === 'sns') need('topic', ref, `functions.${name}.${key}`);
      if (service === 'lambda' && !fns.has(ref)) problems.push(`functions.${name}.${key}: no function named '${ref}'`);
    }
  }
  s.steps.forEach((step, i) => {
    const path = `steps.${i}`;
    if (step.action === 'invoke' && !fns.has(step.args.function))
      problems.push(`${path}: no function named '${step.args.function}'`);
    if (step.action === 'put' || step.action === 'delete') need('bucket', step.args.bucket, path);
    if (step.action === 'send') need('queue', step.args.queue, path);
    if (step.action === 'publish') need('topic', step.args.topic, path);
    if (step.action === 'putItem' || step.action === 'deleteItem') need('table', step.args.table, path);
    if (step.action === 'putRecord') need('stream', step.args.stream, path);
    if (step.action === 'request' && !(s.triggers ?? []).some((t) => t.type === 'api'))
      problems.push(`${path}: a request needs a trigger of type 'api'`);
  });
  for (const o of s.seed?.objects ?? []) need('bucket', o.bucket, 'seed.objects');
  for (const m of s.seed?.messages ?? []) need('queue', m.queue, 'seed.messages');
  for (const it of s.seed?.items ?? []) need('table', it.table, 'seed.items');
  return problems;
}

/** The layer versions of each function's `config.layers`, or the problems Lambda would refuse them with. */
function functionLayers(s: ScenarioFile): { layers: Record<string, LayerVersion[]>; problems: string[] } {
  const library = createLayerLibrary((s.layers ?? []).map(layerFromSpec));
  const layers: Record<string, LayerVersion[]> = {};
  const problems: string[] = [];
  for (const [name, f] of Object.entries(s.functions)) {
    if (!f.config?.layers?.length) continue;
    const resolved = resolveLayerArns(f.config.layers, library);
    if (resolved.ok) layers[name] = resolved.layers;
    else problems.push(`functions.${name}.config.layers: ${resolved.message}`);
  }
  return { layers, problems };
}

/** Validate already-parsed scenario data; `label` names it in messages, `baseDir` resolves file paths. */
export function loadScenarioData(data: unknown, label: string, baseDir: string): LoadedScenario {
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    throw new ScenarioError(
      label,
      parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`),
    );
  }
  const file = parsed.data;
  const attached = functionLayers(file);
  const problems = [...crossCheck(file), ...attached.problems];
  if (problems.length) throw new ScenarioError(label, problems);
  const roles: Record<string, ScenarioRole> = {};
  const functions = Object.entries(file.functions).map(([name, spec]): DeployedFunction => {
    const { files, handler } = functionFiles(name, spec, baseDir);
    const roleName = spec.role?.name ?? `${name}-role`;
    roles[name] = { roleArn: `arn:aws:iam::123456789012:role/${roleName}`, policy: spec.role?.policy ?? ALLOW_ALL };
    return {
      name,
      files,
      config: {
        functionName: name,
        handler,
        runtime: spec.config?.runtime ?? DEFAULT_RUNTIME,
        architecture: spec.config?.architecture ?? 'x86_64',
        memorySizeMB: spec.config?.memorySizeMB ?? MEMORY_DEFAULT_MB,
        timeoutSeconds: spec.config?.timeoutSeconds ?? TIMEOUT_DEFAULT_S,
        ...(spec.config?.ephemeralStorageMB ? { ephemeralStorageMB: spec.config.ephemeralStorageMB } : {}),
        environment: spec.config?.environment ?? {},
        ...(attached.layers[name] ? { layers: attached.layers[name] } : {}),
      },
      ...(spec.async ? { async: spec.async } : {}),
      ...(spec.deadLetterQueue ? { deadLetterTarget: spec.deadLetterQueue } : {}),
      ...(spec.reservedConcurrency !== undefined ? { reservedConcurrency: spec.reservedConcurrency } : {}),
      ...(spec.recursiveLoop ? { recursiveLoop: spec.recursiveLoop } : {}),
    };
  });
  return { file, functions, roles, baseDir };
}

/** Read and validate a scenario file (`.yaml`, `.yml` or `.json`). */
export function loadScenario(path: string): LoadedScenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ScenarioError(path, ['cannot read the file']);
  }
  let data: unknown;
  try {
    data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new ScenarioError(path, [
      `not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
    ]);
  }
  return loadScenarioData(data, path, dirname(resolve(path)));
}
