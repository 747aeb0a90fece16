export * from './local-metric';
export * from './clipper';
