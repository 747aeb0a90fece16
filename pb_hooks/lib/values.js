// One rule for the values people type (money, percentages, counts, areas, years, dates, names), checked on the raw
// request body before PocketBase coerces it: PocketBase turns "1,000", "1000元", "85%", "" and null into 0 and an
// unreadable date into blank, silently. Here a value is a plain number ("1200", "1200.5" or a JSON number) or an ISO
// date ("2025-05-01", with an optional time), within its field's range, or the request is refused naming the field in
// Chinese. Names are trimmed and may not be blank (where required) or hold control characters. The raw body is only
// visible to router middleware (the record hooks get it coerced already), so numbers and dates are checked there
// (checkRoute, for single requests and each request of a batch) and names in the record hooks (checkRecord).
// Plain JS for PocketBase's VM; loadable from Node (no VM globals at load time).

var YUAN_MAX = 1e9; // per record: a Fenyang compound's whole renovation is a few million yuan

var COMPOUND_YUAN_MAX = 1e8; // one compound: more than 100 million yuan is a typing error, not a renovation

function money(label, max) { return { kind: "number", min: 0, max: max || YUAN_MAX, unit: " 元", label: label }; }
/** Money for one compound (an estimate, a contract): at most 100 million yuan. */
function compoundMoney(label) { return money(label, COMPOUND_YUAN_MAX); }
function pct(label) { return { kind: "number", min: 0, max: 100, unit: "%", label: label }; }
function count(label, max) { return { kind: "number", integer: true, min: 0, max: max, label: label }; }
function area(label, max) { return { kind: "number", min: 0, max: max || 1e7, unit: " 平方米", label: label }; }
/** `nullable`: blank, null and 0 mean "not known / not set" (stored as 0), e.g. a compound not yet in a plan. */
function year(label, min, max, nullable) { return { kind: "number", integer: true, min: min, max: max, label: label, nullable: !!nullable }; }
function programmeDate(label, required) { return { kind: "date", programme: true, label: label, required: !!required }; }
function name(label, required) { return { kind: "name", label: label, required: !!required }; }
function line(label) { return { kind: "name", label: label }; }
function text(label) { return { kind: "text", label: label }; }

