// Loads Fenyang's divisions and, on an empty database, the demo programme — through the API, as the app would (every
// record passes the same rules and hooks as a user's). Idempotent: divisions are matched by code and only missing ones
// are created; the demo is loaded only when there are no compounds at all, so it never overwrites an edit.
// Writes go in batches sized to finish well inside the server's batch timeout (a busy machine only makes batches
// smaller, never fails the seed). An interrupted demo load is resumed on the next start: `stateFile` marks a load in
// progress, and only the records not written yet are created then.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import PocketBase from 'pocketbase';
import { ROOT } from './pocketbase.mjs';
import { programmeItems } from './demo-programme.mjs';
import { consentSurveyItems, demoContactItems } from './demo-consent.mjs';
import { demoFiles } from './demo-files.mjs';
import { oversightItems } from './demo-oversight.mjs';
import { seedParticipationDemo } from './demo-participation.mjs';
import { seedDemoBoundaries } from './demo-boundaries.mjs';

// Staff-only compound facts live in their own collection (one record per compound, same id): pb_hooks/lib.
const PRIVATE = JSON.parse(fs.readFileSync(path.join(ROOT, 'pb_hooks/lib/compound-private.json'), 'utf8'));


const readJson = (rel) => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));

/** A stable 15-character record id for a natural key, so one batch can link records it creates. */
export function stableId(kind, key) {
  const hex = crypto.createHash('sha256').update(`${kind}:${key}`).digest('hex');
  return BigInt('0x' + hex.slice(0, 24)).toString(36).padStart(15, '0').slice(-15);
}

/** Demo sign-in accounts, one per role (printed by `npm start`). */
export const DEMO_PASSWORD = 'fenyang2025';
export const DEMO_USERS = [
  { email: 'office@demo.fenyang', name: '住建局改造办(示例)', role: 'office' },
  { email: 'planner@demo.fenyang', name: '设计院规划师(示例)', role: 'planner' },
  { email: 'wenfeng@demo.fenyang', name: '文峰街道(示例)', role: 'township', township_code: '141182001' },
  { email: 'taihe@demo.fenyang', name: '太和桥街道(示例)', role: 'township', township_code: '141182002' },
  { email: 'xihe@demo.fenyang', name: '西河街道(示例)', role: 'township', township_code: '141182003' },
  { email: 'finance@demo.fenyang', name: '财政局(示例)', role: 'department', department: 'finance' },
  { email: 'audit@demo.fenyang', name: '审计局(示例)', role: 'department', department: 'audit' },
  { email: 'approval@demo.fenyang', name: '行政审批局(示例)', role: 'department', department: 'approval' },
  { email: 'development@demo.fenyang', name: '发改局(示例)', role: 'department', department: 'development' },
  { email: 'market@demo.fenyang', name: '市场监管局(示例)', role: 'department', department: 'market' },
  { email: 'civil@demo.fenyang', name: '民政局(示例)', role: 'department', department: 'civil' },
  { email: 'resources@demo.fenyang', name: '自然资源局(示例)', role: 'department', department: 'resources' },
  { email: 'inspection@demo.fenyang', name: '市政府督查室(示例)', role: 'inspection' },
];

/** A seeding failure with the server's own reason and the record it refused. */
export class SeedError extends Error {}

/** PocketBase answers a batch that ran past its timeout with 400 and no per-request detail. */
function isBatchTimeout(err) {
  const r = err?.response;
  return err?.status === 400 && r && !r.data?.requests && /batch transaction/i.test(r.message ?? '');
}

function describeBatchError(err, chunk) {
  const requests = err?.response?.data?.requests;
  if (requests && typeof requests === 'object') {
    for (const [k, v] of Object.entries(requests)) {
      const item = chunk[Number(k)];
      const resp = v?.response ?? {};
      const fields = Object.entries(resp.data ?? {}).map(([f, e]) => `${f}: ${e?.message ?? e?.code ?? ''}`).join('; ');
      const what = item ? `${item.collection} ${item.update ?? item.body.id ?? item.body.code ?? item.body.email ?? ''}${item.update && item.body.status ? ` → ${item.body.status}` : ''}` : `request ${k}`;
      return new SeedError(`${what}: ${resp.message ?? v?.message ?? ''}${fields ? ` (${fields})` : ''}`);
    }
  }
  if (err?.status === 0) return new SeedError(`无法连接 PocketBase / cannot reach PocketBase: ${err.message}`);
  return new SeedError(err?.response?.message ?? err?.message ?? String(err));
}

/**
 * Writes `items` in order — creates ({collection, body}) and updates ({collection, update: id, body}) — in batches
 * that take about a quarter of the server's batch timeout: the first batch is small, later ones are sized from how
 * long the last one took, and a batch that still times out (its transaction is rolled back whole) is retried at half
 * the size.
 */
