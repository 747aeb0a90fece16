// Loads Fenyang's divisions and, on an empty database, the demo programme — through the API, as the app would.
// Idempotent: divisions are matched by code and only missing ones are created; the demo is loaded only when there are
// no compounds at all, in one all-or-nothing batch, so it never overwrites an edit and never half-loads.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import PocketBase from 'pocketbase';
import { ROOT } from './pocketbase.mjs';
import { programmeItems } from './demo-programme.mjs';

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
  { email: 'market@demo.fenyang', name: '市场监管局(示例)', role: 'department', department: 'market' },
  { email: 'civil@demo.fenyang', name: '民政局(示例)', role: 'department', department: 'civil' },
];

async function batchCreate(pb, items, chunk = 2000) {
  // One batch is one SQLite transaction; the demo fits in one, so it is all-or-nothing.
  for (let i = 0; i < items.length; i += chunk) {
    const batch = pb.createBatch();
    for (const { collection, body } of items.slice(i, i + chunk)) batch.collection(collection).create(body);
    await batch.send();
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
  if (items.length) await batchCreate(pb, items);
  return { townships: haveT, created: items.length };
}

function demoItems(townshipIds) {
  const compounds = readJson('data/demo/compounds.geojson').features;
  const buildings = readJson('data/demo/buildings.geojson').features;
  const context = readJson('data/demo/context.geojson').features;
  const compoundId = (code) => stableId('compound', code);
  const items = [];
  // #5: stage events, annual plans, renovation items and funding; construction facts also go onto the compound.
  const programme = programmeItems(compounds, stableId, townshipIds);
  for (const f of compounds) {
    const { township_code, community_code, stage_history, ...p } = f.properties;
    items.push({
      collection: 'compounds',
      body: {
        ...p,
        id: compoundId(p.code),
        township: townshipIds.get(township_code),
        community: community_code ? stableId('community', community_code) : '',
        plan_year: p.plan_year ?? null,
        geometry: f.geometry,
        is_demo: true,
        ...programme.compoundExtra.get(p.code),
      },
    });
  }
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
  return { items };
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
  if (items.length) await batchCreate(pb, items);
  return items.length;
}

/**
 * @param {{url: string, email: string, password: string, demo?: boolean}} opts
 * @returns {Promise<{divisionsCreated: number, demoLoaded: boolean, usersCreated: number}>}
 */
export async function seed({ url, email, password, demo = true }) {
  const pb = new PocketBase(url);
  pb.autoCancellation(false);
  await pb.collection('_superusers').authWithPassword(email, password);
  const { townships, created } = await seedDivisions(pb);
  let demoLoaded = false;
  let usersCreated = 0;
  if (demo) {
    usersCreated = await seedDemoUsers(pb, townships);
    const anyCompound = await pb.collection('compounds').getList(1, 1, { fields: 'id' });
    if (anyCompound.totalItems === 0) {
      const { items } = demoItems(townships);
      await batchCreate(pb, items, items.length);
      demoLoaded = true;
    }
  }
  return { divisionsCreated: created, demoLoaded, usersCreated };
}
