// Guards the access rules of #6 against the real server: each role (and anonymous) × each collection ×
// list/view/create/update/delete, with the expected allow/deny written out below; anonymous never reads a private
// field; deactivated accounts are refused everywhere; nobody raises their own rights; uploads are limited.
import type PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, statusOf, type TestServer } from '../helpers/server';

let srv: TestServer;
const PASSWORD = 'fenyang2025';

// Columns of every row below, in this order.
const ROLES = ['anon', 'office', 'planner', 'twOwn', 'twOther', 'finance', 'approval', 'market', 'civil', 'audit'] as const;
type RoleKey = (typeof ROLES)[number];
type Op = 'list' | 'view' | 'create' | 'update' | 'delete';
const OPS: Op[] = ['list', 'view', 'create', 'update', 'delete'];

// Y = allowed, . = refused. "Own" means the record belongs to the township of `twOwn` (太和桥街道); `twOther` is 文峰街道.
//                    anon office planner twOwn twOther finance approval market civil audit
const MATRIX: Record<string, Record<Op, string>> = {
  townships:            { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '..........', update: '..........', delete: '..........' },
  communities:          { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '..........', update: '..........', delete: '..........' },
  compounds:            { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '.Y........', update: '.Y.Y......', delete: '.Y........' },
  compound_notes:       { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y.Y......', update: '.Y.Y......', delete: '.Y........' },
  compound_private:     { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y.Y......', update: '.Y.Y......', delete: '.Y........' },
  buildings:            { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '.Y.Y......', update: '.Y.Y......', delete: '.Y........' },
  context_features:     { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '.YY.......', update: '.YY.......', delete: '.Y........' },
  design_zones:         { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.YY.......', update: '.YY.......', delete: '.YY.......' },
  facility_sites:       { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.YY.......', update: '.YY.......', delete: '.YY.......' },
  approvals:            { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y....Y...', update: '.Y....Y...', delete: '.Y....Y...' },
  elevator_inspections: { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y.....Y..', update: '.Y.....Y..', delete: '.Y.....Y..' },
  consultations:        { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y.Y....Y.', update: '.Y.Y....Y.', delete: '.Y.Y....Y.' },
  consent_surveys:      { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y.Y....Y.', update: '.Y.Y....Y.', delete: '.Y.Y....Y.' },
  feedback:             { list: '.Y.Y.YYYYY', view: '.Y.Y.YYYYY', create: 'YYYYYYYYYY', update: '.Y.Y......', delete: '.Y........' },
  audit_log:            { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '..........', update: '..........', delete: '..........' },
  users:                { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y........', update: '.Y........', delete: '..........' },
  public_compounds:     { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '..........', update: '..........', delete: '..........' },
  public_feedback:      { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '..........', update: '..........', delete: '..........' },
  division_boundaries:  { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '.Y........', update: '.Y........', delete: '.Y........' },
};

// Collections of #5 (stage machine, plans, items, funding) and their public views.
//                    anon office planner twOwn twOther finance approval market civil audit
const MATRIX_PROGRAMME: Record<string, Record<Op, string>> = {
  programme_settings:    { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '..........', update: '.Y........', delete: '..........' },
  annual_plans:          { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y.Y......', update: '.Y.Y......', delete: '.Y.Y......' },
  plan_entries:          { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y.Y......', update: '.Y.Y......', delete: '.Y.Y......' },
  stage_events:          { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y.Y......', update: '..........', delete: '..........' },
  renovation_items:      { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.YYY......', update: '.YYY......', delete: '.YYY......' },
  // #5's design: a township also records the funding of its own compounds (e.g. residents' contributions).
  funding:               { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y.Y.Y....', update: '.Y.Y.Y....', delete: '.Y.Y.Y....' },
  public_stage_events:   { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '..........', update: '..........', delete: '..........' },
  public_items:          { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '..........', update: '..........', delete: '..........' },
  public_funding_totals: { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '..........', update: '..........', delete: '..........' },
};

// Residents' participation: scheme publications and comments, consent and rating rounds, household codes (no role
// reaches them), notifications (each account its own only).
//                    anon office planner twOwn twOther finance approval market civil audit
const MATRIX_PARTICIPATION: Record<string, Record<Op, string>> = {
  scheme_publications:    { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '.Y.Y......', update: '.Y.Y......', delete: '.Y........' },
  scheme_comments:        { list: '.Y.Y.YYYYY', view: '.Y.Y.YYYYY', create: 'YYYYYYYYYY', update: '.Y.Y......', delete: '.Y........' },
  public_scheme_comments: { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '..........', update: '..........', delete: '..........' },
  consent_campaigns:      { list: '.Y.Y.YYYYY', view: '.Y.Y.YYYYY', create: '.Y.Y......', update: '.Y.Y......', delete: '.Y........' },
  rating_campaigns:       { list: '.Y.Y.YYYYY', view: '.Y.Y.YYYYY', create: '.Y.Y......', update: '.Y.Y......', delete: '.Y........' },
  rating_comments:        { list: '.Y.Y.YYYYY', view: '.Y.Y.YYYYY', create: '..........', update: '..........', delete: '.Y........' },
  public_ratings:         { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '..........', update: '..........', delete: '..........' },
  round_tallies:          { list: '..........', view: '..........', create: '..........', update: '..........', delete: '..........' },
  household_codes:        { list: '..........', view: '..........', create: '..........', update: '..........', delete: '..........' },
  notifications:          { list: '...Y......', view: '...Y......', create: '..........', update: '...Y......', delete: '...Y......' },
};

// The procedure's collections (periods, overall plans, the year's chain, implementation records) and their public views.
// plan_years: its API rule lets staff try an update, the hook lets only the office edit a year outside a step (the steps
// by role are guarded in procedure.test.ts).
//                    anon office planner twOwn twOther finance approval market civil audit
const MATRIX_PROCEDURE: Record<string, Record<Op, string>> = {
  periods:                    { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '.Y........', update: '.Y........', delete: '.Y........' },
  overall_plan_entries:       { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y........', update: '.Y........', delete: '.Y........' },
  plan_years:                 { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y........', update: '.Y........', delete: '.Y........' },
  implementing_bodies:        { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y.Y......', update: '.Y.Y......', delete: '.Y.Y......' },
  procurements:               { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y.Y......', update: '.Y.Y......', delete: '.Y.Y......' },
  design_reviews:             { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y.Y..Y...', update: '.Y.Y..Y...', delete: '.Y.Y..Y...' },
  demolitions:                { list: '.YYYYYYYYY', view: '.YYYYYYYYY', create: '.Y.Y......', update: '.Y.Y......', delete: '.Y.Y......' },
  public_period_compounds:    { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '..........', update: '..........', delete: '..........' },
  public_implementing_bodies: { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '..........', update: '..........', delete: '..........' },
  public_tenders:             { list: 'YYYYYYYYYY', view: 'YYYYYYYYYY', create: '..........', update: '..........', delete: '..........' },
};


// After the works and above them: long-term management, supervision, each department's duty, reports on record. Its own
// columns: the departments with duty records of their own and the 督查室 (inspection).
const ROLES_OVERSIGHT = ['anon', 'office', 'planner', 'twOwn', 'twOther', 'finance', 'civil', 'audit', 'development', 'resources', 'inspection'] as const;
//                         anon office planner twOwn twOther finance civil audit development resources inspection
const MATRIX_OVERSIGHT: Record<string, Record<Op, string>> = {
  management_arrangements: { list: '.YYYYYYYYYY', view: '.YYYYYYYYYY', create: '.Y.Y.......', update: '.Y.Y.......', delete: '.Y.........' },
  maintenance_funds:       { list: '.YYYYYYYYYY', view: '.YYYYYYYYYY', create: '.Y.Y.......', update: '.Y.Y.......', delete: '.Y.........' },
  management_checks:       { list: '.YYYYYYYYYY', view: '.YYYYYYYYYY', create: '.Y.Y.......', update: '.Y.Y.......', delete: '.Y.........' },
  supervision_items:       { list: '.YYYYYYYYYY', view: '.YYYYYYYYYY', create: '.Y........Y', update: '.Y.Y......Y', delete: '...........' },
  budget_applications:     { list: '.YYYYYYYYYY', view: '.YYYYYYYYYY', create: '........Y..', update: '........Y..', delete: '........Y..' },
  land_records:            { list: '.YYYYYYYYYY', view: '.YYYYYYYYYY', create: '.........Y.', update: '.........Y.', delete: '.........Y.' },
  audit_findings:          { list: '.YYYYYYYYYY', view: '.YYYYYYYYYY', create: '.......Y...', update: '.......Y...', delete: '.......Y...' },
  elderly_subsidies:       { list: '.YYYYYYYYYY', view: '.YYYYYYYYYY', create: '......Y....', update: '......Y....', delete: '......Y....' },
  monthly_reports:         { list: '.YYYYYYYYYY', view: '.YYYYYYYYYY', create: '.Y.........', update: '...........', delete: '...........' },
  year_summaries:          { list: '.YYYYYYYYYY', view: '.YYYYYYYYYY', create: '.Y.........', update: '.Y.........', delete: '.Y.........' },
  feedback_timeliness:     { list: '.YYYYYYYYYY', view: '.YYYYYYYYYY', create: '...........', update: '...........', delete: '...........' },
};

const clients = {} as Record<RoleKey | (typeof ROLES_OVERSIGHT)[number], PocketBase>;
let own = { township: '', community: '', compound: '' };
let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;
const DATE = '2025-03-01 00:00:00.000Z';
const square = (d = 0.0003) => {
  const k = seq++;
  const lon = 111.772 + (k % 40) * 0.0006;
  const lat = 37.252 + Math.floor(k / 40) * 0.0006;
  return { type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] };
};

/** How to exercise one collection: make() creates a fresh target as superuser (or names an existing one). */
interface Spec {
  make: () => Promise<string>;
  body: () => Promise<Record<string, unknown>>;
  patch: (id: string) => Promise<Record<string, unknown>>;
  /** Records a create attempt left behind, removed so unique indexes do not collide. */
  cleanup?: boolean;
}

const A = () => srv.admin;
const create = async (col: string, body: Record<string, unknown>) => (await A().collection(col).create(body)).id;
/** A new compound of the own township; with its staff-only facts and a consent survey of 90% unless `facts` is null. */
const freshCompound = async (extra: Record<string, unknown> = {}, facts: Record<string, unknown> | null = { property_owner: '汾阳市某厂' }) => {
  const id = await create('compounds', {
    code: `PM-${uniq()}`, name: '矩阵测试小区', township: own.township, community: own.community, stage: 'demand', geometry: square(),
    households: 100, ...extra,
  });
  if (facts) {
    await create('compound_private', { compound: id, ...facts });
    await create('consent_surveys', { compound: id, survey_date: DATE, households_surveyed: 100, households_agreeing: 90, method: 'door_to_door' });
  }
  return id;
};
const pdf = () => new Blob(['%PDF-1.4\n%test\n'], { type: 'application/pdf' });
const firstId = async (col: string) => (await A().collection(col).getList(1, 1)).items[0].id;
let planForEntries = '';
let elderlySiteId = '';
const SOON = new Date(Date.now() + 30 * 86400e3).toISOString().slice(0, 10);
const elderlySite = async () => elderlySiteId || (elderlySiteId = await create('facility_sites', { facility_type: 'elderly_station', geometry: square(0.0001), source: 'new', stage: 'proposed', compound: own.compound }));
let openPublication = '';
let acceptedOwn = '';
const inAWeek = () => new Date(Date.now() + 7 * 86400e3).toISOString();
/** A period of far years for the matrix's plans (2036—2040): a plan needs a period covering its year. */
let matrixPeriod = '';
async function ensureMatrixPeriod() {
  if (!matrixPeriod) matrixPeriod = await create('periods', { name: '权限矩阵测试期', first_year: 2036, last_year: 2040 });
  return matrixPeriod;
}

/** A 1 km square in the west of the county, away from the demo's boundaries (`east` km further east). */
const westSquare = (east: number) => {
  const [lon, lat, d] = [111.6 + east * 0.0113, 37.3, 0.0113];
  return { type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + 0.009], [lon, lat + 0.009], [lon, lat]]] };
};

const SPECS: Record<string, Spec> = {
  division_boundaries: {
    make: () => create('division_boundaries', { code: '141182110', geometry: westSquare(0) }),
    body: async () => ({ code: '141182109', geometry: westSquare(2) }),
    patch: async () => ({ source: '改过的来源' }),
    cleanup: true,
  },
  townships: {
    make: () => create('townships', { code: `1411829${String(seq++ % 100).padStart(2, '0')}`, name: '测试镇', kind: 'town' }),
    body: async () => ({ code: '141182998', name: '测试镇', kind: 'town' }),
    patch: async () => ({ name: '改名镇' }),
    cleanup: true,
  },
  communities: {
    make: () => create('communities', { code: `141182${String(900000 + seq++)}`, name: '测试社区', township: own.township }),
    body: async () => ({ code: '141182999999', name: '测试社区', township: own.township }),
    patch: async () => ({ name: '改名社区' }),
    cleanup: true,
  },
  compounds: {
    // Without a consent survey: a compound that evidence names cannot be deleted.
    make: () => freshCompound({}, null),
    body: async () => ({ code: `PM-${uniq()}`, name: '新小区', township: own.township, stage: 'demand', geometry: square() }),
    patch: async (id) => ({ address: '矩阵路 1 号', version: (await A().collection('compounds').getOne(id)).version }),
  },
  compound_private: {
    // One record per compound, with the compound's id.
    make: () => freshCompound(),
    body: async () => ({ compound: await freshCompound({}, null), property_owner: '汾阳市某单位', management: 'self' }),
    patch: async () => ({ property_owner: '改名单位' }),
  },
  compound_notes: {
    make: async () => create('compound_notes', { compound: await freshCompound(), contact_name: '联系人' }),
    body: async () => ({ compound: await freshCompound(), contact_name: '联系人', contact_phone: '13800000000' }),
    patch: async () => ({ internal_notes: '内部备注' }),
  },
  buildings: {
    make: () => create('buildings', { compound: own.compound, name: 'M', geometry: square(0.0001), floors: 5 }),
    body: async () => ({ compound: own.compound, name: 'N', geometry: square(0.0001), floors: 6 }),
    patch: async () => ({ floors: 7 }),
  },
  context_features: {
    make: () => create('context_features', { kind: 'green', name: '绿地', geometry: square() }),
    body: async () => ({ kind: 'green', name: '新绿地', geometry: square() }),
    patch: async () => ({ name: '改名绿地' }),
  },
  design_zones: {
    make: () => create('design_zones', { name: '单元', geometry: square(), origin: 'drawn', status: 'active', members: [own.compound] }),
    body: async () => ({ name: '新单元', geometry: square(), origin: 'drawn', status: 'active' }),
    patch: async () => ({ notes: '备注', version: 1 }),
  },
  facility_sites: {
    make: () => create('facility_sites', { facility_type: 'elderly_station', geometry: square(0.0001), source: 'new', stage: 'proposed', compound: own.compound }),
    body: async () => ({ facility_type: 'nursery', geometry: square(0.0001), source: 'new', stage: 'proposed', compound: own.compound }),
    patch: async () => ({ name: '托育点' }),
  },
  approvals: {
    make: () => create('approvals', { compound: own.compound, kind: 'permit', date: DATE, status: 'pending' }),
    body: async () => ({ compound: own.compound, kind: 'joint_review', date: DATE, status: 'approved' }),
    patch: async () => ({ status: 'approved' }),
  },
  elevator_inspections: {
    make: () => create('elevator_inspections', { compound: own.compound, kind: 'periodic', date: DATE, result: 'pending' }),
    body: async () => ({ compound: own.compound, kind: 'installation', date: DATE, result: 'pass' }),
    patch: async () => ({ result: 'pass' }),
  },
  consultations: {
    make: () => create('consultations', { compound: own.compound, kind: 'meeting', date: DATE }),
    body: async () => ({ compound: own.compound, kind: 'survey', date: DATE, participants: 30, households_surveyed: 30, households_agreeing: 28, documents: pdf() }),
    patch: async () => ({ summary: '居民同意改造' }),
  },
  consent_surveys: {
    make: () => create('consent_surveys', { compound: own.compound, survey_date: DATE, households_surveyed: 60, households_agreeing: 50, method: 'online' }),
    body: async () => ({ compound: own.compound, survey_date: DATE, households_surveyed: 50, households_agreeing: 40, method: 'door_to_door', sheet: pdf() }),
    patch: async () => ({ note: '核对调查表' }),
  },
  feedback: {
    make: () => create('feedback', { compound: own.compound, category: 'progress', message: '工期多久?', contact: '13900000000' }),
    body: async () => ({ compound: own.compound, category: 'suggestion', message: '矩阵测试留言' }),
    patch: async () => ({ status: 'acknowledged' }),
  },
  audit_log: {
    // A row about a compound: rows about feedback and accounts are for the office and the audit bureau only
    // (test/integration/guards.test.ts).
    make: async () => (await A().collection('audit_log').getList(1, 1, { filter: 'collection = "compounds"' })).items[0].id,
    body: async () => ({ collection: 'compounds', record: 'x', action: 'create', by_kind: 'system' }),
    patch: async () => ({ label: '改写' }),
  },
  users: {
    make: () => create('users', {
      email: `u${uniq()}@test.local`, password: PASSWORD, passwordConfirm: PASSWORD, name: '测试用户', role: 'planner', active: true,
    }),
    body: async () => ({ email: `n${uniq()}@test.local`, password: PASSWORD, passwordConfirm: PASSWORD, name: '新用户', role: 'planner' }),
    patch: async () => ({ name: '改名用户' }),
  },
  public_compounds: { make: () => firstId('public_compounds'), body: async () => ({ name: 'x' }), patch: async () => ({ name: 'x' }) },
  public_feedback: { make: () => firstId('public_feedback'), body: async () => ({ message: 'x' }), patch: async () => ({ message: 'x' }) },

  programme_settings: {
    make: () => firstId('programme_settings'),
    body: async () => ({ consent_threshold_pct: 50 }),
    patch: async (id) => ({ consent_threshold_pct: (await A().collection('programme_settings').getOne(id)).consent_threshold_pct }),
  },
  annual_plans: {
    make: () => create('annual_plans', { year: 2038, township: own.township, status: 'draft' }),
    body: async () => ({ year: 2039, township: own.township, status: 'draft' }),
    patch: async () => ({ note: '备注' }),
    cleanup: true,
  },
  plan_entries: {
    make: async () => create('plan_entries', { plan: planForEntries, compound: await freshCompound(), tier: 'implement' }),
    body: async () => ({ plan: planForEntries, compound: await freshCompound(), tier: 'prepare' }),
    patch: async () => ({ tier: 'reserve' }),
  },
  stage_events: {
    make: async () => create('stage_events', {
      compound: await freshCompound(), to: 'scheme', kind: 'forward', scheme_summary: '方案', budget_estimate_yuan: 100000,
    }),
    body: async () => ({ compound: await freshCompound(), to: 'scheme', kind: 'forward', scheme_summary: '初步方案', budget_estimate_yuan: 200000 }),
    patch: async () => ({ note: '改写' }),
  },
  renovation_items: {
    make: () => create('renovation_items', { compound: own.compound, class: 'basic', item: 'water_supply', quantity: 1, unit: 'km', status: 'planned' }),
    body: async () => ({ compound: own.compound, class: 'basic', item: 'drainage', quantity: 2, unit: 'km', status: 'planned' }),
    patch: async () => ({ quantity: 3 }),
  },
  funding: {
    make: () => create('funding', { compound: own.compound, source: 'municipal', kind: 'planned', amount_yuan: 1000, date: DATE }),
    body: async () => ({ compound: own.compound, source: 'central', kind: 'received', amount_yuan: 2000, date: DATE }),
    patch: async () => ({ amount_yuan: 3000 }),
  },
  management_arrangements: {
    make: () => create('management_arrangements', { compound: own.compound, mode: 'self', start_date: DATE }),
    body: async () => ({ compound: own.compound, mode: 'property_company', company: '物业公司', start_date: DATE }),
    patch: async () => ({ note: '备注' }),
  },
  maintenance_funds: {
    make: async () => create('maintenance_funds', { compound: await freshCompound(), target_yuan: 1000, collected_yuan: 10, date: DATE }),
    body: async () => ({ compound: await freshCompound(), target_yuan: 1000, collected_yuan: 100, date: DATE }),
    patch: async () => ({ collected_yuan: 200 }),
  },
  management_checks: {
    make: () => create('management_checks', { compound: own.compound, date: DATE, inspector: '检查员', score: 80 }),
    body: async () => ({ compound: own.compound, date: DATE, inspector: '检查员', score: 90, service_rating: 4 }),
    patch: async () => ({ findings: '良好' }),
  },
  supervision_items: {
    make: () => create('supervision_items', { township: own.township, title: '督办', deadline: SOON, status: 'open' }),
    body: async () => ({ township: own.township, title: '新督办', deadline: SOON, status: 'open' }),
    patch: async () => ({ status: 'open' }),
  },
  budget_applications: {
    make: () => create('budget_applications', { year: 2027, title: '申报', status: 'preparing', requested_yuan: 100 }),
    body: async () => ({ year: 2027, title: '新申报', status: 'submitted', requested_yuan: 200 }),
    patch: async () => ({ note: '备注' }),
  },
  land_records: {
    make: () => create('land_records', { compound: own.compound, parcel: 'P-1', land_use: 'residential' }),
    body: async () => ({ compound: own.compound, parcel: 'P-2', land_use: 'idle_land', right_holder: '某单位', transfer_status: 'negotiating' }),
    patch: async () => ({ note: '备注' }),
  },
  audit_findings: {
    make: () => create('audit_findings', { compound: own.compound, date: DATE, category: 'procedure', finding: '程序问题' }),
    body: async () => ({ compound: own.compound, date: DATE, category: 'overpayment', finding: '多计工程量', amount_yuan: 1000 }),
    patch: async () => ({ rectification: '已整改' }),
  },
  elderly_subsidies: {
    make: async () => create('elderly_subsidies', { site: await elderlySite(), year: 2026, kind: 'operation', amount_yuan: 100, date: DATE }),
    body: async () => ({ site: await elderlySite(), year: 2026, kind: 'construction', amount_yuan: 200, date: DATE }),
    patch: async () => ({ recipient: '运营方' }),
  },
  monthly_reports: {
    make: () => create('monthly_reports', { month: '2020-01', figures: { rows: [], total: {} }, reason: '矩阵' }),
    body: async () => ({ month: '2020-02', figures: { rows: [], total: {} }, reason: '矩阵' }),
    patch: async () => ({ reason: '改写' }),
  },
  year_summaries: {
    make: () => create('year_summaries', { year: 2080 + (seq++ % 15), overview: '概述' }),
    body: async () => ({ year: 2096 + (seq++ % 4), overview: '新概述' }),
    patch: async () => ({ problems: '问题' }),
    cleanup: true,
  },
  feedback_timeliness: { make: () => firstId('feedback_timeliness'), body: async () => ({ status: 'new' }), patch: async () => ({ status: 'new' }) },
  public_stage_events: { make: () => firstId('public_stage_events'), body: async () => ({ note: 'x' }), patch: async () => ({ note: 'x' }) },
  public_items: { make: () => firstId('public_items'), body: async () => ({ note: 'x' }), patch: async () => ({ note: 'x' }) },
  public_funding_totals: { make: () => firstId('public_funding_totals'), body: async () => ({ kind: 'x' }), patch: async () => ({ kind: 'x' }) },

  // One open publication and one open round per compound: each attempt gets a fresh compound.
  scheme_publications: {
    make: async () => create('scheme_publications', { compound: await freshCompound(), summary: '方案', ends_at: inAWeek() }),
    body: async () => ({ compound: await freshCompound(), summary: '方案概要', ends_at: inAWeek() }),
    patch: async () => ({ title: '改标题' }),
  },
  scheme_comments: {
    make: () => create('scheme_comments', { publication: openPublication, message: '矩阵意见' }),
    body: async () => ({ publication: openPublication, message: '矩阵测试意见' }),
    patch: async () => ({ answer: '答复' }),
  },
  public_scheme_comments: { make: () => firstId('public_scheme_comments'), body: async () => ({ message: 'x' }), patch: async () => ({ message: 'x' }) },
  consent_campaigns: {
    make: async () => create('consent_campaigns', { compound: await freshCompound() }),
    body: async () => ({ compound: await freshCompound() }),
    patch: async () => ({ note: '备注' }),
  },
  // Ratings need an accepted compound: one of the own township's, freed again after each attempt.
  rating_campaigns: {
    make: () => create('rating_campaigns', { compound: acceptedOwn, mode: 'open' }),
    body: async () => ({ compound: acceptedOwn, mode: 'codes' }),
    patch: async () => ({ status: 'open' }),
    cleanup: true,
  },
  rating_comments: {
    make: async () => create('rating_comments', {
      campaign: (await A().collection('rating_campaigns').getFirstListItem('')).id, compound: own.compound, township: own.township, message: '矩阵评价意见',
    }),
    body: async () => ({ campaign: 'x', message: 'x' }),
    patch: async () => ({ message: '改' }),
  },
  public_ratings: { make: () => firstId('public_ratings'), body: async () => ({ responses: 1 }), patch: async () => ({ responses: 1 }) },
  round_tallies: {
    make: () => create('round_tallies', { agree: 1, disagree: 0 }),
    body: async () => ({ agree: 5 }),
    patch: async () => ({ agree: 9 }),
  },
  household_codes: {
    make: () => create('household_codes', { hash: uniq().padEnd(64, '0').slice(0, 64), kind: 'consent', campaign: 'x', compound: own.compound, used: false }),
    body: async () => ({ hash: uniq().padEnd(64, '1').slice(0, 64), kind: 'consent', campaign: 'x', compound: own.compound }),
    patch: async () => ({ used: true }),
  },
  notifications: {
    make: async () => create('notifications', { user: clients.twOwn.authStore.record!.id, kind: 'feedback_new', title: '矩阵通知', link: '/feedback' }),
    body: async () => ({ user: clients.twOwn.authStore.record!.id, kind: 'feedback_new', title: '伪造通知' }),
    patch: async () => ({ read: true }),
  },
  periods: {
    make: () => create('periods', { name: '矩阵期', first_year: 2081, last_year: 2082 }),
    body: async () => ({ name: '新矩阵期', first_year: 2091, last_year: 2092 }),
    patch: async () => ({ note: '备注' }),
    cleanup: true,
  },
  overall_plan_entries: {
    make: async () => create('overall_plan_entries', { period: await ensureMatrixPeriod(), compound: await freshCompound(), year: 2037, estimate_yuan: 1000 }),
    body: async () => ({ period: await ensureMatrixPeriod(), compound: await freshCompound(), year: 2038, estimate_yuan: 2000 }),
    patch: async () => ({ estimate_yuan: 3000 }),
  },
  plan_years: {
    // 2036 and 2040: years the annual plans of this file do not use (a year with plans cannot be deleted).
    make: () => create('plan_years', { year: 2036 }),
    body: async () => ({ year: 2040 }),
    patch: async () => ({ note: '备注' }),
    cleanup: true,
  },
  implementing_bodies: {
    make: async () => create('implementing_bodies', { compound: await freshCompound(), body_type: 'community', body_name: '矩阵社区' }),
    body: async () => ({ compound: await freshCompound(), body_type: 'owners_committee', body_name: '矩阵业委会' }),
    patch: async () => ({ body_name: '改名' }),
  },
  procurements: {
    make: () => create('procurements', { compound: own.compound, scope: 'construction', method: 'open_tender', status: 'announced', announce_date: DATE }),
    body: async () => ({ compound: own.compound, scope: 'design', method: 'inquiry', status: 'announced', announce_date: DATE }),
    patch: async () => ({ note: '备注' }),
  },
  design_reviews: {
    make: () => create('design_reviews', { compound: own.compound, kind: 'joint', date: DATE, result: 'passed', opinion: '同意' }),
    body: async () => ({ compound: own.compound, kind: 'construction_drawing', date: DATE, result: 'conditional', opinion: '补充详图' }),
    patch: async () => ({ reviewer: '审查中心' }),
  },
  demolitions: {
    make: () => create('demolitions', { compound: own.compound, date: DATE, structures: 1 }),
    body: async () => ({ compound: own.compound, date: DATE, structures: 2, area_m2: 12.5 }),
    patch: async () => ({ area_m2: 20 }),
  },
  public_period_compounds: { make: () => firstId('public_period_compounds'), body: async () => ({ year: 1 }), patch: async () => ({ year: 1 }) },
  public_implementing_bodies: { make: () => firstId('public_implementing_bodies'), body: async () => ({ body_name: 'x' }), patch: async () => ({ body_name: 'x' }) },
  public_tenders: { make: () => firstId('public_tenders'), body: async () => ({ winning_unit: 'x' }), patch: async () => ({ winning_unit: 'x' }) },
};

async function removeQuietly(col: string, id: string) {
  await A().collection(col).delete(id).catch(() => {});
}

/** One cell: true when the role may do the operation. */
async function attempt(col: string, op: Op, pb: PocketBase): Promise<boolean> {
  const spec = SPECS[col];
  if (op === 'create') {
    const body = await spec.body();
    try {
      const rec = await pb.collection(col).create(body);
      if (spec.cleanup) await removeQuietly(col, rec.id);
      return true;
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status === 429 || status === 500 || status === 0) throw err;
      return false;
    }
  }
  const id = await spec.make();
  try {
    if (op === 'list') {
      // A collection no rule opens (superusers only) refuses the list itself (403) rather than listing nothing.
      const res = await pb.collection(col).getList(1, 1, { filter: pb.filter('id = {:id}', { id }) }).catch((err) => {
        if ((err as { status?: number }).status === 403) return { items: [] };
        throw err;
      });
      return res.items.length === 1;
    }
    const status = await statusOf(
      op === 'view' ? pb.collection(col).getOne(id)
        : op === 'update' ? pb.collection(col).update(id, await spec.patch(id))
          : pb.collection(col).delete(id),
    );
    if (status === 429 || status === 500 || status === -1) throw new Error(`${col} ${op}: status ${status}`);
    return status === 0;
  } finally {
    if (spec.cleanup) await removeQuietly(col, id);
  }
}

async function runMatrix(matrix: Record<string, Record<Op, string>>, roles: readonly (keyof typeof clients)[] = ROLES) {
  const mismatches: string[] = [];
  for (const [col, row] of Object.entries(matrix)) {
    for (const op of OPS) {
      for (let i = 0; i < roles.length; i++) {
        const expected = row[op][i] === 'Y';
        let got: boolean;
        try {
          got = await attempt(col, op, clients[roles[i]]);
        } catch (err) {
          mismatches.push(`${col}.${op} as ${roles[i]}: error ${(err as Error).message}`);
          continue;
        }
        if (got !== expected) mismatches.push(`${col}.${op} as ${roles[i]}: expected ${expected ? 'allow' : 'deny'}, got ${got ? 'allow' : 'deny'}`);
      }
    }
  }
  return mismatches;
}

beforeAll(async () => {
  srv = await startServer({ seed: true });
  const tw = await A().collection('townships').getFirstListItem('code = "141182002"');
  const community = await A().collection('communities').getFirstListItem(A().filter('township = {:t}', { t: tw.id }));
  own = { township: tw.id, community: community.id, compound: '' };
  own.compound = await freshCompound();
  for (const d of ['approval', 'market', 'civil']) {
    await A().collection('users').create({
      email: `${d}@test.local`, password: PASSWORD, passwordConfirm: PASSWORD, name: `${d} 部门`, role: 'department', department: d, active: true,
    });
  }
  // Rows for the public views.
  const fb = await A().collection('feedback').create({ compound: own.compound, category: 'quality', message: '楼道灯坏了', contact: '私密电话 13700000000' });
  await A().collection('feedback').update(fb.id, { public_reply: '已安排维修' });
  const emails: Record<RoleKey, string | null> = {
    anon: null, office: 'office@demo.fenyang', planner: 'planner@demo.fenyang', twOwn: 'taihe@demo.fenyang', twOther: 'wenfeng@demo.fenyang',
    finance: 'finance@demo.fenyang', approval: 'approval@test.local', market: 'market@test.local', civil: 'civil@test.local', audit: 'audit@demo.fenyang',
  };
  for (const r of ROLES) clients[r] = emails[r] ? await srv.as(emails[r]!, PASSWORD) : srv.anon();
  for (const [r, email] of [['development', 'development@demo.fenyang'], ['resources', 'resources@demo.fenyang'], ['inspection', 'inspection@demo.fenyang']] as const) {
    clients[r] = await srv.as(email, PASSWORD);
  }
});
afterAll(async () => srv?.stop());

describe('permission matrix', () => {
  it('core, department, feedback, audit and account collections answer each role as the table says', async () => {
    expect(await runMatrix(MATRIX)).toEqual([]);
  }, 240_000);

  it('programme collections (#5) and their public views answer each role as the table says', async () => {
    const cols = new Set((await A().collections.getFullList()).map((c) => c.name));
    const missing = Object.keys(MATRIX_PROGRAMME).filter((c) => !cols.has(c));
    expect(missing).toEqual([]);
    await ensureMatrixPeriod();
    planForEntries = (await A().collection('annual_plans').create({ year: 2037, township: own.township, status: 'draft' })).id;
    // Rows for the public views.
    await SPECS.stage_events.make();
    await SPECS.renovation_items.make();
    await SPECS.funding.make();
    expect(await runMatrix(MATRIX_PROGRAMME)).toEqual([]);
  }, 240_000);

  it('participation collections and their public views answer each role as the table says', async () => {
    openPublication = await create('scheme_publications', { compound: await freshCompound(), summary: '矩阵公示', ends_at: inAWeek() });
    const rated = new Set((await A().collection('rating_campaigns').getFullList({ fields: 'compound' })).map((r) => r.compound));
    acceptedOwn = (await A().collection('compounds').getFullList({ filter: A().filter('township = {:t} && (stage = "accepted" || stage = "maintained")', { t: own.township }) }))
      .find((c) => !rated.has(c.id))!.id;
    expect(await runMatrix(MATRIX_PARTICIPATION)).toEqual([]);
  }, 240_000);

  it('procedure collections (periods, overall plans, the year\'s chain, implementation records) and their public views answer each role as the table says', async () => {
    const cols = new Set((await A().collections.getFullList()).map((c) => c.name));
    expect(Object.keys(MATRIX_PROCEDURE).filter((c) => !cols.has(c))).toEqual([]);
    expect(await runMatrix(MATRIX_PROCEDURE)).toEqual([]);
  }, 240_000);

  it('long-term management, supervision, department duties and reports on record answer each role as the table says', async () => {
    expect(await runMatrix(MATRIX_OVERSIGHT, ROLES_OVERSIGHT)).toEqual([]);
  }, 240_000);

  it('covers every collection that exists', async () => {
    const cols = (await A().collections.getFullList()).filter((c) => !c.system).map((c) => c.name);
    const covered = new Set([...Object.keys(MATRIX), ...Object.keys(MATRIX_PROGRAMME), ...Object.keys(MATRIX_PROCEDURE), ...Object.keys(MATRIX_OVERSIGHT), ...Object.keys(MATRIX_PARTICIPATION)]);
    expect(cols.filter((c) => !covered.has(c))).toEqual([]);
  });
});

describe('private fields', () => {
  it('never reach anonymous readers', async () => {
    const anon = srv.anon();
    for (const col of ['compound_notes', 'feedback', 'users', 'audit_log', 'stage_events', 'funding', 'renovation_items', 'design_zones']) {
      expect((await anon.collection(col).getList(1, 1)).totalItems, col).toBe(0);
    }
    const PRIVATE = ['contact', 'contact_name', 'contact_phone', 'internal_notes', 'internal_note', 'replied_by', 'by', 'email',
      'township_id', 'photo', 'documents', 'document', 'created_by', 'updated_by', 'property_owner'];
    for (const col of ['public_compounds', 'public_feedback', 'public_stage_events', 'public_items', 'public_funding_totals']) {
      const rows = (await anon.collection(col).getList(1, 50, { expand: col === 'public_compounds' ? 'township' : 'compound' })).items;
      expect(rows.length, col).toBeGreaterThan(0);
      for (const r of rows) for (const k of PRIVATE) expect(Object.keys(r), `${col}.${k}`).not.toContain(k);
      expect(JSON.stringify(rows)).not.toContain('13700000000');
    }
    const fb = (await anon.collection('public_feedback').getList(1, 50)).items;
    expect(fb.map((r) => r.public_reply)).toContain('已安排维修');
  });
});

describe('accounts', () => {
  it('refuses sign-in and every request of a deactivated account', async () => {
    const email = `gone${uniq()}@test.local`;
    const u = await A().collection('users').create({
      email, password: PASSWORD, passwordConfirm: PASSWORD, name: '离职人员', role: 'township', township: own.township, active: true,
    });
    const before = await srv.as(email, PASSWORD);
    const office = clients.office;
    await office.collection('users').update(u.id, { active: false });
    let message = '';
    const status = await srv.as(email, PASSWORD).then(() => 0, (err) => {
      message = err.response?.message ?? '';
      return err.status;
    });
    expect(status).toBe(403);
    expect(message).toContain('停用');
    // A token issued before deactivation no longer opens anything private or writable.
    expect((await before.collection('compound_notes').getList(1, 1)).totalItems).toBe(0);
    expect(await statusOf(before.collection('compounds').update(own.compound, { address: 'x' }))).toBe(404);
    expect(await statusOf(before.collection('users').authRefresh())).toBeGreaterThanOrEqual(400);
    // A wrong password on a deactivated account tells nothing about the account.
    expect(await statusOf(srv.as(email, 'wrong-password-1'))).toBe(400);
  });

  it('lets nobody raise their own rights, and the office manage accounts', async () => {
    const tw = clients.twOwn;
    const me = tw.authStore.record!;
    expect(await statusOf(tw.collection('users').update(me.id, { role: 'office' }))).toBe(404);
    expect(await statusOf(tw.collection('users').update(me.id, { township: '' }))).toBe(404);
    expect(await statusOf(tw.collection('users').update(me.id, { active: false }))).toBe(404);
    expect(await statusOf(tw.collection('users').update(me.id, { name: '太和桥街道(示例)' }))).toBe(0);
    const office = clients.office;
    // Password rules: at least 10 characters; the office resets a password without the old one.
    const short = { email: `s${uniq()}@test.local`, password: 'short9chr', passwordConfirm: 'short9chr', name: 'x', role: 'planner' };
    expect(await statusOf(office.collection('users').create(short))).toBe(400);
    const u = await office.collection('users').create({ ...short, password: 'long-enough-1', passwordConfirm: 'long-enough-1' });
    expect(u.active).toBe(true);
    await office.collection('users').update(u.id, { password: 'reset-by-office-1', passwordConfirm: 'reset-by-office-1' });
    await srv.as(short.email, 'reset-by-office-1');
    // Roles need their scope.
    expect(await statusOf(office.collection('users').create({ ...short, email: `t${uniq()}@test.local`, password: 'long-enough-1', passwordConfirm: 'long-enough-1', role: 'township' }))).toBe(400);
    // The office cannot lock itself out.
    expect(await statusOf(office.collection('users').update(office.authStore.record!.id, { active: false }))).toBe(400);
  });

  it('keeps tokens short-lived', async () => {
    const token = clients.office.authStore.token;
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(payload.exp - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(24 * 3600);
  });
});

describe('uploads', () => {
  it('accept only images and PDF (and the submitted report\'s XLSX), with a size cap, in every file field', async () => {
    const allowed = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf']);
    // A submitted monthly report keeps the workbook it was sent as, and nothing else.
    const XLSX_ONLY = { 'monthly_reports.workbook': ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] } as Record<string, string[]>;
    const cols = await A().collections.getFullList();
    let n = 0;
    for (const c of cols) {
      for (const f of c.fields as { type: string; name: string; mimeTypes?: string[]; maxSize?: number }[]) {
        if (f.type !== 'file') continue;
        n++;
        expect(f.mimeTypes?.length, `${c.name}.${f.name}`).toBeGreaterThan(0);
        for (const m of f.mimeTypes!) expect(allowed.has(m) || XLSX_ONLY[`${c.name}.${f.name}`]?.includes(m), `${c.name}.${f.name} ${m}`).toBe(true);
        expect(f.maxSize, `${c.name}.${f.name}`).toBeLessThanOrEqual(20 * 1024 * 1024);
      }
    }
    expect(n).toBeGreaterThan(3);
    const form = new FormData();
    form.append('compound', own.compound);
    form.append('category', 'other');
    form.append('message', '附件测试');
    form.append('photo', new Blob(['#!/bin/sh\necho hi\n'], { type: 'text/plain' }), 'x.sh');
    expect(await statusOf(clients.office.collection('feedback').create(form))).toBe(400);
  });
});
