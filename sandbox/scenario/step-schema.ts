/**
 * Scenario steps: an object with one key naming the action (`{ put: { bucket, key } }`), or the same
 * as a line of text (`put object uploads/photos/cat.jpg`, `request GET /items`, `advance 5 minutes`).
 * Text is turned into the object form first, so both are checked by the same schemas.
 */
import { z } from 'zod';

const json = z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]);

const expectSchema = z
  .object({
    /** Invocations of a function so far: how many, how many failed. */
    invocations: z
      .object({
        function: z.string().optional(),
        count: z.number().int().min(0).optional(),
        failed: z.number().int().min(0).optional(),
        succeeded: z.number().int().min(0).optional(),
      })
      .strict()
      .optional(),
    /** An object exists (or, with exists: false, does not). */
    object: z.object({ bucket: z.string(), key: z.string(), exists: z.boolean().optional() }).strict().optional(),
    /** Messages in a queue (visible, in flight and delayed together). */
    queue: z
      .object({ name: z.string(), messages: z.number().int().min(0) })
      .strict()
      .optional(),
    /** The last API response's status code. */
    response: z.object({ status: z.number().int() }).strict().optional(),
    /** Number of invocations Lambda refused: recursion stops, throttles. */
    refused: z
      .object({ reason: z.enum(['recursion', 'throttle', 'event-age']), count: z.number().int().min(0).optional() })
      .strict()
      .optional(),
    /** An error type that some invocation returned (e.g. AccessDeniedException). */
    error: z.string().optional(),
  })
  .strict();

/** Each action and the schema of its argument. */
export const STEP_ACTIONS = {
  put: z
    .object({
      bucket: z.string(),
      key: z.string().min(1),
      body: z.string().optional(),
      contentType: z.string().optional(),
    })
    .strict(),
  delete: z.object({ bucket: z.string(), key: z.string().min(1) }).strict(),
  request: z
    .object({
      method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']).optional(),
      path: z.string().startsWith('/', 'a request path starts with /'),
      query: z.string().optional(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.string().optional(),
    })
    .strict(),
  invoke: z
    .object({
      function: z.string(),
      /** A template name (`coldstart events`) or the event itself. */
      event: json.optional(),
      /** Template parameters (as `--set` takes them). */
      params: z.record(z.string(), z.string()).optional(),
      /** RequestResponse (sync, default) or Event (async). */
      type: z.enum(['sync', 'async']).optional(),
    })
    .strict(),
  send: z.object({ queue: z.string(), body: json }).strict(),
  publish: z.object({ topic: z.string(), message: json, subject: z.string().optional() }).strict(),
  putItem: z.object({ table: z.string(), item: z.record(z.string(), z.unknown()) }).strict(),
  deleteItem: z.object({ table: z.string(), key: z.record(z.string(), z.unknown()) }).strict(),
  putEvent: z
    .object({ source: z.string(), detailType: z.string(), detail: z.record(z.string(), z.unknown()).optional() })
    .strict(),
  putRecord: z.object({ stream: z.string(), data: json, partitionKey: z.string().optional() }).strict(),
  /** Let virtual time pass: '5 minutes', '90 s', or ms as a number. */
  advance: z.union([z.number().int().min(0), z.string()]),
  expect: expectSchema,
  note: z.string(),
} as const;

export type StepAction = keyof typeof STEP_ACTIONS;
export type Step = {
  [K in StepAction]: { action: K; args: z.infer<(typeof STEP_ACTIONS)[K]>; text: string };
}[StepAction];

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  sec: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
};

/** `5 minutes` -> 300000; undefined when it is not a duration. */
export function parseDuration(text: string | number): number | undefined {
  if (typeof text === 'number') return text;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  return m && unit ? Math.round(Number(m[1]) * unit) : undefined;
}

