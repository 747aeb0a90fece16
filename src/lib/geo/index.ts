export * from './local-metric';
export * from './clipper';
export * from './cluster-adjacent';
export * from './merge-zones';
export * from './zone-members';
export * from './validate-polygon';
export * from './polygon-validity';
export * from './reasons';
export * from './spatial-index';
export * from './zone-outline';
export * from './bbox';
export * from './permit-rule';
export * from './idle-land';
export * from './rank-sites';
export {
  coverage, summarizeCoverage, FACILITY_CATALOGUE, catalogueRadiusM, facilityTypeOf,
  type FacilityType, type FacilityCatalogue, type CoverageOptions, type CoverageResult, type CoverageSummaryRow,
} from './coverage';
