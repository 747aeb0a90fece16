// The parts of `npm run bench` beyond merge and idle-land (bench/merge.ts, bench/idle-land.ts): machine facts, import
// validation, loading synthetic compounds into a real PocketBase in batches, the API's whole-layer fetch (one request,
// pb_hooks/layer-cache.pb.js) against paged listing, and seeding the 49-compound demo. Timings are medians in ms; they
// live here and in bench/results.json, never in tests (test/geo/bench-suite.test.ts runs these paths at 49, runs = 1).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PocketBase from 'pocketbase';
import type { FeatureCollection, Geometry } from 'geojson';
import { freePort, migrateUp, serve, upsertSuperuser } from '../scripts/lib/pocketbase.mjs';
import { seed, stableId } from '../scripts/lib/seed.mjs';
import { prepareSeededDataDir, templateDir } from '../scripts/lib/template.mjs';
import { syntheticCity, type SyntheticCity } from './synthetic-city';
import { validateFeatures } from '../src/lib/import/validate';
import { STAGES } from '../src/lib/types';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const r1 = (v: number) => Math.round(v * 10) / 10;

/** Median of `runs` timed calls after `warmup` untimed ones, ms (0.1). Async-aware. */
export async function timeAsync<T>(runs: number, warmup: number, fn: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  let result!: T;
  for (let i = 0; i < warmup; i++) result = await fn();
  const t: number[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    const t0 = performance.now();
    result = await fn();
    t.push(performance.now() - t0);
  }
  return { ms: r1(median(t)), result };
}

export interface MachineFacts {
  node: string;
  cpu: string;
  cores: number;
  memoryGB: number;
  platform: string;
  date: string;
  /** 1-minute load average when the run started (the machine is shared: figures scale with it). */
  loadAverage: number;
  /** null when /usr/bin/python3 has no shapely (Debian: apt-get install python3-shapely). */
  shapely: string | null;
  geos: string | null;
}

/** shapely and GEOS versions of Debian's python3 (the interpreter bench/geos/*.py run with), or nulls. */
export function geosVersions(): { shapely: string | null; geos: string | null } {
  for (const py of ['/usr/bin/python3', 'python3']) {
    try {
      const out = execFileSync(py, ['-c', 'import shapely, shapely.geos as g; print(shapely.__version__); print(g.geos_version_string)'], {
        encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000,
      }).trim().split('\n');
      return { shapely: out[0] ?? null, geos: out[1] ?? null };
    } catch {
      // try the next interpreter
    }
  }
  return { shapely: null, geos: null };
}

export function machineFacts(): MachineFacts {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadAverage: Math.round(os.loadavg()[0] * 10) / 10,
    ...geosVersions(),
  };
}

/** [west, south, east, north] of all positions, grown by `marginDeg`. */
export function boundsOf(fc: FeatureCollection<Geometry | null>, marginDeg = 0.01): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const walk = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    } else for (const k of c as unknown[]) walk(k);
  };
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) walk(f.geometry.coordinates);
  return [x0 - marginDeg, y0 - marginDeg, x1 + marginDeg, y1 + marginDeg];
}

export interface ValidateRow {
  size: number;
  ms: number;
  errors: number;
  warnings: number;
}

/**
 * Times validateFeatures (src/lib/import) over each synthetic city's compounds (bbox = the city's extent).
 * @example
 * const rows = await runValidateBench({ sizes: [49], runs: 1, warmup: 0 });
 */
export async function runValidateBench(opts: { sizes: number[]; runs?: number; warmup?: number; seed?: number }): Promise<ValidateRow[]> {
  const rows: ValidateRow[] = [];
  for (const size of opts.sizes) {
    const fc = syntheticCity({ compounds: size, seed: opts.seed ?? 1, withBuildings: false }).compounds;
    const bbox = boundsOf(fc);
    const big = size > 50_000;
    const { ms, result } = await timeAsync(big ? 1 : opts.runs ?? 3, big ? 0 : opts.warmup ?? 1, () => validateFeatures(fc.features, { bbox }));
    rows.push({
      size, ms,
      errors: result.reduce((s, r) => s + r.errors.length, 0),
      warnings: result.reduce((s, r) => s + r.warnings.length, 0),
    });
  }
  return rows;
}

/** Record bodies for synthetic compounds, marked is_demo, spread over the given township ids (a valid relation). */
export function compoundBodies(city: SyntheticCity, townshipIds: string[]): Record<string, unknown>[] {
  return city.compounds.features.map((f, i) => {
    const p = f.properties;
    return {
      id: stableId('compound', p.id),
      code: p.id,
      name: p.name,
      township: townshipIds[p.town % townshipIds.length],
      built_year: Math.min(2000, Math.max(1900, p.built_year)),
      households: p.households,
      // a deterministic spread over the six stages so the map shows every colour
      stage: STAGES[(i * 7 + p.town) % STAGES.length],
      geometry: f.geometry,
      is_demo: true,
    };
  });
}