/** collection → field → rule. Fields set only by hooks are not listed (their body values are ignored or refused). */
var SPECS = {
  compounds: {
    code: line("小区编码"), name: name("小区名称", true), address: line("地址"),
    built_year: year("建成年代", 1900, 2000, true), buildings: count("楼栋数", 1000), households: count("户数", 100000),
    floor_area_m2: area("建筑面积"), land_area_m2: area("占地面积"), plan_year: year("计划年度", 2021, 2100, true),
    construction_start: programmeDate("开工日期"), construction_end_planned: programmeDate("计划竣工日期"),
    exclusion_note: text("不纳入改造说明"),
  },
  compound_private: {
    property_owner: line("原产权单位"), consent_pct: pct("居民同意率"), consent_date: programmeDate("意愿调查日期"),
    implementing_unit: line("实施单位"),
  },
  compound_notes: { contact_name: line("联系人"), contact_phone: line("联系电话"), contact_role: line("联系人职务"), internal_notes: text("内部备注") },
  buildings: {
    name: line("楼栋名称"), floors: { kind: "number", integer: true, min: 1, max: 60, label: "层数" },
    built_year: year("建成年份", 1900, 2030, true), households: count("户数", 10000),
  },
  context_features: {
    name: line("名称"), subtype: line("子类"), area_m2: area("面积", 1e8),
    width_m: { kind: "number", min: 0, max: 1000, unit: " 米", label: "宽度" },
  },
  design_zones: {
    name: name("设计单元名称", true), notes: text("备注"), area_m2: area("面积", 1e8),
    tolerance_m: { kind: "number", min: 0, max: 50, unit: " 米", label: "合并容差" },
    min_cover_share: { kind: "number", min: 0, max: 1, label: "最小覆盖比例" },
  },
  facility_sites: {
    name: line("设施名称"), facility_type: line("设施类型"), source_feature: line("所用房屋"),
    area_m2: area("用地面积", 1e6), building_area_m2: area("建筑面积", 1e5), households_covered: count("覆盖户数", 1000000),
  },
  scheme_publications: { title: line("公示标题"), summary: text("方案概要"), estimate_yuan: money("估算投资"), ends_at: { kind: "date", label: "公示结束时间" } },
  scheme_comments: { message: text("意见内容"), nickname: line("称呼"), contact: line("联系方式"), answer: text("答复") },
  consent_campaigns: { note: text("备注") },
  annual_plans: {
    year: year("计划年度", 2021, 2100), note: text("说明"), review_comment: text("审核意见"), over_ceiling_reason: text("超出预算上限的理由"),
  },
  plan_entries: { estimate_yuan: compoundMoney("估算金额"), note: text("备注") },
  periods: {
    name: name("规划期名称", true), first_year: year("起始年度", 2000, 2100), last_year: year("截止年度", 2000, 2100),
    document: line("依据文件"), target_compounds: count("目标小区数", 100000), target_households: count("目标户数", 10000000),
    target_investment_yuan: money("目标投资", 1e11), note: text("说明"),
  },
  overall_plan_entries: { year: year("计划年度", 2000, 2100), estimate_yuan: compoundMoney("估算金额"), note: text("备注") },
  plan_years: {
    year: year("计划年度", 2000, 2100), budget_ceiling_yuan: money("年度预算上限", 1e11), review_opinion: text("审查意见"),
    over_ceiling_reason: text("超出预算上限的理由"), city_consent_date: programmeDate("市政府同意日期"),
    city_consent_number: line("市政府同意文号"), joint_doc_number: line("联合发文文号"), joint_doc_date: programmeDate("联合发文日期"),
    filed_date: programmeDate("备案日期"), filing_number: line("备案编号"), return_reason: text("退回原因"), note: text("说明"),
  },
  implementing_bodies: { body_name: name("实施主体名称", true), decided_date: programmeDate("确定日期"), note: text("备注") },
  procurements: {
    announce_date: programmeDate("公告日期"), result_date: programmeDate("定标日期"), winning_unit: line("中标(成交)单位"),
    contract_amount_yuan: compoundMoney("合同金额"), note: text("备注"),
  },
  design_reviews: { date: programmeDate("审查日期", true), reviewer: line("审查机构"), opinion: text("审查意见"), note: text("备注") },
  demolitions: {
    date: programmeDate("拆除日期", true), structures: count("拆除处数", 10000), area_m2: area("拆除面积", 1e6), note: text("备注"),
  },
  stage_events: {
    date: programmeDate("日期"), note: text("说明"), internal_note: text("内部备注"), scheme_summary: text("方案说明"),
    budget_estimate_yuan: compoundMoney("预算估算"), start_date: programmeDate("开工日期"), planned_end_date: programmeDate("计划竣工日期"),
    implementing_unit: line("实施单位"), acceptance_date: programmeDate("竣工验收日期"), resident_reps: line("居民代表"),
    builder_unit: line("建设单位"), design_unit: line("设计单位"), construction_unit: line("施工单位"), supervision_unit: line("监理单位"),
  },
  renovation_items: {
    quantity: { kind: "number", min: 0, max: 1e7, label: "数量" }, unit: line("计量单位"), estimate_yuan: money("估算金额"),
    note: text("说明"), internal_note: text("内部备注"), done_date: programmeDate("完成日期"), waive_reason: text("不实施的理由"),
  },
  funding: { amount_yuan: money("金额"), date: programmeDate("日期", true), note: text("说明"), internal_note: text("内部备注") },
  approvals: { date: programmeDate("日期", true), number: line("文号"), note: text("备注"), waived_fees_yuan: money("减免费用") },
  elevator_inspections: {
    date: programmeDate("日期", true), building: line("楼栋"), certificate: line("证书编号"), note: text("备注"),
  },
  consultations: {
    date: programmeDate("日期", true), participants: count("参与人数", 1000000), consent_pct: pct("同意率"),
    summary: text("纪要"), note: text("备注"), households_surveyed: count("调查户数", 100000), households_agreeing: count("同意户数", 100000),
  },
  consent_surveys: {
    survey_date: programmeDate("调查日期", true), households_total: count("总户数", 100000),
    households_surveyed: count("调查户数", 100000), households_agreeing: count("同意户数", 100000), note: text("备注"),
  },
  feedback: { message: text("留言内容"), contact: line("联系方式"), public_reply: text("公开答复") },
  users: { name: line("姓名") },
  // Long-term management, supervision, department duties, reports on record.
  management_arrangements: {
    start_date: programmeDate("起始日期", true), company: line("物业企业"), contract_start: programmeDate("合同起始日期"),
    contract_end: programmeDate("合同截止日期"), fee_yuan_m2_month: { kind: "number", min: 0, max: 20, unit: " 元/平方米·月", label: "物业费标准" },
    subsidy_yuan_year: money("年度补贴", 1e8), subsidy_min_score: { kind: "number", min: 0, max: 100, unit: " 分", label: "补贴所需考核分" }, note: text("备注"),
  },
  maintenance_funds: {
    target_yuan: money("维修资金归集目标", 1e9), collected_yuan: money("已归集金额", 1e9), date: programmeDate("归集截至日期", true), note: text("备注"),
  },
  management_checks: {
    date: programmeDate("检查日期", true), inspector: name("检查人", true), findings: text("检查发现"),
    score: { kind: "number", min: 0, max: 100, unit: " 分", label: "检查得分" },
    service_rating: { kind: "number", min: 1, max: 5, unit: " 星", label: "居民服务评价", nullable: true }, note: text("备注"),
  },
  supervision_items: {
    title: name("督办事项", true), requirement: text("督办要求"), deadline: programmeDate("整改期限", true),
    rectification: text("整改情况"), issuer_comment: text("督办意见"),
  },
  budget_applications: {
    year: year("申报年度", 2000, 2100), title: name("申报项目名称", true), requested_yuan: money("申请金额", 1e10),
    granted_yuan: money("下达金额", 1e10), submitted_date: programmeDate("申报日期"), granted_date: programmeDate("下达日期"),
    document_number: line("文号"), note: text("备注"),
  },
  land_records: {
    parcel: name("宗地编号", true), area_m2: area("用地面积", 1e7), right_holder: line("权利人"), approval_number: line("批准文号"),
    approval_date: programmeDate("批准日期"), transfer_date: programmeDate("移交日期"), note: text("备注"),
  },
  audit_findings: {
    date: programmeDate("审计日期", true), finding: text("审计发现"), amount_yuan: money("涉及金额", 1e10),
    rectification: text("整改情况"), closed_date: programmeDate("销号日期"), note: text("备注"),
  },
  elderly_subsidies: {
    year: year("补贴年度", 2000, 2100), amount_yuan: money("补贴金额", 1e9), recipient: line("补贴对象"), date: programmeDate("拨付日期", true),
    note: text("备注"),
  },
  monthly_reports: { reason: text("更正原因") },
  year_summaries: {
    year: year("年度", 2000, 2100), overview: text("总体情况"), achievements: text("主要成效"), management: text("长效管理"),
    problems: text("存在问题"), next_year: text("下一年度工作"),
  },
  programme_settings: {
    consent_threshold_pct: pct("居民同意率门槛"), check_interval_months: count("长效管理检查间隔(月)", 36),
    weight_plan: pct("权重:计划按时报送"), weight_started: pct("权重:开工率"), weight_accepted: pct("权重:完工率"),
    weight_overdue: pct("权重:逾期事项"), weight_feedback: pct("权重:群众反映按时答复"), weight_funds: pct("权重:资金支出"),
    feedback_response_days: { kind: "number", integer: true, min: 1, max: 30, unit: " 个工作日", label: "答复期限" },
  },
};

var PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;
var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
var ANY_CONTROL = /[\u0000-\u001f\u007f]/;
var CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function shown(raw) {
  var s = typeof raw === "string" ? raw : JSON.stringify(raw);
  return s.length > 40 ? s.slice(0, 40) + "…" : s;
}

function fmtNumber(n) {
  return n >= 1e6 ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",") : String(n);
}

/** 'YYYY-MM-DD' in Beijing time, `addYears` years from now. */
function beijingDate(addYears) {
  var d = new Date(Date.now() + 8 * 3600 * 1000);
  if (addYears) d.setUTCFullYear(d.getUTCFullYear() + addYears);
  return d.toISOString().slice(0, 10);
}

/** A problem of `field`: its code and params (label, field, then `more`) — built only when there is one. */
function fieldProblem(code, spec, field, more) {
  var params = { label: spec.label || field, field: field };
  for (var k in more) params[k] = more[k];
  return { code: code, params: params };
}

/**
 * The problem with one raw body value, or null. Returns {code, params, value?}: `value` is the normalised value to
 * store (trimmed text) when it differs from the raw one.
 */
function problemOf(spec, field, raw) {
  if (spec.kind === "number") {
    if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) {
      return spec.nullable ? null : fieldProblem("value_blank", spec, field);
    }
    var n;
    if (typeof raw === "number") n = raw;
    else if (typeof raw === "string" && PLAIN_NUMBER.test(raw.trim())) n = Number(raw.trim());
    else return fieldProblem("value_not_number", spec, field, { raw: shown(raw) });
    if (!isFinite(n)) return fieldProblem("value_not_number", spec, field, { raw: shown(raw) });
    if (spec.nullable && n === 0) return null; // 0 is how PocketBase stores "no year"
    if (spec.integer && Math.floor(n) !== n) return fieldProblem("value_not_integer", spec, field, { raw: shown(raw) });
    if (n < spec.min || n > spec.max) {
      return fieldProblem("value_out_of_range", spec, field, { min: fmtNumber(spec.min), max: fmtNumber(spec.max), unit: spec.unit || "", raw: shown(raw) });
    }
    return null;
  }
  if (spec.kind === "date") {
    if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) {
      return spec.required ? fieldProblem("text_required", spec, field) : null;
    }
    var m = typeof raw === "string" ? ISO_DATE.exec(raw.trim()) : null;
    if (!m) return fieldProblem("value_not_date", spec, field, { raw: shown(raw) });
    var y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    var check = new Date(Date.UTC(y, mo - 1, d));
    if (mo < 1 || mo > 12 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d ||
        (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] || 0) > 59))) {
      return fieldProblem("value_not_date", spec, field, { raw: shown(raw) });
    }
    if (spec.programme) {
      var day = m[1] + "-" + m[2] + "-" + m[3];
      var max = beijingDate(5);
      if (day < "2000-01-01" || day > max) {
        return fieldProblem("date_out_of_range", spec, field, { min: "2000-01-01", max: max, raw: day });
      }
    }
    return null;
  }
  // text (a form sends digits, and PocketBase reads "13512345678" from a form as a number: that is still text)
  if (raw === null || raw === undefined) raw = "";
  if (typeof raw === "number" || typeof raw === "boolean") raw = String(raw);
  if (typeof raw !== "string") return fieldProblem("text_not_text", spec, field);
  if (spec.kind === "name") {
    if (ANY_CONTROL.test(raw)) return fieldProblem("text_control_chars", spec, field);
    var t = raw.trim();
    if (spec.required && !t) return fieldProblem("text_required", spec, field);
    return t !== raw ? { value: t } : null;
  }
  if (CONTROL_BUT_LINES.test(raw)) return fieldProblem("text_control_chars", spec, field);
  return null;
}

