// Converts OTLP nanosecond timestamps (decimal strings) to ISO times and an exact duration.

/** A timestamp split where a double stays exact: whole milliseconds since the epoch, and the nanoseconds past them. */
interface Nanos {
  readonly ms: number;
  readonly subMs: number;
}

/** The largest instant a JavaScript Date can hold, in milliseconds. */
const MAX_MS = 8_640_000_000_000_000;
const DIGITS = /^\d{1,30}$/;
const EPOCH: Nanos = { ms: 0, subMs: 0 };

/**
 * Nanoseconds from a decimal string, or undefined for garbage, zero (OTLP's "unset") and out-of-range values. No
 * BigInt: the millisecond part of an in-range value has at most 16 digits, and a double is exact up to 2^53 > MAX_MS,
 * so anything it rounds is out of range either way.
 */
function parseNanos(value: string): Nanos | undefined {
  if (typeof value !== 'string' || !DIGITS.test(value)) return undefined;
  const cut = value.length - 6;
  const ms = cut > 0 ? Number(value.slice(0, cut)) : 0;
  const subMs = cut > 0 ? Number(value.slice(cut)) : Number(value);
  if (ms > MAX_MS || (ms === MAX_MS && subMs > 0) || (ms === 0 && subMs === 0)) return undefined;
  return { ms, subMs };
}

function compare(a: Nanos, b: Nanos): number {
  return a.ms !== b.ms ? a.ms - b.ms : a.subMs - b.subMs;
}

/** end − start in nanoseconds, as a double: exact below 2^53 ns (~104 days), rounded once beyond. */
function nanosBetween(start: Nanos, end: Nanos): number {
  const ms = end.ms - start.ms;
  if (ms < 9_000_000_000) return ms * 1e6 + (end.subMs - start.subMs);
  return Number(BigInt(ms) * 1_000_000n + BigInt(end.subMs - start.subMs));
}

function toIso(nanos: Nanos): string {
  return isoOfMillis(nanos.ms);
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'));
const pad2 = (value: number): string => TWO_DIGITS[value] ?? String(value);
const pad3 = (value: number): string => (value >= 100 ? String(value) : `0${pad2(value)}`);

/** Years 0000 to 9999 (toISOString's four-digit form); other instants go to Date. */
const FOUR_DIGIT_YEARS_END_MS = 253_402_300_800_000;

/**
 * `new Date(ms).toISOString()`, computed with integer arithmetic (days to civil date, H. Hinnant's algorithm): a
 * third of the cost, and every span needs two.
 *
 * @example
 * isoOfMillis(1_700_000_000_123); // '2023-11-14T22:13:20.123Z'
 */
export function isoOfMillis(ms: number): string {
  if (!(ms >= 0 && ms < FOUR_DIGIT_YEARS_END_MS) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const yearText = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  return `${yearText}-${pad2(month)}-${pad2(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${pad3(rest - seconds * 1000)}Z`;
}

/**
 * One OTLP timestamp as ISO 8601 (ms, UTC); the Unix epoch when it is missing, malformed or out of range.
 *
 * @example
 * nanosToIso('1700000000123456789'); // '2023-11-14T22:13:20.123Z'
 */
export function nanosToIso(timeUnixNano: string): string {
  return toIso(parseNanos(timeUnixNano) ?? EPOCH);
}

export interface SpanTimes {
  /** ISO 8601, millisecond precision, UTC. */
  readonly startTime: string;
  readonly endTime: string;
  /** end − start from the nanosecond values, so sub-millisecond precision survives; never negative. */
  readonly durationMs: number;
}

/**
 * Span times from OTLP `startTimeUnixNano`/`endTimeUnixNano`. Never throws: a missing (zero), malformed or
 * out-of-range timestamp borrows the other one (a zero-length span), an end before the start is moved to the start,
 * and when neither is usable both are the Unix epoch (1970-01-01T00:00:00.000Z) — visible, and sorted first, rather
 * than dropped.
 *
 * @example
 * spanTimes('1700000000123456789', '1700000000125956789');
 * // { startTime: '2023-11-14T22:13:20.123Z', endTime: '2023-11-14T22:13:20.125Z', durationMs: 2.5 }
 */
export function spanTimes(startTimeUnixNano: string, endTimeUnixNano: string): SpanTimes {
  const parsedStart = parseNanos(startTimeUnixNano);
  const parsedEnd = parseNanos(endTimeUnixNano);
  const start = parsedStart ?? parsedEnd ?? EPOCH;
  let end = parsedEnd ?? start;
  if (compare(end, start) < 0) end = start;
  return { startTime: toIso(start), endTime: toIso(end), durationMs: nanosBetween(start, end) / 1e6 };
}
