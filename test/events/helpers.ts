/** Shared helpers for the event template tests. */
import { buildEvent } from '../../sandbox/events/templates.ts';

/** Build an event or fail the test with the message. */
export function built<T = Record<string, unknown>>(
  name: string,
  params: Record<string, string> = {},
  options: Parameters<typeof buildEvent>[2] = {},
): T {
  const r = buildEvent(name, params, options);
  if (!r.ok) throw new Error(`${name}: ${r.message}`);
  return r.event as T;
}

/** Every string anywhere inside a value. */
export function allStrings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(allStrings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(allStrings);
  return [];
}

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const ISO_S = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
/** arn:aws:<service>:<region or empty>:<account or empty>:<resource> */
export const ARN = /^arn:aws:[a-z0-9-]+:(us-east-1)?:(123456789012)?:[^\s]+$/;
export const DEFAULT_NOW = Date.UTC(2026, 3, 9, 12, 34, 56, 789);
