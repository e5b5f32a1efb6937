/**
 * The content checker's rule for the scenario files a lesson ships (lesson-scenarios.ts): each one
 * validates and plays to its end as written, as `coldstart scenario` would, so a broken scenario (a
 * bad reference, a bucket name S3 refuses) is found before a learner runs a check; and the
 * `scenarios/` folder holds nothing else.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HANDLER_EXTENSIONS } from '../cli/load-function-files.ts';
import { loadScenario, ScenarioError } from '../scenario/load-scenario.ts';
import { runScenario } from '../scenario/run-scenario.ts';
import { allowedInScenariosDir, lessonScenarioFiles, SCENARIOS_DIR } from './lesson-scenarios.ts';
import type { LessonProblem, LoadedLesson } from './load-lesson.ts';

/**
 * Problems of the lesson's scenario files: files `scenarios/` may not hold, scenarios that do not
 * validate, and scenarios that cannot be played to their end as written.
 */
export async function checkScenarioFiles(lesson: LoadedLesson, displayRoot: string): Promise<LessonProblem[]> {
  const display = (file: string) => `${displayRoot}/${lesson.folder}/${file}`;
  const problems: LessonProblem[] = [];
  const dir = join(lesson.dir, SCENARIOS_DIR);
  if (existsSync(dir)) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && allowedInScenariosDir(entry.name)) continue;
      problems.push({
        file: display(`${SCENARIOS_DIR}/${entry.name}${entry.isDirectory() ? '/' : ''}`),
        message: `is not a scenario (.yaml, .yml, .json) or a handler file a scenario names (${HANDLER_EXTENSIONS.join(', ')}); remove it`,
      });
    }
  }
  for (const file of lessonScenarioFiles(lesson.dir)) {
    let loaded;
    try {
      loaded = loadScenario(join(lesson.dir, file));
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      for (const message of error.problems) problems.push({ file: display(file), message });
      continue;
    }
    try {
      await runScenario(loaded);
    } catch (error) {
      problems.push({
        file: display(file),
        message: `cannot be played: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  return problems;
}
