// Evaluation storage: evaluator registry, trace scores, human labels and online evaluation rules.
export * from './create-evaluation-stores.js';
export * from './evaluator-store.js';
export * from './label-store.js';
export * from './online-evaluator-store.js';
export * from './score-store.js';
export * from './stored-checklist.js';
