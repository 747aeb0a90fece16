// Guards the one worker's channel: lib.ts exposed with Comlink over a real MessageChannel (structured clone, as in the
// browser): calls are typed, progress arrives as values through the callback, errors keep their class (a RangeError
// from a bad tolerance is a RangeError on the calling side), the import parser runs over the same channel, and the
// task helper reports cancel as a value.
import fs from 'node:fs';
import path from 'node:path';
import * as Comlink from 'comlink';
import type { FeatureCollection, Polygon } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { installErrorTransfer, registerErrorClass } from '../../../src/lib/worker/errors';
import * as lib from '../../../src/lib/worker/lib';
import { CancelledError } from '../../../src/lib/worker/client';
import { Task } from '../../../src/lib/state/task.svelte';

installErrorTransfer();
const { port1, port2 } = new MessageChannel();
Comlink.expose(lib, port1);
const remote = Comlink.wrap<typeof lib>(port2);
afterAll(() => {
  remote[Comlink.releaseProxy]();
  port1.close();
  port2.close();
});

const square = (x: number, y: number, d = 0.0005): Polygon => ({
  type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
});
const fc: FeatureCollection<Polygon> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 'a' }, geometry: square(111.78, 37.26) },
    { type: 'Feature', properties: { id: 'b' }, geometry: square(111.7805, 37.26) }, // shares a wall with a
    { type: 'Feature', properties: { id: 'c' }, geometry: square(111.79, 37.26) }, // far away
  ],
};

describe('the worker channel', () => {
  it('merges across the channel with progress reported as fraction and label', async () => {
    const seen: [number, string][] = [];
    const zones = await remote.mergeAdjacent(fc, { toleranceM: 15, idProperty: 'id' }, Comlink.proxy((f: number, label: string) => void seen.push([f, label])));
    expect(zones.features.map((z) => [...z.properties.members].sort())).toEqual(expect.arrayContaining([['a', 'b'], ['c']]));
    // Progress travels on the callback's own channel, so its last messages may land just after the result.
    await expect.poll(() => seen.at(-1)?.[0]).toBe(1);
    expect(seen.every(([f]) => f >= 0 && f <= 1)).toBe(true);
    expect(seen.some(([, label]) => label.length > 0)).toBe(true);
  });

  it('keeps the class of an error thrown in the worker', async () => {
    const err = await remote.mergeAdjacent(fc, { toleranceM: 500 }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(RangeError);
    expect((err as Error).message).toMatch(/50/);
    // a GeoError arrives as the RangeError it is, with its reason for the UI to word
    expect(err).toMatchObject({ code: 'tolerance_out_of_range', params: { min: 0, max: 50 } });
  });

  it('rebuilds a registered app error class with its own fields', async () => {
    class ReasonError extends Error {
      constructor(message: string, readonly code = 'x', readonly params: Record<string, unknown> = {}) {
        super(message);
        this.name = 'ReasonError';
      }
    }
    registerErrorClass('ReasonError', ReasonError as unknown as new (m?: string) => Error);
    const api = { fail(): number { throw new ReasonError('bad', 'too_small', { areaM2: 3 }); } };
    const ch = new MessageChannel();
    Comlink.expose(api, ch.port1);
    const r = Comlink.wrap<typeof api>(ch.port2);
    const err = await r.fail().then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ReasonError);
    expect(err).toMatchObject({ code: 'too_small', params: { areaM2: 3 }, message: 'bad' });
    ch.port1.close();
    ch.port2.close();
  });

  it('parses uploaded files over the same channel, with progress per source', async () => {
    const file = path.resolve(import.meta.dirname, '../../fixtures/import/valid/compounds-wgs84.geojson');
    const labels: string[] = [];
    const res = await remote.parseFiles([{ name: 'compounds-wgs84.geojson', data: new Uint8Array(fs.readFileSync(file)) }], {},
      Comlink.proxy((_f: number, label: string) => void labels.push(label)));
    expect(res.rejected).toEqual([]);
    expect(res.layers).toHaveLength(1);
    expect(res.layers[0].features.length).toBeGreaterThan(0);
    await expect.poll(() => labels).toContain('compounds-wgs84.geojson');
  });
});

describe('the task helper', () => {
  it('reports done, failed and cancelled as values, and a newer run cancels the older', async () => {
    const task = new Task();
    expect(await task.run(async ({ onProgress }) => { onProgress(0.5, 'half'); return 42; })).toEqual({ status: 'done', value: 42 });
    expect(task.running).toBe(false);
    const failed = await task.run(async () => { throw new RangeError('no'); });
    expect(failed.status).toBe('failed');
    expect(failed.status === 'failed' && failed.error).toBeInstanceOf(RangeError);

    let release: () => void = () => {};
    const first = task.run(({ signal }) => new Promise<number>((resolve, reject) => {
      release = () => resolve(1);
      signal.addEventListener('abort', () => reject(new CancelledError()));
    }));
    expect(task.running).toBe(true);
    const second = task.run(async ({ onProgress }) => { onProgress(0.25, 'second'); return 2; });
    expect(await first).toEqual({ status: 'cancelled' });
    expect(await second).toEqual({ status: 'done', value: 2 });
    expect(task.fraction).toBe(0.25);
    release();

    const third = task.run(({ signal }) => new Promise<number>((_, reject) => signal.addEventListener('abort', () => reject(new CancelledError()))));
    task.cancel();
    expect(await third).toEqual({ status: 'cancelled' });
    expect(task.running).toBe(false);
  });
});
