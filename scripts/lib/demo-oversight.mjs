// Demo records (示例数据) for what follows the works and what steers them: long-term management of accepted compounds
// (arrangement, maintenance fund, periodic checks — one compound's check overdue), 督办 items issued by the 督查室 in
// each state (open and overdue, rectified awaiting closure, closed), each department's duty records (发改局 budget
// applications, 自然资源局 land records of two elderly-care sites and idle land, 审计局 findings, 民政局 subsidies) and
// the office's text for last year's summary. Dated relative to the seeding day; every record carries is_demo.
import { addDays, rnd } from './demo-history.mjs';

const TOWNSHIP_USERS = { 141182001: 'wenfeng@demo.fenyang', 141182002: 'taihe@demo.fenyang', 141182003: 'xihe@demo.fenyang' };
const INSPECTION = 'inspection@demo.fenyang';
const COMPANIES = ['汾阳市宜居物业服务有限公司(示例)', '山西汾州物业管理有限公司(示例)', '汾阳市鑫安物业有限公司(示例)'];
const INSPECTORS = ['市住建局物业科 王工(示例)', '街道城建办 李工(示例)', '社区居委会 张主任(示例)'];
const min = (a, b) => (a < b ? a : b);
const round = (v, step) => Math.round(v / step) * step;

/** 'YYYY-MM-DD' plus n months. */
function addMonths(date, n) {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1 + n, Math.min(d, 28)));
  return t.toISOString().slice(0, 10);
}

/**
 * @param {{features: any[], context: any[], stableId: (kind: string, key: string) => string, townshipIds: Map<string, string>,
 *   timeline: {asOf: string, worksYear: number, compounds: Map<string, any>}, files: {pdf: (t: string) => any, photo: (h: number) => any}}} p
 * @returns {{collection: string, body: any}[]}
 */
