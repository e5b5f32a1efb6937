/**
 * h.event: lesson checks build their events from the simulator's templates, so a check sends what
 * the learner can fire from the event picker, and a typo in a lesson is caught instead of sending
 * a malformed event.
 */
import { describe, expect, it } from 'vitest';
import { createHarness } from '../../../sandbox/course/check-harness.ts';
import { buildEvent } from '../../../sandbox/events/templates.ts';

const h = createHarness({
  language: 'en',
  invoke: () => Promise.reject(new Error('these tests never invoke')),
  scenario: () => Promise.reject(new Error('these tests never play a scenario')),
});

describe('h.event', () => {
  it('builds the same event as the event picker and `coldstart events` for the defaults', () => {
    const built = buildEvent('s3-put');
    expect(built.ok && built.event).toEqual(h.event('s3-put'));
  });

  it('takes parameters as text and writes anything else as JSON', () => {
    const event = h.event('sqs', { messages: [{ orderId: 'o-1' }, 'plain text', 7], receiveCount: 3 }) as {
      Records: { body: string; attributes: { ApproximateReceiveCount: string } }[];
    };
    expect(event.Records.map((r) => r.body)).toEqual(['{"orderId":"o-1"}', 'plain text', '7']);
    expect(event.Records[0]?.attributes.ApproximateReceiveCount).toBe('3');
  });

  it('breaks the check with the reason on an unknown template or a bad value (a lesson bug)', () => {
    expect(() => h.event('s3-putt')).toThrow(
      /h\.event\('s3-putt'\): unknown event template 's3-putt' \(did you mean 's3-put'\?\)/,
    );
    expect(() => h.event('s3-put', { size: 'large' })).toThrow(/h\.event\('s3-put'\):.*size/);
  });
});
