/**
 * Errors shown to the learner: toasts for failed API calls, and a banner while the backend is
 * unreachable. Every `{ ok: false }` ends up here unless a screen shows it inline instead.
 */
import { onApiResult, type ApiError } from '../lib/api-client.ts';

export interface Toast {
  id: number;
  /** What the app was doing, already translated (e.g. "Saving your code"). */
  context: string;
  error: ApiError;
}

/** How long a toast stays, in ms; errors the learner must act on stay until dismissed. */
const TOAST_MS = 8000;

class Notices {
  toasts = $state<Toast[]>([]);
  /** Set while the last call failed with BackendUnreachable; cleared by the next success. */
  backendDown = $state(false);
  /** Browser mode without a valid session token: every call will fail until the right URL is opened. */
  unauthorized = $state(false);
  #nextId = 1;

  constructor() {
    // Any successful call proves the backend is back; failures are shown by whoever called.
    onApiResult((_method, result) => {
      if (result.ok) {
        this.backendDown = false;
        this.unauthorized = false;
      } else if (result.error.name === 'BackendUnreachable') this.backendDown = true;
      else if (result.error.name === 'Unauthorized') this.unauthorized = true;
    });
  }

  /** Shows a failed call in plain words. */
  show(context: string, error: ApiError): void {
    if (error.name === 'BackendUnreachable' || error.name === 'Unauthorized') {
      // The banner says it once; a toast per failed call would bury the screen.
      return;
    }
    const toast = { id: this.#nextId++, context, error };
    this.toasts = [...this.toasts.slice(-3), toast];
    setTimeout(() => this.dismiss(toast.id), TOAST_MS);
  }

  dismiss(id: number): void {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }
}

export const notices = new Notices();
