/**
 * Scenario files a lesson ships for its checks (`h.scenario()`): `scenarios/<name>.yaml` (or .yml,
 * .json), beside the handler files those scenarios' helper functions name with `file:`, or
 * `<name>.scenario.yaml` at the top of the lesson folder. What the content checker does with them
 * is in check-lesson-scenarios.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { HANDLER_EXTENSIONS } from '../cli/load-function-files.ts';

/** The lesson subfolder for scenario files. */
export const SCENARIOS_DIR = 'scenarios';

const SCENARIO_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
/** `thumbnail.scenario.yaml` at the top of a lesson folder. */
const TOP_LEVEL_SCENARIO = /^[\w.-]+\.scenario\.(ya?ml|json)$/;

/** A file the `scenarios/` folder may hold: a scenario, or a handler file a scenario's `file:` names. */
export const allowedInScenariosDir = (name: string): boolean =>
  SCENARIO_EXTENSIONS.has(extname(name)) || (HANDLER_EXTENSIONS as readonly string[]).includes(extname(name));

/** Whether a top-level entry of a lesson folder belongs to its scenarios (for the stray-file rule). */
export function isScenarioEntry(name: string, isDirectory: boolean): boolean {
  return isDirectory ? name === SCENARIOS_DIR : TOP_LEVEL_SCENARIO.test(name);
}

/** Every scenario file of the lesson in `lessonDir`, as paths relative to it (`scenarios/a.yaml`). */
export function lessonScenarioFiles(lessonDir: string): string[] {
  const top = readdirSync(lessonDir, { withFileTypes: true })
    .filter((e) => e.isFile() && TOP_LEVEL_SCENARIO.test(e.name))
    .map((e) => e.name);
  const dir = join(lessonDir, SCENARIOS_DIR);
  const inDir = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && SCENARIO_EXTENSIONS.has(extname(e.name)))
        .map((e) => `${SCENARIOS_DIR}/${e.name}`)
    : [];
  return [...top, ...inDir].sort();
}
