/**
 * DynamoDB expressions: a tokenizer and recursive-descent parser for condition, filter and key
 * condition expressions (comparators, BETWEEN, IN, AND/OR/NOT, attribute_exists,
 * attribute_not_exists, attribute_type, begins_with, contains, size) and their evaluation
 * against an item. Names and values come from ExpressionAttributeNames/Values.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html
 */
import { validation } from '../errors.ts';
import { compareValues, typeOf, valuesEqual, type AttributeValue, type Item } from './attribute-values.ts';

export type Operand =
  | { kind: 'path'; parts: (string | number)[] }
  | { kind: 'value'; value: AttributeValue }
  | { kind: 'fn'; name: string; args: Operand[] }
  | { kind: 'arith'; op: '+' | '-'; left: Operand; right: Operand };

export type Condition =
  | { kind: 'cmp'; op: string; left: Operand; right: Operand }
  | { kind: 'between'; value: Operand; low: Operand; high: Operand }
  | { kind: 'in'; value: Operand; list: Operand[] }
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; cond: Condition }
  | { kind: 'call'; name: string; args: Operand[] };

export interface ExpressionContext {
  names?: Record<string, string>;
  values?: Record<string, AttributeValue>;
  /** Names and values used (DynamoDB rejects unused ones). */
  usedNames: Set<string>;
  usedValues: Set<string>;
}

const TOKEN = /\s*(#[A-Za-z0-9_]+|:[A-Za-z0-9_]+|[A-Za-z_][A-Za-z0-9_-]*|\d+|<>|<=|>=|[=<>(),.[\]+-])/y;

export function tokenize(text: string, what: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let i = 0;
  while (i < text.length) {
    if (/^\s*$/.test(text.slice(i))) break;
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(text);
    if (!m) throw validation(`Invalid ${what}: Syntax error; token: "${text.slice(i).trim().slice(0, 10)}", near: "${text.slice(Math.max(0, i - 5), i + 5).trim()}"`);
    out.push(m[1]!);
    i = TOKEN.lastIndex;
  }
  return out;
}

/** A token stream with the helpers the parsers need. */
export class Tokens {
  private i = 0;
  readonly toks: string[];
  readonly what: string;
  readonly ctx: ExpressionContext;
  constructor(text: string, what: string, ctx: ExpressionContext) {
    this.toks = tokenize(text, what);
    this.what = what;
    this.ctx = ctx;
  }
  peek(n = 0): string | undefined {
    return this.toks[this.i + n];
  }
  next(): string {
    const t = this.toks[this.i++];
    if (t === undefined) throw this.error('<EOF>');
    return t;
  }
  isKeyword(word: string, n = 0): boolean {
    return this.peek(n)?.toUpperCase() === word;
  }
  expect(tok: string): void {
    const t = this.next();
    if (t.toUpperCase() !== tok) throw this.error(t);
  }
  done(): boolean {
    return this.i >= this.toks.length;
  }
  error(token: string) {
    return validation(`Invalid ${this.what}: Syntax error; token: "${token}", near: "${this.toks.slice(Math.max(0, this.i - 2), this.i + 1).join(' ')}"`);
  }
  name(tok: string): string {
    if (!tok.startsWith('#')) return tok;
    const n = this.ctx.names?.[tok];
    if (n === undefined) throw validation(`Invalid ${this.what}: An expression attribute name used in the document path is not defined; attribute name: ${tok}`);
    this.ctx.usedNames.add(tok);
    return n;
  }
  value(tok: string): AttributeValue {
    const v = this.ctx.values?.[tok];
    if (v === undefined) throw validation(`Invalid ${this.what}: An expression attribute value used in expression is not defined; attribute value: ${tok}`);
    this.ctx.usedValues.add(tok);
    return v;
  }
}

const RESERVED_START = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'IN']);

export function parseOperand(t: Tokens): Operand {
  const left = parsePrimaryOperand(t);
  const op = t.peek();
  if (op === '+' || op === '-') {
    t.next();
    return { kind: 'arith', op, left, right: parsePrimaryOperand(t) };
  }
  return left;
}

