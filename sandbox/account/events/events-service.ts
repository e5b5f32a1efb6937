/**
 * The simulated EventBridge API on the default bus (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Operations.html):
 * rules with event patterns or schedules, targets (Lambda through the feed, SQS and SNS inside the
 * account), PutEvents, and schedules fired on the virtual clock by Account.advanceTo. Events have
 * the structure in https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html;
 * scheduled events are `"source": "aws.events"`, `"detail-type": "Scheduled Event"`.
 */
import { randomUUID } from 'node:crypto';
import { ACCOUNT_ID, REGION, type LambdaTarget } from '../account-types.ts';
import { arnName, arnService, eventBusArn, ruleArn } from '../arn.ts';
import { asRecord, awsError, optionalString, requireString, validation } from '../errors.ts';
import type { OpContext, OperationTable } from '../service-types.ts';
import { matchesPattern, parsePattern } from './event-pattern.ts';
import { nextFiring, parseSchedule, type Schedule } from './schedule.ts';

export interface RuleTarget {
  Id: string;
  Arn: string;
  Input?: string;
}

export interface Rule {
  name: string;
  arn: string;
  state: 'ENABLED' | 'DISABLED';
  description?: string;
  scheduleExpression?: string;
  schedule?: Schedule;
  eventPattern?: string;
  pattern?: Record<string, unknown>;
  targets: RuleTarget[];
  createdWall: number;
  /** Next firing, in virtual ms. */
  nextFireAt?: number;
}

export class EventsStore {
  readonly rules = new Map<string, Rule>();
}

const notFound = (name: string) => awsError('ResourceNotFoundException', `Rule ${name} does not exist on EventBus default.`, 400);

function ruleOf(store: EventsStore, input: Record<string, unknown>, field = 'Name'): Rule {
  const name = requireString(input, field);
  const r = store.rules.get(name);
  if (!r) throw notFound(name);
  return r;
}

const perm = (action: string, field = 'Name') => (input: Record<string, unknown>) => [{ action, resource: ruleArn(String(input[field] ?? '')) }];

/** Clock conversions the service needs (virtual <-> epoch ms). */
export interface EventsClock {
  toWall(virtualMs: number): number;
  toVirtual(wallMs: number): number;
}

/** Deliver an event to a matched rule's targets. */
export function deliver(ctx: OpContext, rule: Rule, event: Record<string, unknown>, scheduled: boolean): void {
  const lambdaTargets: LambdaTarget[] = [];
  for (const t of rule.targets) {
    const body = t.Input ?? JSON.stringify(event);
    const service = arnService(t.Arn);
    if (service === 'lambda') lambdaTargets.push({ functionArn: t.Arn, functionName: arnName(t.Arn), payload: t.Input !== undefined ? JSON.parse(t.Input) : event });
    else if (service === 'sqs') ctx.fanout.toQueue(t.Arn, body, ctx);
    else if (service === 'sns') ctx.fanout.toTopic(t.Arn, body, undefined, ctx);
  }
  ctx.emit({ kind: 'events:put', at: ctx.now, resource: rule.arn, chain: ctx.chain, detail: { ruleName: rule.name, event, scheduled, lambdaTargets } });
}

/** An event as EventBridge delivers it. */
export function buildEvent(wallMs: number, source: string, detailType: string, detail: unknown, resources: string[]): Record<string, unknown> {
  return { version: '0', id: randomUUID(), 'detail-type': detailType, source, account: ACCOUNT_ID, time: new Date(wallMs).toISOString().replace(/\.\d{3}Z$/, 'Z'), region: REGION, resources, detail };
}

