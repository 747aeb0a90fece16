// Permit rule of the action plan, §六(二) 简化用地手续 (policy/000_b35ab8189eb800b8.txt):
//   "不涉及权属登记、变更,无高空作业、重物吊装、基坑深挖等高风险施工,建筑面积在300平方米以内的新建项目可不办理施工许可证。
//    利用闲置用房等存量房屋建设各类公共服务设施的,可在一定年期内暂不办理变更用地主体和土地使用性质的手续。"

// The rule's constants are shared with the server's recomputation (pb_hooks/lib/permit.js) through one file.
import RULE from '../../../data/permit-rule.json';

/** Largest new building area (m²) that may skip the construction permit; 300 itself is "以内". */
export const PERMIT_EXEMPT_MAX_AREA_M2: number = RULE.exemptMaxAreaM2;

export const RULE_EXEMPT_ZH: string = RULE.rules.exempt.zh;
export const RULE_EXEMPT_EN: string = RULE.rules.exempt.en;
export const RULE_DEFER_ZH: string = RULE.rules.defer.zh;
export const RULE_DEFER_EN: string = RULE.rules.defer.en;

/** §六(五) tells 公共服务设施 from 便民商业服务设施: these facility catalogue types are the commercial ones. */
export const COMMERCIAL_TYPES: readonly string[] = RULE.commercialTypes;

export interface PermitInput {
  /** Floor area of the new building in m² (0 when nothing is newly built, e.g. a pure conversion). */
  newBuildingAreaM2: number;
  /** Does the project register or change land/property rights (权属登记、变更)? */
  changesLandRights: boolean;
  /** Does it involve 高空作业、重物吊装、基坑深挖 or similar high-risk work? */
  highRiskWork: boolean;
  /** Is an existing idle building (锅炉房, 自行车棚, 公房 …) being converted? */
  isIdleBuildingConversion: boolean;
  /** Will the result be a public-service facility (养老、托育、卫生、社区服务 …)? */
  publicService: boolean;
}

export interface PermitVerdict {
  constructionPermitExempt: boolean;
  landUseChangeDeferred: boolean;
  reasons_zh: string[];
  reasons_en: string[];
}

/**
 * Applies the action plan's §六(二) rules to one facility project.
 *
 * - 免办施工许可 when newBuildingAreaM2 ≤ 300 m² (300 exactly qualifies, 300.5 does not), no
 *   change/registration of rights and no high-risk work.
 * - 暂不办理变更用地主体和土地使用性质 when an idle building becomes a public-service facility.
 *
 * Throws a RangeError for a negative or non-finite area.
 *
 * @param input project facts; newBuildingAreaM2 in square metres
 * @example
 * permitVerdict({ newBuildingAreaM2: 280, changesLandRights: false, highRiskWork: false,
 *   isIdleBuildingConversion: false, publicService: true }).constructionPermitExempt; // true
 */
export function permitVerdict(input: PermitInput): PermitVerdict {
  const area = input.newBuildingAreaM2;
  if (typeof area !== 'number' || !Number.isFinite(area) || area < 0) {
    throw new RangeError(`新建建筑面积无效: ${String(area)} / invalid new building area (m²): ${String(area)}`);
  }
  const reasons_zh: string[] = [];
  const reasons_en: string[] = [];

  const smallEnough = area <= PERMIT_EXEMPT_MAX_AREA_M2;
  const constructionPermitExempt = smallEnough && !input.changesLandRights && !input.highRiskWork;
  if (constructionPermitExempt) {
    reasons_zh.push(`可不办理施工许可证:新建建筑面积 ${fmt(area)} 平方米,在300平方米以内,不涉及权属登记、变更,无高风险施工。依据:${RULE_EXEMPT_ZH}`);
    reasons_en.push(`No construction permit needed: new building area ${fmt(area)} m² is within 300 m², no change of rights, no high-risk work. Rule: ${RULE_EXEMPT_EN}`);
  } else {
    const why_zh: string[] = [];
    const why_en: string[] = [];
    if (!smallEnough) {
      why_zh.push(`新建建筑面积 ${fmt(area)} 平方米超过300平方米`);
      why_en.push(`new building area ${fmt(area)} m² exceeds 300 m²`);
    }
    if (input.changesLandRights) {
      why_zh.push('涉及权属登记、变更');
      why_en.push('it registers or changes rights');
    }
    if (input.highRiskWork) {
      why_zh.push('有高空作业、重物吊装、基坑深挖等高风险施工');
      why_en.push('it involves high-risk work (work at height, heavy lifting, deep excavation)');
    }
    reasons_zh.push(`需办理施工许可证:${why_zh.join(';')}。依据:${RULE_EXEMPT_ZH}`);
    reasons_en.push(`Construction permit required: ${why_en.join('; ')}. Rule: ${RULE_EXEMPT_EN}`);
  }

  const landUseChangeDeferred = input.isIdleBuildingConversion && input.publicService;
  if (landUseChangeDeferred) {
    reasons_zh.push(`闲置用房改建为公共服务设施,可在一定年期内暂不办理变更用地主体和土地使用性质的手续。依据:${RULE_DEFER_ZH}`);
    reasons_en.push(`Idle building converted to a public-service facility: the change of land-use holder and nature may be deferred for a set period. Rule: ${RULE_DEFER_EN}`);
  }
  return { constructionPermitExempt, landUseChangeDeferred, reasons_zh, reasons_en };
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}
