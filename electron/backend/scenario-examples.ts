/**
 * The example scenarios the account page offers: the YAML files of sandbox/scenario/examples/.
 * Each file's `description` holds one line per language (`en: Title — text`, `ko: ...`), so an
 * example stays one self-contained file that the CLI can run as well.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Language } from '../api/types.ts';
import type { ScenarioExample, ScenarioSource } from '../api/scenario-types.ts';
import { ApiFailure } from '../api/result.ts';

/** The separator between an example's title and its description, on each language's line. */
const TITLE_SEPARATOR = ' — ';

export interface ScenarioExamples {
  /** Folder the examples are read from (relative `file:` paths resolve against it too). */
  dir: string;
  list(language: Language): ScenarioExample[];
  get(name: string): ScenarioSource;
}

/** The line for `language` (English when that language has none), split into title and text. */
export function describeExample(name: string, description: unknown, language: Language): ScenarioExample {
  const lines = typeof description === 'string' ? description.split('\n') : [];
  const byLanguage = new Map<string, string>();
  for (const line of lines) {
    const match = /^(en|ko):\s*(.*)$/.exec(line.trim());
    if (match) byLanguage.set(match[1]!, match[2]!);
  }
  const line = byLanguage.get(language) ?? byLanguage.get('en') ?? (typeof description === 'string' ? description : '');
  const cut = line.indexOf(TITLE_SEPARATOR);
  return cut < 0
    ? { name, title: name, description: line }
    : { name, title: line.slice(0, cut), description: line.slice(cut + TITLE_SEPARATOR.length) };
}

export function createScenarioExamples(dir: string): ScenarioExamples {
  const names = (): string[] => {
    try {
      return readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => f.slice(0, -'.yaml'.length))
        .sort();
    } catch {
      return [];
    }
  };
  const get = (name: string): ScenarioSource => {
    if (!names().includes(name))
      throw new ApiFailure('ScenarioNotFound', `There is no example scenario called "${name}".`);
    return { name, text: readFileSync(join(dir, `${name}.yaml`), 'utf8') };
  };
  return {
    dir,
    get,
    list(language) {
      // The order the lessons meet them in: the thumbnail pipeline first, then the failure modes.
      const order = ['thumbnail', 'api-502', 'sqs-partial-batch', 'async-dlq', 'recursion', 'least-privilege'];
      const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length);
      return names()
        .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
        .map((name) => {
          let description: unknown;
          try {
            description = (parseYaml(get(name).text) as { description?: unknown } | null)?.description;
          } catch {
            description = undefined; // A broken example is still listed; running it explains the problem.
          }
          return describeExample(name, description, language);
        });
    },
  };
}