function parsePrimaryOperand(t: Tokens): Operand {
  const tok = t.next();
  if (tok.startsWith(':')) return { kind: 'value', value: t.value(tok) };
  if (t.peek() === '(' && /^[A-Za-z_]/.test(tok)) {
    t.next();
    const args: Operand[] = [];
    if (t.peek() !== ')') {
      for (;;) {
        args.push(parseOperand(t));
        if (t.peek() === ',') t.next();
        else break;
      }
    }
    t.expect(')');
    return { kind: 'fn', name: tok.toLowerCase(), args };
  }
  if (tok.startsWith('#') || (/^[A-Za-z_]/.test(tok) && !RESERVED_START.has(tok.toUpperCase()))) {
    const parts: (string | number)[] = [t.name(tok)];
    for (;;) {
      if (t.peek() === '.') {
        t.next();
        parts.push(t.name(t.next()));
      } else if (t.peek() === '[') {
        t.next();
        const n = Number(t.next());
        if (!Number.isInteger(n)) throw t.error(String(n));
        t.expect(']');
        parts.push(n);
      } else break;
    }
    return { kind: 'path', parts };
  }
  throw t.error(tok);
}

const COMPARATORS = new Set(['=', '<>', '<', '<=', '>', '>=']);

export function parseCondition(t: Tokens): Condition {
  let left = parseAnd(t);
  while (t.isKeyword('OR')) {
    t.next();
    left = { kind: 'or', left, right: parseAnd(t) };
  }
  return left;
}

function parseAnd(t: Tokens): Condition {
  let left = parseNot(t);
  while (t.isKeyword('AND')) {
    t.next();
    left = { kind: 'and', left, right: parseNot(t) };
  }
  return left;
}

function parseNot(t: Tokens): Condition {
  if (t.isKeyword('NOT')) {
    t.next();
    return { kind: 'not', cond: parseNot(t) };
  }
  return parseComparison(t);
}

function parseComparison(t: Tokens): Condition {
  if (t.peek() === '(') {
    t.next();
    const c = parseCondition(t);
    t.expect(')');
    return c;
  }
  const left = parseOperand(t);
  const op = t.peek();
  if (op && COMPARATORS.has(op)) {
    t.next();
    return { kind: 'cmp', op, left, right: parseOperand(t) };
  }
  if (t.isKeyword('BETWEEN')) {
    t.next();
    const low = parseOperand(t);
    t.expect('AND');
    return { kind: 'between', value: left, low, high: parseOperand(t) };
  }
  if (t.isKeyword('IN')) {
    t.next();
    t.expect('(');
    const list: Operand[] = [parseOperand(t)];
    while (t.peek() === ',') {
      t.next();
      list.push(parseOperand(t));
    }
    t.expect(')');
    return { kind: 'in', value: left, list };
  }
  if (left.kind === 'fn') return { kind: 'call', name: left.name, args: left.args };
  throw t.error(op ?? '<EOF>');
}

/** Parse a whole condition expression. */
export function parseConditionExpression(text: string, what: string, ctx: ExpressionContext): Condition {
  const t = new Tokens(text, what, ctx);
  const c = parseCondition(t);
  if (!t.done()) throw t.error(t.next());
  return c;
}

/** The value at a document path, or undefined. */
export function resolvePath(item: Item, parts: (string | number)[]): AttributeValue | undefined {
  let cur: AttributeValue | undefined = item[parts[0] as string];
  for (const p of parts.slice(1)) {
    if (!cur) return undefined;
    cur = typeof p === 'number' ? cur.L?.[p] : cur.M?.[p];
  }
  return cur;
}

export function evalOperand(op: Operand, item: Item): AttributeValue | undefined {
  switch (op.kind) {
    case 'path':
      return resolvePath(item, op.parts);
    case 'value':
      return op.value;
    case 'arith': {
      const a = evalOperand(op.left, item);
      const b = evalOperand(op.right, item);
      if (a?.N === undefined || b?.N === undefined) throw validation('An operand in the update expression has an incorrect data type');
      return { N: String(op.op === '+' ? Number(a.N) + Number(b.N) : Number(a.N) - Number(b.N)) };
    }
    case 'fn':
      return evalFunctionValue(op, item);
  }
}