/** Turn a line of text into the object form; a string explains what was not understood. */
export function parseStepText(text: string): Record<string, unknown> | string {
  const words = text.trim().split(/\s+/);
  const rest = (n: number): string | undefined => (words.length > n ? words.slice(n).join(' ') : undefined);
  const [a, b, c] = words.map((w) => w.toLowerCase());
  const bucketKey = (path: string | undefined): { bucket: string; key: string } | undefined => {
    const i = path?.indexOf('/') ?? -1;
    return path && i > 0 && i < path.length - 1 ? { bucket: path.slice(0, i), key: path.slice(i + 1) } : undefined;
  };
  if ((a === 'put' || a === 'upload') && b === 'object') {
    const bk = bucketKey(words[2]);
    if (!bk) return "write 'put object <bucket>/<key> [body]', e.g. 'put object uploads/photos/cat.jpg'";
    return { put: { ...bk, ...(rest(3) !== undefined ? { body: rest(3) } : {}) } };
  }
  if (a === 'delete' && b === 'object') {
    const bk = bucketKey(words[2]);
    return bk ? { delete: bk } : "write 'delete object <bucket>/<key>'";
  }
  const requestAt = a === 'request' ? 1 : a === 'send' && b === 'api' && c === 'request' ? 3 : -1;
  if (requestAt > 0) {
    const method = words[requestAt]?.toUpperCase();
    const target = words[requestAt + 1];
    if (!method || !target) return "write 'request <METHOD> <path> [body]', e.g. 'request GET /items'";
    const [path, query] = target.split('?', 2) as [string, string | undefined];
    return {
      request: {
        method,
        path,
        ...(query ? { query } : {}),
        ...(rest(requestAt + 2) !== undefined ? { body: rest(requestAt + 2) } : {}),
      },
    };
  }
  if (a === 'advance' || a === 'wait') return { advance: rest(1) ?? '' };
  if (a === 'invoke') {
    const async = b === 'async';
    const fn = words[async ? 2 : 1];
    if (!fn) return "write 'invoke [async] <function> [event template]'";
    const event = words[async ? 3 : 2];
    return { invoke: { function: fn, ...(event ? { event } : {}), ...(async ? { type: 'async' } : {}) } };
  }
  if (a === 'send' && b === 'message') {
    if (!words[2] || rest(3) === undefined) return "write 'send message <queue> <body>'";
    return { send: { queue: words[2], body: rest(3) } };
  }
  if (a === 'publish') {
    if (!words[1] || rest(2) === undefined) return "write 'publish <topic> <message>'";
    return { publish: { topic: words[1], message: rest(2) } };
  }
  if (a === 'note') return { note: rest(1) ?? '' };
  return `'${text}' is not a step; steps are put object, delete object, request, advance, invoke, send message, publish, note (or the object forms in sandbox/scenario/README.md)`;
}

/** One step: text or `{ <action>: <argument> }`. */
export const stepSchema = z.unknown().transform((raw, ctx): Step => {
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  const value = typeof raw === 'string' ? parseStepText(raw) : raw;
  if (typeof value === 'string') {
    ctx.addIssue({ code: 'custom', message: value });
    return z.NEVER;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message: `a step is a line of text or an object with one key, one of: ${Object.keys(STEP_ACTIONS).join(', ')}`,
    });
    return z.NEVER;
  }
  const [action, args] = Object.entries(value)[0]! as [string, unknown];
  const schema = (STEP_ACTIONS as Record<string, z.ZodType>)[action];
  if (!schema) {
    ctx.addIssue({
      code: 'custom',
      message: `unknown step '${action}'; steps: ${Object.keys(STEP_ACTIONS).join(', ')}`,
    });
    return z.NEVER;
  }
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', message: issue.message, path: [action, ...issue.path] as (string | number)[] });
    return z.NEVER;
  }
  if (action === 'advance' && parseDuration(parsed.data as string | number) === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: "advance takes a duration such as '5 minutes', '90 s' or '2 hours'",
      path: ['advance'],
    });
    return z.NEVER;
  }
  return { action, args: parsed.data, text } as Step;
});