/** Record bodies for synthetic buildings (ids stable per compound and position). */
export function buildingBodies(city: SyntheticCity): Record<string, unknown>[] {
  return city.buildings.features.map((f, i) => ({
    id: stableId('building', `${f.properties.compound}:${i}`),
    compound: stableId('compound', f.properties.compound),
    name: `${i + 1}号楼`,
    floors: f.properties.floors,
    geometry: f.geometry,
    is_demo: true,
  }));
}

export interface BenchServer {
  url: string;
  dir: string;
  admin: PocketBase;
  townshipIds: string[];
  stop(): Promise<void>;
}

const ADMIN = { email: 'bench@bench.local', password: 'bench-password-123' };

/**
 * A real PocketBase on a temp dir (migrations, hooks, superuser), geometry bounds widened to `bounds`, with Fenyang's
 * divisions loaded (and the 49-compound demo when `demo`); returns the superuser client and township ids.
 */
export async function startBenchServer(opts: { bounds?: [number, number, number, number]; demo?: boolean; publicDir?: string } = {}): Promise<BenchServer & { seedMs: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-bench-'));
  migrateUp(dir);
  upsertSuperuser(dir, ADMIN.email, ADMIN.password);
  const port = await freePort();
  const env: Record<string, string> = opts.bounds ? { PB_GEOMETRY_BOUNDS: opts.bounds.join(',') } : {};
  const server = await serve({ dir, port, env, publicDir: opts.publicDir });
  const stop = async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const t0 = performance.now();
    await seed({ url: server.url, ...ADMIN, demo: opts.demo ?? false });
    const seedMs = r1(performance.now() - t0);
    const admin = new PocketBase(server.url);
    admin.autoCancellation(false);
    await admin.collection('_superusers').authWithPassword(ADMIN.email, ADMIN.password);
    const townships = await admin.collection('townships').getFullList({ sort: 'code', fields: 'id' });
    return { url: server.url, dir, admin, townshipIds: townships.map((t) => t.id), stop, seedMs };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Creates records in batches of `batchSize` (each batch one transaction); returns the elapsed ms. */
export async function loadInBatches(pb: PocketBase, collection: string, bodies: Record<string, unknown>[], batchSize = 1000): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < bodies.length; i += batchSize) {
    const batch = pb.createBatch();
    for (const body of bodies.slice(i, i + batchSize)) batch.collection(collection).create(body);
    await batch.send();
  }
  return r1(performance.now() - t0);
}

/**
 * Creates records through the bulk-load route (pb_hooks/bulk.pb.js: one request, one transaction, every rule applied);
 * returns the elapsed ms (request sent to answer parsed).
 */
export async function loadBulk(pb: PocketBase, collection: string, bodies: Record<string, unknown>[]): Promise<number> {
  const t0 = performance.now();
  await pb.send('/api/fy/bulk', {
    method: 'POST', body: { operations: bodies.map((body) => ({ collection, action: 'create', body })) }, requestKey: null,
  });
  return r1(performance.now() - t0);
}

export interface ApiRow {
  size: number;
  buildings: number;
  /** Loading the synthetic compounds through the batch API, ms (one pass). */
  loadCompoundsMs: number;
  /** Loading the same compounds through the bulk-load route (one request, one transaction) into a fresh server, ms. */
  bulkCompoundsMs: number | null;
  /** The same for their buildings (null when buildings were not generated). */
  bulkBuildingsMs: number | null;
  loadBuildingsMs: number | null;
  /** GET /api/fy/compounds.geojson + JSON parse, first request after the load (cache empty), ms. */
  layerColdMs: number;
  /** The same, cached (median). */
  layerWarmMs: number;
  layerMB: number;
  /** Paged records API (getFullList, 1,000 per page) + parse, median ms, and its request count. */
  pagedMs: number;
  pagedRequests: number;
  /** GET /api/fy/buildings.geojson, cold, ms (null when buildings were not loaded). */
  buildingsLayerMs: number | null;
  /** Buildings in the bulk load. */
  bulkBuildingCount: number;
}

/**
 * Per size: a fresh PocketBase with divisions, the synthetic compounds (and buildings when `withBuildings`) loaded in
 * batches, then the whole-layer route against paged listing, both timed from an anonymous client.
 * @example
 * const rows = await runApiBench({ sizes: [49], runs: 1 });
 */
