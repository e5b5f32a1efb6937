/**
 * `h.scenario()` behind the harness: reads a scenario file the lesson ships, puts the learner's
 * files in place of one function's code (same handler setting as the exercise), validates it and
 * plays it, in-process by default or through a runner the caller supplies (the app's scenario
 * worker, so hostile learner code never holds up its backend).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { FunctionConfig, SourceFile } from '../invocation/record.ts';
import { loadScenarioData, type LoadedScenario } from '../scenario/load-scenario.ts';
import type { ScenarioResult } from '../scenario/scenario-types.ts';
import { lessonScenarioFiles, SCENARIOS_DIR } from './lesson-scenarios.ts';
import type { LoadedLesson } from './load-lesson.ts';

/** A scenario as text, as the app's scenario worker takes it (JSON is valid YAML). */
export interface ScenarioTextInput {
  text: string;
  /** Names the scenario in messages. */
  label: string;
  /** Folder that `file:` paths resolve against (the scenario file's folder). */
  baseDir: string;
}

/**
 * The name of the error a runner rejects with when its watchdog stopped a run that took too long.
 * Learner code is the likely cause (a handler that never finishes, retried), so the task fails.
 */
export const SCENARIO_TOO_SLOW = 'ScenarioTooSlow';

/**
 * Plays a scenario somewhere else (a worker thread). Rejects with an error named
 * {@link SCENARIO_TOO_SLOW} when it stopped a run that took too long; any other rejection means the
 * scenario or the simulator failed (the check is reported broken, as in-process).
 */
export interface CheckScenarioRunner {
  run(input: ScenarioTextInput): Promise<ScenarioResult>;
}

/** The configuration a check may change for one scenario run (the rest comes from the file). */
export type ScenarioFunctionConfig = Partial<Omit<FunctionConfig, 'functionName' | 'handler'>>;

/** How a check runs a scenario. */
export interface CheckScenarioOptions {
  /** The function that runs the learner's code; may be left out when the scenario has only one. */
  function?: string;
  /** Changes to that function's configuration; `environment` is merged into the file's variables. */
  config?: ScenarioFunctionConfig;
}

/** A scenario ready to play: the data with the learner's code in it, validated. */
export interface PreparedScenario {
  /** The function that runs the learner's code. */
  functionName: string;
  input: ScenarioTextInput;
  loaded: LoadedScenario;
}

type ScenarioData = { functions?: Record<string, Record<string, unknown>> } & Record<string, unknown>;

/** `file` as one of the lesson's scenario files, or a lesson bug naming the files there are. */
function resolveScenarioFile(lesson: LoadedLesson, file: string): string {
  const wanted = posix.normalize(file.replace(/\\/g, '/')).replace(/^\.\//, '');
  const files = lessonScenarioFiles(lesson.dir);
  if (!files.includes(wanted)) {
    throw new Error(
      `h.scenario("${file}"): not a scenario file of the lesson ${lesson.folder} (${files.length ? `it has ${files.join(', ')}` : `put one in ${SCENARIOS_DIR}/ or name it <name>.scenario.yaml`})`,
    );
  }
  return join(lesson.dir, wanted);
}

function readScenarioData(path: string, label: string): ScenarioData {
  const text = readFileSync(path, 'utf8');
  let data: unknown;
  try {
    data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new Error(
      `${label}: not valid YAML or JSON: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      { cause: error },
    );
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${label}: a scenario is a mapping with name, functions and steps`);
  }
  return data as ScenarioData;
}

/**
 * Reads `file` (relative to the lesson folder) and replaces the code of `options.function` with the
 * learner's `files`, run with the lesson's handler setting.
 * @throws Error (a lesson bug: the check is reported broken) for an unknown file or function, or a
 *   scenario that does not validate.
 */
export function prepareScenario(
  lesson: LoadedLesson,
  file: string,
  files: readonly SourceFile[],
  options: CheckScenarioOptions = {},
): PreparedScenario {
  const path = resolveScenarioFile(lesson, file);
  const label = `${lesson.folder}/${file}`;
  const data = readScenarioData(path, label);
  const functions = data.functions ?? {};
  const names = Object.keys(functions);
  const functionName = options.function ?? (names.length === 1 ? names[0]! : undefined);
  if (functionName === undefined || !Object.hasOwn(functions, functionName)) {
    throw new Error(
      `h.scenario("${file}"): ${functionName === undefined ? 'name the function that runs the learner’s code with { function }' : `no function named "${functionName}"`} (functions: ${names.join(', ') || 'none'})`,
    );
  }
  const { code: _code, file: _file, files: _files, handler: _handler, ...spec } = functions[functionName]!;
  const fileConfig = (spec.config ?? {}) as ScenarioFunctionConfig;
  const config = {
    ...fileConfig,
    ...options.config,
    environment: { ...fileConfig.environment, ...options.config?.environment },
  };
  const patched: ScenarioData = {
    ...data,
    functions: {
      ...functions,
      [functionName]: {
        ...spec,
        files: Object.fromEntries(files.map((f) => [f.path, f.code])),
        handler: lesson.handler,
        config,
      },
    },
  };
  const baseDir = dirname(path);
  const loaded = loadScenarioData(patched, label, baseDir);
  return { functionName, loaded, input: { text: JSON.stringify(patched), label, baseDir } };
}

/** Plays a prepared scenario: through `runner` when given, else here with a fresh environment pool. */
export async function playScenario(prepared: PreparedScenario, runner?: CheckScenarioRunner): Promise<ScenarioResult> {
  if (runner) return runner.run(prepared.input);
  const { runScenario } = await import('../scenario/run-scenario.ts');
  return runScenario(prepared.loaded);
}
