// Every message the server's own hooks give, in one table: a code, its Chinese text (shown first) and its English text,
// with {params}. A refusal carries the code as the field error's code, so a client may translate it itself; the
// message is "中文 / English". Plain JS for PocketBase's VM; loadable from Node (no VM globals at load time).

var M = {
  // --- generic ---------------------------------------------------------------------------------------------------
  related_missing: { zh: "{label}不存在", en: "{field} does not exist: {id}" },
  // --- stage machine (lib/stages.js) -------------------------------------------------------------------------------
  evidence_missing: { zh: "进入「{stage}」缺少证明材料:{list}", en: "evidence missing for {to}: {fields}" },
  evidence_scheme_summary: { zh: "缺少初步改造方案(方案说明或附件)", en: "the preliminary scheme is missing (summary or a document)" },
  evidence_budget: { zh: "缺少预算估算(元,须大于0)", en: "the budget estimate in yuan (> 0) is missing" },
  evidence_start_date: { zh: "缺少开工日期", en: "the start date is missing" },
  evidence_implementing_unit: { zh: "缺少实施单位", en: "the implementing unit is missing" },
  evidence_planned_end_date: { zh: "缺少计划竣工日期", en: "the planned completion date is missing" },
  evidence_end_before_start: { zh: "计划竣工日期早于开工日期", en: "the planned completion date is before the start date" },
  evidence_acceptance_date: { zh: "缺少竣工验收日期", en: "the acceptance date is missing" },
  evidence_residents_present: { zh: "竣工验收须有业主委员会或居民代表参与", en: "resident representatives (owners' committee) must take part in the acceptance" },
  evidence_resident_reps: { zh: "缺少参与验收的居民代表姓名", en: "name the resident representatives present" },
  evidence_documents: { zh: "缺少竣工验收记录附件", en: "attach the acceptance record" },
  evidence_management: { zh: "须选择管理模式(专业物业或居民自管)", en: "choose the management mode (property company or self-management)" },
  evidence_fund_status: { zh: "须填写专项维修资金情况", en: "state the maintenance-fund status" },
  stage_not_current: { zh: "小区当前阶段为「{current}」,不是「{from}」,请刷新后重试", en: "the compound is at {currentCode}, not {fromCode}: reload and try again" },
  date_in_future: { zh: "日期 {date} 晚于今天", en: "the date {date} is in the future" },
  date_before_last_event: { zh: "日期 {date} 早于该小区上一条阶段记录({last})", en: "the date is before the compound's last stage event ({last})" },
  back_office_only: { zh: "只有市改造办可以退回阶段", en: "only the office may step a compound back" },
  forward_not_allowed: { zh: "只有市改造办或小区所在街道/镇可以推进阶段", en: "only the office or the compound's own township may move it forward" },
  first_stage: { zh: "「征集需求」是第一阶段,不能再退回", en: "demand is the first stage: nothing to step back to" },
  one_step_back: { zh: "只能退回一级:当前「{current}」只能退回到「{prev}」", en: "one step back only: from {currentCode} to {prevCode}" },
  back_needs_reason: { zh: "退回阶段须填写原因", en: "a step back needs a reason (note)" },
  last_stage: { zh: "小区已处于最后阶段「长效管理」", en: "the compound is already at the last stage" },
  one_step_forward: { zh: "只能逐级推进:当前「{current}」的下一阶段是「{next}」,不能直接到「{to}」", en: "one step at a time: after {currentCode} comes {nextCode}, not {toCode}" },
  planned_via_plan: { zh: "纳入年度计划只能通过年度计划审批", en: "a compound enters the annual plan only through an approved annual plan (annual_plans)" },
  import_superuser_only: { zh: "只有系统管理员可以导入历史阶段记录", en: "only a superuser may import historical stage events" },
  compound_required: { zh: "须指定小区", en: "choose the compound" },
  // --- annual plans (lib/plans.js) ---------------------------------------------------------------------------------
  plan_other_township: { zh: "不能编制或修改其他街道/镇的年度计划", en: "a township may only work on its own annual plan" },
  plan_role: { zh: "只有街道/镇或市改造办可以编制年度计划", en: "only a township or the office may work on annual plans" },
  consent_missing: { zh: "小区{name}尚未完成居民意愿调查(同意率及调查日期),不能纳入年度计划",
    en: "no resident consent survey recorded for {code}: consent_pct and consent_date are required before it can enter an annual plan" },
  consent_below: { zh: "小区{name}居民同意率 {pct} 低于 {threshold},按居民自愿原则不能纳入年度计划", en: "resident consent {pct} for {code} is below the threshold {threshold}" },
  entry_other_township: { zh: "小区{name}不属于该街道/镇", en: "the compound {code} belongs to another township" },
  entry_stage_taken: { zh: "小区{name}已处于「{stage}」阶段,不能再列入年度计划", en: "the compound {code} is already at {stageCode}" },
  entry_no_tier: { zh: "小区{name}未分类(实施一批/谋划一批/储备一批)", en: "the entry for {code} has no tier" },
  entry_needs_scheme: { zh: "小区{name}尚无初步方案及预算(当前「{stage}」),不能列入实施一批",
    en: "an implement entry needs the compound at scheme (preliminary scheme and budget): {code} is at {stageCode}" },
  entry_plan_fixed: { zh: "条目不能移到另一个计划", en: "an entry cannot move to another plan" },
  entries_frozen: { zh: "计划{status},不能再修改其中的小区", en: "the plan is {statusCode}: its entries cannot change" },
  plan_empty: { zh: "计划中没有小区,不能提交", en: "the plan lists no compounds: add at least one before submitting" },
  plan_cannot_submit: { zh: "不能提交:{list}", en: "cannot submit: {list}" },
  plan_cannot_approve: { zh: "不能审批:{list}", en: "cannot approve: {list}" },
  plan_new_draft: { zh: "新建的年度计划只能是草稿,添加小区后再提交", en: "a new plan starts as a draft: add compounds, then submit" },
  plan_exists: { zh: "该街道/镇的 {year} 年度计划已存在,请在原计划中修改", en: "this township already has a plan for {year}" },
  plan_year_fixed: { zh: "年度计划的年度和街道/镇不能修改", en: "a plan's year and township cannot change" },
  plan_approved_frozen: { zh: "计划已审核通过并列入年度计划,不能再修改;如需调整,请市改造办先退回", en: "the plan is approved into the year's plan: the office must return it before it can change" },
  review_comment_office: { zh: "审核意见只能由市改造办填写", en: "only the office writes review comments" },
  plan_submitted_locked: { zh: "计划已提交,等待市改造办审核,不能修改", en: "the plan is submitted and awaits review" },
  plan_review_office: { zh: "只有市改造办可以审批或退回年度计划", en: "only the office may approve or return a plan" },
  plan_submit_role: { zh: "只有街道/镇或市改造办可以提交年度计划", en: "only a township or the office may submit a plan" },
  plan_return_comment: { zh: "退回计划须填写审核意见", en: "returning a plan needs a review comment" },
  plan_transition_refused: { zh: "不允许的状态变更:「{fromZh}」→「{toZh}」", en: "status change {from} → {to} is not allowed" },
  over_ceiling_reason_required: { zh: "{year} 年度实施一批估算合计 {total},超出年度预算上限 {ceiling},须填写超出的理由",
    en: "the {year} implement total {total} is over the year's budget ceiling {ceiling}: give a reason (over_ceiling_reason)" },
  year_plan_closed: { zh: "{year} 年度计划{status},街道计划及其小区不能再新增或修改;如需调整,请市改造办先退回年度计划",
    en: "the {year} plan is past the office's review: township plans of that year can no longer change" },
  issue_before_last_event: { zh: "联合发文日期 {date} 早于小区{name}的上一条阶段记录({last})", en: "the joint document date {date} is before the last stage event of {name} ({last})" },
  // --- the year's approval chain (lib/plans.js) -----------------------------------------------------------------------
  year_new_open: { zh: "新建的年度计划从「待审查」开始,逐步办理", en: "a new year's plan starts open: take its steps in order" },
  year_exists: { zh: "{year} 年度计划已存在", en: "the plan for {year} already exists" },
  year_has_plans: { zh: "{year} 年度已有街道申报的计划,不能删除", en: "townships have declared plans for {year}: it cannot be deleted" },
  year_field_step: { zh: "「{field}」只能在办理「{step}」时填写", en: "{field} is written by the step {step} only" },
  year_step_role_any: { zh: "年度计划的审查、报批、发文和备案由市改造办办理(联合发文也可由发改委、财政局登记)",
    en: "the year's plan steps are taken by the office (the joint document also by the development or finance bureau)" },
  year_step_role: { zh: "「{step}」只能由{holders}办理", en: "{stepCode} is taken by {holders}" },
  year_edit_office: { zh: "只有市改造办可以修改年度预算上限和说明", en: "only the office edits the year's budget ceiling and note" },
  year_ceiling_fixed: { zh: "年度计划{status},预算上限不能再修改", en: "the year's plan is past review: its budget ceiling is fixed" },
  year_return_office: { zh: "只有市改造办可以退回年度计划", en: "only the office returns a year's plan" },
  year_return_reason: { zh: "退回年度计划须填写退回原因", en: "returning the year's plan needs a reason (return_reason)" },
  year_transition_refused: { zh: "不允许的状态变更:「{fromZh}」→「{toZh}」", en: "status change {from} → {to} is not allowed" },
  year_step_skipped: { zh: "年度计划须逐步办理:当前为「{current}」,须先完成{missing},才能到「{to}」",
    en: "steps in order: the plan is {fromCode}; first take {missingCodes} before {toCode}" },
  year_evidence_missing: { zh: "办理「{step}」缺少:{list}", en: "{stepCode} needs: {fields}" },
  evidence_review_opinion: { zh: "审查意见", en: "the review opinion" },
  evidence_city_consent_date: { zh: "市政府同意日期", en: "the date of the city government's consent" },
  evidence_city_consent_file: { zh: "市政府同意文件(PDF)", en: "the city government's document (PDF)" },
  evidence_joint_doc_number: { zh: "联合发文文号", en: "the joint document's number" },
  evidence_joint_doc_date: { zh: "联合发文日期", en: "the joint document's date" },
  evidence_joint_doc_file: { zh: "联合发文文件(PDF)", en: "the joint document (PDF)" },
  evidence_joint_doc_issuers: { zh: "发文单位须为住建局、发改委、财政局三家", en: "the issuers must be all three: housing, development and finance" },
  evidence_filed_date: { zh: "报吕梁市备案日期", en: "the date of filing with Lüliang" },
  evidence_filing_receipt: { zh: "备案回执", en: "the filing receipt" },
  year_plans_pending: { zh: "尚有街道计划待审核:{list}", en: "township plans still await review: {list}" },
  year_no_approved_plan: { zh: "{year} 年度还没有审核通过的街道计划", en: "no township plan for {year} has been approved" },
  year_cannot_review: { zh: "不能审查:{list}", en: "cannot review: {list}" },
  year_cannot_issue: { zh: "不能发文:{list}", en: "cannot issue: {list}" },
  date_in_future_field: { zh: "「{label}」{date} 晚于今天", en: "{label} {date} is in the future" },
  step_date_order: { zh: "「{label}」{date} 早于「{prev}」{before}", en: "{label} {date} is before {prev} {before}" },
  // --- periods and the overall plan (lib/periods.js) ------------------------------------------------------------------
  period_missing: { zh: "没有涵盖 {year} 年的规划期,请市改造办先建立规划期(如 2026—2030 年)", en: "no programme period covers {year}: the office must create one first" },
  period_years_order: { zh: "截止年度 {last} 早于起始年度 {first}", en: "the last year {last} is before the first year {first}" },
  period_too_long: { zh: "规划期 {n} 年,最长 {max} 年", en: "a period of {n} years: at most {max}" },
  period_overlap: { zh: "与规划期「{other}」的年度重叠", en: "overlaps the period {other}" },
  period_years_in_use: { zh: "{year} 年已有计划,规划期须涵盖该年度", en: "plans exist for {year}: the period must cover it" },
  period_in_use: { zh: "规划期「{name}」已有总体计划或年度计划,不能删除", en: "the period {name} has plans: it cannot be deleted" },
  funding_json_object: { zh: "「资金来源」须为 {来源: 金额} 的对象", en: "funding must be an object {source: yuan}" },
  funding_source_unknown: { zh: "资金来源「{source}」不在资金来源清单中", en: "unknown funding source: {source}" },
  overall_entry_fixed: { zh: "总体计划条目的规划期和小区不能修改", en: "an overall-plan entry keeps its period and compound" },
  overall_year_outside: { zh: "计划年度 {year} 不在规划期「{period}」之内", en: "year {year} is outside the period {period}" },
  overall_entry_exists: { zh: "小区{name}已列入该规划期的总体计划", en: "{code} is already in this period's overall plan" },
  carry_not_earlier: { zh: "结转来源须为更早的规划期", en: "carried_from must be an earlier period" },
  carry_not_declared: { zh: "小区{name}未列入「{period}」的总体计划,不能结转", en: "{code} was not declared in {period}: nothing to carry over" },
  carry_finished: { zh: "小区{name}已竣工验收,无需结转", en: "{code} is already accepted: nothing to carry over" },
  // --- acceptance checklist (lib/stages.js, lib/money.js) -------------------------------------------------------------
  evidence_builder_unit: { zh: "缺少建设单位(实施主体)", en: "name the builder (implementing body)" },
  evidence_design_unit: { zh: "缺少设计单位", en: "name the design unit" },
  evidence_construction_unit: { zh: "缺少施工单位", en: "name the construction unit" },
  evidence_supervision_unit: { zh: "缺少监理单位", en: "name the supervision unit" },
  start_before_plan: { zh: "开工日期 {date} 早于纳入年度计划的日期 {planned}", en: "the start date {date} is before the plan was issued ({planned})" },
  acceptance_before_start: { zh: "竣工验收日期 {date} 早于开工日期 {start}", en: "the acceptance date {date} is before the start date {start}" },
  checklist_incomplete: { zh: "验收清单未完成:{list}", en: "the acceptance checklist is incomplete: {list}" },
  checklist_item_open: { zh: "「{name}」仍为{status}", en: "{item} is still {statusCode}" },
  checklist_no_date: { zh: "「{name}」已完成但没有完成日期", en: "{item} is done without a completion date" },
  checklist_no_photo: { zh: "「{name}」已完成但没有照片", en: "{item} is done without a photo" },
  checklist_no_reason: { zh: "「{name}」不实施但没有理由", en: "{item} is waived without a reason" },
  item_done_date: { zh: "「{name}」标为已完成须填写完成日期", en: "{item} done needs its completion date (done_date)" },
  item_done_photo: { zh: "「{name}」标为已完成须附完成照片", en: "{item} done needs a photo (photos)" },
  item_waive_reason: { zh: "「{name}」不实施须填写理由", en: "{item} waived needs a reason (waive_reason)" },
  // --- implementation records (lib/implementation.js) -----------------------------------------------------------------
  record_compound_fixed: { zh: "记录所属的小区不能修改", en: "the record's compound cannot change" },
  body_exists: { zh: "该小区已确定实施主体,请修改原记录", en: "this compound already has its implementing body: edit that record" },
  procurement_result_status: { zh: "填写了中标单位或合同金额,状态须为「已定标」", en: "a winning unit or amount means the status is awarded" },
  procurement_result_incomplete: { zh: "定标结果缺少:{list}", en: "the result needs: {fields}" },
  evidence_winning_unit: { zh: "中标(成交)单位", en: "the winning unit" },
  evidence_contract_amount: { zh: "合同金额", en: "the contract amount" },
  evidence_result_date: { zh: "定标日期", en: "the date of the result" },
  result_before_announce: { zh: "定标日期 {result} 早于公告日期 {announce}", en: "the result date {result} is before the announcement {announce}" },
  design_review_opinion: { zh: "请填写审查意见", en: "write the review opinion" },
  demolition_empty: { zh: "拆违须填写拆除处数或拆除面积", en: "give the number of structures or the area removed" },
  approval_merged_documents: { zh: "合并审批须选择合并审批的文件(至少两项:项目建议书、可行性研究报告、初步设计、概算)",
    en: "a merged approval names at least two of: proposal, feasibility study, preliminary design, budget" },
  approval_commitment_letter: { zh: "告知承诺制审批须附承诺书", en: "the notification-commitment route needs the commitment letter (documents)" },
  approval_waiver_items: { zh: "减免费用备案须选择减免事项(管网接口、道路开挖)", en: "a fee-waiver filing names what is waived (pipe connection, road opening)" },
  approval_field_kind: { zh: "该项只适用于对应的审批类别", en: "this field belongs to another approval kind" },
  // --- items and funding (lib/money.js) ------------------------------------------------------------------------------
  target_required: { zh: "须指定小区或设计单元", en: "choose a compound or a design zone" },
  target_both: { zh: "只能指定小区或设计单元之一", en: "choose either a compound or a design zone, not both" },
  item_unknown: { zh: "改造内容「{item}」不在改造内容清单中", en: "unknown renovation item: {item}" },
  item_class: { zh: "「{name}」属于{classZh}改造", en: "item {item} belongs to class {cls}" },
  item_unit: { zh: "「{name}」的计量单位是「{unitZh}」", en: "the unit of {item} is {unit}" },
  amount_required: { zh: "请填写金额(元)", en: "the amount (yuan) is required" },
  // --- facility sites (lib/permit.js) --------------------------------------------------------------------------------
  site_type_unknown: { zh: "设施类型「{type}」不在设施目录中", en: "unknown facility type: {type}" },
  site_source: { zh: "来源须为闲置用地、闲置用房或新建", en: "source must be idle_land, idle_building or new" },
  site_source_feature: { zh: "利用闲置用房须注明所用房屋", en: "an idle-building site must name the building it converts (source_feature)" },
  layer_not_public: { zh: "该图层不公开,请使用记录接口", en: "this layer is not public: use the records API" },
  // --- geometry (lib/geometry.js over lib/polygon-validity.js; codes as the client's src/lib/geo/polygon-validity.ts) -
  // {whereZh}/{whereEn} name the part and ring, {at} the place; the field error's code is geometry_<code>.
  geometry_missing: { zh: "缺少几何图形", en: "geometry is missing" },
  geometry_invalid_json: { zh: "几何图形不是有效的 GeoJSON", en: "geometry is not valid GeoJSON" },
  geometry_too_large: { zh: "几何数据过大({bytes} 字节,上限 {max} 字节),未作检查即拒收", en: "geometry too large ({bytes} bytes, at most {max}); refused unread" },
  geometry_not_geometry: { zh: "几何图形不是 GeoJSON 几何对象", en: "geometry is not a GeoJSON geometry object" },
  geometry_wrong_type: { zh: "几何类型应为 {allowed},实际为 {type}", en: "geometry type must be {allowed}, got {type}" },
  geometry_too_many_vertices: { zh: "顶点过多(上限 {max} 个),请简化后再提交", en: "too many vertices (at most {max}); simplify it first" },
  geometry_empty: { zh: "几何图形为空{whereZh}", en: "empty geometry{whereEn}" },
  geometry_bad_position: { zh: "坐标无效(须为有限的经纬度数值){whereZh},第 {index} 个点", en: "invalid position (finite lon/lat numbers expected){whereEn}, point {index}" },
  geometry_out_of_range: { zh: "坐标超出经纬度范围 {at}{whereZh}", en: "position beyond ±180/±90 {at}{whereEn}" },
  geometry_out_of_bounds: { zh: "坐标超出汾阳市范围 {at}{whereZh}", en: "position outside Fenyang {at}{whereEn}" },
  geometry_ring_too_short: { zh: "环至少需要4个坐标点{whereZh}(现有 {positions} 个)", en: "a ring needs at least 4 positions{whereEn} (has {positions})" },
  geometry_ring_not_closed: { zh: "环未闭合(首尾坐标不同){whereZh}", en: "ring is not closed (first ≠ last position){whereEn}" },
  geometry_ring_degenerate: { zh: "面退化(不足3个不同且不共线的顶点){whereZh}", en: "degenerate ring (fewer than 3 distinct, non-collinear vertices){whereEn}" },
  geometry_line_too_short: { zh: "线至少需要2个坐标点{whereZh}", en: "a line needs at least 2 positions{whereEn}" },
  geometry_self_intersection: { zh: "边界自相交{whereZh},位置 {at}", en: "self-intersection{whereEn} at {at}" },
  geometry_ring_self_touch: { zh: "边界自接触(环两次经过同一点){whereZh},位置 {at}", en: "ring touches itself{whereEn} at {at}" },
  geometry_rings_cross: { zh: "内环(洞)与外环或其他洞相交{whereZh},位置 {at}", en: "a hole crosses the exterior or another hole{whereEn} at {at}" },
  geometry_shared_boundary: { zh: "两个环共用一段边界{whereZh},位置 {at}", en: "two rings share a stretch of boundary{whereEn} at {at}" },
  geometry_hole_outside: { zh: "内环(洞)不在外环内{whereZh},位置 {at}", en: "hole lies outside its polygon{whereEn} at {at}" },
  geometry_holes_nested: { zh: "洞位于另一个洞之内{whereZh},位置 {at}", en: "a hole lies inside another hole{whereEn} at {at}" },
  geometry_interior_disconnected: { zh: "洞与外环或其他洞多处相接,把面分成了互不相连的部分{whereZh},位置 {at}", en: "holes touching the exterior or each other cut the interior apart{whereEn} at {at}" },
  geometry_parts_overlap: { zh: "多面的第 {part} 部分与第 {other} 部分重叠,位置 {at}", en: "parts {part} and {other} of the MultiPolygon overlap at {at}" },
  geometry_too_complex: { zh: "几何过于复杂,无法在限定工作量内检查,请简化后再提交", en: "geometry too complex to check within the work limit; simplify it first" },
  geometry_timeout: { zh: "几何检查超时,请简化后再提交", en: "geometry check timed out; simplify it first" },
  // --- design zones --------------------------------------------------------------------------------------------------
  zone_stale_version: { zh: "该设计单元已被他人修改,请重新加载后再保存", en: "this zone was changed by someone else since you loaded it: reload it before saving" },
  // --- accounts ------------------------------------------------------------------------------------------------------
  account_township_required: { zh: "街道/镇账号必须指定所属街道/镇", en: "a township account needs its township" },
  account_department_required: { zh: "部门账号必须指定部门", en: "a department account needs its department" },
  account_deactivated: { zh: "账号已停用,请联系市住建局改造办", en: "this account has been deactivated: contact the renovation office" },
  account_self_lockout: { zh: "不能停用或变更自己的账号角色", en: "you cannot deactivate your own account or change your own role" },
  // --- feedback ------------------------------------------------------------------------------------------------------
  feedback_point_invalid: { zh: "位置不是有效的 GeoJSON 点", en: "point is not a GeoJSON Point" },
  feedback_point_outside: { zh: "位置超出汾阳市范围", en: "point outside Fenyang" },
  feedback_target_required: { zh: "请选择小区或在地图上标出位置", en: "choose a compound or mark a point on the map" },
  feedback_message_required: { zh: "请填写留言内容", en: "write a message" },
  feedback_unknown_compound: { zh: "小区不存在", en: "unknown compound" },
  feedback_sender_field: { zh: "留言内容由留言人填写,工作人员只能更新状态和公开答复", en: "staff may change only the status and the public reply" },
  feedback_township_readonly: { zh: "所属街道由系统确定", en: "the township is set by the server" },
  // --- complaint receipts (lib/receipts.js) ---------------------------------------------------------------------
  receipt_format: { zh: "受理编号格式应为 FY-年份-6位数字,如 FY-2026-000123", en: "a receipt number looks like FY-2026-000123" },
  receipt_unknown: { zh: "没有找到受理编号 {no}", en: "no complaint with receipt number {no}" },
  // --- scheme publication, consent and rating rounds (lib/participation.js, lib/household-codes.js) -------------
  publication_already_open: { zh: "该小区的方案正在公示(至 {until}),结束后才能再次公示", en: "this compound's scheme is already published until {until}" },
  publication_summary_required: { zh: "请填写方案概要", en: "write the scheme's summary" },
  publication_end_past: { zh: "公示结束时间须晚于现在", en: "the publication must end in the future" },
  publication_end_required: { zh: "请填写公示结束时间", en: "the end of the publication period is required" },
  publication_too_long: { zh: "公示期最长 {days} 天", en: "a publication lasts at most {days} days" },
  publication_closed_frozen: { zh: "公示已于 {date} 结束,不能再修改", en: "the publication ended on {date} and can no longer change" },
  publication_compound_fixed: { zh: "所属小区不能更改", en: "the compound cannot change" },
  publication_not_found: { zh: "公示不存在", en: "no such publication" },
  publication_other_compound: { zh: "公示不属于该小区", en: "the publication belongs to another compound" },
  publication_comments_closed: { zh: "公示已于 {date} 结束,不能再发表意见", en: "the publication closed on {date}: comments are no longer taken" },
  comment_resident_field: { zh: "意见内容由居民填写,工作人员只能答复", en: "staff may only answer a comment" },
  campaign_already_open: { zh: "该小区已有进行中的征询,请先结束", en: "this compound already has an open round: close it first" },
  campaign_closed_frozen: { zh: "征询已结束,不能再修改", en: "the round is closed and can no longer change" },
  campaign_not_found: { zh: "征询不存在", en: "no such round" },
  campaign_closed: { zh: "征询已结束", en: "the round is closed" },
  rating_after_acceptance: { zh: "竣工验收后才能开展满意度评价", en: "ratings start after the acceptance (stage accepted or maintained)" },
  rating_open_mode: { zh: "该评价为公开评价,不使用住户码", en: "this rating round is open and uses no codes" },
  rating_none_open: { zh: "该小区目前没有进行中的满意度评价", en: "no rating round is open for this compound" },
  rating_code_required: { zh: "该评价须凭住户码参与", en: "this rating round needs a household code" },
  rating_value: { zh: "请为「{aspect}」打 1–5 分", en: "rate {aspect} from 1 to 5" },
  rating_aspect_quality: { zh: "工程质量", en: "construction quality" },
  rating_aspect_management: { zh: "施工管理", en: "site management" },
  rating_aspect_property: { zh: "物业服务", en: "property services" },
  rating_comment_long: { zh: "评价意见最多 1000 字", en: "a comment has at most 1000 characters" },
  codes_kind: { zh: "请选择住户码用途(意愿征询或满意度评价)", en: "kind must be consent or rating" },
  codes_not_allowed: { zh: "只有市改造办或小区所在街道/镇可以打印住户码或录入纸质意见", en: "only the office or the compound's township may print codes or enter paper answers" },
  codes_households_required: { zh: "请列出要打印的户号", en: "list the households to print slips for" },
  codes_too_many: { zh: "一次最多打印 {max} 户", en: "at most {max} slips at a time" },
  codes_household_invalid: { zh: "第 {n} 个户号为空或过长(最多 30 字)", en: "household {n} is blank or longer than 30 characters" },
  codes_household_repeated: { zh: "户号「{household}」重复", en: "household {household} is listed twice" },
  code_unknown: { zh: "住户码无效,请核对后重新输入", en: "this code is not valid" },
  code_other_compound: { zh: "此住户码不是「{name}」的,请扫描本小区的住户码", en: "this code belongs to another compound" },
  code_is_rating: { zh: "此码用于满意度评价,不能用于意愿征询", en: "this code is for the rating, not the consent round" },
  code_is_consent: { zh: "此码用于意愿征询,不能用于满意度评价", en: "this code is for the consent round, not the rating" },
  code_used: { zh: "此住户码已使用,每户只能作答一次", en: "this code has already been used: one answer per household" },
  consent_answer_required: { zh: "请选择同意或不同意", en: "answer agree or disagree" },
  // --- values (lib/values.js) ------------------------------------------------------------------------------------
  value_not_number: { zh: "「{label}」须为数字(如 1200 或 1200.5,不带逗号、单位或百分号),收到「{raw}」",
    en: "{field} must be a plain number (e.g. 1200 or 1200.5, no separators, units or %), got \"{raw}\"" },
  value_blank: { zh: "「{label}」不能为空,请填写数字", en: "{field} cannot be blank: enter a number" },
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
  compound_stale_version: { zh: "该小区已被他人修改,请重新加载后再保存", en: "this compound was changed by someone else since you loaded it: reload it before saving" },
  compound_community_elsewhere: { zh: "社区「{community}」不属于该小区所在的街道(乡镇)", en: "community {community} is not in the compound's township" },
  compound_exclusion_office: { zh: "「不纳入改造范围」由市改造办认定", en: "only the office may set or clear a compound's exclusion" },
  compound_exclusion_reason: { zh: "不纳入改造范围须选择原因(棚户区、以自建住房为主、宜拆除新建或其他)", en: "an excluded compound needs a reason" },
  entry_excluded: { zh: "小区{name}已认定为不纳入改造范围({reason}),不能纳入年度计划", en: "{code} is excluded from the programme ({reasonCode}) and cannot enter an annual plan" },
  // --- resident consent from surveys -------------------------------------------------------------------------------
  consent_from_survey: { zh: "「{label}」由居民意愿调查记录计算,不能直接填写:请新建意愿调查(consent_surveys)",
    en: "{field} is set from consent survey records only: record a survey (consent_surveys)" },
  survey_households_missing: { zh: "意愿调查须有小区总户数(小区登记的户数为空,请填写「总户数」)", en: "the survey needs the compound's households (households_total)" },
  survey_surveyed_missing: { zh: "「调查户数」须大于 0", en: "households_surveyed must be greater than 0" },
  survey_surveyed_over_total: { zh: "「调查户数」{surveyed} 多于总户数 {total}", en: "households_surveyed ({surveyed}) is more than households_total ({total})" },
  survey_agreeing_over_surveyed: { zh: "「同意户数」{agreeing} 多于调查户数 {surveyed}", en: "households_agreeing ({agreeing}) is more than households_surveyed ({surveyed})" },
  survey_sheet_missing: { zh: "入户、会议等线下调查须上传调查表(PDF 或图片)", en: "attach the survey sheet (PDF or images) for a survey not answered online" },
  survey_date_future: { zh: "调查日期 {date} 晚于今天", en: "the survey date {date} is in the future" },
  survey_compound_fixed: { zh: "意愿调查所属的小区不能更改", en: "the compound of a survey cannot change" },
  survey_consultation_link: { zh: "意愿调查与协商记录的关联由系统维护,不能直接填写", en: "the consultation link of a survey is set by the server" },
  survey_from_consultation: { zh: "该意愿调查来自民政协商记录,请修改或删除那条协商记录", en: "this survey belongs to a consultation record: change or delete that record" },
  consultation_survey_tally: { zh: "协商类型为「意愿调查」时须填写调查户数和同意户数", en: "a consultation of kind survey needs households_surveyed and households_agreeing" },
  consultation_survey_documents: { zh: "协商类型为「意愿调查」时须上传调查表(附件)", en: "a consultation of kind survey needs the survey sheet attached (documents)" },
  // --- audit trail ---------------------------------------------------------------------------------------------------
  audit_written_by_server: { zh: "审计日志只能由系统写入", en: "the audit log is written by the server only" },
  audit_immutable: { zh: "审计日志不可修改", en: "the audit log cannot be changed" },
  audit_undeletable: { zh: "审计日志不可删除", en: "the audit log cannot be deleted" },
  audit_schema_fixed: { zh: "审计日志的名称、结构和规则不可修改", en: "the audit log's name, schema and rules cannot be changed" },
  audited_collection_fixed: { zh: "「{name}」的每次修改都记入审计日志,不能改名或删除该集合", en: "{name} is audited: it cannot be renamed or deleted" },
  audit_import_refused: { zh: "导入集合不得修改、改名或删除审计日志及受审计的集合({names})",
    en: "a collections import may not change, rename or drop the audit log or audited collections ({names})" },
  // --- division boundaries (lib/boundaries.js) ---------------------------------------------------------------------
  boundary_unknown_code: { zh: "区划代码「{code}」不是汾阳市的镇/街道或社区代码", en: "division code {code} is not a township or community of Fenyang" },
  boundary_exists: { zh: "区划代码「{code}」已有边界({name}),请先删除它,或在导入向导中导入以替换", en: "{code} already has a boundary: delete it first, or import to replace it" },
  boundary_not_geojson: { zh: "「{name}」的边界不是有效的 GeoJSON", en: "the boundary of {name} is not valid GeoJSON" },
  boundary_invalid: { zh: "「{name}」({code})的边界无效:{detailZh}", en: "the boundary of {code} is invalid: {detailEn}" },
  boundary_too_many_vertices: { zh: "「{name}」的边界有 {n} 个顶点,超过上限 {max},请先简化", en: "the boundary of {name} has {n} vertices (at most {max}): simplify it first" },
  boundary_outside: { zh: "「{name}」({code})的边界超出汾阳市范围:顶点 ({at}) 在市界外 {km} 公里(允许 {tolerance} 米)",
    en: "the boundary of {code} lies outside Fenyang: vertex ({at}) is {km} km outside the county (tolerance {tolerance} m)" },
  boundary_overlap: { zh: "「{name}」({code})与「{other}」({otherCode})的边界重叠 {area} 平方米,占较小者的 {share}%(允许 {max}%)",
    en: "the boundary of {code} overlaps {otherCode} by {area} m² ({share}% of the smaller; at most {max}%)" },
  // --- request limits ------------------------------------------------------------------------------------------------
  body_too_large: { zh: "请求内容过大(上限 {limit}),请缩小文件或分批提交", en: "request body too large (limit {limit})" },
  body_length_required: { zh: "请求须注明内容长度(Content-Length)", en: "the request must state its Content-Length" },
  batch_staff_only: { zh: "批量提交仅限已登录的工作人员", en: "batch requests are for signed-in staff only" },
  // --- long-term management, supervision, department duties, reports on record (lib/oversight.js) ------------------
  mgmt_company_required: { zh: "专业物业管理须填写「物业企业」", en: "a property-company arrangement needs the company's name" },
  mgmt_contract_order: { zh: "「合同截止日期」{end} 早于「合同起始日期」{start}", en: "the contract ends ({end}) before it starts ({start})" },
  fund_above_target: { zh: "「已归集金额」{collected} 元超过「维修资金归集目标」{target} 元", en: "collected ({collected}) is above the target ({target})" },
  fund_exists: { zh: "该小区已有维修资金归集记录,请在原记录中更新", en: "this compound already has a maintenance-fund record: update it" },
  check_score_required: { zh: "「检查得分」不能为空(0–100 分)", en: "the check's score (0–100) is required" },
  weights_sum: { zh: "考核各项权重之和须为 100,现为 {sum}", en: "the score's weights must add up to 100, got {sum}" },
  sup_new_open: { zh: "新下达的督办事项状态须为「待整改」", en: "a new supervision item starts open" },
  sup_issuer_fields: { zh: "「{field}」由被督办的街道/镇填写", en: "{field} is written by the township" },
  sup_township_fields: { zh: "街道/镇只能填写整改情况和整改佐证,不能修改「{field}」", en: "a township writes only its rectification and evidence, not {field}" },
  sup_deadline_past: { zh: "「整改期限」{date} 早于今天", en: "the deadline {date} is in the past" },
  sup_closed_final: { zh: "督办事项已销号,不能再修改", en: "the item is closed: it cannot change" },
  sup_not_open: { zh: "督办事项不在「待整改」状态,不能修改", en: "the item is not open" },
  sup_rectification_required: { zh: "提交整改须填写「整改情况」", en: "describe the rectification" },
  sup_evidence_required: { zh: "提交整改须上传至少一份整改佐证(照片或 PDF)", en: "attach at least one piece of evidence (photo or PDF)" },
  sup_return_comment: { zh: "退回整改须填写「督办意见」", en: "returning an item needs the issuer's comment" },
  sup_transition: { zh: "不允许的督办状态变更:{from} → {to}", en: "status change {from} → {to} is not allowed" },
  sup_compound_township: { zh: "所选小区不属于被督办的街道/镇", en: "the compound is not in the township named" },
  budget_granted_above: { zh: "「下达金额」{granted} 元超过「申请金额」{requested} 元", en: "granted ({granted}) is above requested ({requested})" },
  budget_granted_required: { zh: "状态为「已下达」须填写「下达金额」", en: "a granted application needs the granted amount" },
  land_target_required: { zh: "请选择「小区」或「设施点位」", en: "choose a compound or a facility site" },
  land_transfer_required: { zh: "闲置房屋/用地及设施用地须填写「移交状态」", en: "idle buildings/land and facility land need a transfer status" },
  land_holder_required: { zh: "闲置房屋/用地及设施用地须填写「权利人」", en: "idle buildings/land and facility land need the right holder" },
  finding_target_required: { zh: "请选择「小区」或「设计片区」", en: "choose a compound or a design zone" },
  finding_text_required: { zh: "「审计发现」不能为空", en: "the finding cannot be blank" },
  finding_amount_required: { zh: "资金类审计发现须填写「涉及金额」(大于 0 元)", en: "a finding about money needs its amount (> 0)" },
  finding_close_rectification: { zh: "销号须填写「整改情况」", en: "closing a finding needs its rectification" },
  subsidy_site_elderly: { zh: "养老补贴只能关联养老服务设施点位", en: "an elderly-care subsidy belongs to an elderly-care facility site" },
  subsidy_amount_required: { zh: "「补贴金额」须大于 0 元", en: "the subsidy amount must be above 0" },
  report_future_month: { zh: "{month} 尚未开始,不能报送", en: "{month} has not begun" },
  report_figures: { zh: "报送内容缺少报表数据", en: "the report's figures are missing" },
  report_figures_month: { zh: "报表数据不是 {month} 的", en: "the figures are not for {month}" },
  report_reason_required: { zh: "{month} 已报送(第 {version} 版),更正须填写「更正原因」", en: "{month} was submitted (version {version}): a correction needs its reason" },
  // --- vector tiles (lib/tiles.js) ---------------------------------------------------------------------------------
  tiles_unknown_layer: { zh: "没有名为「{layer}」的瓦片图层", en: "no tiled layer named {layer}" },
  tiles_bad_address: { zh: "瓦片地址无效(须为 z/x/y 整数且在范围内)", en: "invalid tile address: z/x/y must be integers in range" },
  // --- bulk load (lib/bulk.js) ---------------------------------------------------------------------------------------
  bulk_office_only: { zh: "批量导入仅限市住建局改造办", en: "bulk loads are for the renovation office only" },
  bulk_bad_body: { zh: "批量导入的内容须为 GeoJSON 要素集合(FeatureCollection)或操作列表(operations)", en: "the body must be a FeatureCollection or {operations: [...]}" },
  bulk_too_many: { zh: "一次批量导入最多 {max} 项,收到 {n} 项,请分批导入", en: "at most {max} items per bulk load, got {n}" },
  bulk_item_refused: { zh: "{item}被拒绝,未写入任何数据:{reason}", en: "{itemEn} was refused, nothing was written: {reasonEn}" },
  bulk_item_shape: { zh: "该项须含 collection、action 和 body", en: "each item needs collection, action and body" },
  bulk_collection: { zh: "批量导入只能写入 {allowed},收到「{collection}」", en: "bulk loads write {allowed} only, not {collection}" },
  bulk_action: { zh: "批量导入只能新建(create)或更新(update),收到「{action}」", en: "action must be create or update, not {action}" },
  bulk_unknown_field: { zh: "「{collection}」没有字段「{field}」", en: "{collection} has no field {field}" },
  bulk_not_found: { zh: "要更新的记录不存在:{id}", en: "no record to update: {id}" },
  bulk_field_refused: { zh: "「{label}」{reason}", en: "{field}: {reasonEn}" },
  bulk_save_failed: { zh: "保存失败:{reason}", en: "save failed: {reason}" },
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

/** Just the English text. */
function en(code, params) {
  var m = M[code];
  return m ? fill(m.en, params) : code;
}

/** A 400 naming the field: the field error carries the code. */
function bad(code, field, params) {
  var msg = text(code, params);
  var data = {};
  if (field) data[field] = new ValidationError(code, msg);
  return new BadRequestError(msg, data);
}

/** A 400 for several fields at once: `fields` is {field: code}; the message is `code` with `params`. */
function badFields(code, params, fields) {
  var data = {};
  for (var f in fields) data[f] = new ValidationError(fields[f], text(fields[f]));
  return new BadRequestError(text(code, params), data);
}

/**
 * A list of reasons ({code, params}) as one refusal: "不能提交:甲;乙 / cannot submit: a; b", naming `field`.
 */
function badList(code, field, reasons) {
  var z = reasons.map(function (r) { return zh(r.code, r.params); }).join(";");
  var e = reasons.map(function (r) { return en(r.code, r.params); }).join("; ");
  var msg = fill(M[code].zh, { list: z }) + " / " + fill(M[code].en, { list: e });
  var data = {};
  data[field] = new ValidationError(code, msg);
  return new BadRequestError(msg, data);
}

function forbidden(code, params) {
  return new ForbiddenError(text(code, params));
}

module.exports = { MESSAGES: M, text: text, zh: zh, en: en, bad: bad, badFields: badFields, badList: badList, forbidden: forbidden, fill: fill };