export async function batchWrite(pb, items, onProgress) {
  const settings = await pb.settings.getAll().catch(() => null);
  const timeoutMs = Math.max(1, settings?.batch?.timeout ?? 3) * 1000;
  const maxRequests = Math.max(1, settings?.batch?.maxRequests ?? 50);
  let size = Math.min(100, maxRequests);
  let done = 0;
  while (done < items.length) {
    const chunk = items.slice(done, done + size);
    const batch = pb.createBatch();
    for (const { collection, body, update } of chunk) {
      if (update) batch.collection(collection).update(update, body);
      else batch.collection(collection).create(body);
    }
    const started = Date.now();
    try {
      await batch.send({ requestKey: null });
    } catch (err) {
      if (isBatchTimeout(err) && size > 1) {
        size = Math.max(1, Math.floor(size / 2));
        continue;
      }
      throw describeBatchError(err, chunk);
    }
    done += chunk.length;
    onProgress?.(done, items.length);
    const ms = Math.max(1, Date.now() - started);
    size = Math.max(1, Math.min(maxRequests, 1000, Math.round((chunk.length * timeoutMs) / 4 / ms)));
  }
}
const BULK_COLLECTIONS = new Set(['compounds', 'buildings', 'context_features']);

/** Creates `items` through the bulk-load route (pb_hooks/bulk.pb.js): one request, one transaction. */
async function bulkCreate(pb, items) {
  if (!items.length) return;
  const operations = items.map(({ collection, body }) => ({ collection, action: 'create', id: body.id, body }));
  try {
    await pb.send('/api/fy/bulk', { method: 'POST', body: { operations }, requestKey: null });
  } catch (err) {
    if (err?.status === 0) throw new SeedError(`无法连接 PocketBase / cannot reach PocketBase: ${err.message}`);
    throw new SeedError(err?.response?.message ?? err?.message ?? String(err));
  }
}

async function seedDivisions(pb) {
  const divisions = readJson('data/divisions.json');
  const haveT = new Map((await pb.collection('townships').getFullList({ fields: 'id,code' })).map((r) => [r.code, r.id]));
  const haveC = new Set((await pb.collection('communities').getFullList({ fields: 'code' })).map((r) => r.code));
  const items = [];
  for (const t of divisions.townships) {
    if (haveT.has(t.code)) continue;
    const id = stableId('township', t.code);
    haveT.set(t.code, id);
    items.push({ collection: 'townships', body: { id, code: t.code, name: t.name, kind: t.kind } });
  }
  for (const c of divisions.communities) {
    if (haveC.has(c.code)) continue;
    items.push({
      collection: 'communities',
      body: { id: stableId('community', c.code), code: c.code, name: c.name, township: haveT.get(c.township_code) },
    });
  }
  if (items.length) await batchWrite(pb, items);
  return { townships: haveT, created: items.length };
}

// Consent is set by the server from survey records (demo-consent.mjs), never written directly.
const CONSENT_FROM_SURVEYS = ['consent_pct', 'consent_date'];

/** Today in Beijing (the demo's history ends on the day it is seeded). */
export function beijingToday(now = Date.now()) {
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * The demo's writes, in the order the city would have made them: the register (compounds at 征集需求 with their
 * staff-only facts, buildings, context), then the programme (demo-programme.mjs), dated relative to `asOf`.
 */
export function demoItems(townshipIds, asOf = beijingToday()) {
  const divisions = readJson('data/divisions.json');
  const compounds = readJson('data/demo/compounds.geojson').features;
  const buildings = readJson('data/demo/buildings.geojson').features;
  const context = readJson('data/demo/context.geojson').features;
  const compoundId = (code) => stableId('compound', code);
  const programme = programmeItems({
    features: compounds, stableId, townshipIds, asOf, files: demoFiles,
    townshipNames: new Map(divisions.townships.map((t) => [t.code, t.name])),
    communityNames: new Map(divisions.communities.map((c) => [c.code, c.name])),
  });
  const items = [];
  const privateItems = [];
  const surveyed = [];
  // The register: every compound enters at 征集需求; its stage, plan year and tier come from the programme's records.
  const REGISTER_ONLY = ['township_code', 'community_code', 'stage', 'plan_offset', 'tier'];
  for (const f of compounds) {
    const body = {};
    const facts = {};
    for (const [k, v] of Object.entries(f.properties)) {
      if (REGISTER_ONLY.includes(k) || CONSENT_FROM_SURVEYS.includes(k)) continue;
      (PRIVATE.fields.includes(k) ? facts : body)[k] = v;
    }
    Object.assign(facts, programme.compoundFacts.get(f.properties.code));
    // The consent figure comes from a demo survey on the programme's consent date.
    surveyed.push({ properties: { ...f.properties, consent_date: facts.consent_date ?? f.properties.consent_date } });
    for (const k of CONSENT_FROM_SURVEYS) delete facts[k];
    const id = compoundId(f.properties.code);
    items.push({
      collection: 'compounds',
      body: {
        ...body, id, stage: 'demand', plan_year: null, tier: '',
        township: townshipIds.get(f.properties.township_code),
        community: f.properties.community_code ? stableId('community', f.properties.community_code) : '',
        geometry: f.geometry, is_demo: true,
      },
    });
    privateItems.push({ collection: PRIVATE.collection, body: { ...facts, id, compound: id } });
  }
  items.push(...privateItems);
  items.push(...consentSurveyItems(surveyed, stableId));
  items.push(...demoContactItems(compounds, stableId));
  buildings.forEach((f, i) => {
    const { compound_code, ...p } = f.properties;
    items.push({
      collection: 'buildings',
      body: { ...p, id: stableId('building', `${compound_code}:${i}`), compound: compoundId(compound_code), geometry: f.geometry, is_demo: true },
    });
  });
  context.forEach((f, i) => {
    const { compound_code, ...p } = f.properties;
    items.push({
      collection: 'context_features',
      body: { ...p, id: stableId('context', String(i)), compound: compound_code ? compoundId(compound_code) : '', geometry: f.geometry, is_demo: true },
    });
  });
  items.push(...programme.items);
  items.push(...oversightItems({ features: compounds, context, stableId, townshipIds, timeline: programme.timeline, files: demoFiles }));
  return { items, timeline: programme.timeline };
}

