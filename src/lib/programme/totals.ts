// Totals of a set of compounds, as the selection panel, zone drawing and reports show them.
import type { CompoundRecord } from '../data/records';

export interface CompoundTotals {
  compounds: number;
  buildings: number;
  households: number;
  landM2: number;
  floorM2: number;
}

export function compoundTotals(compounds: Iterable<Pick<CompoundRecord, 'buildings' | 'households' | 'land_area_m2' | 'floor_area_m2'>>): CompoundTotals {
  const t: CompoundTotals = { compounds: 0, buildings: 0, households: 0, landM2: 0, floorM2: 0 };
  for (const c of compounds) {
    t.compounds++;
    t.buildings += c.buildings ?? 0;
    t.households += c.households ?? 0;
    t.landM2 += c.land_area_m2 ?? 0;
    t.floorM2 += c.floor_area_m2 ?? 0;
  }
  return t;
}
