// The demo programme's records for #5 (示例数据): stage events from each compound's stage_history, approved annual plans
// 2021–2025 per township consistent with plan_year/tier, renovation items from the catalogue, and funding by source.
// Deterministic: every choice comes from a hash of the compound code. All records are is_demo and go into the seed's
// one all-or-nothing batch. Stage events are `imported` (history that moves nothing; only a superuser may write them).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './pocketbase.mjs';

const STAGES = ['demand', 'scheme', 'planned', 'construction', 'accepted', 'maintained'];
const UNITS = ['汾阳市城市建设发展有限公司(示例)', '山西汾州建设工程有限公司(示例)', '吕梁市建筑安装工程有限公司(示例)'];
// Shares of the planned money by source (policy §五); property_unit only where an original owner exists.
const SHARES = [
  ['central', 0.40], ['provincial', 0.15], ['municipal', 0.12], ['special_bonds', 0.10], ['resident_maintenance_fund', 0.04],
  ['resident_direct', 0.05], ['utilities', 0.06], ['property_unit', 0.05], ['social_capital', 0.03],
];

/** A number in [0, 1) from a key: the demo's only source of variety. */
function rnd(...key) {
  return parseInt(crypto.createHash('sha256').update(key.join(':')).digest('hex').slice(0, 8), 16) / 2 ** 32;
}
const day = (d) => `${d} 00:00:00.000Z`;
function addDays(date, n) {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
const round = (x, step) => Math.round(x / step) * step;

function catalogue() {
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/renovation-items.json'), 'utf8'));
  return new Map(json.items.map((i) => [i.key, i]));
}

/** Items a compound gets, with quantities from its size. */
function chooseItems(p, cat) {
  const r = (salt) => rnd(p.code, salt);
  const b = Math.max(1, p.buildings);
  const list = [
    ['water_supply', round(b * (0.08 + 0.05 * r('ws')), 0.01)],
    ['drainage', round(b * (0.06 + 0.04 * r('dr')), 0.01)],
    ['rain_sewage', round(b * (0.05 + 0.03 * r('rs')), 0.01)],
    ['roof_facade_repair', round(p.floor_area_m2 * (0.15 + 0.1 * r('rf')), 10)],
    ['fire_safety', 1],
    ['cctv_access', b],
    ['lighting', b * 4],
    ['greening', round(p.land_area_m2 * (0.05 + 0.05 * r('gr')), 10)],
  ];
  if (r('gas') < 0.5) list.push(['gas', round(b * 0.05, 0.01)]);
  if (r('heat') < 0.4) list.push(['heating', round(b * 0.06, 0.01)]);
  if (r('tel') < 0.6) list.push(['telecom', round(b * 0.1, 0.01)]);
  if (r('es') < 0.5) list.push(['energy_saving', round(p.floor_area_m2 * 0.4, 10)]);
  if (r('fac') < 0.5) list.push(['facade', round(p.floor_area_m2 * 0.2, 10)]);
  if (r('park') < 0.7) list.push(['parking', Math.max(10, Math.round(p.households * (0.08 + 0.1 * r('pk'))))]);
  if (r('chg') < 0.55) list.push(['charging', Math.max(4, Math.round(p.households * 0.04))]);
  if (r('elev') < 0.3) list.push(['elevator', 1 + Math.floor(r('el') * Math.min(4, b))]);
  if (r('old') < 0.3) list.push(['elderly_care', 1]);
  if (r('kid') < 0.15) list.push(['childcare', 1]);
  if (r('sp') < 0.2) list.push(['sponge', round(p.land_area_m2 * 0.05, 10)]);
  if (r('sm') < 0.25) list.push(['smart', 1]);
  return list.map(([key, quantity]) => {
    const c = cat.get(key);
    return { key, class: c.class, unit: c.unit, quantity, estimate_yuan: Math.round(quantity * c.unit_cost_yuan), zh: c.zh };
  });
}

/**
 * @param {Array<{properties: any}>} features demo compounds (with stage_history)
 * @param {(kind: string, key: string) => string} stableId
 * @param {Map<string, string>} townshipIds township code → record id
 * @returns {{items: {collection: string, body: any}[], compoundExtra: Map<string, object>}}
 */
export function programmeItems(features, stableId, townshipIds) {
  const cat = catalogue();
  const items = [];
  const compoundExtra = new Map();
  const compoundId = (code) => stableId('compound', code);
  const byPlan = new Map(); // `${township}:${year}` → compounds
  // The demo's "today": the last date in any stage history; money is never dated after it.
  const demoToday = features.flatMap((f) => f.properties.stage_history.map((h) => h.date)).sort().at(-1);
  const clamp = (d) => (d > demoToday ? demoToday : d);

  for (const { properties: p } of features) {
    if (p.plan_year && p.tier === 'implement') {
      const key = `${p.township_code}:${p.plan_year}`;
      if (!byPlan.has(key)) byPlan.set(key, []);
      byPlan.get(key).push(p);
    }
  }
  for (const [key, members] of [...byPlan].sort(([a], [b]) => a.localeCompare(b))) {
    const [tw, yearS] = key.split(':');
    const year = Number(yearS);
    const planned = members.map((p) => p.stage_history.find((h) => h.stage === 'planned')?.date).filter(Boolean).sort();
    // One township is late once, so the ledger has something to show.
    const late = tw === '141182003' && year === 2023;
    const submitted = late ? `${year - 1}-09-06` : `${year - 1}-08-${String(15 + Math.floor(rnd(key, 'sub') * 15)).padStart(2, '0')}`;
    const reviewed = planned[0] ?? `${year - 1}-11-30`;
    items.push({
      collection: 'annual_plans',
      body: {
        id: stableId('plan', key), year, township: townshipIds.get(tw), status: 'approved',
        submitted_at: day(submitted), late, reviewed_at: day(reviewed < submitted ? submitted : reviewed),
        note: `${year}年度老旧小区改造计划(示例)`, review_comment: '经联合审查,同意列入实施一批。', is_demo: true,
      },
    });
    for (const p of members) {
      const est = chooseItems(p, cat).reduce((s, i) => s + i.estimate_yuan, 0);
      items.push({
        collection: 'plan_entries',
        body: { id: stableId('plan_entry', p.code), plan: stableId('plan', key), compound: compoundId(p.code), tier: 'implement', estimate_yuan: est, is_demo: true },
      });
    }
  }

  for (const { properties: p } of features) {
    const id = compoundId(p.code);
    const hist = p.stage_history;
    const reached = (s) => STAGES.indexOf(p.stage) >= STAGES.indexOf(s);
    const chosen = reached('scheme') ? chooseItems(p, cat) : [];
    const estimate = chosen.reduce((s, i) => s + i.estimate_yuan, 0);
    const at = Object.fromEntries(hist.map((h) => [h.stage, h.date]));
    const unit = UNITS[Math.floor(rnd(p.code, 'unit') * UNITS.length)];
    const plannedEnd = at.construction ? addDays(at.construction, 210 + Math.floor(rnd(p.code, 'dur') * 150)) : '';

    hist.forEach((h, i) => {
      const body = {
        id: stableId('stage_event', `${p.code}:${h.stage}`), compound: id, from: i ? hist[i - 1].stage : '', to: h.stage,
        kind: 'forward', date: day(h.date), imported: true, is_demo: true, note: '',
      };
      if (h.stage === 'demand') body.note = '街道调查摸底,列入改造需求清单(示例)';
      if (h.stage === 'scheme') {
        body.scheme_summary = `初步改造方案(示例):${chosen.map((c) => c.zh).join('、')}`;
        body.budget_estimate_yuan = estimate;
      }
      if (h.stage === 'planned' && p.plan_year) {
        body.plan_entry = stableId('plan_entry', p.code);
        body.note = `纳入${p.plan_year}年度计划(实施一批)`;
      }
      if (h.stage === 'construction') {
        Object.assign(body, { start_date: day(h.date), planned_end_date: day(plannedEnd), implementing_unit: unit });
      }
      if (h.stage === 'accepted') {
        Object.assign(body, { acceptance_date: day(h.date), residents_present: true, resident_reps: '业主委员会代表2名、居民代表3名(示例)' });
      }
      if (h.stage === 'maintained') {
        body.management = p.management === 'property_company' ? 'property_company' : 'self';
        body.maintenance_fund_status = p.maintenance_fund ? 'established' : 'collecting';
      }
      items.push({ collection: 'stage_events', body });
    });

    if (at.construction) {
      compoundExtra.set(p.code, { construction_start: day(at.construction), construction_end_planned: day(plannedEnd), implementing_unit: unit });
    }

    const status = reached('accepted') ? 'done' : reached('construction') ? 'in_progress' : 'planned';
    for (const it of chosen) {
      items.push({
        collection: 'renovation_items',
        body: {
          id: stableId('item', `${p.code}:${it.key}`), compound: id, class: it.class, item: it.key, quantity: it.quantity,
          unit: it.unit, estimate_yuan: it.estimate_yuan, status, is_demo: true,
        },
      });
    }

    if (!reached('planned') || !estimate) continue;
    const shares = SHARES.filter(([s]) => s !== 'property_unit' || (p.property_owner && p.property_owner !== '无'));
    const total = shares.reduce((s, [, w]) => s + w, 0);
    const receivedShare = reached('accepted') ? 1 : reached('construction') ? 0.7 : 0;
    const spentShare = reached('accepted') ? 0.96 : reached('construction') ? 0.45 : 0;
    for (const [source, w] of shares) {
      const plannedAmt = Math.round((estimate * w) / total);
      const rows = [['planned', plannedAmt, at.planned]];
      if (receivedShare) rows.push(['received', Math.round(plannedAmt * receivedShare), clamp(addDays(at.construction, 20))]);
      if (spentShare) rows.push(['spent', Math.round(plannedAmt * spentShare), at.accepted ?? clamp(addDays(at.construction, 90))]);
      for (const [kind, amount, date] of rows) {
        items.push({
          collection: 'funding',
          body: {
            id: stableId('funding', `${p.code}:${source}:${kind}`), compound: id, source, kind, amount_yuan: amount,
            date: day(date), is_demo: true, note: '',
          },
        });
      }
    }
  }
  return { items, compoundExtra };
}
