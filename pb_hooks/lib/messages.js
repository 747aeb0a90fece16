// Every message the server's own hooks give, in one table: a code, its Chinese text (shown first) and its English text,
// with {params}. A refusal carries the code as the field error's code, so a client may translate it itself; the
// message is "中文 / English". Plain JS for PocketBase's VM; loadable from Node (no VM globals at load time).

var M = {
  // --- generic ---------------------------------------------------------------------------------------------------
  related_missing: { zh: "{label}不存在:{id}", en: "{field} does not exist: {id}" },
  // --- values (lib/values.js) ------------------------------------------------------------------------------------
  value_not_number: { zh: "「{label}」须为数字(如 1200 或 1200.5,不带逗号、单位或百分号),收到「{raw}」",
    en: "{field} must be a plain number (e.g. 1200 or 1200.5, no separators, units or %), got \"{raw}\"" },
  value_blank: { zh: "「{label}」不能为空;没有数值时请不要发送该字段", en: "{field} cannot be blank: leave the field out when there is no value" },
  value_not_integer: { zh: "「{label}」须为整数,收到「{raw}」", en: "{field} must be a whole number, got {raw}" },
  value_out_of_range: { zh: "「{label}」须在 {min}–{max}{unit} 之间,收到「{raw}」", en: "{field} must be between {min} and {max}{unit}, got {raw}" },
  value_not_date: { zh: "「{label}」须为 年-月-日 格式的日期(如 2025-05-01),收到「{raw}」",
    en: "{field} must be an ISO date (e.g. 2025-05-01), got \"{raw}\"" },
  date_out_of_range: { zh: "「{label}」须在 {min} 至 {max} 之间,收到 {raw}", en: "{field} must be between {min} and {max}, got {raw}" },
  text_required: { zh: "「{label}」不能为空", en: "{field} cannot be blank" },
  batch_item_refused: { zh: "批量提交的第 {n} 项被拒绝,未写入任何数据:{reason}", en: "request {n} of the batch was refused; nothing was written" },
  text_control_chars: { zh: "「{label}」含有不可见的控制字符,请删除后重试", en: "{field} contains control characters" },
  text_not_text: { zh: "「{label}」须为文字", en: "{field} must be text" },
  // --- compounds and their staff-only facts ------------------------------------------------------------------------
  private_field_moved: { zh: "「{label}」仅工作人员可见,记录在小区的内部信息(compound_private,与小区同 id)中,请在那里修改",
    en: "{field} is staff-only and kept in compound_private (same id as the compound): write it there" },
  private_compound_fixed: { zh: "内部信息所属的小区不能更改", en: "the compound of a compound_private record cannot change" },
  private_id_is_compound: { zh: "内部信息的 id 须与小区的 id 相同", en: "a compound_private record has the id of its compound" },
  machine_owned_field: { zh: "「{label}」不能直接修改:阶段变更须新建阶段记录(stage_events),纳入计划须经年度计划审批",
    en: "{field} cannot be edited directly: create a stage_events record (or approve an annual plan)" },
  // --- audit trail ---------------------------------------------------------------------------------------------------
  audit_written_by_server: { zh: "审计日志只能由系统写入", en: "the audit log is written by the server only" },
  audit_immutable: { zh: "审计日志不可修改", en: "the audit log cannot be changed" },
  audit_undeletable: { zh: "审计日志不可删除", en: "the audit log cannot be deleted" },
  audit_schema_fixed: { zh: "审计日志的名称、结构和规则不可修改", en: "the audit log's name, schema and rules cannot be changed" },
  audited_collection_fixed: { zh: "「{name}」的每次修改都记入审计日志,不能改名或删除该集合", en: "{name} is audited: it cannot be renamed or deleted" },
  audit_import_refused: { zh: "导入集合不得修改、改名或删除审计日志及受审计的集合({names})",
    en: "a collections import may not change, rename or drop the audit log or audited collections ({names})" },
  // --- request limits ------------------------------------------------------------------------------------------------
  body_too_large: { zh: "请求内容过大(上限 {limit}),请缩小文件或分批提交", en: "request body too large (limit {limit})" },
  batch_staff_only: { zh: "批量提交仅限已登录的工作人员", en: "batch requests are for signed-in staff only" },
};

function fill(s, params) {
  return String(s).replace(/\{(\w+)\}/g, function (m, k) {
    return params && params[k] !== undefined && params[k] !== null ? String(params[k]) : m;
  });
}

/** "中文 / English" for a code. */
function text(code, params) {
  var m = M[code];
  if (!m) return code;
  return fill(m.zh, params) + " / " + fill(m.en, params);
}

/** Just the Chinese text (for lists joined into one message). */
function zh(code, params) {
  var m = M[code];
  return m ? fill(m.zh, params) : code;
}

/** A 400 naming the field: the field error carries the code. */
function bad(code, field, params) {
  var msg = text(code, params);
  var data = {};
  if (field) data[field] = new ValidationError(code, msg);
  return new BadRequestError(msg, data);
}

function forbidden(code, params) {
  return new ForbiddenError(text(code, params));
}

module.exports = { MESSAGES: M, text: text, zh: zh, bad: bad, forbidden: forbidden, fill: fill };