export function eventsOperations(store: EventsStore, clock: EventsClock): OperationTable {
  return {
    PutRule: {
      permissions: perm('events:PutRule'),
      run(input, ctx) {
        const name = requireString(input, 'Name');
        if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(name)) throw validation(`1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`);
        const scheduleExpression = optionalString(input, 'ScheduleExpression');
        const eventPattern = optionalString(input, 'EventPattern');
        if (!scheduleExpression && !eventPattern) throw validation('Parameter(s) EventPattern or ScheduleExpression must be specified.');
        const existing = store.rules.get(name);
        const rule: Rule = {
          name,
          arn: ruleArn(name),
          state: input.State === 'DISABLED' ? 'DISABLED' : 'ENABLED',
          targets: existing?.targets ?? [],
          createdWall: clock.toWall(ctx.now),
          ...(optionalString(input, 'Description') !== undefined ? { description: optionalString(input, 'Description') } : {}),
        };
        if (scheduleExpression) {
          rule.scheduleExpression = scheduleExpression;
          rule.schedule = parseSchedule(scheduleExpression);
          const next = nextFiring(rule.schedule, rule.createdWall, rule.createdWall);
          if (next !== undefined) rule.nextFireAt = clock.toVirtual(next);
        }
        if (eventPattern) {
          rule.eventPattern = eventPattern;
          rule.pattern = parsePattern(eventPattern);
        }
        store.rules.set(name, rule);
        return { RuleArn: rule.arn };
      },
    },
    DescribeRule: {
      permissions: perm('events:DescribeRule'),
      run(input) {
        const r = ruleOf(store, input);
        return { Name: r.name, Arn: r.arn, State: r.state, EventBusName: 'default', ...(r.scheduleExpression ? { ScheduleExpression: r.scheduleExpression } : {}), ...(r.eventPattern ? { EventPattern: r.eventPattern } : {}), ...(r.description ? { Description: r.description } : {}) };
      },
    },
    ListRules: {
      permissions: () => [{ action: 'events:ListRules', resource: '*' }],
      run(input) {
        const prefix = optionalString(input, 'NamePrefix') ?? '';
        return { Rules: [...store.rules.values()].filter((r) => r.name.startsWith(prefix)).map((r) => ({ Name: r.name, Arn: r.arn, State: r.state, EventBusName: 'default', ...(r.scheduleExpression ? { ScheduleExpression: r.scheduleExpression } : {}), ...(r.eventPattern ? { EventPattern: r.eventPattern } : {}) })) };
      },
    },
    EnableRule: { permissions: perm('events:EnableRule'), run: (input) => ((ruleOf(store, input).state = 'ENABLED'), {}) },
    DisableRule: { permissions: perm('events:DisableRule'), run: (input) => ((ruleOf(store, input).state = 'DISABLED'), {}) },
    DeleteRule: {
      permissions: perm('events:DeleteRule'),
      run(input) {
        const r = ruleOf(store, input);
        if (r.targets.length) throw validation("Rule can't be deleted since it has targets.");
        store.rules.delete(r.name);
        return {};
      },
    },
    PutTargets: {
      permissions: perm('events:PutTargets', 'Rule'),
      run(input) {
        const r = ruleOf(store, input, 'Rule');
        const targets = Array.isArray(input.Targets) ? (input.Targets as Record<string, unknown>[]) : [];
        if (!targets.length || targets.length > 10) throw validation('1 validation error detected: Value at \'targets\' failed to satisfy constraint: Member must have length less than or equal to 10');
        for (const t of targets) {
          const target: RuleTarget = { Id: requireString(t, 'Id'), Arn: requireString(t, 'Arn') };
          if (typeof t.Input === 'string') target.Input = t.Input;
          r.targets = [...r.targets.filter((x) => x.Id !== target.Id), target];
        }
        if (r.targets.length > 5) throw awsError('LimitExceededException', 'The requested resource exceeds the maximum number allowed.', 400);
        return { FailedEntryCount: 0, FailedEntries: [] };
      },
    },
    RemoveTargets: {
      permissions: perm('events:RemoveTargets', 'Rule'),
      run(input) {
        const r = ruleOf(store, input, 'Rule');
        const ids = new Set((Array.isArray(input.Ids) ? input.Ids : []).map(String));
        r.targets = r.targets.filter((t) => !ids.has(t.Id));
        return { FailedEntryCount: 0, FailedEntries: [] };
      },
    },
    ListTargetsByRule: {
      permissions: perm('events:ListTargetsByRule', 'Rule'),
      run: (input) => ({ Targets: ruleOf(store, input, 'Rule').targets.map((t) => ({ ...t })) }),
    },
    PutEvents: {
      permissions: () => [{ action: 'events:PutEvents', resource: eventBusArn() }],
      run(input, ctx) {
        const entries = Array.isArray(input.Entries) ? (input.Entries as Record<string, unknown>[]) : [];
        if (!entries.length || entries.length > 10) throw validation('1 validation error detected: Value at \'entries\' failed to satisfy constraint: Member must have length less than or equal to 10');
        let failed = 0;
        const results = entries.map((raw) => {
          const e = asRecord(raw);
          if (e.EventBusName !== undefined && e.EventBusName !== 'default' && e.EventBusName !== eventBusArn()) {
            failed++;
            return { ErrorCode: 'NotFoundException', ErrorMessage: `Event bus ${String(e.EventBusName)} does not exist.` };
          }
          const source = typeof e.Source === 'string' ? e.Source : '';
          const detailType = typeof e.DetailType === 'string' ? e.DetailType : '';
          let detail: unknown;
          try {
            detail = JSON.parse(typeof e.Detail === 'string' ? e.Detail : '');
          } catch {
            detail = undefined;
          }
          if (!source || !detailType || !detail || typeof detail !== 'object') {
            failed++;
            const missing = !source ? 'Source' : !detailType ? 'DetailType' : 'Detail';
            return missing === 'Detail' ? { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' } : { ErrorCode: 'InvalidArgument', ErrorMessage: `Parameter ${missing} is not valid. Reason: ${missing} is a required argument.` };
          }
          const event = buildEvent(clock.toWall(ctx.now), source, detailType, detail, Array.isArray(e.Resources) ? e.Resources.map(String) : []);
          for (const rule of store.rules.values()) if (rule.state === 'ENABLED' && rule.pattern && matchesPattern(rule.pattern, event)) deliver(ctx, rule, event, false);
          return { EventId: event.id };
        });
        return { FailedEntryCount: failed, Entries: results };
      },
    },
  };
}
