// The demo programme's records (示例数据), written the way the city would have written them, in the order it would have:
// the second period, the overall plans, each township's declaration (drafted, submitted by 31 August, approved by the
// office), the year's chain (office review, city consent, joint document — which moves 实施一批 compounds to planned —
// and filing with 吕梁市), implementing bodies, procurement, design review and approvals before the works, the stage
// events with their evidence, items done with photos, 拆违, acceptance with its five parties and record, money.
// Every record goes through the server's rules as any user's would (pb_hooks: order, evidence, consent, tiers, budget,
// dates); only the roles are a superuser's, and the times a step was taken are given. The dates come from
// demo-history.mjs, relative to the day the demo is seeded. Deterministic: every other choice is a hash of its key.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './pocketbase.mjs';
import { addDays, demoTimeline, itemProgress, rnd } from './demo-history.mjs';

const STAGES = ['demand', 'scheme', 'planned', 'construction', 'accepted', 'maintained'];
const BUILDERS = ['汾阳市城市建设发展有限公司(示例)', '山西汾州建设工程有限公司(示例)', '吕梁市建筑安装工程有限公司(示例)', '汾阳市第二建筑工程有限公司(示例)'];
const SUPERVISORS = ['山西诚信工程监理有限公司(示例)', '吕梁市建设监理有限公司(示例)'];
const DESIGNERS = ['汾阳市城乡规划设计院(示例)', '山西省城乡规划设计研究院(示例)'];
// Shares of the planned money by source (policy §五); property_unit only where an original owner exists.
const SHARES = [
  ['central', 0.40], ['provincial', 0.15], ['municipal', 0.12], ['special_bonds', 0.10], ['resident_maintenance_fund', 0.04],
  ['resident_direct', 0.05], ['utilities', 0.06], ['property_unit', 0.05], ['social_capital', 0.03],
];
const TOWNSHIP_USERS = { 141182001: 'wenfeng@demo.fenyang', 141182002: 'taihe@demo.fenyang', 141182003: 'xihe@demo.fenyang' };
const OFFICE = 'office@demo.fenyang';
const FINANCE = 'finance@demo.fenyang';
/** The action plan's own period (created by the migration that introduced periods). */
const POLICY_PERIOD = { id: 'period202120250', first: 2021, last: 2025 };

const day = (d) => `${d} 00:00:00.000Z`;
const round = (x, step) => Math.round(x / step) * step;
const min = (a, b) => (a < b ? a : b);
const max = (a, b) => (a > b ? a : b);

function catalogue() {
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/renovation-items.json'), 'utf8'));
  return new Map(json.items.map((i) => [i.key, i]));
}

/** Items a compound gets, with quantities from its size. */
export function chooseItems(p, cat) {
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
  if (r('ill') < 0.3) list.push(['illegal_demolition', round(40 + 160 * r('ila'), 10)]);
  return list.map(([key, quantity]) => {
    const c = cat.get(key);
    return { key, class: c.class, unit: c.unit, quantity, estimate_yuan: Math.round(quantity * c.unit_cost_yuan), zh: c.zh };
  });
}

/** Planned money of a compound by source (the overall plan's expectation and the funding records' plan). */
function fundingShares(p, estimate) {
  const shares = SHARES.filter(([s]) => s !== 'property_unit' || (p.property_owner && p.property_owner !== '无'));
  const total = shares.reduce((s, [, w]) => s + w, 0);
  return shares.map(([source, w]) => [source, Math.round((estimate * w) / total)]);
}

/** The implementing body the township names (policy 六(四)): the original owner, the community, an agent builder … */
function bodyOf(p, communityName) {
  const owner = p.property_owner && p.property_owner !== '无' ? p.property_owner : '';
  const r = rnd(p.code, 'body');
  if (owner && !owner.includes('房') && r < 0.7) return { body_type: 'property_unit', body_name: `${owner}(示例)` };
  if (p.management === 'self' && r < 0.4) return { body_type: 'owners_committee', body_name: `${p.name}业主委员会(示例)` };
  if (r < 0.55) return { body_type: 'agent_builder', body_name: '汾阳市城市建设发展有限公司(代建,示例)' };
  if (r < 0.8) return { body_type: 'community', body_name: `${communityName}社区居民委员会(示例)` };
  return { body_type: 'subdistrict', body_name: `${p.township_name}办事处(示例)` };
}