export function oversightItems({ features, context, stableId, townshipIds, timeline, files }) {
  const { asOf } = timeline;
  const out = [];
  const compoundId = (code) => stableId('compound', code);
  const userId = (email) => stableId('user', email);
  const props = features.map((f) => f.properties);
  const accepted = props.filter((p) => timeline.compounds.get(p.code)?.accepted).sort((a, b) => a.code.localeCompare(b.code));

  // ---- long-term management -------------------------------------------------------------------------------------------
  accepted.forEach((p, i) => {
    const c = timeline.compounds.get(p.code);
    const id = compoundId(p.code);
    const start = min(addDays(c.accepted, 10), asOf);
    const company = p.management === 'property_company' || i % 3 === 0;
    out.push({ collection: 'management_arrangements', body: {
      id: stableId('mgmt', p.code), compound: id, start_date: start, is_demo: true,
      ...(company
        ? { mode: 'property_company', company: COMPANIES[i % COMPANIES.length], contract_start: start, contract_end: addMonths(start, 36),
          fee_yuan_m2_month: [0.35, 0.45, 0.6][i % 3], subsidy_yuan_year: round(p.households * 30, 100), subsidy_min_score: 80,
          note: '前三年物业费由财政按考核结果补贴(以奖代补,示例)' }
        : { mode: i % 2 ? 'owners_committee' : 'self', note: '业主委员会自管,社区指导(示例)' }),
    } });
    const target = round(p.floor_area_m2 * 25, 100);
    out.push({ collection: 'maintenance_funds', body: {
      id: stableId('fund', p.code), compound: id, target_yuan: target, collected_yuan: round(target * (0.35 + 0.6 * rnd(p.code, 'fund')), 100),
      date: min(addDays(start, 60), asOf), note: '按建筑面积每平方米25元归集专项维修资金(示例)', is_demo: true,
    } });
    // Checks every six months after acceptance; the first accepted compound's latest check is missing (overdue).
    let d = addMonths(c.accepted, 1);
    let n = 0;
    while (d <= asOf && n < 6) {
      const overdueOne = i === 0 && addMonths(d, 6) > asOf && n > 0;
      if (!overdueOne) {
        out.push({ collection: 'management_checks', body: {
          id: stableId('check', `${p.code}:${n}`), compound: id, date: d, inspector: INSPECTORS[(i + n) % INSPECTORS.length],
          findings: n % 2 ? '楼道杂物已清理,个别路灯损坏待修(示例)' : '环境卫生良好,绿化养护到位,停车有序(示例)',
          score: Math.round(72 + 25 * rnd(p.code, 'score', n)), service_rating: 3 + Math.round(2 * rnd(p.code, 'rating', n)),
          photos: [files.photo(90 + rnd(p.code, 'chk', n) * 60)], is_demo: true,
        } });
      }
      d = addMonths(d, 6);
      n++;
    }
  });

  // ---- 督办 items: open and overdue, rectified awaiting closure, closed -------------------------------------------------
  const byTownship = (code) => props.filter((p) => p.township_code === code);
  const late = props.find((p) => timeline.compounds.get(p.code)?.start && !timeline.compounds.get(p.code)?.accepted) ?? props[0];
  const items = [
    { key: 'open', tw: late.township_code, compound: late.code, title: `${late.name}施工进度滞后督办(示例)`, issued: addDays(asOf, -40), deadline: addDays(asOf, -10), status: 'open',
      requirement: '施工进度明显滞后于计划,请于期限内制定赶工方案,并报送整改情况(示例)' },
    { key: 'rectified', tw: '141182002', title: '群众反映问题答复不及时督办(示例)', issued: addDays(asOf, -30), deadline: addDays(asOf, 15), status: 'rectified',
      requirement: '对本月未按期答复的群众反映逐条答复并说明原因(示例)', rectification: '已逐条电话回访并在平台公开答复(示例)' },
    { key: 'closed', tw: '141182001', compound: byTownship('141182001')[0]?.code, title: '年度计划申报材料不全督办(示例)', issued: addDays(asOf, -120), deadline: addDays(asOf, -90),
      status: 'closed', requirement: '补充居民意愿调查表及初步方案(示例)', rectification: '已补充全部材料(示例)' },
  ];
  for (const it of items) {
    const rectified = it.status !== 'open' ? min(addDays(it.issued, 12), asOf) : '';
    out.push({ collection: 'supervision_items', body: {
      id: stableId('supervision', it.key), township: townshipIds.get(it.tw), compound: it.compound ? compoundId(it.compound) : '',
      title: it.title, requirement: it.requirement, deadline: it.deadline, status: it.status, issued_by: userId(INSPECTION), issued_date: it.issued,
      ...(rectified ? { rectification: it.rectification, rectified_by: userId(TOWNSHIP_USERS[it.tw]), rectified_date: rectified,
        evidence: [files.pdf(`Rectification ${it.key} (demo)`)] } : {}),
      ...(it.status === 'closed' ? { closed_by: userId(INSPECTION), closed_date: min(addDays(rectified, 5), asOf), issuer_comment: '整改到位,予以销号(示例)' } : {}),
      is_demo: true,
    } });
  }

  // ---- department duties ----------------------------------------------------------------------------------------------
  const Y = timeline.worksYear;
  const planned = props.filter((p) => timeline.compounds.get(p.code)?.planYear === Y).map((p) => compoundId(p.code));
  const next = props.filter((p) => p.tier === 'implement' && !timeline.compounds.get(p.code)?.planYear).map((p) => compoundId(p.code));
  out.push({ collection: 'budget_applications', body: {
    id: stableId('budget', String(Y)), year: Y, title: `${Y}年汾阳市城镇老旧小区改造中央预算内投资申报(示例)`, compounds: planned, status: 'granted',
    requested_yuan: 18_000_000, granted_yuan: 15_600_000, submitted_date: `${Y - 1}-10-20`, granted_date: min(`${Y}-03-15`, asOf),
    document_number: `晋发改投资发〔${Y}〕${30 + (Y % 9)}号(示例)`, documents: [files.pdf(`Central budget ${Y} (demo)`)], is_demo: true,
  } });
  out.push({ collection: 'budget_applications', body: {
    id: stableId('budget', String(Y + 1)), year: Y + 1, title: `${Y + 1}年汾阳市城镇老旧小区改造中央预算内投资申报(示例)`, compounds: next, status: 'submitted',
    requested_yuan: 22_000_000, submitted_date: min(`${Y}-10-25`, asOf), is_demo: true,
  } });

  // The two elderly-care stations the demo's context already shows become facility sites (a point inside each, so the
  // coverage the site finder computes is unchanged), with their land and subsidies.
  const stations = context.filter((f) => f.properties.subtype === 'elderly_station').slice(0, 2);
  stations.forEach((f, i) => {
    const ring = f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.type === 'Polygon' ? f.geometry.coordinates[0].slice(0, -1) : f.geometry.coordinates[0][0].slice(0, -1);
    const [x, y] = ring.reduce(([sx, sy], [px, py]) => [sx + px / ring.length, sy + py / ring.length], [0, 0]);
    const host = props.find((p) => p.code === f.properties.compound_code);
    const label = host ? `${host.name}社区养老服务站(示例)` : `${f.properties.name || '社区养老服务站'}(示例)`;
    const siteId = stableId('site', `elderly:${i}`);
    out.push({ collection: 'facility_sites', body: {
      id: siteId, facility_type: 'elderly_station', name: label, compound: host ? compoundId(host.code) : '',
      geometry: { type: 'Point', coordinates: [Number(x.toFixed(7)), Number(y.toFixed(7))] },
      source: 'new', stage: i === 0 ? 'built' : 'construction', building_area_m2: 260 + 80 * i,
      households_covered: host?.households ?? 0, is_demo: true,
    } });
    out.push({ collection: 'land_records', body: {
      id: stableId('land', `elderly:${i}`), site: siteId, compound: host ? compoundId(host.code) : '', parcel: `141182-${String(203 + i * 17).padStart(4, '0')}(示例)`,
      land_use: i === 0 ? 'idle_building' : 'idle_land', area_m2: 420 + 160 * i,
      right_holder: i === 0 ? '汾阳市机械厂(原产权单位,示例)' : '汾阳市国有资产服务中心(示例)',
      approval_number: `汾自然资函〔${Y}〕${11 + i}号(示例)`, approval_date: min(`${Y}-04-${10 + i}`, asOf),
      transfer_status: i === 0 ? 'transferred' : 'negotiating', ...(i === 0 ? { transfer_date: min(`${Y}-05-20`, asOf) } : {}),
      note: i === 0 ? '闲置厂房无偿移交社区用于养老服务(示例)' : '闲置空地协商租用中(示例)', is_demo: true,
    } });
    for (const [k, kind, amount] of [[0, 'construction', 200000], [1, 'operation', 60000]]) {
      if (i === 1 && k === 1) continue;
      out.push({ collection: 'elderly_subsidies', body: {
        id: stableId('subsidy', `elderly:${i}:${kind}`), site: siteId, year: Y, kind, amount_yuan: amount,
        recipient: `${label.replace('(示例)', '')}运营方(示例)`, date: min(`${Y}-0${6 + k}-15`, asOf), is_demo: true,
      } });
    }
  });
  const parcelOf = props.filter((p) => timeline.compounds.get(p.code)?.planYear).slice(0, 3);
  parcelOf.forEach((p, i) => out.push({ collection: 'land_records', body: {
    id: stableId('land', p.code), compound: compoundId(p.code), parcel: `141182-${String(1100 + i * 7).padStart(4, '0')}(示例)`, land_use: 'residential',
    area_m2: p.land_area_m2, right_holder: `${p.name}全体业主(示例)`, approval_number: `汾国用(${p.built_year})第${100 + i}号(示例)`, is_demo: true,
  } }));

  const audited = accepted.slice(0, 2);
  audited.forEach((p, i) => {
    const when = min(addDays(timeline.compounds.get(p.code).accepted, 45), asOf);
    out.push({ collection: 'audit_findings', body: {
      id: stableId('finding', p.code), compound: compoundId(p.code), date: when, category: i === 0 ? 'overpayment' : 'procedure',
      finding: i === 0 ? '外墙保温工程量结算多计 320 平方米(示例)' : '设计变更未履行审批手续(示例)', ...(i === 0 ? { amount_yuan: 38400 } : {}),
      rectification: i === 0 ? '已扣减结算款(示例)' : '', closed: i === 0, ...(i === 0 ? { closed_date: min(addDays(when, 30), asOf) } : {}), is_demo: true,
    } });
  });

  // ---- the office's text for last year's summary ---------------------------------------------------------------------
  out.push({ collection: 'year_summaries', body: {
    id: stableId('summary', String(Y - 1)), year: Y - 1, is_demo: true,
    overview: `${Y - 1}年,我市坚持"先民生后提升"原则,按照实施一批、谋划一批、储备一批的思路推进老旧小区改造(示例)。`,
    achievements: '完成供排水、供暖、燃气等基础类改造,同步建设养老服务站和充电设施,居民满意度明显提升(示例)。',
    management: '改造完成的小区均明确了物业管理模式,建立专项维修资金归集制度,每半年开展一次长效管理检查(示例)。',
    problems: '个别小区施工进度滞后,群众反映问题答复不够及时,部分小区维修资金归集率偏低(示例)。',
    next_year: '加快在建项目进度,强化督导考核和督办,推进维修资金归集和物业服务质量提升(示例)。',
  } });
  return out;
}
