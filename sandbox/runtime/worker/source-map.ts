/**
 * Maps stack frames of transpiled TypeScript back to the learner's own lines and columns, as Node
 * does with `--enable-source-maps`. esbuild writes a source map (v3) next to each transpiled file;
 * its `mappings` are decoded here on first use: base64 VLQ, about 40 lines, so that the worker
 * needs no extra package (@jridgewell/trace-mapping is only a dev-time dependency of the build).
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;

/**
 * Decode a `mappings` string: per generated line, a flat list of [generated column, original
 * line, original column] triples in column order (0-based; segments without a source are skipped).
 */
export function decodeMappings(mappings: string): number[][] {
  const lines: number[][] = [[]];
  const state = [0, 0, 0, 0, 0]; // generated column, source, original line, original column, name
  let field = 0;
  let value = 0;
  let shift = 0;
  const endSegment = (): void => {
    if (field >= 4) lines[lines.length - 1]!.push(state[0]!, state[2]!, state[3]!);
    field = 0;
  };
  for (let i = 0; i < mappings.length; i++) {
    const c = mappings.charCodeAt(i);
    if (c === 44 /* , */ || c === 59 /* ; */) {
      endSegment();
      if (c === 59) {
        lines.push([]);
        state[0] = 0;
      }
      continue;
    }
    const digit = c < 128 ? DIGIT[c]! : -1;
    if (digit < 0) continue;
    value += (digit & 31) * 2 ** shift;
    shift += 5;
    if (digit & 32) continue;
    const delta = value % 2 === 1 ? -Math.floor(value / 2) : value / 2;
    if (field < 5) state[field] = state[field]! + delta;
    field += 1;
    value = 0;
    shift = 0;
  }
  endSegment();
  return lines;
}

/** One transpiled file's map, decoded on first lookup. */
export class SourceMap {
  private readonly json: string;
  private lines: number[][] | undefined;

  constructor(json: string) {
    this.json = json;
  }

  /**
   * The original 1-based line and column of a 1-based generated position. The column keeps its
   * distance from the nearest mapped token before it (type stripping leaves expressions intact).
   */
  original(line: number, column: number): { line: number; column: number } | undefined {
    if (!this.lines) {
      try {
        this.lines = decodeMappings(String((JSON.parse(this.json) as { mappings?: unknown }).mappings ?? ''));
      } catch {
        this.lines = [];
      }
    }
    const segments = this.lines[line - 1];
    if (!segments || segments.length === 0) return undefined;
    const col = column - 1;
    let lo = 0;
    let hi = segments.length / 3 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid * 3]! <= col) lo = mid;
      else hi = mid - 1;
    }
    const at = lo * 3;
    const offset = Math.max(0, col - segments[at]!);
    return { line: segments[at + 1]! + 1, column: segments[at + 2]! + offset + 1 };
  }
}

/** `/var/task/<file>.ts:<line>:<column>` as stack frames print it (with or without file://). */
const FRAME_POSITION = /((?:file:\/\/)?\/var\/task\/[^\s():'"]+\.[cm]?ts):(\d+):(\d+)/g;

/** Rewrite every TypeScript position in `text` through the maps of its files (by /var/task path). */
export function mapStackText(text: string, maps: ReadonlyMap<string, SourceMap>): string {
  if (!text.includes('/var/task/')) return text;
  return text.replace(FRAME_POSITION, (whole: string, file: string, line: string, column: string) => {
    const map = maps.get(file.startsWith('file://') ? file.slice(7) : file);
    const pos = map?.original(Number(line), Number(column));
    return pos ? `${file}:${pos.line}:${pos.column}` : whole;
  });
}