function evalFunctionValue(op: Extract<Operand, { kind: 'fn' }>, item: Item): AttributeValue | undefined {
  const [a, b] = op.args;
  if (op.name === 'size') {
    const v = a && evalOperand(a, item);
    if (!v) return undefined;
    const t = typeOf(v);
    const n = t === 'S' ? Buffer.byteLength(v.S!) : t === 'B' ? Buffer.from(v.B!, 'base64').length : t === 'L' ? v.L!.length : t === 'M' ? Object.keys(v.M!).length : (v.SS ?? v.NS ?? v.BS)?.length;
    return n === undefined ? undefined : { N: String(n) };
  }
  if (op.name === 'if_not_exists') return (a && evalOperand(a, item)) ?? (b && evalOperand(b, item));
  if (op.name === 'list_append') {
    const x = a && evalOperand(a, item);
    const y = b && evalOperand(b, item);
    if (!x?.L || !y?.L) throw validation('Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: M');
    return { L: [...x.L, ...y.L] };
  }
  throw validation(`Invalid expression: Invalid function name; function: ${op.name}`);
}

const TYPE_NAMES = new Set(['S', 'SS', 'N', 'NS', 'B', 'BS', 'BOOL', 'NULL', 'L', 'M']);

/** Evaluate a condition against an item (undefined attributes make comparisons false). */
export function evalCondition(c: Condition, item: Item): boolean {
  switch (c.kind) {
    case 'and':
      return evalCondition(c.left, item) && evalCondition(c.right, item);
    case 'or':
      return evalCondition(c.left, item) || evalCondition(c.right, item);
    case 'not':
      return !evalCondition(c.cond, item);
    case 'cmp': {
      const a = evalOperand(c.left, item);
      const b = evalOperand(c.right, item);
      if (!a || !b) return c.op === '<>' && (a !== undefined || b !== undefined);
      if (c.op === '=') return valuesEqual(a, b);
      if (c.op === '<>') return !valuesEqual(a, b);
      const cmp = compareValues(a, b);
      if (cmp === undefined) return false;
      return c.op === '<' ? cmp < 0 : c.op === '<=' ? cmp <= 0 : c.op === '>' ? cmp > 0 : cmp >= 0;
    }
    case 'between': {
      const v = evalOperand(c.value, item);
      const lo = evalOperand(c.low, item);
      const hi = evalOperand(c.high, item);
      if (!v || !lo || !hi) return false;
      const a = compareValues(v, lo);
      const b = compareValues(v, hi);
      return a !== undefined && b !== undefined && a >= 0 && b <= 0;
    }
    case 'in': {
      const v = evalOperand(c.value, item);
      return !!v && c.list.some((o) => valuesEqual(v, evalOperand(o, item)));
    }
    case 'call':
      return evalCall(c, item);
  }
}

function evalCall(c: Extract<Condition, { kind: 'call' }>, item: Item): boolean {
  const [a, b] = c.args;
  const path = a?.kind === 'path' ? a : undefined;
  switch (c.name) {
    case 'attribute_exists':
    case 'attribute_not_exists': {
      if (!path) throw validation(`Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: ${c.name}`);
      const exists = resolvePath(item, path.parts) !== undefined;
      return c.name === 'attribute_exists' ? exists : !exists;
    }
    case 'attribute_type': {
      const v = a && evalOperand(a, item);
      const t = b && evalOperand(b, item);
      if (!t?.S || !TYPE_NAMES.has(t.S)) throw validation(`Invalid ConditionExpression: Invalid attribute type name found; type: ${t?.S ?? ''}, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}`);
      return !!v && typeOf(v) === t.S;
    }
    case 'begins_with': {
      const v = a && evalOperand(a, item);
      const p = b && evalOperand(b, item);
      if (v?.S !== undefined && p?.S !== undefined) return v.S.startsWith(p.S);
      if (v?.B !== undefined && p?.B !== undefined) return Buffer.from(v.B, 'base64').subarray(0, Buffer.from(p.B, 'base64').length).equals(Buffer.from(p.B, 'base64'));
      return false;
    }
    case 'contains': {
      const v = a && evalOperand(a, item);
      const x = b && evalOperand(b, item);
      if (!v || !x) return false;
      if (v.S !== undefined && x.S !== undefined) return v.S.includes(x.S);
      if (v.SS && x.S !== undefined) return v.SS.includes(x.S);
      if (v.NS && x.N !== undefined) return v.NS.some((n) => Number(n) === Number(x.N));
      if (v.BS && x.B !== undefined) return v.BS.includes(x.B);
      if (v.L) return v.L.some((e) => valuesEqual(e, x));
      return false;
    }
    default:
      throw validation(`Invalid ConditionExpression: Invalid function name; function: ${c.name}`);
  }
}
