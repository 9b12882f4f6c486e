// Sorts pg and network errors by what the caller should do about them.
import type { FailureKind } from '../errors/to-store-error.js';

/** Network failures, and SQLSTATEs that mean the server cannot serve now (shutdown, too many connections). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53000',
  '53100',
  '53200',
  '53300',
  // Serialization failure and deadlock: nothing was written and a retry succeeds.
  '40001',
  '40P01',
]);

/** pg reports a lost or never-made connection as a plain Error with one of these messages. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|Connection is closed|not queryable/i;

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

function isUnavailable(error: unknown): boolean {
  const code = codeOf(error);
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('08')) return true;
  // Connecting to a name with several addresses (localhost: ::1 and 127.0.0.1) fails with all of them at once.
  if (error instanceof AggregateError) return error.errors.some(isUnavailable);
  return error instanceof Error && code === '' && UNAVAILABLE_MESSAGES.test(error.message);
}

export function classifyPostgresError(error: unknown): FailureKind {
  if (isUnavailable(error)) return 'unavailable';
  const code = codeOf(error);
  if (code === '23505') return 'unique';
  if (code === '23503') return 'foreign_key';
  // Integrity (23: not null, check) and data (22: bad number, NUL byte in text) errors, too-large index rows (54).
  if (/^(22|23|54)/.test(code)) return 'invalid_value';
  return 'other';
}
