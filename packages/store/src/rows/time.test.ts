// Unit tests: ISO times to microseconds and back.
import { describe, expect, it } from 'vitest';
import { isoToMicros, microsToIso } from './time.js';

describe('isoToMicros / microsToIso', () => {
  it('round-trips millisecond and microsecond ISO times unchanged', () => {
    for (const iso of ['2025-03-01T12:00:00.000Z', '2025-03-01T12:00:00.123Z', '2025-03-01T12:00:00.123456Z']) {
      expect(microsToIso(isoToMicros(iso))).toBe(iso);
    }
  });

  it('reads offsets and truncates digits past the microsecond', () => {
    expect(isoToMicros('2025-03-01T13:00:00.5+01:00')).toBe(isoToMicros('2025-03-01T12:00:00.500Z'));
    expect(isoToMicros('2025-03-01T12:00:00.123456789Z')).toBe(Date.parse('2025-03-01T12:00:00.123Z') * 1000 + 456);
  });

  it('handles times before the epoch', () => {
    expect(microsToIso(isoToMicros('1969-12-31T23:59:59.999500Z'))).toBe('1969-12-31T23:59:59.999500Z');
  });

  it('rejects what is not a time with invalid_input naming the field', () => {
    expect(() => isoToMicros('soon', 'startTime')).toThrow(/startTime must be an ISO 8601 time/);
  });
});
