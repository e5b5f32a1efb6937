/**
 * Size of the JavaScript the renderer loads before Monaco: the entry script and its module
 * preloads as listed in the built index.html (Monaco is a lazy chunk and must not be among them).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function initialJsSize(distDir: string): { files: string[]; bytes: number; gzipBytes: number; monacoInInitial: boolean } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  let bytes = 0;
  let gzipBytes = 0;
  let monacoInInitial = false;
  for (const ref of refs) {
    const file = join(distDir, ref);
    const content = readFileSync(file);
    bytes += statSync(file).size;
    gzipBytes += gzipSync(content).length;
    if (content.includes('monaco-editor') || /editor\.main|MonacoEnvironment.*getWorker/.test(content.toString())) {
      monacoInInitial = monacoInInitial || content.length > 500_000;
    }
  }
  return { files: refs, bytes, gzipBytes, monacoInInitial };
}
