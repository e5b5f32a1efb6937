/**
 * The console lines a guest hands over (cs.line in guest/core-source.ts): "time S level S text S"
 * per line, S = U+0002. In the text, U+0003 '3' stands for U+0003, U+0003 '2' for U+0002 and
 * U+0003 'u' with 4 hex digits for an unpaired surrogate (which the trip through UTF-8 would not
 * keep), so every character a handler logs arrives as it was written.
 */
const LINE_SEP = '\u0002';
const LINE_ESC = '\u0003';
const LINE_ESCAPE = new RegExp(`${LINE_ESC}(?:([23])|u([0-9a-f]{4}))`, 'g');

function unescapeLine(text: string): string {
  if (!text.includes(LINE_ESC)) return text;
  return text.replace(LINE_ESCAPE, (_m, d: string | undefined, hex: string | undefined) => (hex ? String.fromCharCode(parseInt(hex, 16)) : d === '2' ? LINE_SEP : LINE_ESC));
}

/**
 * Each line of a batch, in order, until one logged after `untilMs` (virtual time) or anything
 * malformed (a guest can send any text through its host bridge).
 */
export function forEachLogLine(batch: string, untilMs: number, line: (time: number, level: string, text: string) => void): void {
  const fields = batch.split(LINE_SEP);
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const time = Number(fields[i]);
    if (!Number.isFinite(time) || time > untilMs) return;
    line(time, fields[i + 1]!, unescapeLine(fields[i + 2]!));
  }
}
