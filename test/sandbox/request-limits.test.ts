/**
 * Request payload quotas on admission (gettingstarted-limits.html, API_Invoke.html): 6 MB
 * (6,291,456 bytes) for a synchronous invoke, 1 MB (1,048,576 bytes) for an asynchronous one. A
 * larger event is refused with HTTP 413 RequestEntityTooLargeException before anything runs.
 */
import { describe, expect, it } from 'vitest';
import { ASYNC_PAYLOAD_MAX_BYTES, SYNC_PAYLOAD_MAX_BYTES } from '../../sandbox/facts/limits.ts';
import { EnvironmentPool } from '../../sandbox/runtime/environment-pool.ts';
import { requestTooLarge } from '../../sandbox/runtime/request-limits.ts';
import { baseConfig, failure, sharedHost, success } from './helpers.ts';

const host = sharedHost();
const code = 'export const handler = async (event) => event.length;';
const files = [{ path: 'index.mjs', code }];

/** Event JSON of exactly `bytes` UTF-8 bytes: a JSON string. */
function eventOfBytes(bytes: number): string {
  return JSON.stringify('x'.repeat(bytes - 2));
}

describe('request payload quotas', () => {
  it('uses the quotas of FACTS.md', () => {
    expect(SYNC_PAYLOAD_MAX_BYTES).toBe(6_291_456);
    expect(ASYNC_PAYLOAD_MAX_BYTES).toBe(1_048_576);
  });

  it('refuses a sync invoke over 6 MB before running it, with Lambda\'s error', async () => {
    const r = failure(await host.invoke({ environmentKey: 'too-big-sync', files, config: baseConfig, eventJson: eventOfBytes(SYNC_PAYLOAD_MAX_BYTES + 1) }));
    expect(r.error.errorType).toBe('RequestEntityTooLargeException');
    expect(r.error.errorMessage).toBe('Request must be smaller than 6291456 bytes for the InvokeFunction operation');
    // Nothing ran: no START/END/REPORT, no cold start, nothing billed.
    expect(r.logs.some((l) => l.kind !== 'platform')).toBe(false);
    expect(r.logs.some((l) => l.text.includes('HTTP 413') && l.text.includes(`${SYNC_PAYLOAD_MAX_BYTES + 1} bytes`))).toBe(true);
    expect(r.coldStart).toBe(false);
    expect(r.costUsd).toBe(0);
    expect(r.report.billedDurationMs).toBe(0);
  });

  it('counts UTF-8 bytes, not characters', async () => {
    // 3 bytes per character: 2.1 M characters are over 6 MB.
    const eventJson = JSON.stringify('€'.repeat(2_100_000));
    const r = failure(await host.invoke({ environmentKey: 'too-big-utf8', files, config: baseConfig, eventJson }));
    expect(r.error.errorType).toBe('RequestEntityTooLargeException');
  });

  it('runs a sync invoke of exactly 6,291,456 bytes', async () => {
    const r = success(await host.invoke({ environmentKey: 'at-limit-sync', files, config: baseConfig, eventJson: eventOfBytes(SYNC_PAYLOAD_MAX_BYTES) }));
    expect(r.result).toBe(String(SYNC_PAYLOAD_MAX_BYTES - 2));
  });

  it('refuses an async (Event) invoke over 1 MB, and runs one of exactly 1 MB', async () => {
    const r = failure(await host.invoke({ environmentKey: 'too-big-async', files, config: baseConfig, eventJson: eventOfBytes(ASYNC_PAYLOAD_MAX_BYTES + 1), invocationType: 'async' }));
    expect(r.error.errorType).toBe('RequestEntityTooLargeException');
    expect(r.error.errorMessage).toBe('Request must be smaller than 1048576 bytes for the InvokeAsync operation');
    expect(r.logs.some((l) => l.kind === 'start')).toBe(false);
    const ok = success(await host.invoke({ environmentKey: 'at-limit-async', files, config: baseConfig, eventJson: eventOfBytes(ASYNC_PAYLOAD_MAX_BYTES), invocationType: 'async' }));
    expect(ok.result).toBe(String(ASYNC_PAYLOAD_MAX_BYTES - 2));
    // The same 1 MB + 1 event is fine as a sync invoke.
    success(await host.invoke({ environmentKey: 'async-size-as-sync', files, config: baseConfig, eventJson: eventOfBytes(ASYNC_PAYLOAD_MAX_BYTES + 1) }));
  });

  it('refuses on admission in an EnvironmentPool too, without creating an environment', async () => {
    const pool = new EnvironmentPool();
    await pool.ready();
    const r = pool.invokeSync({ key: 'pool-too-big', config: baseConfig, files, eventJson: eventOfBytes(SYNC_PAYLOAD_MAX_BYTES + 10) });
    expect(!r.ok && r.error.errorType).toBe('RequestEntityTooLargeException');
    expect(pool.size).toBe(0);
    const a = pool.invokeSync({ key: 'pool-too-big-async', config: baseConfig, files, eventJson: eventOfBytes(ASYNC_PAYLOAD_MAX_BYTES + 10), invocationType: 'async' });
    expect(!a.ok && a.error.errorMessage).toBe('Request must be smaller than 1048576 bytes for the InvokeAsync operation');
    expect(pool.size).toBe(0);
    pool.dispose();
  });

  it('reports the status code and size of a refusal', () => {
    expect(requestTooLarge('{}')).toBeUndefined();
    const refused = requestTooLarge(eventOfBytes(SYNC_PAYLOAD_MAX_BYTES + 5));
    expect(refused?.statusCode).toBe(413);
    expect(refused?.bytes).toBe(SYNC_PAYLOAD_MAX_BYTES + 5);
  });
});
