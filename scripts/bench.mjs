#!/usr/bin/env node
// `npm run bench`: the performance suite at Fenyang (49), Shanxi (7,701) and China (170,000) scale, with GEOS
// (Debian's python3-shapely: `apt-get install python3-shapely`) timed on the very same data in the same run.
//   npm run bench                    full run: merge + coverage at 49 / 7,701 / 170,000, idle-land at 49 / 7,701,
//                                    validation, API layer fetch and seeding at 49 / 7,701, map in Chromium (bench-map)
//   npm run bench -- --quick         49 and 1,000 only (a fast check), no map
//   npm run bench -- --sizes 49,7701 chosen sizes
//   options: --no-geos, --no-api, --no-map, --runs N, --out FILE (default bench/results.json)
// Prints tables and writes bench/results.json with the machine it ran on. Timings are medians after warm-up, in ms.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createServer } from 'vite';
import { ROOT } from './lib/pocketbase.mjs';

function parseArgs(argv) {
  const o = { quick: false, sizes: null, geos: true, api: true, map: true, runs: 5, out: path.join(ROOT, 'bench/results.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') o.quick = true;
    else if (a === '--sizes') o.sizes = argv[++i].split(',').map((s) => Number(s.replace(/_/g, '')));
    else if (a.startsWith('--sizes=')) o.sizes = a.slice(8).split(',').map(Number);
    else if (a === '--no-geos') o.geos = false;
    else if (a === '--no-api') o.api = false;
    else if (a === '--no-map') o.map = false;
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--out') o.out = path.resolve(argv[++i]);
    else throw new Error(`unknown option ${a}`);
  }
  if (o.sizes && o.sizes.some((n) => !Number.isInteger(n) || n < 2)) throw new Error('--sizes takes compound counts ≥ 2, e.g. 49,7701');
  if (o.quick) {
    o.sizes ??= [49, 1000];
    o.map = false;
  }
  o.sizes ??= [49, 7701, 170000];
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const t0 = performance.now();
const log = (msg) => process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);
const n = (v) => (typeof v === 'number' ? v.toLocaleString('en-US') : '—');
const f1 = (v) => (v === null || v === undefined ? '—' : v.toFixed(1));
const ratio = (a, b) => (a === null || b === null || b === undefined || !b ? null : Math.round((a / b) * 100) / 100);

