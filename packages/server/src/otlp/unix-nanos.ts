// Nanosecond timestamps as canonical decimal strings (they exceed 2^53), read from JSON and checked per span.
import { SpanRejection } from './decode-result.js';

const DIGITS = /^\d{1,20}$/;
const MAX_UINT64 = 18446744073709551615n;

/** OTLP/JSON sends fixed64 as a decimal string; some encoders send a number. Absent means 0 (proto3 default). */
export function jsonUnixNano(value: unknown, field: string): string {
  if (value === undefined || value === null) return '0';
  if (typeof value === 'string') {
    if (!DIGITS.test(value)) throw new SpanRejection(field, 'expected a decimal string of nanoseconds');
    // Canonical form (no leading zeros), so that later comparisons can compare lengths first.
    if (value.length > 1 && value.charCodeAt(0) === 48) return stripLeadingZeros(value);
    if (value.length === 20 && BigInt(value) > MAX_UINT64) throw new SpanRejection(field, 'exceeds 64 bits');
    return value;
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    // BigInt keeps large values in plain digits where String() would switch to exponent notation.
    return value <= Number.MAX_SAFE_INTEGER ? String(value) : BigInt(value).toString();
  }
  throw new SpanRejection(field, 'expected a decimal string of nanoseconds');
}

function stripLeadingZeros(value: string): string {
  const stripped = value.replace(/^0+/, '');
  return stripped === '' ? '0' : stripped;
}

/** Compares two canonical decimal strings numerically. */
export function compareDecimal(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A span must have started, and cannot end before it starts. */
export function checkSpanTimes(start: string, end: string): void {
  if (start === '0') throw new SpanRejection('startTimeUnixNano', 'required');
  if (end === '0') throw new SpanRejection('endTimeUnixNano', 'required');
  if (compareDecimal(end, start) < 0) throw new SpanRejection('endTimeUnixNano', 'is before startTimeUnixNano');
}
