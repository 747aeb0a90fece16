// Resident consent bands against the annual-plan threshold (policy: 居民自愿, a two-thirds majority by default): the
// consent layer, its legend and the ledger read them. Pure.

/** Below the threshold, within NEAR_POINTS above it, well above; `none` when no survey is recorded (or not readable). */
export type ConsentBand = 'none' | 'below' | 'near' | 'above';
export const CONSENT_BANDS: readonly ConsentBand[] = ['below', 'near', 'above', 'none'];
/** Percentage points above the threshold still counted as "near" it. */
export const NEAR_POINTS = 5;

/**
 * @param pct the compound's consent figure in percent (null or undefined: not readable)
 * @param surveyDate the date of the survey it comes from ('' or absent: never surveyed)
 * @param threshold the plan gate's threshold in percent
 * @example consentBand(70, '2025-05-01', 200 / 3) // 'near'
 * @example consentBand(0, '', 200 / 3) // 'none'
 */
export function consentBand(pct: number | null | undefined, surveyDate: string | null | undefined, threshold: number): ConsentBand {
  if (!surveyDate || pct == null) return 'none';
  if (pct < threshold - 1e-9) return 'below';
  return pct < threshold + NEAR_POINTS ? 'near' : 'above';
}
