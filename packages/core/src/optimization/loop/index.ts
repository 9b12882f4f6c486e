// The optimization loop and its pure parts (acceptance guard, Pareto front, split reports).
export * from './acceptance-guard.js';
export * from './compare-splits.js';
export * from './optimization-types.js';
export * from './pareto-front.js';
export * from './reflect.js';
export * from './run-optimization.js';
export * from './sign-test.js';
export * from './split-score.js';