/**
 * The ordered writes of the demo programme.
 * @param {object} o
 * @param {Array<{properties: any}>} o.features demo compounds (data/demo/compounds.geojson)
 * @param {(kind: string, key: string) => string} o.stableId
 * @param {Map<string, string>} o.townshipIds township code → record id
 * @param {Map<string, string>} o.townshipNames township code → name
 * @param {Map<string, string>} o.communityNames community code → name
 * @param {string} o.asOf the seeding day, YYYY-MM-DD (Beijing)
 * @param {{pdf: (title: string) => Blob, photo: (hue: number) => Blob}} o.files demo documents and photos
 * @returns {{items: {collection: string, body: any, update?: string, done?: (r: any) => boolean}[], compoundFacts: Map<string, object>}}
 */
export function programmeItems({ features, stableId, townshipIds, townshipNames, communityNames, asOf, files }) {
  const cat = catalogue();
  const tl = demoTimeline(features, asOf);
  const compoundId = (code) => stableId('compound', code);
  const userId = (email) => stableId('user', email);
  const props = features.map((f) => ({ ...f.properties, township_name: townshipNames.get(f.properties.township_code) }));

  /** Writes with their date; sorted by date (stable), so the replay is chronological. */
  const actions = [];
  const at = (date, collection, body, update, done) => actions.push({ date, n: actions.length, collection, body, update, done });
  const past = (d) => d <= asOf;
  const STATUS_ORDER = ['draft', 'submitted', 'approved'];
  const YEAR_ORDER = ['open', 'reviewed', 'city_approved', 'issued', 'filed'];
  const reachedPlan = (s) => (r) => STATUS_ORDER.indexOf(r.status) >= STATUS_ORDER.indexOf(s);
  const reachedYear = (s) => (r) => YEAR_ORDER.indexOf(r.status) >= YEAR_ORDER.indexOf(s);

  // ---- items, estimates and register facts --------------------------------------------------------------------------
  const items = new Map(props.map((p) => [p.code, STAGES.indexOf(p.stage) >= 1 ? chooseItems(p, cat) : []]));
  const estimate = (code) => items.get(code).reduce((s, i) => s + i.estimate_yuan, 0);
  const compoundFacts = new Map(props.map((p) => [p.code, { consent_date: day(tl.compounds.get(p.code).consentDate) }]));

  // ---- periods and overall plans -------------------------------------------------------------------------------------
  const periods = [{ ...POLICY_PERIOD }];
  for (let first = POLICY_PERIOD.first + 5; first <= tl.declaredYear; first += 5) {
    const id = stableId('period', String(first));
    periods.push({ id, first, last: first + 4 });
    at(`${POLICY_PERIOD.first}-01-01`, 'periods', {
      id, name: `汾阳市老旧小区改造(${first}—${first + 4}年)(示例)`, first_year: first, last_year: first + 4,
      document: `汾阳市老旧小区改造${first}—${first + 4}年总体计划(示例)`, note: '上一规划期未完成的小区结转本期(示例)', is_demo: true,
    });
  }
  const overall = (period, p, year, carriedFrom, date) => {
    const est = estimate(p.code) || Math.round(p.floor_area_m2 * 320);
    at(date, 'overall_plan_entries', {
      id: stableId('overall', `${period.id}:${p.code}`), period: period.id, compound: compoundId(p.code), year, estimate_yuan: est,
      funding: Object.fromEntries(fundingShares(p, est)), carried_from: carriedFrom ?? '', is_demo: true,
      note: carriedFrom ? '上一规划期未完成,结转(示例)' : '',
    });
  };
  // Every demo compound was declared in the action plan's period; one not accepted when a period ends carries over.
  for (const p of props) {
    const c = tl.compounds.get(p.code);
    const planned = c.planYear ?? tl.declaredYear;
    overall(periods[0], p, Math.min(Math.max(planned, POLICY_PERIOD.first), POLICY_PERIOD.last), null, `${POLICY_PERIOD.first}-01-02`);
    for (let k = 1; k < periods.length; k++) {
      const prev = periods[k - 1];
      const endOfPrev = `${prev.last}-12-31`;
      if (c.accepted && c.accepted <= endOfPrev) break;
      const cur = periods[k];
      overall(cur, p, Math.min(Math.max(planned, cur.first), cur.last), prev.id, `${cur.first}-01-01`);
    }
  }

  // ---- stage events: the two before the plan --------------------------------------------------------------------------
  for (const p of props) {
    const c = tl.compounds.get(p.code);
    const by = userId(TOWNSHIP_USERS[p.township_code]);
    const [demand, scheme] = c.history;
    at(demand.date, 'stage_events', {
      id: stableId('stage_event', `${p.code}:demand`), compound: compoundId(p.code), to: 'demand', kind: 'forward', date: day(demand.date),
      by, note: '街道调查摸底,列入改造需求清单(示例)', is_demo: true,
    });
    if (scheme) {
      at(scheme.date, 'stage_events', {
        id: stableId('stage_event', `${p.code}:scheme`), compound: compoundId(p.code), to: 'scheme', kind: 'forward', date: day(scheme.date), by,
        scheme_summary: `初步改造方案(示例):${items.get(p.code).map((i) => i.zh).join('、')}`, budget_estimate_yuan: estimate(p.code),
        note: '完成初步改造方案及预算(示例)', is_demo: true,
      });
      for (const it of items.get(p.code)) {
        at(scheme.date, 'renovation_items', {
          id: stableId('item', `${p.code}:${it.key}`), compound: compoundId(p.code), class: it.class, item: it.key, quantity: it.quantity,
          unit: it.unit, estimate_yuan: it.estimate_yuan, status: 'planned', is_demo: true,
        });
      }
    }
  }

  // ---- annual plans: declarations and the year's chain ----------------------------------------------------------------
  const entriesByYear = new Map();
  for (const p of props) {
    const c = tl.compounds.get(p.code);
    const year = c.planYear ?? (p.tier ? tl.declaredYear : null);
    if (!year) continue;
    if (!entriesByYear.has(year)) entriesByYear.set(year, []);
    entriesByYear.get(year).push(p);
  }
  for (const [year, members] of [...entriesByYear].sort(([a], [b]) => a - b)) {
    const ch = tl.years.get(year);
    const total = members.filter((p) => p.tier === 'implement').reduce((s, p) => s + estimate(p.code), 0);
    // One year overruns its ceiling (approved with a reason); the others keep within it.
    const overrun = year === tl.worksYear - 1;
    const ceiling = total ? round(overrun ? total * 0.92 : total * 1.15, 100000) : 0;
    const yearId = stableId('plan_year', String(year));
    // The office opens the year with its budget ceiling before the townships declare.
    at(ch.draft, 'plan_years', { id: yearId, year, budget_ceiling_yuan: ceiling, note: `${year}年度老旧小区改造计划(示例)`, is_demo: true });
    // Approvals in the order they happen: the one that takes the year over its ceiling carries the reason.
    const decided = (tw) => max(ch.approve.get(tw), ch.submit.get(tw));
    const townships = [...new Set(members.map((p) => p.township_code))].sort((a, b) => decided(a).localeCompare(decided(b)) || a.localeCompare(b));
    let approvedSoFar = 0;
    townships.forEach((tw) => {
      const planId = stableId('plan', `${tw}:${year}`);
      const mine = members.filter((p) => p.township_code === tw);
      at(ch.draft, 'annual_plans', {
        id: planId, year, township: townshipIds.get(tw), status: 'draft', note: `${year}年度老旧小区改造计划申报(示例)`, is_demo: true,
      });
      for (const p of mine) {
        at(ch.draft, 'plan_entries', {
          id: stableId('plan_entry', `${p.code}:${year}`), plan: planId, compound: compoundId(p.code), tier: p.tier,
          estimate_yuan: estimate(p.code), is_demo: true,
        });
      }
      const submit = ch.submit.get(tw);
      if (!past(submit)) return;
      at(submit, 'annual_plans', { status: 'submitted', submitted_at: day(submit), submitted_by: userId(TOWNSHIP_USERS[tw]) }, planId, reachedPlan('submitted'));
      const approve = decided(tw);
      if (!past(approve)) return;
      approvedSoFar += mine.filter((p) => p.tier === 'implement').reduce((s, p) => s + estimate(p.code), 0);
      const over = ceiling > 0 && approvedSoFar > ceiling;
      at(approve, 'annual_plans', {
        status: 'approved', reviewed_at: day(approve), reviewed_by: userId(OFFICE), review_comment: '经联合审查,同意列入年度计划(示例)',
        ...(over ? { over_ceiling_reason: '超出部分由争取的中央预算内资金和专项债券补足(示例)' } : {}),
      }, planId, reachedPlan('approved'));
    });
    // The year's chain, as far as the calendar has got.
    const steps = [
      [ch.review, { status: 'reviewed', reviewed_at: day(ch.review), reviewed_by: userId(OFFICE), review_opinion: `${year}年度计划经领导组办公室组织相关部门审查,同意按实施一批、谋划一批、储备一批安排(示例)`,
        ...(overrun ? { over_ceiling_reason: '超出部分由争取的中央预算内资金和专项债券补足(示例)' } : {}) }],
      [ch.consent, { status: 'city_approved', city_consent_date: day(ch.consent), city_consent_number: `汾政函〔${year - 1}〕${20 + (year % 7)}号(示例)`,
        city_consent_file: files.pdf(`City government consent ${year} (demo)`), city_consent_by: userId(OFFICE) }],
      [ch.joint, { status: 'issued', joint_doc_number: `汾住建发〔${year - 1}〕${40 + (year % 9)}号(示例)`, joint_doc_date: day(ch.joint),
        joint_doc_issuers: ['housing', 'development', 'finance'], joint_doc_file: files.pdf(`Joint document ${year} (demo)`), joint_doc_by: userId(FINANCE) }],
      [ch.filing, { status: 'filed', filed_date: day(ch.filing), filing_number: `吕住建备〔${year - 1}〕${10 + (year % 5)}号(示例)`,
        filing_receipt: files.pdf(`Filing receipt ${year} (demo)`), filed_by: userId(OFFICE) }],
    ];
    const lastApproval = townships.map(decided).reduce(max);
    for (const [date, body] of steps) {
      if (!past(date) || !past(lastApproval)) break;
      at(max(date, lastApproval), 'plan_years', body, yearId, reachedYear(body.status));
    }
  }

  // ---- the works: implementing body, procurement, reviews, approvals, construction, items, 拆违, acceptance -------------
  for (const p of props) {
    const c = tl.compounds.get(p.code);
    if (!c.planYear) continue;
    const id = compoundId(p.code);
    const joint = tl.years.get(c.planYear).joint;
    const tw = userId(TOWNSHIP_USERS[p.township_code]);
    const est = estimate(p.code);
    const body = bodyOf(p, communityNames.get(p.community_code) ?? '');
    at(addDays(joint, 3), 'implementing_bodies', {
      id: stableId('body', p.code), compound: id, ...body, decided_date: day(addDays(joint, 3)),
      note: '由街道确定实施主体(示例)', is_demo: true,
    });
    const started = !!c.start;
    const builder = BUILDERS[Math.floor(rnd(p.code, 'builder') * BUILDERS.length)];
    const supervisor = SUPERVISORS[Math.floor(rnd(p.code, 'sup') * SUPERVISORS.length)];
    const designer = DESIGNERS[Math.floor(rnd(p.code, 'des') * DESIGNERS.length)];
    // Tenders: construction (公开招标 above 4 million yuan, else 竞争性磋商), supervision and design.
    const announce = started ? min(addDays(joint, 20 + Math.floor(rnd(p.code, 'ann') * 20)), addDays(c.start, -30)) : min(addDays(joint, 30), asOf);
    const result = started ? min(addDays(announce, 20 + Math.floor(rnd(p.code, 'res') * 8)), addDays(c.start, -3)) : null;
    const method = est > 4_000_000 ? 'open_tender' : 'competitive_consultation';
    if (started) {
      at(result, 'procurements', {
        id: stableId('proc', `${p.code}:construction`), compound: id, scope: 'construction', method, status: 'awarded',
        announce_date: day(announce), result_date: day(result), winning_unit: builder,
        contract_amount_yuan: round(est * (0.86 + 0.11 * rnd(p.code, 'bid')), 100), note: '施工招标(示例)', is_demo: true,
      });
      at(result, 'procurements', {
        id: stableId('proc', `${p.code}:supervision`), compound: id, scope: 'supervision', method: 'competitive_consultation', status: 'awarded',
        announce_date: day(announce), result_date: day(result), winning_unit: supervisor,
        contract_amount_yuan: round(est * (0.015 + 0.01 * rnd(p.code, 'supv')), 100), note: '监理采购(示例)', is_demo: true,
      });
      at(announce, 'procurements', {
        id: stableId('proc', `${p.code}:design`), compound: id, scope: 'design', method: 'competitive_consultation', status: 'awarded',
        announce_date: day(addDays(joint, 5)), result_date: day(announce), winning_unit: designer,
        contract_amount_yuan: round(est * (0.02 + 0.01 * rnd(p.code, 'dsn')), 100), note: '设计采购(示例)', is_demo: true,
      });
    } else if (past(announce)) {
      // Planned, not started: a construction tender announced (one failed once for want of bidders, then announced again).
      const failed = rnd(p.code, 'fail') < 0.4;
      if (failed) {
        at(announce, 'procurements', {
          id: stableId('proc', `${p.code}:failed`), compound: id, scope: 'construction', method, status: 'failed',
          announce_date: day(announce), note: '投标单位不足三家,流标(示例)', is_demo: true,
        });
      }
      const again = failed ? min(addDays(announce, 25), asOf) : announce;
      at(again, 'procurements', {
        id: stableId('proc', `${p.code}:construction`), compound: id, scope: 'construction', method, status: 'announced',
        announce_date: day(again), note: failed ? '重新招标(示例)' : '施工招标公告(示例)', is_demo: true,
      });
    }
    if (!started) continue;
    const review = addDays(announce, -2);
    at(review, 'design_reviews', {
      id: stableId('review', `${p.code}:joint`), compound: id, kind: 'joint', date: day(review), result: 'passed', reviewer: '市住建局牵头联合审查(示例)',
      opinion: '改造方案可行;消防通道、建筑节能、日照间距满足要求;同意按审查意见完善后实施(示例)', is_demo: true,
    });
    if (rnd(p.code, 'sgt') < 0.5) {
      at(addDays(result, 1), 'design_reviews', {
        id: stableId('review', `${p.code}:drawing`), compound: id, kind: 'construction_drawing', date: day(addDays(result, 1)), result: 'conditional',
        reviewer: '吕梁市施工图审查中心(示例)', opinion: '补充排水管网节点详图后通过(示例)', is_demo: true,
      });
    }
    // The approval bureau's simplified routes (六(一)–(三)).
    at(addDays(review, 1), 'approvals', {
      id: stableId('approval', `${p.code}:merged`), compound: id, kind: 'merged', date: day(addDays(review, 1)), status: 'approved',
      number: `汾审批〔${c.planYear}〕${10 + Math.floor(rnd(p.code, 'num') * 80)}号(示例)`,
      merged_documents: ['proposal', 'feasibility', 'preliminary_design', 'budget_estimate'], note: '依据联合审查通过的改造方案合并审批(示例)', is_demo: true,
    });
    if (rnd(p.code, 'commit') < 0.35) {
      at(addDays(review, 2), 'approvals', {
        id: stableId('approval', `${p.code}:commitment`), compound: id, kind: 'notification_commitment', date: day(addDays(review, 2)), status: 'approved',
        documents: [files.pdf(`Commitment letter ${p.code} (demo)`)], note: '工程规划许可和施工许可实行告知承诺制(示例)', is_demo: true,
      });
    }
    if (items.get(p.code).some((i) => i.key === 'rain_sewage' || i.key === 'drainage')) {
      at(addDays(result, 2), 'approvals', {
        id: stableId('approval', `${p.code}:waiver`), compound: id, kind: 'fee_waiver_filing', date: day(addDays(result, 2)), status: 'approved',
        waiver_items: rnd(p.code, 'road') < 0.5 ? ['pipe_connection', 'road_opening'] : ['pipe_connection'],
        waived_fees_yuan: round(20000 + 60000 * rnd(p.code, 'fee'), 100), note: '雨污管网接入市政管网,减免相关费用,备案(示例)', is_demo: true,
      });
    }
    at(c.start, 'stage_events', {
      id: stableId('stage_event', `${p.code}:construction`), compound: id, to: 'construction', kind: 'forward', date: day(c.start), by: tw,
      start_date: day(c.start), planned_end_date: day(c.plannedEnd), implementing_unit: builder, note: '开工(示例)', is_demo: true,
      photos_before: [files.photo(rnd(p.code, 'hue-before') * 60)],
    });
    // Items under way, done (with a photo) or, after acceptance, waived with a reason.
    for (const it of items.get(p.code)) {
      const itemId = stableId('item', `${p.code}:${it.key}`);
      const prog = itemProgress({ ...c, code: p.code }, it.key, asOf, it.key === 'elevator' || it.key === 'charging');
      if (prog.status === 'waived') {
        at(addDays(c.accepted, -1), 'renovation_items', { status: 'waived', waive_reason: '居民意见未统一,暂缓实施,列入后续计划(示例)' }, itemId,
          (r) => r.status === 'waived');
      } else if (prog.status === 'done') {
        at(prog.date, 'renovation_items', { status: 'done', done_date: day(prog.date), photos: [files.photo(120 + rnd(p.code, it.key) * 60)] }, itemId,
          (r) => r.status === 'done');
      } else {
        at(c.start, 'renovation_items', { status: 'in_progress' }, itemId, (r) => r.status !== 'planned');
      }
    }
    if (items.get(p.code).some((i) => i.key === 'illegal_demolition')) {
      const d = min(addDays(c.start, 10 + Math.floor(rnd(p.code, 'dem') * 40)), asOf);
      at(d, 'demolitions', {
        id: stableId('demolition', p.code), compound: id, date: day(d), structures: 1 + Math.floor(rnd(p.code, 'ns') * 7),
        area_m2: round(20 + 180 * rnd(p.code, 'na'), 1), photos: [files.photo(20 + rnd(p.code, 'dph') * 20)],
        note: '拆除违建棚厦,腾空土地用于停车和绿化(示例)', is_demo: true,
      });
    }
    if (c.accepted) {
      at(c.accepted, 'stage_events', {
        id: stableId('stage_event', `${p.code}:accepted`), compound: id, to: 'accepted', kind: 'forward', date: day(c.accepted), by: tw,
        acceptance_date: day(c.accepted), builder_unit: body.body_name, design_unit: designer, construction_unit: builder, supervision_unit: supervisor,
        residents_present: true, resident_reps: '业主委员会代表2名、居民代表3名(示例)', documents: [files.pdf(`Acceptance record ${p.code} (demo)`)],
        photos_after: [files.photo(100 + rnd(p.code, 'hue-after') * 40)], note: '竣工验收合格(示例)', is_demo: true,
      });
    }
    const maintained = c.history.find((h) => h.stage === 'maintained');
    if (maintained) {
      at(maintained.date, 'stage_events', {
        id: stableId('stage_event', `${p.code}:maintained`), compound: id, to: 'maintained', kind: 'forward', date: day(maintained.date), by: tw,
        management: p.management === 'property_company' ? 'property_company' : 'self', maintenance_fund_status: p.maintenance_fund ? 'established' : 'collecting',
        note: '移交长效管理(示例)', is_demo: true,
      });
    }
  }

  // ---- money ---------------------------------------------------------------------------------------------------------
  for (const p of props) {
    const c = tl.compounds.get(p.code);
    if (!c.planYear || !estimate(p.code)) continue;
    const joint = tl.years.get(c.planYear).joint;
    const receivedShare = c.accepted ? 1 : c.start ? 0.7 : 0;
    const spentShare = c.accepted ? 0.96 : c.start ? 0.45 : 0;
    for (const [source, plannedAmt] of fundingShares(p, estimate(p.code))) {
      const rows = [['planned', plannedAmt, joint]];
      if (receivedShare) rows.push(['received', Math.round(plannedAmt * receivedShare), min(addDays(c.start, 20), asOf)]);
      if (spentShare) rows.push(['spent', Math.round(plannedAmt * spentShare), c.accepted || min(addDays(c.start, 90), asOf)]);
      for (const [kind, amount, date] of rows) {
        at(date, 'funding', {
          id: stableId('funding', `${p.code}:${source}:${kind}`), compound: compoundId(p.code), source, kind, amount_yuan: amount,
          date: day(date), is_demo: true, note: '',
        });
      }
    }
  }

  actions.sort((a, b) => a.date.localeCompare(b.date) || a.n - b.n);
  const out = actions.map(({ collection, body, update, done }) => (update ? { collection, body, update, done } : { collection, body }));
  return { items: out, compoundFacts, timeline: tl };
}
