// How a trace view's candidates are drawn into a dataset: newest first, seeded random, or stratified.
import { seededRandom } from '@kaizen/core';

export const SAMPLE_STRATEGIES = ['random', 'recent', 'stratified-label', 'stratified-criterion'] as const;
export type SampleStrategy = (typeof SAMPLE_STRATEGIES)[number];

export interface SampleCandidate {
  readonly traceId: string;
  /** The strata the trace belongs to (its label, or each criterion it failed); unused by random and recent. */
  readonly strata: readonly string[];
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    const held = copy[index] as T;
    copy[index] = copy[other] as T;
    copy[other] = held;
  }
  return copy;
}

/**
 * The queues to draw from, round-robin (see drawRoundRobin). `candidates` come newest first.
 * - `recent`: one queue, as given. - `random`: one queue, a seeded shuffle.
 * - stratified: one queue per stratum (in name order), each shuffled with the seed, so every stratum is represented
 *   equally until it runs out and small strata (rare failure modes) are not drowned by big ones.
 *
 * @example
 * sampleQueues([{ traceId: 'a', strata: ['fail'] }, { traceId: 'b', strata: ['pass'] }], 'stratified-label', 7);
 * // [['a'], ['b']]
 */
export function sampleQueues(
  candidates: readonly SampleCandidate[],
  strategy: SampleStrategy,
  seed: number,
): string[][] {
  const random = seededRandom(seed);
  if (strategy === 'recent') return [candidates.map((candidate) => candidate.traceId)];
  if (strategy === 'random') return [shuffled(candidates, random).map((candidate) => candidate.traceId)];
  const strata = new Map<string, string[]>();
  for (const candidate of candidates) {
    for (const stratum of new Set(candidate.strata)) {
      const members = strata.get(stratum) ?? [];
      members.push(candidate.traceId);
      strata.set(stratum, members);
    }
  }
  return [...strata.keys()].sort().map((name) => shuffled(strata.get(name) ?? [], random));
}

/**
 * Takes `size` items from the queues in turn. A queue's turn goes on until it yields an item: a trace that gives
 * none (`read` answers null) is replaced by the next of the same queue, and a trace already drawn through another
 * queue (a trace failing several criteria) is passed over.
 *
 * @example
 * await drawRoundRobin([['a', 'b'], ['c']], 2, async (id) => (id === 'a' ? null : id)); // { items: ['b', 'c'], skipped: 1 }
 */
export async function drawRoundRobin<T>(
  queues: readonly (readonly string[])[],
  size: number,
  read: (traceId: string) => Promise<T | null>,
): Promise<{ items: T[]; skipped: number }> {
  const items: T[] = [];
  const drawn = new Set<string>();
  const positions = queues.map(() => 0);
  let skipped = 0;
  for (let drawing = true; drawing && items.length < size; ) {
    drawing = false;
    for (const [index, queue] of queues.entries()) {
      if (items.length >= size) break;
      let position = positions[index] ?? 0;
      while (position < queue.length) {
        const traceId = queue[position++] as string;
        if (drawn.has(traceId)) continue;
        drawn.add(traceId);
        drawing = true;
        const item = await read(traceId);
        if (item === null) {
          skipped++;
          continue;
        }
        items.push(item);
        break;
      }
      positions[index] = position;
    }
  }
  return { items, skipped };
}
