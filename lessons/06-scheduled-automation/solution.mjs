/**
 * Solution: start or stop the development servers on a schedule.
 * Two EventBridge rules invoke this function (times are UTC; 09:00 and 19:00 in Seoul, UTC+9):
 *   dev-servers-start  cron(0 0 ? * MON-FRI *)
 *   dev-servers-stop   cron(0 10 ? * MON-FRI *)
 * and any other rule (e.g. dev-servers-hourly, rate(1 hour)) decides from the event's time.
 * The instance ids come from the INSTANCE_IDS environment variable (comma-separated).
 */

/** Office hours in UTC: [START, STOP) is 09:00-19:00 in Seoul. */
const START_HOUR_UTC = 0;
const STOP_HOUR_UTC = 10;

/** 'dev-servers-start' from 'arn:aws:events:us-east-1:123456789012:rule/dev-servers-start'. */
const ruleName = (event) => String(event.resources?.[0] ?? '').split('/').pop();

const instanceIds = () =>
  (process.env.INSTANCE_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);

/** 'start', 'stop' or 'skip', from the event alone: a late or repeated delivery decides the same. */
function decide(rule, time) {
  const day = time.getUTCDay(); // 0 = Sunday, 6 = Saturday, in UTC like the cron expressions
  if (day === 0 || day === 6) return 'skip';
  if (rule.endsWith('-start')) return 'start';
  if (rule.endsWith('-stop')) return 'stop';
  const hour = time.getUTCHours();
  return hour >= START_HOUR_UTC && hour < STOP_HOUR_UTC ? 'start' : 'stop';
}

export const handler = async (event) => {
  const rule = ruleName(event);
  // The scheduled time is in the event. Never use new Date(): a retry would see another time.
  const action = decide(rule, new Date(event.time));
  const ids = action === 'skip' ? [] : instanceIds();

  if (action === 'skip') {
    console.log(`skip: ${event.time} is a weekend (rule ${rule})`);
  } else {
    // A real function calls EC2 here: StartInstances / StopInstances. Both are safe to repeat:
    // starting a running instance (or stopping a stopped one) changes nothing.
    console.log(`${action} ${ids.join(', ') || '(no instances)'} (rule ${rule}, ${event.time})`);
  }
  return { action, rule, instanceIds: ids };
};
