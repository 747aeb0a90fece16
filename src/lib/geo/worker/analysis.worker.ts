// The analysis worker: runs lib/geo functions off the main thread, so large inputs never block the page.
// A progress callback arrives as a top-level Comlink proxy and is put into the function's options object here.
import * as Comlink from 'comlink';
import * as geo from '../index';

const api = {
  run(name: string, args: unknown[], onProgress?: (fraction: number, label: string) => void): unknown {
    const fn = (geo as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`unknown analysis: ${name}`);
    const callArgs = [...args];
    const last = callArgs[callArgs.length - 1];
    if (onProgress && last && typeof last === 'object' && !Array.isArray(last) && !('type' in last)) {
      callArgs[callArgs.length - 1] = { ...last, onProgress };
    }
    return fn(...callArgs);
  },
};
export type AnalysisWorkerApi = typeof api;

Comlink.expose(api);
