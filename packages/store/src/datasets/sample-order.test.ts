// Drawing orders: newest first, seeded shuffles, strata in turn, replacement within a stratum, no trace twice.
import { describe, expect, it } from 'vitest';
import { drawRoundRobin, sampleQueues } from './sample-order.js';

const candidates = ['a', 'b', 'c', 'd', 'e', 'f'].map((traceId, index) => ({
  traceId,
  strata: index < 4 ? ['big'] : index === 4 ? ['rare', 'big'] : ['rare'],
}));

describe('sampleQueues', () => {
  it('keeps the order for recent, and shuffles the same way for the same seed', () => {
    expect(sampleQueues(candidates, 'recent', 1)).toEqual([['a', 'b', 'c', 'd', 'e', 'f']]);
    const shuffled = sampleQueues(candidates, 'random', 42);
    expect(sampleQueues(candidates, 'random', 42)).toEqual(shuffled);
    expect([...(shuffled[0] ?? [])].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    const orders = new Set([1, 2, 3, 4, 5].map((seed) => sampleQueues(candidates, 'random', seed)[0]?.join('')));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('makes one queue per stratum, in name order', () => {
    const queues = sampleQueues(candidates, 'stratified-label', 3);
    expect(queues.map((queue) => [...queue].sort())).toEqual([
      ['a', 'b', 'c', 'd', 'e'],
      ['e', 'f'],
    ]);
  });
});

describe('drawRoundRobin', () => {
  it('takes from each queue in turn, replaces an unusable trace from the same queue, and never draws twice', async () => {
    const read = async (traceId: string) => (traceId === 'x' ? null : traceId);
    expect(
      await drawRoundRobin(
        [
          ['x', 'a', 'b'],
          ['c', 'd'],
        ],
        3,
        read,
      ),
    ).toEqual({ items: ['a', 'c', 'b'], skipped: 1 });
    // 'e' is in both queues: drawn once, and the second queue moves on to its next trace.
    expect(
      await drawRoundRobin(
        [
          ['e', 'a'],
          ['e', 'f'],
        ],
        3,
        read,
      ),
    ).toEqual({ items: ['e', 'f', 'a'], skipped: 0 });
    expect(await drawRoundRobin([['a'], []], 5, read)).toEqual({ items: ['a'], skipped: 0 });
  });
});
