// Prompt model, templates and diffs.
export * from './canonical-json.js';
export * from './diff-prompt.js';
export * from './diff-sequences.js';
export * from './prompt.js';
export * from './prompt-content.js';
export * from './prompt-summaries.js';
export * from './render-prompt-messages.js';
export * from './template.js';
export * from './unified-diff.js';
