export * from './local-metric';
export * from './clipper';
export * from './cluster-adjacent';
export * from './merge-zones';
export * from './zone-members';
export * from './validate-polygon';
export * from './synthetic-city';
