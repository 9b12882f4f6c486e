import { describe, expect, it } from 'vitest';
import { isoOfMillis, isoToMillis, nanosToIso, spanTimes } from './format-time.js';

describe('spanTimes', () => {
  it('keeps nanosecond precision in the duration beyond what a double of the timestamps could', () => {
    // 1 ns apart: as doubles both timestamps round to the same value.
    expect(spanTimes('1700000000000000001', '1700000000000000002').durationMs).toBe(0.000001);
    expect(spanTimes('1700000000000000000', '1700003600000000000').durationMs).toBe(3_600_000);
  });

  it('truncates ISO times to the millisecond', () => {
    expect(spanTimes('1700000000999999999', '1700000001000000000')).toEqual({
      startTime: '2023-11-14T22:13:20.999Z',
      endTime: '2023-11-14T22:13:21.000Z',
      durationMs: 0.000001,
    });
  });

  it('lets a missing time borrow the other, and uses the epoch when both are missing', () => {
    expect(spanTimes('0', '1700000000000000000').startTime).toBe('2023-11-14T22:13:20.000Z');
    expect(spanTimes('', 'x')).toEqual({
      startTime: '1970-01-01T00:00:00.000Z',
      endTime: '1970-01-01T00:00:00.000Z',
      durationMs: 0,
    });
  });
});

describe('nanosToIso', () => {
  it('formats and never throws', () => {
    expect(nanosToIso('1700000000123456789')).toBe('2023-11-14T22:13:20.123Z');
    expect(nanosToIso('1e18')).toBe('1970-01-01T00:00:00.000Z');
    expect(nanosToIso('9'.repeat(25))).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('isoOfMillis', () => {
  it('formats exactly as Date.prototype.toISOString', () => {
    const samples = [0, 1, 999, 951_782_400_000, 951_868_799_999, 1_709_251_199_999, 253_402_300_799_999];
    for (let index = 0; index < 20_000; index += 1) samples.push(Math.floor(Math.random() * 253_402_300_800_000));
    for (const ms of samples) expect(isoOfMillis(ms)).toBe(new Date(ms).toISOString());
  });

  it('hands instants outside years 0000-9999 to Date', () => {
    expect(isoOfMillis(-1)).toBe('1969-12-31T23:59:59.999Z');
    expect(isoOfMillis(253_402_300_800_000)).toBe('+010000-01-01T00:00:00.000Z');
  });
});

describe('isoToMillis', () => {
  it('reads ISO times exactly as Date.parse, the canonical form by arithmetic and the rest by Date.parse', () => {
    const samples = ['2024-02-29T12:00:00.000Z', '2025-02-30T00:00:00.000Z', '2025-13-01T00:00:00.000Z'];
    samples.push('2025-01-01T24:00:00.000Z', '2025-01-01T00:00:00.00aZ', '2025-01-01T01:00:00.5+01:00', 'soon', '');
    for (let index = 0; index < 20_000; index += 1) {
      samples.push(new Date(Math.floor(Math.random() * 253_402_300_800_000)).toISOString());
    }
    for (const iso of samples) expect(isoToMillis(iso)).toBe(Date.parse(iso));
  });
});
