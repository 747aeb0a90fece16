// The facts of a facility site as the permit rule sees them — the same mapping as pb_hooks/lib/permit.js siteInput(),
// so the verdict previewed before saving is the one the server will store (the server's is the one kept).
import { COMMERCIAL_TYPES, permitVerdict, type PermitInput, type PermitVerdict } from '../../geo/permit-rule';
import type { SiteSource } from '../../data/sites';

export { COMMERCIAL_TYPES };

export interface SiteFacts {
  facilityType: string;
  source: SiteSource;
  /** Floor area of the building, m²; for a converted idle building its existing floor area (nothing is newly built). */
  buildingAreaM2: number;
  changesLandRights: boolean;
  highRiskWork: boolean;
}

export function permitInputOf(s: SiteFacts): PermitInput {
  const conversion = s.source === 'idle_building';
  return {
    newBuildingAreaM2: conversion ? 0 : s.buildingAreaM2,
    changesLandRights: s.changesLandRights,
    highRiskWork: s.highRiskWork,
    isIdleBuildingConversion: conversion,
    publicService: !COMMERCIAL_TYPES.includes(s.facilityType),
  };
}

/** The verdict of §六(二) for a site, or null when the building area is not a non-negative number. */
export function previewVerdict(s: SiteFacts): PermitVerdict | null {
  if (!(typeof s.buildingAreaM2 === 'number' && Number.isFinite(s.buildingAreaM2) && s.buildingAreaM2 >= 0)) return null;
  return permitVerdict(permitInputOf(s));
}