/** The first problem among the listed fields present in a raw body: {field, code, params} or null. */
function bodyProblem(collectionName, body) {
  var specs = SPECS[collectionName];
  if (!specs || !body || typeof body !== "object") return null;
  for (var field in specs) {
    if (!Object.prototype.hasOwnProperty.call(body, field)) continue;
    var problem = problemOf(specs[field], field, body[field]);
    if (problem && problem.code) return { field: field, code: problem.code, params: problem.params };
  }
  return null;
}

var RECORD_ROUTE = /^\/api\/collections\/([^/]+)\/records(?:\/([^/]+))?\/?$/;

/** The collection name a record write goes to ("" when the method and path are not a record create/update/upsert). */
function writeTarget(method, url) {
  var m = RECORD_ROUTE.exec(String(url).split("?")[0]);
  if (!m) return "";
  var ok = (method === "POST" && !m[2]) || (method === "PATCH" && m[2]) || (method === "PUT" && !m[2]);
  if (!ok) return "";
  try {
    return $app.findCachedCollectionByNameOrId(decodeURIComponent(m[1])).name;
  } catch (_) {
    return ""; // unknown collection: PocketBase answers 404 itself
  }
}

/**
 * Router middleware: checks the raw body of record creates and updates — single, or each request of a batch — before
 * PocketBase coerces it (the record hooks only see the coerced values). Refuses with 400 naming the field; a batch is
 * refused whole, in PocketBase's own batch-error shape (data.requests[i].response) so clients can name the item.
 * Returns true when it has answered the request itself.
 */
