// Converts OTLP nanosecond timestamps (decimal strings) to ISO times and an exact duration.

/** The largest instant a JavaScript Date can hold, in nanoseconds (8.64e15 ms). */
const MAX_NANOS = 8_640_000_000_000_000n * 1_000_000n;

/** Nanoseconds from a decimal string, or undefined for garbage, zero (OTLP's "unset") and out-of-range values. */
function parseNanos(value: string): bigint | undefined {
  if (typeof value !== 'string' || !/^\d{1,30}$/.test(value)) return undefined;
  const nanos = BigInt(value);
  return nanos > 0n && nanos <= MAX_NANOS ? nanos : undefined;
}

function toIso(nanos: bigint): string {
  return new Date(Number(nanos / 1_000_000n)).toISOString();
}

/**
 * One OTLP timestamp as ISO 8601 (ms, UTC); the Unix epoch when it is missing, malformed or out of range.
 *
 * @example
 * nanosToIso('1700000000123456789'); // '2023-11-14T22:13:20.123Z'
 */
export function nanosToIso(timeUnixNano: string): string {
  return toIso(parseNanos(timeUnixNano) ?? 0n);
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
  const start = parsedStart ?? parsedEnd ?? 0n;
  let end = parsedEnd ?? start;
  if (end < start) end = start;
  // The difference fits a double exactly for any span shorter than ~104 days.
  return { startTime: toIso(start), endTime: toIso(end), durationMs: Number(end - start) / 1e6 };
}
