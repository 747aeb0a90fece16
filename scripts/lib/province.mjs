// Province-scale demo data (#8): a PocketBase on its own data dir holding Fenyang's divisions, the demo accounts and
// a deterministic synthetic "Shanxi" of N compounds (default 7,701) with their buildings, all marked is_demo. Loading
// goes through the bulk-load route like any import (every rule applied) and resumes where it stopped, so the first
// start takes seconds and later starts are instant. Used by `npm run demo:province` and the map bench.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { ROOT, migrateUp, prepareDataDir, serve, upsertSuperuser } from './pocketbase.mjs';
import { seed } from './seed.mjs';

const FENYANG_BOUNDS = [111.3, 37.0, 112.2, 37.6];

/** Synthetic city, record bodies and bounds, generated through Vite (the generator is TypeScript). */
async function generate(compounds, withBuildings) {
  const { createServer } = await import('vite');
  const vite = await createServer({ root: ROOT, server: { middlewareMode: true }, appType: 'custom', logLevel: 'error' });
  try {
    const suite = await vite.ssrLoadModule('/bench/suite.ts');
    const { syntheticCity } = await vite.ssrLoadModule('/bench/synthetic-city.ts');
    const city = syntheticCity({ compounds, seed: 1, withBuildings });
    const b = suite.boundsOf(city.compounds, 0.02);
    const bounds = [Math.min(b[0], FENYANG_BOUNDS[0]), Math.min(b[1], FENYANG_BOUNDS[1]), Math.max(b[2], FENYANG_BOUNDS[2]), Math.max(b[3], FENYANG_BOUNDS[3])];
    return {
      bounds,
      compoundBodies: (townshipIds) => suite.compoundBodies(city, townshipIds),
      buildingBodies: withBuildings ? suite.buildingBodies(city) : [],
    };
  } finally {
    await vite.close();
  }
}

function credentials(dataDir) {
  const file = path.join(dataDir, '.admin-credentials.json');
  if (fs.existsSync(file)) return { ...JSON.parse(fs.readFileSync(file, 'utf8')), fresh: false };
  return { email: 'admin@fenyang.local', password: crypto.randomBytes(12).toString('base64url'), fresh: true, file };
}

/** Creates the records not there yet through the bulk-load route (one request and transaction per 5,000). */
async function loadMissing(pb, collection, bodies, log, label) {
  const have = new Set((await pb.collection(collection).getFullList({ fields: 'id', batch: 5000 })).map((r) => r.id));
  const todo = bodies.filter((b) => !have.has(b.id));
  const t0 = performance.now();
  const step = 5_000;
  for (let i = 0; i < todo.length; i += step) {
    const operations = todo.slice(i, i + step).map((body) => ({ collection, action: 'create', body }));
    await pb.send('/api/fy/bulk', { method: 'POST', body: { operations }, requestKey: null });
    log(`  ${label}: ${Math.min(i + step, todo.length).toLocaleString('en-US')} / ${todo.length.toLocaleString('en-US')}`);
  }
  return { loaded: todo.length, ms: Math.round(performance.now() - t0) };
}

/**
 * Starts (and on first use fills) the province demo server.
 * @param {{dataDir: string, port: number, host?: string, compounds?: number, buildings?: boolean, publicDir?: string,
 *   log?: (msg: string) => void}} opts
 * @returns {Promise<{url: string, stop: () => Promise<void>, child: import('node:child_process').ChildProcess,
 *   credentials: {email: string, password: string, fresh: boolean}, loaded: {compounds: number, buildings: number}}>}
 */
export async function startProvince({ dataDir, port, host = '127.0.0.1', compounds = 7701, buildings = true, publicDir, log = () => {} }) {
  const created = prepareDataDir(dataDir);
  const creds = credentials(dataDir);
  try {
    migrateUp(dataDir);
    if (creds.fresh) {
      upsertSuperuser(dataDir, creds.email, creds.password);
      fs.writeFileSync(creds.file, JSON.stringify({ email: creds.email, password: creds.password }), { mode: 0o600 });
    }
  } catch (err) {
    if (created) fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  log(`生成合成数据 / generating ${compounds.toLocaleString('en-US')} synthetic compounds …`);
  const data = await generate(compounds, buildings);
  const server = await serve({ dir: dataDir, port, host, publicDir, env: { PB_GEOMETRY_BOUNDS: data.bounds.join(',') } });
  try {
    await seed({ url: server.url, email: creds.email, password: creds.password, demo: false }); // divisions
    const pb = new PocketBase(server.url);
    pb.autoCancellation(false);
    await pb.collection('_superusers').authWithPassword(creds.email, creds.password);
    const townships = await pb.collection('townships').getFullList({ sort: 'code', fields: 'id' });
    const c = await loadMissing(pb, 'compounds', data.compoundBodies(townships.map((t) => t.id)), log, '小区 compounds');
    const b = await loadMissing(pb, 'buildings', data.buildingBodies, log, '楼栋 buildings');
    if (c.loaded) log(`  compounds loaded in ${(c.ms / 1000).toFixed(1)} s`);
    if (b.loaded) log(`  buildings loaded in ${(b.ms / 1000).toFixed(1)} s`);
    // demo accounts (the 49-compound demo itself is skipped: the database already has compounds)
    await seed({ url: server.url, email: creds.email, password: creds.password, demo: true });
    return { ...server, credentials: creds, loaded: { compounds: c.loaded, buildings: b.loaded } };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