async function seedDemoUsers(pb, townshipIds) {
  const have = new Set((await pb.collection('users').getFullList({ fields: 'email' })).map((r) => r.email));
  const items = [];
  for (const u of DEMO_USERS) {
    if (have.has(u.email)) continue;
    items.push({
      collection: 'users',
      body: {
        id: stableId('user', u.email), email: u.email, emailVisibility: true, verified: true, name: u.name, role: u.role,
        township: u.township_code ? townshipIds.get(u.township_code) : '', department: u.department ?? '',
        password: DEMO_PASSWORD, passwordConfirm: DEMO_PASSWORD, active: true, is_demo: true,
      },
    });
  }
  if (items.length) await batchWrite(pb, items);
  return items.length;
}

/**
 * Writes already made are left out: creates whose record exists (by id), updates whose record already shows them
 * (`done`). Resuming an interrupted load writes only the rest, in the same order.
 */
async function missingOnly(pb, items) {
  const existing = new Map();
  for (const name of new Set(items.map((i) => i.collection))) {
    const rows = await pb.collection(name).getFullList({ batch: 5000, requestKey: null });
    existing.set(name, new Map(rows.map((r) => [r.id, r])));
  }
  return items.filter((i) => {
    if (!i.update) return !existing.get(i.collection).has(i.body.id);
    const rec = existing.get(i.collection).get(i.update);
    return !rec || !i.done?.(rec);
  });
}

/**
 * @param {{url: string, email: string, password: string, demo?: boolean, stateFile?: string,
 *   onProgress?: (done: number, total: number) => void}} opts
 * @returns {Promise<{divisionsCreated: number, demoLoaded: boolean, usersCreated: number, resumed: boolean}>}
 */
export async function seed({ url, email, password, demo = true, stateFile, onProgress }) {
  const pb = new PocketBase(url);
  pb.autoCancellation(false);
  await pb.collection('_superusers').authWithPassword(email, password);
  const { townships, created } = await seedDivisions(pb);
  let demoLoaded = false;
  let usersCreated = 0;
  let resumed = false;
  if (demo) {
    usersCreated = await seedDemoUsers(pb, townships);
    resumed = !!stateFile && fs.existsSync(stateFile);
    const anyCompound = await pb.collection('compounds').getList(1, 1, { fields: 'id' });
    if (anyCompound.totalItems === 0 || resumed) {
      const { items } = demoItems(townships);
      if (stateFile) fs.writeFileSync(stateFile, `demo load started ${new Date().toISOString()}\n`);
      const todo = resumed ? await missingOnly(pb, items) : items;
      // Compounds, buildings and context features: one bulk-load request (one transaction, the same rules); the rest
      // after them in order through batches (their hooks are the stage machine, plans and money, replayed in time).
      const geo = todo.filter((i) => BULK_COLLECTIONS.has(i.collection) && !i.update);
      const inBulk = new Set(geo);
      const rest = todo.filter((i) => !inBulk.has(i));
      await bulkCreate(pb, geo);
      onProgress?.(geo.length, todo.length);
      await batchWrite(pb, rest, onProgress && ((done, total) => onProgress(geo.length + done, geo.length + total)));
      if (!resumed) await seedParticipationDemo(pb);
      if (stateFile) fs.rmSync(stateFile, { force: true });
      demoLoaded = true;
    }
    await seedDemoBoundaries(pb, batchWrite, stableId);
  }
  return { divisionsCreated: created, demoLoaded, usersCreated, resumed };
}
