// Runs a lib/geo function in a Web Worker. Each run gets its own worker so it can be cancelled by terminating it;
// start-up is a few tens of milliseconds, small against the analyses that come here.
import * as Comlink from 'comlink';
import type * as Geo from '../index';
import type { AnalysisWorkerApi } from './analysis.worker';

type GeoApi = typeof Geo;
type Fn = { [K in keyof GeoApi]: GeoApi[K] extends (...args: never[]) => unknown ? K : never }[keyof GeoApi];

export class CancelledError extends Error {
  constructor() {
    super('已取消 / cancelled');
  }
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Fraction 0–1 and a label, when the function reports progress through an `onProgress` option. */
  onProgress?: (fraction: number, label: string) => void;
}

/** Calls `geo[name](...args)` in a fresh worker; aborting the signal terminates it and rejects with CancelledError. */
export async function runInWorker<K extends Fn>(
  name: K, args: Parameters<GeoApi[K]>, opts: RunOptions = {},
): Promise<Awaited<ReturnType<GeoApi[K]>>> {
  if (opts.signal?.aborted) throw new CancelledError();
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<AnalysisWorkerApi>(worker);
  const progress = opts.onProgress ? Comlink.proxy(opts.onProgress) : undefined;
  let onAbort: (() => void) | undefined;
  try {
    return (await Promise.race([
      api.run(name, args as unknown[], progress),
      new Promise((_, reject) => {
        onAbort = () => reject(new CancelledError());
        opts.signal?.addEventListener('abort', onAbort, { once: true });
      }),
    ])) as Awaited<ReturnType<GeoApi[K]>>;
  } finally {
    if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
    api[Comlink.releaseProxy]();
    worker.terminate();
  }
}
