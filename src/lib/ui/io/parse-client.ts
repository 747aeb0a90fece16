// Runs the import parsers in a Web Worker with progress and cancel (AbortSignal → worker.terminate()).
import type { ImportIssue, InputFile, ParsedLayer } from '../../import';

export interface ParseRequest {
  files: InputFile[];
  /** Per DXF file name: the layers the user chose. */
  dxfLayers?: Record<string, string[]>;
}

export type ParseMessage =
  | { type: 'progress'; done: number; total: number; label: string }
  | { type: 'done'; layers: ParsedLayer[]; rejected: { name: string; issue: ImportIssue }[] }
  | { type: 'error'; message: string };

export interface ParseResult {
  layers: ParsedLayer[];
  rejected: { name: string; issue: ImportIssue }[];
}

/**
 * Parse files in a worker. Rejects with an AbortError when `signal` fires (the worker is terminated at once).
 * @example await parseInWorker(files, { onProgress: (d, t) => (pct = d / t), signal: ctrl.signal })
 */
export function parseInWorker(
  files: InputFile[],
  opts: { dxfLayers?: Record<string, string[]>; onProgress?: (done: number, total: number, label: string) => void; signal?: AbortSignal } = {},
): Promise<ParseResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      opts.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new DOMException('Parsing cancelled', 'AbortError'));
    };
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<ParseMessage>) => {
      const m = e.data;
      if (m.type === 'progress') opts.onProgress?.(m.done, m.total, m.label);
      else if (m.type === 'done') {
        finish();
        resolve({ layers: m.layers, rejected: m.rejected });
      } else {
        finish();
        reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      finish();
      reject(new Error(e.message || 'worker failed'));
    };
    // Copies of the bytes go to the worker; the wizard keeps its own to re-parse a DXF with other layers.
    worker.postMessage({ files, dxfLayers: opts.dxfLayers } satisfies ParseRequest);
  });
}
