/**
 * A scenario as text (the editor's YAML, or JSON) -> a validated scenario, or a ScenarioError
 * whose lines each name the path of a problem. YAML syntax errors keep their line and column.
 */
import { parse as parseYaml } from 'yaml';
import { loadScenarioData, ScenarioError, type LoadedScenario } from '../../sandbox/scenario/load-scenario.ts';

export function parseScenarioText(text: string, label: string, baseDir: string): LoadedScenario {
  let data: unknown;
  try {
    // JSON is YAML too, so one parser reads both.
    data = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ScenarioError(label, [`not valid YAML: ${first}`]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new ScenarioError(label, ['(top level): a scenario is a mapping with name, functions and steps']);
  return loadScenarioData(data, label, baseDir);
}