function checkRoute(e) {
  var method = e.request.method;
  if (method !== "POST" && method !== "PATCH" && method !== "PUT") return false;
  var path = e.request.url.path;
  var M = require(__hooks + "/lib/messages.js");
  if (path === "/api/batch" || path === "/api/batch/") {
    var reqs = (e.requestInfo().body || {}).requests;
    if (!reqs || !reqs.length) return false;
    for (var i = 0; i < reqs.length; i++) {
      var r = reqs[i] || {};
      var target = writeTarget(String(r.method || "").toUpperCase(), r.url || "");
      var p = target ? bodyProblem(target, r.body) : null;
      if (!p) continue;
      var text = M.text(p.code, p.params);
      var data = {};
      data[p.field] = { code: p.code, message: text };
      var requests = {};
      requests[String(i)] = { code: "batch_request_failed", message: text, response: { status: 400, message: text, data: data } };
      e.json(400, { status: 400, message: M.text("batch_item_refused", { n: i + 1, reason: M.zh(p.code, p.params) }), data: { requests: requests } });
      return true;
    }
    return false;
  }
  var name = writeTarget(method, path);
  if (!name) return false;
  var problem = bodyProblem(name, e.requestInfo().body);
  if (problem) throw M.bad(problem.code, problem.field, problem.params);
  return false;
}

/**
 * Record hook (create/update, single or batched): names are trimmed in the record, and a required name left out of a
 * new record is refused in Chinese. Numbers and dates were checked on the raw body by checkRoute.
 */
function checkRecord(e) {
  var specs = SPECS[e.record.collection().name];
  if (!specs) return;
  var body = e.requestInfo().body || {};
  var M = require(__hooks + "/lib/messages.js");
  for (var field in specs) {
    var spec = specs[field];
    if (spec.kind !== "name" && spec.kind !== "text") continue;
    var present = Object.prototype.hasOwnProperty.call(body, field);
    if (!present) {
      if (e.record.isNew() && spec.required && !String(e.record.getString(field)).trim()) {
        throw M.bad("text_required", field, { label: spec.label, field: field });
      }
      continue;
    }
    var problem = problemOf(spec, field, body[field]);
    if (!problem) continue;
    if (problem.code) throw M.bad(problem.code, field, problem.params);
    e.record.set(field, problem.value);
  }
}

/** The Chinese label of a field ("" when unlisted). */
function labelOf(collection, field) {
  var s = SPECS[collection] && SPECS[collection][field];
  return s ? s.label : "";
}

module.exports = {
  SPECS: SPECS, YUAN_MAX: YUAN_MAX, COMPOUND_YUAN_MAX: COMPOUND_YUAN_MAX, COMPOUND_MONEY: compoundMoney, problemOf: problemOf, bodyProblem: bodyProblem, checkRoute: checkRoute, checkRecord: checkRecord,
  labelOf: labelOf,
};
