// Public surface of @kaizen/server: the OTLP collector and query API, and the pieces tests and tools reuse.
export * from './otlp/decode-otlp-json.js';
export * from './otlp/decode-otlp-protobuf.js';
export type { DecodeResult, RejectedSpan } from './otlp/decode-result.js';
