/**
 * What several screens share about progress: how many reviews are due (the course map and the
 * header show it) and a version that goes up when progress changes wholesale (import, reset,
 * restore), so whatever a screen has loaded is loaded again.
 */
import { api } from '../lib/api-client.ts';
import { emitAppEvent, type AppEventMap } from '../lib/app-events.ts';
import { i18n } from './i18n.svelte.ts';

class ProgressEvents {
  /** Goes up on every wholesale change; effects that read it reload. */
  version = $state(0);
  /** Questions due for review now; null until first counted. */
  reviewsDue = $state<number | null>(null);
  #request = 0;

  /** Progress changed wholesale: recount reviews and let screens reload. */
  changed(reason: AppEventMap['progress-changed']['reason']): void {
    this.version += 1;
    void this.refreshReviews();
    emitAppEvent('progress-changed', { reason });
  }

  /** Recounts due reviews (after an answer, a rating, or a change of progress). */
  async refreshReviews(): Promise<void> {
    const request = ++this.#request;
    const result = await api['review.due']({ language: i18n.language });
    // A count is a convenience: a failure leaves the last one shown, and the next action retries.
    if (result.ok && request === this.#request) this.reviewsDue = result.value.due;
  }
}

export const progressEvents = new ProgressEvents();
