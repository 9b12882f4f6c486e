// Public surface of @kaizen/models: model strings to AI SDK models, the one call path, retries and concurrency.
export * from './call-model.js';
export * from './call-params.js';
export * from './limit-concurrency.js';
export * from './model-port-adapter.js';
export * from './model-usage.js';
export * from './parse-model-spec.js';
export * from './ports/index.js';
export * from './resolve-model.js';
export * from './retry.js';
export * from './simulated/index.js';
export * from './structured-output.js';
export * from './validate-json-schema.js';
