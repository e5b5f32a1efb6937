/**
 * AwsServiceError: what the simulated services throw, shaped like the SDK v3's ServiceException
 * (name, message, $fault, $metadata.httpStatusCode) so handlers can test `err.name` as they would
 * against AWS (https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/handling-exceptions.html).
 */
import { randomUUID } from 'node:crypto';
import type { AwsServiceErrorShape } from './account-types.ts';

export class AwsServiceError extends Error implements AwsServiceErrorShape {
  readonly $fault: 'client' | 'server';
  readonly $metadata: { httpStatusCode: number; requestId: string; attempts: number; totalRetryDelay: number };

  constructor(name: string, message: string, httpStatusCode = 400) {
    super(message);
    this.name = name;
    this.$fault = httpStatusCode >= 500 ? 'server' : 'client';
    this.$metadata = { httpStatusCode, requestId: randomUUID(), attempts: 1, totalRetryDelay: 0 };
  }

  /** Plain data (what crosses into the sandbox). */
  toShape(): AwsServiceErrorShape {
    return { name: this.name, message: this.message, $fault: this.$fault, $metadata: { ...this.$metadata } };
  }
}

/** Shorthand for `new AwsServiceError(...)`. */
export function awsError(name: string, message: string, httpStatusCode = 400): AwsServiceError {
  return new AwsServiceError(name, message, httpStatusCode);
}

/** A required parameter is missing or of the wrong type (the SDK's and services' ValidationException). */
export function validation(message: string, name = 'ValidationException'): AwsServiceError {
  return new AwsServiceError(name, message, 400);
}

/** Reads a required string field of an input object. */
export function requireString(input: Record<string, unknown>, field: string, errorName = 'ValidationException'): string {
  const v = input[field];
  if (typeof v !== 'string' || v === '') {
    throw validation(`1 validation error detected: Value null at '${field[0]?.toLowerCase()}${field.slice(1)}' failed to satisfy constraint: Member must not be null`, errorName);
  }
  return v;
}

/** Optional string field (undefined when absent; throws when present with another type). */
export function optionalString(input: Record<string, unknown>, field: string): string | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw validation(`Value for '${field}' must be a string`);
  return v;
}

/** Optional integer field. */
export function optionalInt(input: Record<string, unknown>, field: string): number | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw validation(`Value for '${field}' must be an integer`);
  return n;
}

/** An input that must be a plain object. */
export function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
