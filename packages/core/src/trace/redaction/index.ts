// Redaction of secrets and personal data at ingest: config, compiler, span walk.
export { compileRedactor, type Redactor } from './compile-redactor.js';
export { passesLuhn } from './luhn.js';
export { redactSpan } from './redact-span.js';
export * from './redaction-config.js';
export { placeholder, type RedactionCounts } from './text-rule.js';
