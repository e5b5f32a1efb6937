/**
 * Error stacks as V8 makes them: "Name: message" then the frames, and Error.captureStackTrace for
 * the everyday custom-error pattern (QuickJS has neither; see stacks-source.ts).
 */
import { describe, expect, it } from 'vitest';
import { consoleLines, evaluate as evaluateIn, run, sharedHost, success } from './helpers.ts';

const host = sharedHost();

const evaluate = (body: string, prelude = ''): Promise<unknown> => evaluateIn(host, body, prelude);

describe('error stacks', () => {
  it('start with "Name: message" and then the caller\'s frames, as in Node', async () => {
    const stack = (await evaluate("return new Error('boom').stack;")) as string;
    const lines = stack.split('\n');
    expect(lines[0]).toBe('Error: boom');
    expect(lines[1]).toMatch(/^ {4}at handler \(file:\/\/\/var\/task\/index\.mjs:3:\d+\)$/);
    expect(stack).not.toContain('stacks.js');
    expect(stack).not.toContain('(native)');
  });

  it('let the everyday custom error class work: Error.captureStackTrace(this, Class)', async () => {
    const prelude = `class ValidationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ValidationError';
    Error.captureStackTrace(this, ValidationError);
  }
}
const check = (v) => { if (!v) throw new ValidationError('bad input'); };`;
    const result = (await evaluate("try { check(0); } catch (e) { return { isIt: e instanceof ValidationError, isError: e instanceof Error, stack: e.stack.split('\\n').slice(0, 2) }; }", prelude)) as { isIt: boolean; isError: boolean; stack: string[] };
    expect(result.isIt).toBe(true);
    expect(result.isError).toBe(true);
    // The constructor's own frame is left out, as V8 does for the function passed.
    expect(result.stack[0]).toBe('ValidationError: bad input');
    expect(result.stack[1]).toMatch(/^ {4}at check \(file:\/\/\/var\/task\/index\.mjs:8:\d+\)$/);
  });

  it('format the first line when the stack is first read, so a name set in a subclass shows', async () => {
    const prelude = "class NotFound extends Error { constructor(m) { super(m); this.name = 'NotFound'; } }";
    expect(await evaluate("return new NotFound('no such order').stack.split('\\n')[0];", prelude)).toBe('NotFound: no such order');
  });

  it('keep constructors, prototypes and instanceof as they are, for errors made by code and by the engine', async () => {
    const result = await evaluate(`let engine;
try { null.x; } catch (e) { engine = e; }
const called = Error('no new');
return [
  engine instanceof TypeError, engine instanceof Error, new TypeError('t') instanceof TypeError,
  new RangeError('r') instanceof Error, called instanceof Error, called.stack.split('\\n')[0],
  new Error('x').constructor === Error, Object.prototype.toString.call(new Error('x')),
  JSON.stringify(new Error('x')), Object.keys(new Error('x')).length, new AggregateError([new Error('a')], 'all').errors.length,
];`);
    expect(result).toEqual([true, true, true, true, true, 'Error: no new', true, '[object Error]', '{}', 0, 1]);
  });

  it('capture a stack on any object, honour Error.stackTraceLimit and let the stack be replaced', async () => {
    const result = await evaluate(`const o = {};
Error.captureStackTrace(o);
Error.stackTraceLimit = 0;
const bare = new Error('bare').stack;
Error.stackTraceLimit = 10;
const e = new Error('m');
e.stack = 'custom';
return [o.stack.split('\\n')[0], /^ {4}at handler /.test(o.stack.split('\\n')[1]), bare, e.stack];`);
    expect(result).toEqual(['Error', true, 'Error: bare', 'custom']);
  });

  it('leave console.trace and logged errors with one first line each', async () => {
    const r = success(await run(host, "export const handler = async () => { console.trace('here'); console.log(new Error('logged')); return 1; };"));
    const [trace, logged] = consoleLines(r);
    expect(trace).toMatch(/^TRACE\tTrace: here\n {4}at handler \(file:\/\/\/var\/task\/index\.mjs:1:\d+\)/);
    expect(logged).toMatch(/^INFO\tError: logged\n {4}at handler /);
    expect(logged!.split('\n').filter((l) => l.includes('Error: logged'))).toHaveLength(1);
  });
});
