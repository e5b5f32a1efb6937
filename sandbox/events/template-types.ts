/**
 * The shape of an event template: its name, bilingual title, how AWS invokes a function for that
 * source, the @types/aws-lambda type its event satisfies, typed parameters with defaults, and a
 * pure `build(params, gen)` that turns parameter values into the event.
 */
import type { EventGen } from './event-gen.ts';

/** Text in both UI languages. */
export interface Localized {
  en: string;
  ko: string;
}

/** UI language of titles and labels. */
export type EventLanguage = keyof Localized;

/** How AWS invokes a function for a source (FACTS.md, lambda-invocation.html). */
export type InvocationType = 'sync' | 'async' | 'polled';

interface ParameterBase<N extends string = string> {
  name: N;
  label: Localized;
  description: Localized;
}

/** Free text; `pattern` (a RegExp source, whole value) with `patternHint` says what is allowed. */
export interface StringParameter<N extends string = string> extends ParameterBase<N> {
  kind: 'string';
  default: string;
  pattern?: string;
  /** English words completing "expects ...", e.g. "a bucket name (3-63 lowercase letters, digits, '.', '-')". */
  patternHint?: string;
}

/** A number; `integer` rejects fractions, `min`/`max` are inclusive. */
export interface NumberParameter<N extends string = string> extends ParameterBase<N> {
  kind: 'number';
  default: number;
  integer?: boolean;
  min?: number;
  max?: number;
}

/** true/false (also accepts yes/no, 1/0, on/off). */
export interface BooleanParameter<N extends string = string> extends ParameterBase<N> {
  kind: 'boolean';
  default: boolean;
}

/**
 * What a JSON parameter must hold: any value, an object, an object of strings (headers, attributes),
 * an array, or an array of strings.
 */
export type JsonShape = 'any' | 'object' | 'string-map' | 'array' | 'string-array';

/** A JSON value of the given shape; arrays hold `minItems` (default 1) to `maxItems` (default 100) items. */
export interface JsonParameter<N extends string = string> extends ParameterBase<N> {
  kind: 'json';
  default: unknown;
  shape: JsonShape;
  minItems?: number;
  maxItems?: number;
}

/** One of a fixed list of strings. */
export interface EnumParameter<N extends string = string, O extends string = string> extends ParameterBase<N> {
  kind: 'enum';
  options: readonly O[];
  default: O;
}

/** Any template parameter. */
export type EventParameter = StringParameter | NumberParameter | BooleanParameter | JsonParameter | EnumParameter;

/** The parameter kinds, for forms and messages. */
export type EventParameterKind = EventParameter['kind'];

type ValueOf<P> = P extends { kind: 'number' }
  ? number
  : P extends { kind: 'boolean' }
    ? boolean
    : P extends { kind: 'enum'; options: readonly (infer O)[] }
      ? O
      : P extends { kind: 'json' }
        ? unknown
        : string;

/** Parsed parameter values keyed by name, typed by kind. */
export type ParamValues<Ps extends readonly EventParameter[]> = { [P in Ps[number] as P['name']]: ValueOf<P> };

/** A template as its module defines it. */
export interface EventTemplateDefinition<
  Ps extends readonly EventParameter[] = readonly EventParameter[],
  E = unknown,
> {
  name: string;
  title: Localized;
  invocation: InvocationType;
  /**
   * The @types/aws-lambda type the event satisfies (a type expression over the module's exports,
   * e.g. `S3Event` or `EventBridgeEvent<string, unknown>`); null when AWS has none (hello-world).
   */
  awsType: string | null;
  /**
   * When the real event is looser than the @types type (S3 delete events carry no size or eTag),
   * the type the tests check instead, written over `L` = `import type * as L from 'aws-lambda'`.
   */
  awsTypeCheck?: string;
  /** The AWS page the event's shape follows. */
  source: string;
  parameters: Ps;
  /** Pure: the same values and generator state give the same event. May throw EventParameterError. */
  build(params: ParamValues<Ps>, gen: EventGen): E;
}

/** Declare a template with its parameter names and kinds inferred for `build`. */
export function defineEventTemplate<const Ps extends readonly EventParameter[], E>(
  definition: EventTemplateDefinition<Ps, E>,
): EventTemplateDefinition<Ps, E> {
  return definition;
}

/** A problem with a parameter value that only `build` can see (e.g. two values that disagree). */
export class EventParameterError extends Error {
  override readonly name = 'EventParameterError';
}
