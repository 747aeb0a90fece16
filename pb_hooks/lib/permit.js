// Permit rule of the action plan §六(二) for facility sites, recomputed on the server so a client's verdict is never
// trusted. Its constants (the 300 m² limit, the commercial facility types, the policy's wording) come from
// data/permit-rule.json, which src/lib/geo/permit-rule.ts reads too; test/unit/permit-hook.test.ts keeps the two verdicts
// in step. Plain ES5-ish JS for PocketBase's JS VM; also loadable from Node with a `require` and `__hooks`.
//   "不涉及权属登记、变更,无高空作业、重物吊装、基坑深挖等高风险施工,建筑面积在300平方米以内的新建项目可不办理施工许可证。
//    利用闲置用房等存量房屋建设各类公共服务设施的,可在一定年期内暂不办理变更用地主体和土地使用性质的手续。"

var RULE = require(__hooks + "/../data/permit-rule.json");
var PERMIT_EXEMPT_MAX_AREA_M2 = RULE.exemptMaxAreaM2;
var RULE_EXEMPT_ZH = RULE.rules.exempt.zh;
var RULE_EXEMPT_EN = RULE.rules.exempt.en;
var RULE_DEFER_ZH = RULE.rules.defer.zh;
var RULE_DEFER_EN = RULE.rules.defer.en;

// §六(五) tells 公共服务设施 from 便民商业服务设施: these catalogue types are the commercial ones.
var COMMERCIAL_TYPES = RULE.commercialTypes;
var SOURCES = ["idle_land", "idle_building", "new"];

function fmt(n) {
  return String(Math.round(n * 10) / 10);
}

/** The verdict, exactly as permitVerdict() in src/lib/geo/permit-rule.ts. */
function verdict(input) {
  var area = input.newBuildingAreaM2;
  if (typeof area !== "number" || !isFinite(area) || area < 0) {
    throw new RangeError("新建建筑面积无效: " + String(area) + " / invalid new building area (m²): " + String(area));
  }
  var zh = [];
  var en = [];
  var smallEnough = area <= PERMIT_EXEMPT_MAX_AREA_M2;
  var exempt = smallEnough && !input.changesLandRights && !input.highRiskWork;
  if (exempt) {
    zh.push("可不办理施工许可证:新建建筑面积 " + fmt(area) + " 平方米,在300平方米以内,不涉及权属登记、变更,无高风险施工。依据:" + RULE_EXEMPT_ZH);
    en.push("No construction permit needed: new building area " + fmt(area) + " m² is within 300 m², no change of rights, no high-risk work. Rule: " + RULE_EXEMPT_EN);
  } else {
    var whyZh = [];
    var whyEn = [];
    if (!smallEnough) {
      whyZh.push("新建建筑面积 " + fmt(area) + " 平方米超过300平方米");
      whyEn.push("new building area " + fmt(area) + " m² exceeds 300 m²");
    }
    if (input.changesLandRights) {
      whyZh.push("涉及权属登记、变更");
      whyEn.push("it registers or changes rights");
    }
    if (input.highRiskWork) {
      whyZh.push("有高空作业、重物吊装、基坑深挖等高风险施工");
      whyEn.push("it involves high-risk work (work at height, heavy lifting, deep excavation)");
    }
    zh.push("需办理施工许可证:" + whyZh.join(";") + "。依据:" + RULE_EXEMPT_ZH);
    en.push("Construction permit required: " + whyEn.join("; ") + ". Rule: " + RULE_EXEMPT_EN);
  }
  var deferred = !!input.isIdleBuildingConversion && !!input.publicService;
  if (deferred) {
    zh.push("闲置用房改建为公共服务设施,可在一定年期内暂不办理变更用地主体和土地使用性质的手续。依据:" + RULE_DEFER_ZH);
    en.push("Idle building converted to a public-service facility: the change of land-use holder and nature may be deferred for a set period. Rule: " + RULE_DEFER_EN);
  }
  return { constructionPermitExempt: exempt, landUseChangeDeferred: deferred, reasons_zh: zh, reasons_en: en };
}

/**
 * The project facts of a facility site: a converted idle building adds no new building (its floor area is recorded in
 * building_area_m2 but is not "新建"); idle land and new sites build building_area_m2.
 */
function siteInput(site) {
  var conversion = site.source === "idle_building";
  return {
    newBuildingAreaM2: conversion ? 0 : site.building_area_m2,
    changesLandRights: !!site.changes_land_rights,
    highRiskWork: !!site.high_risk_work,
    isIdleBuildingConversion: conversion,
    publicService: COMMERCIAL_TYPES.indexOf(site.facility_type) < 0,
  };
}

/** The stored form of a verdict: the flags and reasons {zh, en, rule}. */
function siteVerdict(site) {
  var v = verdict(siteInput(site));
  return {
    permit_exempt: v.constructionPermitExempt,
    land_use_deferred: v.landUseChangeDeferred,
    reasons: { zh: v.reasons_zh, en: v.reasons_en, rule: "§六(二)" },
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// The request hook (PocketBase VM only).

var catalogue = null;
function loadCatalogue() {
  if (catalogue) return catalogue;
  var json = JSON.parse(toString($os.readFile(__hooks + "/../data/facilities.json")));
  catalogue = {};
  for (var i = 0; i < json.types.length; i++) catalogue[json.types[i].key] = json.types[i];
  return catalogue;
}

function refuse(field, code, params) {
  throw require(__hooks + "/lib/messages.js").bad(code, field, params);
}

/** Validates a facility_sites create/update request and writes the server's own permit verdict into the record. */
function checkRequest(e, isCreate) {
  var rec = e.record;
  var type = rec.getString("facility_type");
  var ft = loadCatalogue()[type];
  if (!ft) refuse("facility_type", "site_type_unknown", { type: type });
  var source = rec.getString("source");
  if (SOURCES.indexOf(source) < 0) refuse("source", "site_source");
  // Areas and households were checked on the raw body (lib/values.js: plain numbers within their ranges).
  var area = rec.getFloat("area_m2");
  var buildingArea = rec.getFloat("building_area_m2");
  if (source === "idle_building" && !rec.getString("source_feature")) {
    refuse("source_feature", "site_source_feature");
  }
  var v = siteVerdict({
    facility_type: type,
    source: source,
    building_area_m2: buildingArea,
    changes_land_rights: rec.getBool("changes_land_rights"),
    high_risk_work: rec.getBool("high_risk_work"),
  });
  rec.set("area_m2", area);
  rec.set("building_area_m2", buildingArea);
  rec.set("permit_exempt", v.permit_exempt);
  rec.set("land_use_deferred", v.land_use_deferred);
  rec.set("reasons", v.reasons);
  if (!rec.getString("stage")) rec.set("stage", "proposed");
  if (isCreate) rec.set("created_by", e.auth && e.auth.collection().name === "users" ? e.auth.id : "");
  else rec.set("created_by", rec.original().get("created_by")); // authorship is not editable
  e.next();
}

module.exports = {
  PERMIT_EXEMPT_MAX_AREA_M2: PERMIT_EXEMPT_MAX_AREA_M2,
  COMMERCIAL_TYPES: COMMERCIAL_TYPES,
  verdict: verdict,
  siteInput: siteInput,
  siteVerdict: siteVerdict,
  checkRequest: checkRequest,
};
