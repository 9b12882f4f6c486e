// Insights: stored root-cause reports and the scored traces they are computed from.
export * from './insight-store.js';
export * from './insight-types.js';
export * from './sql-insight-store.js';
