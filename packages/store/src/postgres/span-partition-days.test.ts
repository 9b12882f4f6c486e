import { describe, expect, it } from 'vitest';
import { DAY_MICROS, dayOfMicros, dayOfPartition, partitionName } from './span-partition-days.js';

describe('span partition days', () => {
  it('names a day as migration 7 does and reads the name back', () => {
    const day = dayOfMicros(Date.parse('2025-12-01T23:59:59.999Z') * 1000);
    expect(partitionName(day)).toBe('spans_d20251201');
    expect(dayOfPartition('spans_d20251201')).toBe(day);
    expect(day * DAY_MICROS).toBe(Date.parse('2025-12-01T00:00:00.000Z') * 1000);
  });

  it('ignores tables that are not daily partitions', () => {
    expect(dayOfPartition('spans_default')).toBeNull();
    expect(dayOfPartition('spans_d20251301')).toBeNull();
    expect(dayOfPartition('spans_d2025120')).toBeNull();
  });
});
