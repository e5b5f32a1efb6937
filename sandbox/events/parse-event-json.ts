/**
 * parseEventJson: JSON.parse with learner-friendly errors. A small recursive-descent checker
 * finds the first problem and reports its 1-based line and column with a plain message
 * ("expected ',' or '}' after a property value"); valid text is then parsed by JSON.parse.
 */

/** Result of parseEventJson. */
export type ParseEventResult =
  | { ok: true; value: unknown }
  | { ok: false; message: string; line: number; column: number };

class JsonProblem extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

const WS = new Set([' ', '\t', '\n', '\r']);

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the text';
  if (ch === '\n') return 'a line break';
  return `'${ch}'`;
}

/** Checks JSON syntax; throws JsonProblem at the first error. */
class Checker {
  private readonly text: string;
  pos = 0;
  constructor(text: string) {
    this.text = text;
  }

  private skip(): void {
    while (this.pos < this.text.length && WS.has(this.text[this.pos] ?? '')) this.pos++;
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  document(): void {
    this.skip();
    if (this.pos >= this.text.length) throw new JsonProblem('the event is empty: write a JSON value such as {}', this.pos);
    this.value();
    this.skip();
    if (this.pos < this.text.length) throw new JsonProblem(`unexpected ${describe(this.peek())} after the end of the JSON value`, this.pos);
  }

  private value(): void {
    this.skip();
    const ch = this.peek();
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    if (ch === "'") throw new JsonProblem('strings must use double quotes ("), not single quotes', this.pos);
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    if (ch === undefined) throw new JsonProblem('unexpected end of the text: expected a value', this.pos);
    throw new JsonProblem(`unexpected ${describe(ch)}: expected a value (a string, number, object, array, true, false or null)`, this.pos);
  }

  private object(): void {
    this.pos++;
    this.skip();
    if (this.peek() === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skip();
      const ch = this.peek();
      if (ch === '}') throw new JsonProblem("a trailing comma is not allowed before '}'", this.pos);
      if (ch !== '"') {
        const hint = ch === "'" ? ' (use double quotes, not single quotes)' : '';
        throw new JsonProblem(`expected a property name in double quotes, found ${describe(ch)}${hint}`, this.pos);
      }
      this.string();
      this.skip();
      if (this.peek() !== ':') throw new JsonProblem(`expected ':' after a property name, found ${describe(this.peek())}`, this.pos);
      this.pos++;
      this.value();
      this.skip();
      const next = this.peek();
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === '}') {
        this.pos++;
        return;
      }
      throw new JsonProblem(`expected ',' or '}' after a property value, found ${describe(next)}`, this.pos);
    }
  }

  private array(): void {
    this.pos++;
    this.skip();
    if (this.peek() === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skip();
      if (this.peek() === ']') throw new JsonProblem("a trailing comma is not allowed before ']'", this.pos);
      this.value();
      this.skip();
      const next = this.peek();
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === ']') {
        this.pos++;
        return;
      }
      throw new JsonProblem(`expected ',' or ']' after an array element, found ${describe(next)}`, this.pos);
    }
  }

  private string(): void {
    const start = this.pos;
    this.pos++;
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) throw new JsonProblem('this string is never closed: add the missing "', start);
      if (ch === '"') {
        this.pos++;
        return;
      }
      if (ch === '\n') throw new JsonProblem('this string is never closed before the line ends (write \\n for a line break inside a string)', start);
      if (ch < ' ') throw new JsonProblem('control characters are not allowed inside strings (use \\t or \\n)', this.pos);
      if (ch === '\\') {
        const esc = this.text[this.pos + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) throw new JsonProblem('\\u must be followed by four hex digits', this.pos);
          this.pos += 6;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) throw new JsonProblem(`invalid escape '\\${esc ?? ''}' in a string`, this.pos);
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
  }

  private number(): void {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (!m) throw new JsonProblem('invalid number', this.pos);
    this.pos += m[0].length;
    const next = this.peek();
    if (next !== undefined && /[0-9.eE]/.test(next)) throw new JsonProblem('invalid number (no leading zeros, a digit after the point)', this.pos);
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parse event JSON; on failure say where (1-based line and column) and what is wrong. */
export function parseEventJson(text: string): ParseEventResult {
  const checker = new Checker(text);
  try {
    checker.document();
  } catch (err) {
    if (err instanceof JsonProblem) return { ok: false, message: err.message, ...lineAndColumn(text, err.offset) };
    throw err;
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    // The checker and JSON.parse disagree only on exotic input; still answer with a position.
    return { ok: false, message: err instanceof Error ? err.message : String(err), line: 1, column: 1 };
  }
}
