// ISO 8601 at the edges, integer microseconds since the epoch in the database.
import { isoToMillis, KaizenError } from '@kaizen/core';

const FRACTION = /\.(\d+)/;

/**
 * Microseconds keep the order and precision of the timestamps while staying a safe JS integer until the year 2255
 * (nanoseconds would overflow 2^53 today). Digits past the millisecond that Date.parse drops are read back here.
 *
 * @example
 * isoToMicros('2025-01-01T00:00:00.123Z'); // 1735689600123000
 */
export function isoToMicros(iso: string, field = 'time'): number {
  const ms = isoToMillis(iso);
  if (Number.isNaN(ms)) throw new KaizenError('invalid_input', `${field} must be an ISO 8601 time, got "${iso}"`);
  // What normalised spans carry (`2025-01-01T00:00:00.123Z`): milliseconds only, nothing to read past them.
  if (iso.length === 24 && iso.charCodeAt(19) === 46 && iso.charCodeAt(23) === 90) return ms * 1000;
  const fraction = FRACTION.exec(iso)?.[1] ?? '';
  const subMillisecond = Number(fraction.slice(3, 6).padEnd(3, '0'));
  return ms * 1000 + subMillisecond;
}

/**
 * Millisecond precision when the value has none finer (the common case, so values round-trip unchanged),
 * microseconds otherwise.
 *
 * @example
 * microsToIso(1735689600123000); // '2025-01-01T00:00:00.123Z'
 */
export function microsToIso(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const iso = new Date(ms).toISOString();
  const rest = micros - ms * 1000;
  return rest === 0 ? iso : `${iso.slice(0, -1)}${String(rest).padStart(3, '0')}Z`;
}
