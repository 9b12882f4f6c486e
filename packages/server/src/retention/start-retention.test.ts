import type { RetentionResult, Store } from '@kaizen/store';
import { describe, expect, it } from 'vitest';
import { retentionCutoff, startRetention } from './start-retention.js';

const NOTHING: RetentionResult = { droppedPartitions: 0, deletedSpans: 0, deletedTraces: 0, deletedScores: 0 };

function fakeStore(deleteTracesBefore: (cutoff: Date) => Promise<RetentionResult>) {
  const calls: string[] = [];
  const store = {
    retention: {
      preparePartitions: async () => {
        calls.push('prepare');
        return 0;
      },
      deleteTracesBefore: async (cutoff: Date) => {
        calls.push(`delete before ${cutoff.toISOString()}`);
        return deleteTracesBefore(cutoff);
      },
    },
  } as unknown as Store;
  return { store, calls };
}

describe('startRetention', () => {
  it('cuts off at midnight UTC, whole days before today', () => {
    expect(retentionCutoff(7, Date.parse('2026-01-10T15:00:00.000Z')).toISOString()).toBe('2026-01-03T00:00:00.000Z');
    expect(retentionCutoff(1, Date.parse('2026-01-10T00:00:00.000Z')).toISOString()).toBe('2026-01-09T00:00:00.000Z');
  });

  it('runs at once, prepares partitions before deleting, logs what it deleted and stops', async () => {
    const { store, calls } = fakeStore(async () => ({ ...NOTHING, deletedTraces: 2, deletedSpans: 9 }));
    const lines: string[] = [];
    const now = () => Date.parse('2026-01-10T15:00:00.000Z');
    const retention = startRetention(store, { retentionDays: 3, logger: (line) => lines.push(line), now });
    await retention.stop();
    expect(calls).toEqual(['prepare', 'delete before 2026-01-07T00:00:00.000Z']);
    expect(lines).toEqual([
      'retention: traces before 2026-01-07T00:00:00.000Z: 2 trace(s), 9 span(s) and 0 score(s) deleted',
    ]);
  });

  it('logs a failed run instead of throwing, and runs again on the interval', async () => {
    let runs = 0;
    const { store } = fakeStore(async () => {
      runs += 1;
      throw new Error('database away');
    });
    const lines: string[] = [];
    const retention = startRetention(store, { retentionDays: 1, logger: (line) => lines.push(line), intervalMs: 5 });
    while (runs < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    await retention.stop();
    expect(lines[0]).toBe('retention failed (retried in the next run): database away');
  });

  it('refuses a retention that is not a positive integer', () => {
    const { store } = fakeStore(async () => NOTHING);
    expect(() => startRetention(store, { retentionDays: 0 })).toThrow(/positive integer/);
    expect(() => startRetention(store, { retentionDays: 1.5 })).toThrow(/positive integer/);
  });
});
