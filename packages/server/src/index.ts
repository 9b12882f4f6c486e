// Public surface of @kaizen/server: the OTLP collector and query API, and the pieces tests and tools reuse.
export * from './http/api-app.js';
export * from './http/api-key-resolver.js';
export * from './http/credentials.js';
export * from './http/error-status.js';
export * from './http/ingest-handler.js';
export * from './http/trace-query-params.js';
export * from './jobs/job-queue.js';
export * from './jobs/pg-boss-job-queue.js';
export * from './otlp/decode-otlp-json.js';
export * from './otlp/decode-otlp-protobuf.js';
export type { DecodeResult, RejectedSpan } from './otlp/decode-result.js';
export * from './otlp/export-response.js';
export * from './retention/index.js';
export * from './start-server.js';
export * from './start-worker.js';
