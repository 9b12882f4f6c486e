// Shadow replay of production inputs against a candidate prompt version.
export * from './replay-prompt.js';
export type * from './replay-types.js';