export async function runApiBench(opts: { sizes: number[]; runs?: number; seed?: number; withBuildings?: boolean; bulkBuildings?: boolean; batchSize?: number; onStep?: (msg: string) => void }): Promise<ApiRow[]> {
  const rows: ApiRow[] = [];
  for (const size of opts.sizes) {
    // buildings through the API cost ~5 ms a record in hooks: by default only up to 1,000 compounds
    const withBuildings = opts.withBuildings ?? size <= 1000;
    const city = syntheticCity({ compounds: size, seed: opts.seed ?? 1, withBuildings });
    const srv = await startBenchServer({ bounds: boundsOf(city.compounds) });
    try {
      opts.onStep?.(`api ${size}: loading compounds`);
      const loadCompoundsMs = await loadInBatches(srv.admin, 'compounds', compoundBodies(city, srv.townshipIds), opts.batchSize);
      const loadBuildingsMs = withBuildings ? await loadInBatches(srv.admin, 'buildings', buildingBodies(city), opts.batchSize) : null;
      const anon = new PocketBase(srv.url);
      anon.autoCancellation(false);
      const getLayer = async (name: string) => {
        const res = await fetch(`${srv.url}/api/fy/${name}.geojson`);
        const text = await res.text();
        const fc = JSON.parse(text) as FeatureCollection;
        if (!res.ok) throw new Error(`layer ${name}: ${res.status}`);
        return { n: fc.features.length, bytes: text.length };
      };
      const t0 = performance.now();
      const cold = await getLayer('compounds');
      const layerColdMs = r1(performance.now() - t0);
      if (cold.n !== size) throw new Error(`layer has ${cold.n} compounds, expected ${size}`);
      const runs = opts.runs ?? 3;
      const warm = await timeAsync(runs, 0, () => getLayer('compounds'));
      const paged = await timeAsync(Math.min(runs, 3), 0, () => anon.collection('compounds').getFullList({ batch: 1000 }));
      if (paged.result.length !== size) throw new Error(`paged listing returned ${paged.result.length}`);
      let buildingsLayerMs: number | null = null;
      if (withBuildings) {
        const b0 = performance.now();
        const b = await getLayer('buildings');
        buildingsLayerMs = r1(performance.now() - b0);
        if (b.n !== city.buildings.features.length) throw new Error(`buildings layer has ${b.n}`);
      }
      // the bulk-load route, on a second fresh server (the same records again would clash with the first load)
      opts.onStep?.(`api ${size}: bulk load`);
      const bulkCity = opts.bulkBuildings === false || size > 20_000 ? city : syntheticCity({ compounds: size, seed: opts.seed ?? 1, withBuildings: true });
      const bulkSrv = await startBenchServer({ bounds: boundsOf(city.compounds) });
      let bulkCompoundsMs: number | null = null;
      let bulkBuildingsMs: number | null = null;
      try {
        bulkCompoundsMs = await loadBulk(bulkSrv.admin, 'compounds', compoundBodies(bulkCity, bulkSrv.townshipIds));
        if (bulkCity.buildings.features.length) bulkBuildingsMs = await loadBulk(bulkSrv.admin, 'buildings', buildingBodies(bulkCity));
      } finally {
        await bulkSrv.stop();
      }
      rows.push({
        size, buildings: withBuildings ? city.buildings.features.length : 0, loadCompoundsMs, loadBuildingsMs, bulkCompoundsMs, bulkBuildingsMs,
        bulkBuildingCount: bulkCity.buildings.features.length,
        layerColdMs, layerWarmMs: warm.ms, layerMB: Math.round((cold.bytes / 1e6) * 100) / 100,
        pagedMs: paged.ms, pagedRequests: Math.max(1, Math.ceil(size / 1000)), buildingsLayerMs,
      });
    } finally {
      await srv.stop();
    }
  }
  return rows;
}

export interface SeedRow {
  /** seed() on an empty database through the API: divisions, demo users, compounds + buildings + context in one
   *  bulk-load request, the programme in batches, ms. */
  demoSeedMs: number;
  /** A new data dir from the prepared (seeded) template: the copy `npm start` and every test server make, ms (median of 3). */
  preparedCopyMs: number;
  compounds: number;
}

/**
 * Time to load the 49-compound demo through scripts/lib/seed.mjs on a fresh server, and to make a new data dir from the
 * prepared template instead (scripts/lib/template.mjs; built first if missing, not timed).
 * @example
 * const row = await runSeedBench();
 */
export async function runSeedBench(): Promise<SeedRow> {
  const srv = await startBenchServer({ demo: true });
  let compounds: number;
  try {
    compounds = (await srv.admin.collection('compounds').getList(1, 1, { fields: 'id' })).totalItems;
  } finally {
    await srv.stop();
  }
  await templateDir('seeded');
  const copies: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-bench-copy-'));
    try {
      copies.push(await prepareSeededDataDir(path.join(dir, 'data')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return { demoSeedMs: srv.seedMs, preparedCopyMs: median(copies), compounds };
}

/** Rows as a fixed-width text table (right-aligned cells). */
export function formatTable(head: string[], cells: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((v, i) => (v ?? '').padStart(widths[i])).join('  ');
  return [line(head), ...cells.map(line)].join('\n');
}
