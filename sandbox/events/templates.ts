/**
 * Event templates: the events AWS services send to Lambda, with realistic ids, ARNs and time
 * formats, built from parameters. One file per template under ./templates/; every event is
 * deterministic (a seeded generator and a fixed clock, both replaceable through BuildEventOptions).
 */
import type { EventTemplate, EventTemplateSummary } from '../../electron/api/types.ts';
import { DEFAULT_EVENT_SEED, DEFAULT_EVENT_TIME_MS, EventGen } from './event-gen.ts';
import { closestName, defaultText, parseParameters } from './parameter-values.ts';
import {
  EventParameterError,
  type EventLanguage,
  type EventParameter,
  type EventTemplateDefinition,
  type InvocationType,
  type Localized,
} from './template-types.ts';
import { alb } from './templates/alb.ts';
import { apigatewayHttp } from './templates/apigateway-http.ts';
import { apigatewayRest } from './templates/apigateway-rest.ts';
import { cloudfrontViewerRequest } from './templates/cloudfront-viewer-request.ts';
import { cloudwatchLogs } from './templates/cloudwatch-logs.ts';
import { cognitoPreSignup } from './templates/cognito-pre-signup.ts';
import { dynamodbInsert } from './templates/dynamodb-insert.ts';
import { dynamodbModify } from './templates/dynamodb-modify.ts';
import { dynamodbRemove } from './templates/dynamodb-remove.ts';
import { eventbridgeCustom } from './templates/eventbridge-custom.ts';
import { eventbridgeScheduled } from './templates/eventbridge-scheduled.ts';
import { functionUrl } from './templates/function-url.ts';
import { helloWorld } from './templates/hello-world.ts';
import { kinesis } from './templates/kinesis.ts';
import { s3Delete } from './templates/s3-delete.ts';
import { s3Put } from './templates/s3-put.ts';
import { sns } from './templates/sns.ts';
import { sqs } from './templates/sqs.ts';

export type { EventTemplate, EventTemplateSummary };
export type { EventLanguage, EventParameter, InvocationType, Localized };

/** Every template, in the order pickers show them. */
export const EVENT_TEMPLATES: readonly EventTemplateDefinition[] = [
  helloWorld,
  apigatewayRest,
  apigatewayHttp,
  functionUrl,
  alb,
  s3Put,
  s3Delete,
  sqs,
  sns,
  eventbridgeScheduled,
  eventbridgeCustom,
  dynamodbInsert,
  dynamodbModify,
  dynamodbRemove,
  kinesis,
  cloudwatchLogs,
  cognitoPreSignup,
  cloudfrontViewerRequest,
];

/** A parameter as a form or the CLI shows it: its definition plus the default as text. */
export type EventParameterInfo = EventParameter & { defaultText: string };

/** A template's plain-data description (no functions): for a UI form and `coldstart events`. */
export interface EventTemplateInfo {
  name: string;
  title: Localized;
  invocation: InvocationType;
  /** The @types/aws-lambda type the event satisfies; null when there is none (hello-world). */
  awsType: string | null;
  /** The AWS page the event's shape follows. */
  source: string;
  parameters: EventParameterInfo[];
}

/** Where ids and times come from. */
export interface BuildEventOptions {
  /** Seed of the id generator (default 'coldstart'); each template mixes in its own name. */
  seed?: string | number;
  /** The event's time: ms since the epoch, an ISO string or a Date (default 2026-04-09T12:34:56.789Z). */
  now?: number | string | Date;
}

/** The event as pretty-printed JSON (2 spaces) and as a value, or why it could not be built. */
export type BuildEventResult = { ok: true; json: string; event: unknown } | { ok: false; message: string };

function find(name: string): EventTemplateDefinition | undefined {
  return EVENT_TEMPLATES.find((t) => t.name === name);
}

/** Every template's name, title (in `language`, default English) and invocation type. */
export function listEventTemplates(language: EventLanguage = 'en'): EventTemplateSummary[] {
  return EVENT_TEMPLATES.map((t) => ({ name: t.name, title: t.title[language], invocation: t.invocation }));
}

/** One template's default event as pretty-printed JSON; undefined for unknown names. */
export function getEventTemplate(name: string, language: EventLanguage = 'en'): EventTemplate | undefined {
  const t = find(name);
  if (!t) return undefined;
  const built = buildEvent(name);
  if (!built.ok) throw new Error(`event template ${name} cannot build its defaults: ${built.message}`);
  return { name: t.name, title: t.title[language], invocation: t.invocation, json: built.json };
}

/** A template's parameters (with defaults) and metadata; undefined for unknown names. */
export function getEventTemplateDefinition(name: string): EventTemplateInfo | undefined {
  const t = find(name);
  if (!t) return undefined;
  return {
    name: t.name,
    title: { ...t.title },
    invocation: t.invocation,
    awsType: t.awsType,
    source: t.source,
    parameters: t.parameters.map((p) => ({ ...structuredClone(p), defaultText: defaultText(p) }) as EventParameterInfo),
  };
}

function clockOf(now: BuildEventOptions['now']): number | string {
  if (now === undefined) return DEFAULT_EVENT_TIME_MS;
  const ms = now instanceof Date ? now.getTime() : typeof now === 'string' ? Date.parse(now) : now;
  return Number.isFinite(ms)
    ? ms
    : `option 'now' expects a time (ms since the epoch or an ISO 8601 string), got ${JSON.stringify(String(now))}`;
}

/**
 * Build a template's event from parameter values given as text (`--set key=value`, form fields);
 * missing parameters take their defaults. Never throws for bad input: unknown templates, unknown
 * parameter names and invalid values come back as `{ ok: false, message }`.
 */
export function buildEvent(
  name: string,
  params: Readonly<Record<string, string>> = {},
  options: BuildEventOptions = {},
): BuildEventResult {
  const t = find(name);
  if (!t) {
    const names = EVENT_TEMPLATES.map((x) => x.name);
    const guess = closestName(name, names);
    return {
      ok: false,
      message: `unknown event template '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}; templates: ${names.join(', ')}`,
    };
  }
  const parsed = parseParameters(t.name, t.parameters, params);
  if (!parsed.ok) return parsed;
  const clock = clockOf(options.now);
  if (typeof clock === 'string') return { ok: false, message: clock };
  const gen = new EventGen(`${options.seed ?? DEFAULT_EVENT_SEED}/${t.name}`, clock);
  try {
    // The values were checked against the template's own parameter list just above.
    const event: unknown = t.build(parsed.values as never, gen);
    return { ok: true, json: JSON.stringify(event, null, 2), event };
  } catch (err) {
    if (err instanceof EventParameterError) return { ok: false, message: `${t.name}: ${err.message}` };
    throw err;
  }
}
