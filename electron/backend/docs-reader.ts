/**
 * `docs.get`: the learner-readable documents about the simulator, `sandbox/docs/<name>.<language>.md`.
 * A document not yet translated is served in the other language (and says so); a document not yet
 * written is reported as missing, except "supported", whose older stand-in is sandbox/SUPPORTED.md.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ApiParsedArgs } from '../api/contract.ts';
import type { Language, SimulatorDoc } from '../api/types.ts';

const OTHER: Record<Language, Language> = { en: 'ko', ko: 'en' };

/** The file's text, or undefined when it does not exist. */
async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * @param sandboxDir the sandbox/ folder of the repository or the unpacked app.
 */
export function createDocsReader(sandboxDir: string) {
  const appDir = join(sandboxDir, '..');
  const candidates = (name: SimulatorDoc['name'], language: Language) => {
    const list: { path: string; language: Language; status: SimulatorDoc['status'] }[] = [
      { path: join(sandboxDir, 'docs', `${name}.${language}.md`), language, status: 'ok' },
      {
        path: join(sandboxDir, 'docs', `${name}.${OTHER[language]}.md`),
        language: OTHER[language],
        status: 'other-language',
      },
    ];
    // Written in English before sandbox/docs existed.
    if (name === 'supported') list.push({ path: join(sandboxDir, 'SUPPORTED.md'), language: 'en', status: 'fallback' });
    return list;
  };

  return {
    async get({ name, language }: ApiParsedArgs<'docs.get'>): Promise<SimulatorDoc> {
      for (const candidate of candidates(name, language)) {
        const markdown = await readIfPresent(candidate.path);
        if (markdown === undefined) continue;
        return {
          name,
          status: candidate.status,
          language: candidate.language,
          markdown,
          source: relative(appDir, candidate.path).split('\\').join('/'),
        };
      }
      return { name, status: 'missing', language, markdown: '', source: null };
    },
  };
}
