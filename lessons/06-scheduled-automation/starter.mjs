/**
 * Start or stop the development servers on a schedule.
 * EventBridge invokes this function from scheduled rules, with an event like:
 *   { "detail-type": "Scheduled Event", "source": "aws.events", "time": "2026-04-09T00:00:00Z",
 *     "resources": ["arn:aws:events:us-east-1:123456789012:rule/dev-servers-start"], "detail": {} }
 * Return { action, rule, instanceIds }.
 */
export const handler = async (event) => {
  console.log(JSON.stringify(event));

  // TODO 1: the rule name is the last part of event.resources[0] ('dev-servers-start'):
  //         a rule ending in -start means 'start', one ending in -stop means 'stop'.
  // TODO 2: instanceIds: process.env.INSTANCE_IDS, split on commas, trimmed, empty ones dropped.
  // TODO 3: any other rule (dev-servers-hourly): 'start' from 00:00 to 09:59 UTC, else 'stop'.
  // TODO 4: on Saturday or Sunday (UTC) do nothing: action 'skip', instanceIds [].
  //         Read the time from event.time, not from the clock.
  // TODO 5: log what you do: the action and every instance id.
  return { action: 'none' };
};
