/**
 * Running the handler: one `invoke.run` at a time, the latest invocation record, this session's
 * history, and errors from the API itself (e.g. invalid event JSON) kept apart from the handler's.
 */
import type { InvocationRecord } from '../../electron/api/types.ts';
import type { FunctionConfigInput } from '../../sandbox/config/function-config-schema.ts';
import type { InvocationStatus } from '../../sandbox/invocation/record.ts';
import { api, type ApiError } from '../lib/api-client.ts';
import { emitAppEvent } from '../lib/app-events.ts';
import { i18n } from './i18n.svelte.ts';
import { notices } from './notices.svelte.ts';

/** How many past invocations the history list keeps. */
const HISTORY_SIZE = 10;

export interface RunInput {
  filename: string;
  handler: string;
  code: string;
  eventJson: string;
  /** The configuration `config.validate` approved; omitted fields take Lambda's defaults. */
  config?: FunctionConfigInput;
  /** Start a fresh execution environment, so INIT runs again. */
  forceColdStart?: boolean;
}

export interface HistoryEntry {
  requestId: string;
  coldStart: boolean;
  ok: boolean;
  status: InvocationStatus;
  durationMs: number;
  maxMemoryUsedMB: number;
  memorySizeMB: number;
  costUsd: number;
  /** The whole record, so picking the entry shows it again. */
  record: InvocationRecord;
}

export class Runner {
  running = $state(false);
  record = $state.raw<InvocationRecord | null>(null);
  history = $state.raw<HistoryEntry[]>([]);
  /** Why the event was refused (InvalidEventJson), shown next to the event editor. */
  eventError = $state<string | null>(null);
  /** Any other API failure of the last run, shown in the result panel. */
  apiError = $state.raw<ApiError | null>(null);
  #sessionId: string;

  constructor(sessionId: string) {
    this.#sessionId = sessionId;
  }

  async run(input: RunInput): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.eventError = null;
    this.apiError = null;
    const result = await api['invoke.run']({ sessionId: this.#sessionId, ...input });
    this.running = false;
    if (result.ok) {
      const record = result.value;
      this.record = record;
      this.history = [
        {
          requestId: record.requestId,
          coldStart: record.coldStart,
          ok: record.ok,
          status: record.report.status,
          durationMs: record.report.durationMs,
          maxMemoryUsedMB: record.report.maxMemoryUsedMB,
          memorySizeMB: record.report.memorySizeMB,
          costUsd: record.costUsd,
          record,
        },
        ...this.history,
      ].slice(0, HISTORY_SIZE);
      emitAppEvent('run-finished', { lessonId: this.#sessionId, ok: true, requestId: record.requestId });
      return;
    }
    if (result.error.name === 'InvalidEventJson') {
      this.eventError = result.error.message;
    } else {
      this.apiError = result.error;
      notices.show(i18n.t('errors.run'), result.error);
    }
    emitAppEvent('run-finished', { lessonId: this.#sessionId, ok: false });
  }

  /** Shows an earlier invocation of this session in the result panel again. */
  show(requestId: string): void {
    const entry = this.history.find((e) => e.requestId === requestId);
    if (entry) {
      this.record = entry.record;
      this.apiError = null;
    }
  }

  /** Clears the event error once the learner edits the event again. */
  eventEdited(): void {
    this.eventError = null;
  }
}
