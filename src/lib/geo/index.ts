export * from './local-metric';
export * from './clipper';
export * from './cluster-adjacent';
export * from './merge-zones';
