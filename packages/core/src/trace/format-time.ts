// Converts OTLP nanosecond timestamps (decimal strings) to ISO times and an exact duration.

/** A timestamp split where a double stays exact: whole milliseconds since the epoch, and the nanoseconds past them. */
interface Nanos {
  readonly ms: number;
  readonly subMs: number;
}

/** The largest instant a JavaScript Date can hold, in milliseconds. */
const MAX_MS = 8_640_000_000_000_000;
const EPOCH: Nanos = { ms: 0, subMs: 0 };

/**
 * Nanoseconds from a decimal string of 1 to 30 digits, or undefined for garbage, zero (OTLP's "unset") and
 * out-of-range values. No BigInt: the millisecond part of an in-range value has at most 16 digits, and a double is
 * exact up to 2^53 > MAX_MS, so anything it rounds is out of range either way.
 */
function parseNanos(value: string): Nanos | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 30) return undefined;
  const cut = value.length - 6;
  let ms = 0;
  let subMs = 0;
  for (let index = 0; index < value.length; index += 1) {
    const digit = value.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return undefined;
    if (index < cut) ms = ms * 10 + digit;
    else subMs = subMs * 10 + digit;
  }
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
  const millis = rest - seconds * 1000;
  // One flat string from its character codes: a template literal builds a rope that every later reader (isoToMillis
  // in summaries and the store, JSON) must flatten first, which cost more than the formatting itself.
  return String.fromCharCode(
    48 + Math.floor(year / 1000),
    48 + (Math.floor(year / 100) % 10),
    48 + (Math.floor(year / 10) % 10),
    48 + (year % 10),
    45,
    48 + Math.floor(month / 10),
    48 + (month % 10),
    45,
    48 + Math.floor(day / 10),
    48 + (day % 10),
    84,
    48 + Math.floor(hours / 10),
    48 + (hours % 10),
    58,
    48 + Math.floor(minutes / 10),
    48 + (minutes % 10),
    58,
    48 + Math.floor(seconds / 10),
    48 + (seconds % 10),
    46,
    48 + Math.floor(millis / 100),
    48 + (Math.floor(millis / 10) % 10),
    48 + (millis % 10),
    90,
  );
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

/** The decimal number in `text` from `start` for `length` digits, or -1 if any is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let index = start; index < start + length; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Parses `YYYY-MM-DDTHH:MM:SS.mmmZ` (what isoOfMillis writes) as epoch ms; undefined for any other shape. */
function parseCanonicalIso(iso: string): number | undefined {
  // - - T : : . Z
  if (
    iso.length !== 24 ||
    iso.charCodeAt(4) !== 45 ||
    iso.charCodeAt(7) !== 45 ||
    iso.charCodeAt(10) !== 84 ||
    iso.charCodeAt(13) !== 58 ||
    iso.charCodeAt(16) !== 58 ||
    iso.charCodeAt(19) !== 46 ||
    iso.charCodeAt(23) !== 90
  ) {
    return undefined;
  }
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 2);
  const day = digitsAt(iso, 8, 2);
  const hours = digitsAt(iso, 11, 2);
  const minutes = digitsAt(iso, 14, 2);
  const seconds = digitsAt(iso, 17, 2);
  const millis = digitsAt(iso, 20, 3);
  // Days past the 28th need the month's length: those few go to Date.parse, which knows it.
  if (year < 0 || millis < 0 || month < 1 || month > 12 || day < 1 || day > 28) return undefined;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) return undefined;
  // Days from civil date (H. Hinnant), the inverse of isoOfMillis.
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146_097 + dayOfEra - 719_468;
  return days * 86_400_000 + hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + millis;
}

/**
 * `Date.parse(iso)`, with the ISO times normalised spans carry (`2025-01-01T00:00:00.123Z`) read by integer
 * arithmetic, twice as fast; anything else goes to Date.parse.
 *
 * @example
 * isoToMillis('2023-11-14T22:13:20.123Z'); // 1700000000123
 */
export function isoToMillis(iso: string): number {
  return parseCanonicalIso(iso) ?? Date.parse(iso);
}
