// Public surface of @kaizen/core.
export * from './errors/kaizen-error.js';
export * from './trace/otlp-span.js';
export * from './trace/span.js';
export * from './trace/summarize-trace.js';
export * from './trace/trace-summary.js';
export * from './prompts/index.js';