const vite = await createServer({ root: ROOT, server: { middlewareMode: true }, appType: 'custom', logLevel: 'error' });
const results = { machine: null, options: { ...opts, out: path.relative(ROOT, opts.out) }, merge: [], idleLand: [], idleLandNational: [], validate: [], api: [], seed: null, map: null, notes: [] };
try {
  const suite = await vite.ssrLoadModule('/bench/suite.ts');
  const { runMergeBench } = await vite.ssrLoadModule('/bench/merge.ts');
  const { runIdleLandBench } = await vite.ssrLoadModule('/bench/idle-land.ts');
  results.machine = suite.machineFacts();
  const m = results.machine;
  const haveGeos = opts.geos && m.shapely !== null;
  if (!haveGeos) {
    results.notes.push(opts.geos
      ? 'GEOS not measured: /usr/bin/python3 has no shapely (Debian: apt-get install python3-shapely). Our figures alone.'
      : 'GEOS not measured (--no-geos). Our figures alone.');
  }
  log(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, load ${m.loadAverage}; shapely ${m.shapely ?? '—'} / GEOS ${m.geos ?? '—'}`);

  // 1. Merge (adjacency grouping + closing unions) at every size; Turf baseline up to 1,000.
  log(`merge at ${opts.sizes.map(n).join(' / ')} …`);
  results.merge = await runMergeBench({ sizes: opts.sizes, runs: opts.runs, warmup: 2, geos: haveGeos, toleranceM: 15, seed: 1, turfMax: 1000 });

  // 2. Idle land (≤ 7,701: every compound with its buildings) and coverage (every size; 500 facilities).
  const idleSizes = opts.sizes.filter((s) => s <= 20_000);
  log(`idle-land + coverage at ${idleSizes.map(n).join(' / ')} …`);
  // one pass over 7,701 compounds is already thousands of calls (warm); GEOS takes minutes there, so one timed run
  for (const size of idleSizes) {
    const big = size > 5000;
    results.idleLand.push(...(await runIdleLandBench({ sizes: [size], runs: big ? 1 : 3, warmup: big ? 0 : 1, geos: haveGeos })));
  }
  // National scale: idle land over every compound (what the worker's scan runs), GEOS on a sample
  const { runIdleLandNationalBench } = await vite.ssrLoadModule('/bench/idle-land.ts');
  for (const size of opts.sizes.filter((s) => s > 20_000)) {
    log(`idle-land at ${n(size)} (every compound; GEOS on a sample of 7,701) …`);
    results.idleLandNational.push(await runIdleLandNationalBench({ size, geosSample: 7701, geos: haveGeos, onStep: log }));
  }
  const covOnly = opts.sizes.filter((s) => s > 20_000);
  if (covOnly.length) {
    // China scale: coverage only (buildings are not generated above 20,000; idle land is per compound and linear)
    log(`coverage at ${covOnly.map(n).join(' / ')} …`);
    results.idleLand.push(...(await coverageOnly(suite, covOnly, haveGeos)));
  }

  // 3. Import validation over the synthetic compounds.
  log('import validation …');
  results.validate = await suite.runValidateBench({ sizes: opts.sizes, runs: 3, warmup: 1 });

  // 4. API: load compounds in batches, whole-layer fetch vs paged listing; 5. seeding the 49-compound demo.
  if (opts.api) {
    const apiSizes = opts.sizes.filter((s) => s <= 20_000);
    log(`API at ${apiSizes.map(n).join(' / ')} (loading through the batch API takes a while) …`);
    results.api = await suite.runApiBench({ sizes: apiSizes, runs: 3, onStep: log });
    log('seeding the demo …');
    results.seed = await suite.runSeedBench();
  }

  // 6. Map in headless Chromium (scripts/bench-map.mjs writes its own JSON; we fold it in).
  if (opts.map) {
    const mapOut = path.join(ROOT, 'bench/tmp/map-results.json');
    const mapSizes = opts.sizes.filter((s) => s <= 20_000).map((s) => (s === 49 ? 'demo' : String(s)));
    log(`map in Chromium (${mapSizes.join(', ')}) …`);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/bench-map.mjs'), '--sizes', mapSizes.join(','), '--out', mapOut], {
      cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status === 0 && fs.existsSync(mapOut)) results.map = JSON.parse(fs.readFileSync(mapOut, 'utf8')).rows;
    else results.notes.push(`map bench failed (exit ${r.status}); run npm run bench:map alone to see why`);
  }
} finally {
  await vite.close();
}

async function coverageOnly(suite, sizes, geos) {
  // runIdleLandBench generates buildings for idle land; above 20,000 we time coverage alone through the same module
  const { coverage, catalogueRadiusM } = await vite.ssrLoadModule('/src/lib/geo/coverage.ts');
  const { syntheticCity } = await vite.ssrLoadModule('/bench/synthetic-city.ts');
  const rows = [];
  for (const size of sizes) {
    const city = syntheticCity({ compounds: size, seed: 1, withBuildings: false });
    const all = city.facilities.features;
    const step = all.length / 500;
    const fac = { type: 'FeatureCollection', features: all.length <= 500 ? all : Array.from({ length: 500 }, (_, i) => all[Math.floor(i * step)]) };
    const types = [...new Set(fac.features.map((f) => String(f.properties.type)))].sort();
    const radiusM = Object.fromEntries(types.map((t) => [t, catalogueRadiusM(t) ?? 300]));
    const { ms, result } = await suite.timeAsync(3, 1, () => {
      const r = coverage(city.compounds, fac, { types, radiusM });
      return Object.values(r.byType).reduce((s, t) => s + t.covered.length, 0);
    });
    let geosMs = null;
    let geosResult = null;
    if (geos) {
      const dir = fs.mkdtempSync(path.join(ROOT, 'bench/tmp/cov-'));
      try {
        const file = path.join(dir, 'city.json');
        const [w, s, e, nn] = suite.boundsOf(city.compounds, 0);
        const empty = { type: 'FeatureCollection', features: [] };
        fs.writeFileSync(file, JSON.stringify({
          lon0: (w + e) / 2, lat0: (s + nn) / 2, compounds: city.compounds, buildings: empty, roads: empty, facilities: empty,
          idleBuildings: empty, coverageFacilities: fac, radiusM, opts: { setbackM: 6, minWidthM: 10, minAreaM2: 100 },
          runs: 3, warmup: 1, withCoverage: true, withIdleLand: false,
        }));
        const r = spawnSync('/usr/bin/python3', [path.join(ROOT, 'bench/geos/idle_land.py'), file], { encoding: 'utf8', maxBuffer: 1 << 24 });
        if (r.status === 0) {
          const out = JSON.parse(r.stdout.trim().split('\n').pop());
          geosMs = out.coverage_ms === null ? null : Math.round(out.coverage_ms * 10) / 10;
          geosResult = out.coveredPairs ?? null;
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    rows.push({ task: 'coverage', size, compounds: size, buildings: 0, facilities: fac.features.length, ours_ms: ms, geos_ms: geosMs, ours_result: result, geos_result: geosResult });
  }
  return rows;
}

// ---- report ----
// written once before the table too, so a formatting slip never loses a long run's figures
fs.mkdirSync(path.dirname(opts.out), { recursive: true });
fs.writeFileSync(opts.out, JSON.stringify(results, null, 1) + '\n');
const out = [];
const m = results.machine;
out.push(`Machine: ${m.cpu} · ${m.cores} cores · ${m.memoryGB} GB · Node ${m.node} · ${m.platform} · load average ${m.loadAverage} at start`);
out.push(`GEOS: ${m.geos ? `shapely ${m.shapely} / GEOS ${m.geos} (/usr/bin/python3)` : 'not available'} · ${m.date}`);
out.push('', 'Merge adjacent compounds (tolerance 15 m): ours vs GEOS on the same file');
out.push(formatMergeTableSafe());
out.push('', 'Idle land (every compound, with buildings) and coverage (500 facilities)');
out.push(fmt(['task', 'compounds', 'ours ms', 'GEOS ms', 'ours/GEOS', 'result (ours / GEOS)'], results.idleLand.map((r) => [
  r.task, n(r.size), f1(r.ours_ms), f1(r.geos_ms), f1OrDash(ratio(r.ours_ms, r.geos_ms), 2), `${r.ours_result} / ${r.geos_result ?? '—'}`,
])));
if (results.idleLandNational.length) {
  out.push('', 'Idle land at national scale (findIdleLandEach over every compound, with progress; GEOS on an evenly spaced sample, estimated for all)');
  out.push(fmt(['compounds', 'buildings', 'ours ms', 'pieces', 'progress reports', 'max gap ms', 'sample', 'ours sample ms', 'GEOS sample ms', 'GEOS est. all ms'], results.idleLandNational.map((r) => [
    n(r.size), n(r.buildings), f1(r.ours_ms), n(r.pieces), String(r.progressReports), f1(r.maxProgressGapMs), n(r.sampleSize), f1(r.oursSampleMs),
    f1(r.geosSampleMs), r.geosEstimatedMs === null ? '—' : n(r.geosEstimatedMs),
  ])));
}
out.push('', 'Import validation (validateFeatures over the compounds)');
out.push(fmt(['compounds', 'ms', 'errors', 'warnings'], results.validate.map((r) => [n(r.size), f1(r.ms), String(r.errors), String(r.warnings)])));
if (results.api.length) {
  out.push('', 'API (real PocketBase): loading in batches of 1,000, and the whole compound layer reaching a client');
  out.push(fmt(['compounds', 'load ms', 'buildings', 'load bldg ms', 'layer 1 req cold', 'warm', 'MB', 'paged ms', 'paged reqs', 'bldg layer ms'], results.api.map((r) => [
    n(r.size), f1(r.loadCompoundsMs), n(r.buildings), f1(r.loadBuildingsMs), f1(r.layerColdMs), f1(r.layerWarmMs), r.layerMB.toFixed(2),
    f1(r.pagedMs), String(r.pagedRequests), f1(r.buildingsLayerMs),
  ])));
  out.push('', 'Bulk load (POST /api/fy/bulk: one request, one transaction, every rule and audit row) on a fresh server');
  out.push(fmt(['compounds', 'bulk ms', 'buildings', 'bulk bldg ms', 'batch API ms (above)'], results.api.map((r) => [
    n(r.size), f1(r.bulkCompoundsMs), n(r.bulkBuildingCount ?? 0), f1(r.bulkBuildingsMs), f1(r.loadCompoundsMs),
  ])));
}
if (results.seed) {
  out.push('', `Seeding the 49-compound demo through the API (divisions, users, bulk-loaded compounds/buildings/context, programme in batches): ${f1(results.seed.demoSeedMs)} ms`);
  out.push(`A new instance with the demo from the prepared data dir (npm start, every test server): ${f1(results.seed.preparedCopyMs)} ms`);
}
if (results.map) {
  out.push('', 'Map in headless Chromium (SwiftShader, no GPU)');
  out.push(fmt(['data', 'compounds', 'to map idle ms', 'pan median frame ms', 'pan p95', 'zoom median', 'street pan median', 'jump to street zoom: longest task ms', 'warm-up ms (longest task)'], results.map.map((r) => [
    r.label, n(r.compounds), f1(r.idleMs), f1(r.pan?.median), f1(r.pan?.p95), f1(r.zoom?.median), f1(r.streetPan?.median), f1(r.jumpMaxTaskMs),
    r.warmUpMs === undefined ? '—' : `${f1(r.warmUpMs)} (${f1(r.warmUpMaxTaskMs)})`,
  ])));
}
for (const note of results.notes) out.push('', `Note: ${note}`);
out.push('', `Total ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
const text = out.join('\n');
console.log(text);
results.table = text;
fs.mkdirSync(path.dirname(opts.out), { recursive: true });
fs.writeFileSync(opts.out, JSON.stringify(results, null, 1) + '\n');
log(`wrote ${path.relative(ROOT, opts.out)}`);

function formatMergeTableSafe() {
  return results.merge.length ? formatMergeTableText(results.merge) : '(not run)';
}
function formatMergeTableText(rows) {
  return fmt(['compounds', 'groups', 'cluster ms', 'merge ms (ours)', 'GEOS ms', 'ours/GEOS', 'Turf union ms', 'valid zones', 'repaired'], rows.map((r) => [
    n(r.size), String(r.groups) + (r.geosGroups !== null && r.geosGroups !== r.groups ? ` (GEOS ${r.geosGroups})` : ''),
    f1(r.clusterMs), f1(r.mergeMs), f1(r.geosMs), f1OrDash(r.ratioToGeos, 2), f1(r.turfUnionMs), String(r.validZones ?? '—'), String(r.repairedZones ?? '—'),
  ]));
}
function f1OrDash(v, d) {
  return v === null || v === undefined ? '—' : v.toFixed(d);
}
function fmt(head, cells) {
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i] ?? '').length)));
  const line = (c) => c.map((v, i) => String(v ?? '').padStart(widths[i])).join('  ');
  return [line(head), ...cells.map(line)].join('\n');
}
