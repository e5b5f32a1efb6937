import { format } from 'node:util';
import { describe, expect, it } from 'vitest';
import { consoleLines, run, sharedHost, success } from './helpers.ts';

const host = sharedHost();

/** Values a learner typically logs; each must print exactly as Node's console.log prints it. */
const EXPRESSIONS = [
  `'plain string'`,
  `42`,
  `-0`,
  `10n`,
  `null`,
  `undefined`,
  `true`,
  `{ a: 1, b: 'two', c: [1, 2, 3] }`,
  `{ nested: { deeper: { deepest: { tooDeep: 1 } } } }`,
  `[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]`,
  `Array.from({ length: 30 }, (_, i) => i * 3)`,
  `['apple', 'banana', 'cherry', 'dates', 'elderberry', 'fig', 'grape']`,
  `{ 'needs-quotes': 1, valid_id: 2, "it's": "it's" }`,
  `{ statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ message: 'hello world', items: [1, 2, 3] }) }`,
  `{ Records: [{ eventSource: 'aws:s3', s3: { bucket: { name: 'b' }, object: { key: 'k', size: 1024 } } }] }`,
  `new Map([['a', 1], ['b', { c: 2 }]])`,
  `new Set([1, 'two', [3]])`,
  `[]`,
  `{}`,
  `[undefined, null, NaN, Infinity]`,
  `{ longText: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt' }`,
  `(() => { const o = { name: 'loop' }; o.self = o; return o; })()`,
  `new Date(0)`,
  `/ab+c/gi`,
  `[[1, [2, [3, [4]]]]]`,
  `Object.create(null)`,
  `{ fn: function named() {}, arrow: () => 1 }`,
  `new (class User { constructor() { this.id = 7; } })()`,
  `Array(3)`,
  `{ a: 'multi\\nline' }`,
  `new Uint8Array([1, 2, 3])`,
];

describe('console output formatting', () => {
  it('prints values exactly like Node util.inspect', async () => {
    const code = `export const handler = async () => {\n${EXPRESSIONS.map((e) => `  console.log(${e});`).join('\n')}\n};`;
    const r = success(await run(host, code));
    const lines = consoleLines(r).map((l) => l.replace(/^INFO\t/, ''));
    const expected = EXPRESSIONS.map((e) => format(new Function(`return (${e});`)() as unknown));
    for (let i = 0; i < EXPRESSIONS.length; i++) expect(lines[i], EXPRESSIONS[i]).toBe(expected[i]);
  });

  it('prints errors with name, message and stack', async () => {
    const r = success(await run(host, 'export const handler = async () => { console.error(new Error("boom")); };'));
    expect(consoleLines(r)[0]).toMatch(/^ERROR\tError: boom\n\s+at /);
  });
});
