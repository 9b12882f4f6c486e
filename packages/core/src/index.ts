// Public surface of @kaizen/core.
export * from './errors/kaizen-error.js';
export * from './evaluation/ifeval/index.js';
export * from './evaluation/index.js';
export * from './ports/model-port.js';
export * from './prompts/index.js';
export * from './replay/index.js';
export * from './statistics/index.js';
export * from './trace/compute-cost.js';
export * from './trace/format-time.js';
export * from './trace/normalize-span.js';
export * from './trace/otlp-span.js';
export * from './trace/price-table.js';
export * from './trace/read-tags.js';
export * from './trace/span.js';
export * from './trace/span-attributes.js';
export * from './trace/summarize-trace.js';
export * from './trace/trace-summary.js';
