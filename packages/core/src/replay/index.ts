// Replaying production inputs against candidate prompts.

export * from './build-replay-messages.js';
export * from './extract-replay-input.js';
