// Deterministic, model-free edit operators of the optimization loop.
export * from './ablate-sentences.js';
export * from './candidate.js';
export * from './criterion-to-instruction.js';
export * from './estimate-prompt-tokens.js';
export * from './few-shot.js';
export * from './merge-candidates.js';
