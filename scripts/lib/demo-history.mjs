// The demo programme's history, made relative to the day it is seeded (示例数据): the same compounds at the same stages
// whenever the demo is loaded, with dates that end on that day — so construction under way is partly on time and partly
// overdue, as in a real programme, instead of hundreds of days late because the demo's clock stopped.
// Pure and deterministic: the same features and day give the same dates; every choice comes from a hash of its key.
import crypto from 'node:crypto';

const STAGES = ['demand', 'scheme', 'planned', 'construction', 'accepted', 'maintained'];

/** A number in [0, 1) from a key. */
export function rnd(...key) {
  return parseInt(crypto.createHash('sha256').update(key.join(':')).digest('hex').slice(0, 8), 16) / 2 ** 32;
}

/** 'YYYY-MM-DD' plus n days. */
export function addDays(date, n) {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

const daysBetween = (a, b) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
/** A day in [a, b] chosen by the key. */
function between(key, a, b) {
  return addDays(a, Math.floor(rnd(...key) * (daysBetween(a, b) + 1)));
}
const min = (a, b) => (a < b ? a : b);

/**
 * The works year for a day: the plan year whose compounds are being built then. Construction starts in spring, so a
 * day up to half a year into a year still belongs to the year before; never before 2025 (the demo's plans start in
 * the action plan's period, 2021–2025).
 * @example worksYear('2026-12-02') // 2026
 * @example worksYear('2027-03-01') // 2026
 */
export function worksYear(asOf) {
  return Math.max(2025, Number(addDays(asOf, -180).slice(0, 4)));
}

/** Planned completion of the compounds still under construction, in days from the seeding day, oldest start first. */
export const CONSTRUCTION_DUE = [-160, -70, -20, 25, 50, 80, 115, 150, 210];

/**
 * Dates of the annual-plan chain of plan year P (declared the year before): township drafts on 1 August, submissions
 * by 31 August (one township late once), the office's approvals, the year's review, the city government's consent, the
 * joint document and the filing with 吕梁市.
 */
function yearChain(P, townships, lateYear) {
  const y = P - 1;
  const submit = new Map();
  const late = new Map();
  const approve = new Map();
  for (const tw of townships) {
    const isLate = tw === '141182003' && P === lateYear;
    submit.set(tw, isLate ? `${y}-09-06` : between(['submit', P, tw], `${y}-08-12`, `${y}-08-28`));
    late.set(tw, isLate);
    approve.set(tw, between(['approve', P, tw], `${y}-09-10`, `${y}-09-18`));
  }
  const review = between(['review', P], `${y}-09-22`, `${y}-09-30`);
  const consent = between(['consent', P], `${y}-10-15`, `${y}-10-30`);
  const joint = between(['joint', P], `${y}-11-15`, `${y}-12-20`);
  const filing = addDays(joint, 10 + Math.floor(rnd('filing', P) * 20));
  return { year: P, draft: `${y}-08-01`, submit, late, approve, review, consent, joint, filing };
}

/**
 * The demo's dated history as of `asOf` (YYYY-MM-DD, Beijing): per compound its plan year, stage dates, consent survey
 * date, construction dates and when each renovation item was done; per plan year the dates of its chain. A step whose
 * date would come after `asOf` is left out (the next year's plan stops where the calendar has got to).
 * @param {{properties: {code: string, township_code: string, stage: string, plan_offset: number|null, tier: string}}[]} features
 * @param {string} asOf
 * @example demoTimeline(features, '2026-12-02').compounds.get('FY-004').planYear // 2024
 */
export function demoTimeline(features, asOf) {
  const Y0 = worksYear(asOf);
  const declared = Y0 + 1;
  const props = features.map((f) => f.properties);
  const planYears = [...new Set(props.filter((p) => p.plan_offset !== null).map((p) => Y0 + p.plan_offset))].sort();
  const townshipsOf = (P) => [...new Set(props.filter((p) => (p.plan_offset !== null ? Y0 + p.plan_offset : p.tier ? declared : null) === P)
    .map((p) => p.township_code))].sort();
  const years = new Map();
  for (const P of [...planYears, declared]) years.set(P, yearChain(P, townshipsOf(P), Y0 - 2));

  const compounds = new Map();
  // Construction under way: planned completion spread around today, the oldest starts due first.
  const building = props.filter((p) => p.stage === 'construction');
  const starts = new Map();
  for (const p of props) {
    const at = STAGES.indexOf(p.stage);
    const c = { code: p.code, planYear: null, history: [], consentDate: '', start: '', plannedEnd: '', accepted: '' };
    if (p.plan_offset !== null) {
      const P = Y0 + p.plan_offset;
      c.planYear = P;
      const demand = between(['demand', p.code], `${P - 1}-03-01`, `${P - 1}-05-31`);
      const scheme = min(addDays(demand, 20 + Math.floor(rnd('scheme', p.code) * 36)), `${P - 1}-07-25`);
      c.history.push({ stage: 'demand', date: demand }, { stage: 'scheme', date: scheme });
      c.consentDate = between(['consent', p.code], demand, scheme);
      c.history.push({ stage: 'planned', date: years.get(P).joint });
      if (at >= 3) {
        c.start = between(['start', p.code], `${P}-03-15`, `${P}-06-15`);
        starts.set(p.code, c.start);
        c.history.push({ stage: 'construction', date: c.start });
        c.plannedEnd = addDays(c.start, 180 + Math.floor(rnd('duration', p.code) * 120));
      }
      if (at >= 4) {
        c.accepted = min(addDays(c.start, 150 + Math.floor(rnd('accepted', p.code) * 150)), addDays(asOf, -1));
        c.history.push({ stage: 'accepted', date: c.accepted });
      }
      if (at >= 5) c.history.push({ stage: 'maintained', date: min(addDays(c.accepted, 30 + Math.floor(rnd('maintained', p.code) * 120)), asOf) });
    } else {
      const demand = at >= 1 ? between(['demand', p.code], `${Y0 - 2}-09-01`, `${Y0 - 1}-06-30`) : between(['demand', p.code], `${Y0 - 1}-07-01`, `${Y0}-04-30`);
      c.history.push({ stage: 'demand', date: demand });
      if (at >= 1) c.history.push({ stage: 'scheme', date: addDays(demand, 30 + Math.floor(rnd('scheme', p.code) * 90)) });
      c.consentDate = between(['consent', p.code], demand, c.history.at(-1).date === demand ? addDays(demand, 60) : c.history.at(-1).date);
    }
    compounds.set(p.code, c);
  }
  [...building].sort((a, b) => starts.get(a.code).localeCompare(starts.get(b.code)) || a.code.localeCompare(b.code)).forEach((p, i) => {
    const c = compounds.get(p.code);
    const due = addDays(asOf, CONSTRUCTION_DUE[Math.min(i, CONSTRUCTION_DUE.length - 1)]);
    c.plannedEnd = due > addDays(c.start, 120) ? due : addDays(c.start, 120);
  });
  return { asOf, worksYear: Y0, declaredYear: declared, years, compounds };
}

/**
 * When a compound's renovation item was done (or null: not yet), and whether it is waived instead: accepted compounds
 * have every item done before acceptance — a few after the planned completion (done late) — or one waived with a
 * reason; compounds under construction have part of theirs done.
 */
export function itemProgress(c, itemKey, asOf, waivable) {
  if (!c.start) return { status: 'planned' };
  if (c.accepted) {
    if (waivable && rnd('waive', c.code) < 0.3) return { status: 'waived' };
    const span = Math.max(2, daysBetween(c.start, c.accepted) - 1);
    return { status: 'done', date: addDays(c.start, 1 + Math.floor(rnd('done', c.code, itemKey) * (span - 1))) };
  }
  const span = daysBetween(c.start, asOf);
  if (span > 30 && rnd('done', c.code, itemKey) < 0.45) {
    return { status: 'done', date: addDays(c.start, 15 + Math.floor(rnd('when', c.code, itemKey) * (span - 16))) };
  }
  return { status: 'in_progress' };
}
