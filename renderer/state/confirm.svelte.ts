/**
 * One confirmation dialog for the whole app (ConfirmDialog.svelte shows it): `await
 * confirmDialog.ask({...})` resolves true for yes, false for no, Escape or a click outside.
 */
export interface ConfirmRequest {
  title: string;
  body: string;
  /** The button that goes ahead, naming the action (e.g. "Reset everything"). */
  yes: string;
  no: string;
  /** The action destroys or reveals something: the yes button is drawn as a warning. */
  danger?: boolean;
}

class ConfirmDialogState {
  request = $state.raw<ConfirmRequest | null>(null);
  #resolve: ((yes: boolean) => void) | undefined;

  ask(request: ConfirmRequest): Promise<boolean> {
    // A second request replaces a pending one, which counts as declined.
    this.#resolve?.(false);
    this.request = request;
    return new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  answer(yes: boolean): void {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    this.request = null;
    resolve?.(yes);
  }
}

export const confirmDialog = new ConfirmDialogState();
