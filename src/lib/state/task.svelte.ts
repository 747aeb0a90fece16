// One long job a panel runs (a merge, an idle-land search, parsing files): whether it runs, its progress, and how it
// ended — as values the panel shows. Starting again cancels the run before; cancel() ends the worker at once.
import { CancelledError } from '../worker/client';

export type TaskOutcome<T> = { status: 'done'; value: T } | { status: 'cancelled' } | { status: 'failed'; error: unknown };

export interface TaskControl {
  signal: AbortSignal;
  onProgress: (fraction: number, label: string) => void;
}

export class Task {
  running = $state(false);
  /** 0–1 */
  fraction = $state(0);
  label = $state('');
  #controller: AbortController | null = null;

  /**
   * Runs `work`; resolves with how it ended (never rejects). A run replaced by a newer one or cancelled ends as
   * 'cancelled'; an abort of the request layer (isAbort) counts as cancelled too.
   * @example const out = await task.run(({ signal, onProgress }) => inWorker((w, p) => w.mergeAdjacent(fc, {}, p), { signal, onProgress }))
   */
  async run<T>(work: (control: TaskControl) => Promise<T>): Promise<TaskOutcome<T>> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.running = true;
    this.fraction = 0;
    this.label = '';
    try {
      const value = await work({
        signal: controller.signal,
        onProgress: (fraction, label) => {
          if (this.#controller !== controller) return;
          this.fraction = fraction;
          this.label = label;
        },
      });
      return controller.signal.aborted ? { status: 'cancelled' } : { status: 'done', value };
    } catch (error) {
      return controller.signal.aborted || error instanceof CancelledError ? { status: 'cancelled' } : { status: 'failed', error };
    } finally {
      if (this.#controller === controller) {
        this.#controller = null;
        this.running = false;
      }
    }
  }

  cancel() {
    this.#controller?.abort();
  }
}
