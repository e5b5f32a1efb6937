/**
 * The playground's function and its load test: the code and event in the editors, the function
 * configuration (the same validated form as a lesson's), the load pattern, and the last
 * `fleet.simulate` result. Kept for the whole app session, so leaving the page loses nothing.
 */
import type { ApiArgs, ApiError } from '../lib/api-client.ts';
import type { FleetRun } from '../../electron/api/playground-types.ts';
import { api } from '../lib/api-client.ts';
import { configFormFor } from './function-config.svelte.ts';

export const PLAYGROUND_FILENAME = 'index.mjs';
export const PLAYGROUND_HANDLER = 'index.handler';

/** The starter: module state that survives warm invokes, and a little CPU work so memory matters. */
export const STARTER_CODE = `// Module scope runs once per execution environment (INIT).
let invocations = 0;

export const handler = async (event) => {
  invocations += 1; // kept between warm invokes of this environment
  let x = 0;
  for (let i = 0; i < 20000; i++) x = (x + i * i) % 1000003;
  return { invocations, checksum: x, name: event.name ?? 'world' };
};
`;
export const STARTER_EVENT = '{\n  "name": "Coldstart"\n}\n';

export type PatternKind = 'constant' | 'burst' | 'ramp' | 'poisson';
export const PATTERNS: readonly PatternKind[] = ['constant', 'burst', 'ramp', 'poisson'];
export type InvocationKind = 'sync' | 'async' | 'sqs';
export const INVOCATIONS: readonly InvocationKind[] = ['sync', 'async', 'sqs'];

/** The load form as typed: an empty number field is null and the backend says what it needs. */
export interface LoadForm {
  pattern: PatternKind;
  /** Requests per second (constant, Poisson; the ramp's final rate). */
  rate: number | null;
  /** The ramp's starting rate. */
  fromRate: number | null;
  durationSeconds: number | null;
  /** Requests in a burst. */
  count: number | null;
  invocation: InvocationKind;
  accountLimit: number | null;
  /** Null: none. */
  reserved: number | null;
  provisioned: number | null;
}

type FleetArgs = ApiArgs<'fleet.simulate'>;
type Load = FleetArgs['load'];

/** The load pattern to send; fields the pattern does not use are left out. */
function loadFrom(form: LoadForm): Load {
  // Nulls go through as they are: the contract refuses them with a message naming the field.
  const n = (v: number | null) => v as number;
  switch (form.pattern) {
    case 'burst':
      return { kind: 'burst', count: n(form.count) };
    case 'ramp':
      return {
        kind: 'ramp',
        fromRate: n(form.fromRate),
        toRate: n(form.rate),
        durationSeconds: n(form.durationSeconds),
      };
    case 'poisson':
      return { kind: 'poisson', ratePerSecond: n(form.rate), durationSeconds: n(form.durationSeconds) };
    default:
      return { kind: 'constant', ratePerSecond: n(form.rate), durationSeconds: n(form.durationSeconds) };
  }
}

class PlaygroundSession {
  code = $state(STARTER_CODE);
  eventJson = $state(STARTER_EVENT);
  /** Made on first use (the page opening), not when the app's modules load. */
  get config() {
    return configFormFor('playground');
  }
  load = $state<LoadForm>({
    pattern: 'burst',
    rate: 20,
    fromRate: 1,
    durationSeconds: 10,
    count: 50,
    invocation: 'sync',
    accountLimit: 1000,
    reserved: null,
    provisioned: null,
  });
  state = $state<'idle' | 'running' | 'done' | 'error'>('idle');
  result = $state.raw<FleetRun | null>(null);
  error = $state.raw<ApiError | null>(null);
  /** Counts finished runs, so tests can wait for a new one. */
  runs = $state(0);

  /** The function as the tuning panel and the fleet run it; undefined while the form is refused. */
  async source() {
    const config = await this.config.forRun();
    if (!config) return undefined;
    return {
      filename: PLAYGROUND_FILENAME,
      handler: PLAYGROUND_HANDLER,
      code: this.code,
      eventJson: this.eventJson,
      config,
    };
  }

  async run(): Promise<void> {
    if (this.state === 'running') return;
    const source = await this.source();
    if (!source) return;
    this.state = 'running';
    this.error = null;
    const l = this.load;
    const result = await api['fleet.simulate']({
      ...source,
      load: loadFrom(l),
      invocation: l.invocation,
      concurrency: { accountLimit: l.accountLimit as number, reserved: l.reserved, provisioned: l.provisioned },
    });
    this.runs += 1;
    if (result.ok) {
      this.result = result.value;
      this.state = 'done';
    } else {
      this.error = result.error;
      this.state = 'error';
    }
  }
}

export const playground = new PlaygroundSession();
