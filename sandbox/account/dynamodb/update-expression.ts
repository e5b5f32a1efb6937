/**
 * UpdateExpression: SET (with `+`/`-`, if_not_exists, list_append), REMOVE, ADD (numbers and sets)
 * and DELETE (from sets), applied to a copy of the item
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html).
 */
import { validation } from '../errors.ts';
import { typeOf, valuesEqual, type AttributeValue, type Item } from './attribute-values.ts';
import { evalOperand, parseOperand, Tokens, type ExpressionContext, type Operand } from './expressions.ts';

type Path = (string | number)[];

interface Action {
  clause: 'SET' | 'REMOVE' | 'ADD' | 'DELETE';
  path: Path;
  operand?: Operand;
}

const CLAUSES = new Set(['SET', 'REMOVE', 'ADD', 'DELETE']);

function parsePath(t: Tokens): Path {
  const op = parseOperand(t);
  if (op.kind !== 'path') throw t.error('value');
  return op.parts;
}

/** Parse an UpdateExpression into its actions. */
export function parseUpdate(text: string, ctx: ExpressionContext): Action[] {
  const t = new Tokens(text, 'UpdateExpression', ctx);
  const actions: Action[] = [];
  const seen = new Set<string>();
  while (!t.done()) {
    const clause = t.next().toUpperCase();
    if (!CLAUSES.has(clause)) throw t.error(clause);
    if (seen.has(clause)) throw validation(`Invalid UpdateExpression: The "${clause}" section can only be used once in an update expression;`);
    seen.add(clause);
    for (;;) {
      const path = parsePath(t);
      if (clause === 'SET') {
        t.expect('=');
        actions.push({ clause, path, operand: parseOperand(t) });
      } else if (clause === 'REMOVE') actions.push({ clause, path });
      else actions.push({ clause: clause as 'ADD' | 'DELETE', path, operand: parseOperand(t) });
      if (t.peek() === ',') t.next();
      else break;
    }
  }
  const paths = actions.map((a) => a.path.join('.'));
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      const [a, b] = [paths[i]!, paths[j]!];
      if (a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`)) throw validation(`Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [${a}], path two: [${b}]`);
    }
  }
  return actions;
}

function container(item: Item, path: Path, create: boolean): { parent: Record<string, AttributeValue> | AttributeValue[]; last: string | number } | undefined {
  if (path.length === 1) return { parent: item, last: path[0]! };
  let cur: AttributeValue | undefined = item[path[0] as string];
  for (let i = 1; i < path.length - 1; i++) {
    const p = path[i]!;
    cur = typeof p === 'number' ? cur?.L?.[p] : cur?.M?.[p];
  }
  const last = path[path.length - 1]!;
  if (typeof last === 'number' && cur?.L) return { parent: cur.L, last };
  if (typeof last === 'string' && cur?.M) return { parent: cur.M, last };
  if (create) throw validation('The document path provided in the update expression is invalid for update');
  return undefined;
}

function setAt(item: Item, path: Path, value: AttributeValue): void {
  const c = container(item, path, true)!;
  if (Array.isArray(c.parent)) {
    const i = c.last as number;
    if (i >= c.parent.length) c.parent.push(value);
    else c.parent[i] = value;
  } else c.parent[c.last as string] = value;
}

function removeAt(item: Item, path: Path): void {
  const c = container(item, path, false);
  if (!c) return;
  if (Array.isArray(c.parent)) c.parent.splice(c.last as number, 1);
  else delete c.parent[c.last as string];
}

function getAt(item: Item, path: Path): AttributeValue | undefined {
  return evalOperand({ kind: 'path', parts: path }, item);
}

/** Apply the actions to a deep copy of `item`; returns the new item. */
export function applyUpdate(item: Item, actions: Action[]): Item {
  const out = structuredClone(item);
  // Operands are evaluated against the item as it was before the update.
  const values = actions.map((a) => (a.operand ? evalOperand(a.operand, item) : undefined));
  actions.forEach((a, i) => {
    const v = values[i];
    if (a.clause === 'REMOVE') return removeAt(out, a.path);
    if (!v) throw validation('The provided expression refers to an attribute that does not exist in the item');
    if (a.clause === 'SET') return setAt(out, a.path, v);
    const cur = getAt(out, a.path);
    const t = typeOf(v);
    if (a.clause === 'ADD') {
      if (t === 'N') return setAt(out, a.path, { N: String(Number(cur?.N ?? 0) + Number(v.N)) });
      if (t === 'SS' || t === 'NS' || t === 'BS') {
        if (cur && typeOf(cur) !== t) throw validation('An operand in the update expression has an incorrect data type');
        const merged = [...(cur?.[t] ?? [])];
        for (const x of v[t]!) if (!merged.some((m) => valuesEqual({ [t.slice(0, 1)]: m }, { [t.slice(0, 1)]: x }))) merged.push(x);
        return setAt(out, a.path, { [t]: merged });
      }
      throw validation('Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: ' + t);
    }
    // DELETE: remove elements from a set; an empty set removes the attribute.
    if (t !== 'SS' && t !== 'NS' && t !== 'BS') throw validation('Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: ' + t);
    if (!cur) return;
    const left = (cur[t] ?? []).filter((m) => !v[t]!.some((x) => valuesEqual({ [t.slice(0, 1)]: m }, { [t.slice(0, 1)]: x })));
    if (left.length) setAt(out, a.path, { [t]: left });
    else removeAt(out, a.path);
  });
  return out;
}

/** Top-level attribute names an update touches (for UPDATED_OLD / UPDATED_NEW). */
export function touchedAttributes(actions: Action[]): string[] {
  return [...new Set(actions.map((a) => String(a.path[0])))];
}
