// Runs work in the one worker. Each call gets a fresh worker, so cancelling is ending it (the analyses are synchronous
// loops that could not notice a flag); start-up is a few tens of milliseconds, small against the work that comes here.
import * as Comlink from 'comlink';
import { installErrorTransfer } from './errors';
import type * as Lib from './lib';

export type WorkerLib = Comlink.Remote<typeof Lib>;

/** The work was cancelled (the signal fired): a value the task helper reports as "cancelled", not a failure. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export interface WorkerCallOptions {
  signal?: AbortSignal;
  /** Fraction 0–1 and a label, passed on from the function's progress callback. */
  onProgress?: (fraction: number, label: string) => void;
}

/**
 * Calls the worker: `call` gets the typed remote and the progress callback to hand on as the function's last argument.
 * Aborting the signal ends the worker at once and rejects with {@link CancelledError}; errors keep their class.
 * @example const zones = await inWorker((w, p) => w.mergeAdjacent(fc, { toleranceM: 15 }, p), { signal, onProgress })
 */
export async function inWorker<T>(
  call: (lib: WorkerLib, progress: ((fraction: number, label: string) => void) | undefined) => Promise<T>,
  opts: WorkerCallOptions = {},
): Promise<T> {
  if (opts.signal?.aborted) throw new CancelledError();
  installErrorTransfer();
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<typeof Lib>(worker);
  const progress = opts.onProgress ? Comlink.proxy(opts.onProgress) : undefined;
  let onAbort: (() => void) | undefined;
  try {
    return await Promise.race([
      call(remote, progress),
      new Promise<never>((_, reject) => {
        onAbort = () => reject(new CancelledError());
        opts.signal?.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
    remote[Comlink.releaseProxy]();
    worker.terminate();
  }
}
