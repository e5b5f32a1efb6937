/**
 * The cost calculator: the form (a per-invocation profile and the server to compare with) and the
 * backend's estimate of it. Every change asks `cost.estimate` again after a short pause; a refusal
 * is shown in place of the bill, in the backend's words.
 */
import type { ApiArgs, ApiError } from '../lib/api-client.ts';
import type { CostEstimate } from '../../electron/api/playground-types.ts';
import { api } from '../lib/api-client.ts';
import { playgroundOptions } from './playground-options.svelte.ts';

/** Wait this long after the last keystroke before asking the backend (ms). */
const ESTIMATE_DELAY_MS = 150;

export interface CostForm {
  requestsPerMonth: number | null;
  averageDurationMs: number | null;
  memorySizeMB: number | null;
  architecture: 'x86_64' | 'arm64';
  freeTier: boolean;
  coldStartPercent: number | null;
  initDurationMs: number | null;
  invocationType: 'sync' | 'async';
  payloadKB: number | null;
  ephemeralStorageMB: number | null;
  edge: boolean;
  provisionedOn: boolean;
  provisionedConcurrency: number | null;
  provisionedHours: number | null;
  serverHourlyUsd: number | null;
  serverCount: number | null;
}

type Profile = ApiArgs<'cost.estimate'>['profile'];

/** The form as the contract's profile; nulls go through so the backend can name the empty field. */
function profileFrom(f: CostForm): Profile {
  const n = (v: number | null) => v as number;
  return {
    requestsPerMonth: n(f.requestsPerMonth),
    averageDurationMs: n(f.averageDurationMs),
    memorySizeMB: n(f.memorySizeMB),
    architecture: f.architecture,
    freeTier: f.freeTier,
    coldStartRatio: f.coldStartPercent === null ? n(null) : f.coldStartPercent / 100,
    initDurationMs: n(f.initDurationMs),
    invocationType: f.invocationType,
    payloadBytes: f.invocationType === 'async' && f.payloadKB !== null ? Math.round(f.payloadKB * 1024) : 0,
    ephemeralStorageMB: n(f.ephemeralStorageMB),
    edge: f.edge,
    provisioned: f.provisionedOn
      ? { concurrency: n(f.provisionedConcurrency), enabledHoursPerMonth: n(f.provisionedHours) }
      : null,
  };
}

class CostCalculator {
  form = $state<CostForm>({
    requestsPerMonth: 3_000_000,
    averageDurationMs: 120,
    memorySizeMB: 1536,
    architecture: 'x86_64',
    freeTier: true,
    coldStartPercent: 0,
    initDurationMs: 0,
    invocationType: 'sync',
    payloadKB: 0,
    ephemeralStorageMB: 512,
    edge: false,
    provisionedOn: false,
    provisionedConcurrency: 1,
    provisionedHours: 730,
    serverHourlyUsd: null,
    serverCount: 1,
  });
  estimate = $state.raw<CostEstimate | null>(null);
  error = $state.raw<ApiError | null>(null);
  state = $state<'loading' | 'checking' | 'ready' | 'error'>('loading');
  #request = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Loads the default server price into the form, then prices the form. */
  async init(): Promise<void> {
    const options = await playgroundOptions.load();
    if (options && this.form.serverHourlyUsd === null) this.form.serverHourlyUsd = options.server.hourlyUsd;
    await this.#estimateNow();
  }

  /** Call after any change of the form. */
  changed(): void {
    this.state = 'checking';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#estimateNow(), ESTIMATE_DELAY_MS);
  }

  async #estimateNow(): Promise<void> {
    const request = ++this.#request;
    const f = this.form;
    const compare: ApiArgs<'cost.estimate'>['compare'] = { count: f.serverCount as number };
    if (f.serverHourlyUsd !== null) compare.hourlyUsd = f.serverHourlyUsd;
    const result = await api['cost.estimate']({ profile: profileFrom(f), compare });
    if (request !== this.#request) return;
    if (result.ok) {
      this.estimate = result.value;
      this.error = null;
      this.state = 'ready';
    } else {
      this.error = result.error;
      this.state = 'error';
    }
  }
}

export const costCalculator = new CostCalculator();
