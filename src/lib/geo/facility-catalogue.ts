// The facility catalogue (data/facilities.json: walking radius, minimum area and width per facility type, from the
// national life-circle standard) and how a facility feature names its type.
import catalogueJson from '../../../data/facilities.json';

/** One row of data/facilities.json. */
export interface FacilityType {
  key: string;
  name_zh: string;
  name_en: string;
  class: 'basic' | 'improvement' | 'enhancement';
  radius_m: number;
  life_circle: string;
  min_area_m2: number;
  min_width_m: number;
  typical_footprint_m2: number;
  notes: string;
}
export interface FacilityCatalogue {
  source: string[];
  types: FacilityType[];
}
/** The facility catalogue shipped in data/facilities.json. */
export const FACILITY_CATALOGUE = catalogueJson as unknown as FacilityCatalogue;

/**
 * Walking radius in metres for a catalogue type (undefined for an unknown type).
 * @example catalogueRadiusM('market'); // 500
 */
export function catalogueRadiusM(type: string, catalogue: FacilityCatalogue = FACILITY_CATALOGUE): number | undefined {
  return catalogue.types.find((t) => t.key === type)?.radius_m;
}

/**
 * A facility's catalogue type: properties.type, else properties.subtype (context_features keep the
 * type in `subtype`), else ''.
 * @example facilityTypeOf({ type: 'Feature', properties: { kind: 'facility', subtype: 'clinic' }, geometry }) // 'clinic'
 */
export function facilityTypeOf(f: { properties?: unknown }): string {
  const p = f.properties as { type?: unknown; subtype?: unknown } | null | undefined;
  return String(p?.type ?? p?.subtype ?? '');
}

