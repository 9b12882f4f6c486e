// Co-failure clusters: criteria whose failing items overlap (Jaccard ≥ threshold), so one cause is reported once.
import { type EncodedItems, FAILED } from './encode-items.js';
import type { CoFailureCluster, RcaCriterion } from './rca-types.js';

export interface ClusterOptions {
  /** Pairs at or above this Jaccard index of failing-item sets are linked (default 0.5). */
  readonly minJaccard?: number;
  /** Fewest items failing both criteria of a pair for it to link them. */
  readonly minSupport: number;
}

/**
 * Links criteria pairwise (single linkage) and returns the groups of two or more, largest support first. Counting
 * walks each item's failed criteria, so the cost is items × failures per item², not criteria² × items.
 * @example
 * findCoFailureClusters(encoded, criteria, { minSupport: 20 }); // [{ criteria: ['context', 'json'], jaccard: 0.93, support: 140 }]
 */
export function findCoFailureClusters(
  encoded: EncodedItems,
  criteria: readonly RcaCriterion[],
  options: ClusterOptions,
): CoFailureCluster[] {
  const minJaccard = options.minJaccard ?? 0.5;
  const { itemCount, statuses } = encoded;
  const count = criteria.length;
  const failures = new Float64Array(count);
  const both = new Float64Array(count * count);
  const failed: number[] = [];
  for (let item = 0; item < itemCount; item += 1) {
    failed.length = 0;
    for (let criterion = 0; criterion < count; criterion += 1) {
      if (statuses[criterion * itemCount + item] === FAILED) failed.push(criterion);
    }
    for (let first = 0; first < failed.length; first += 1) {
      const left = failed[first] as number;
      failures[left] = (failures[left] ?? 0) + 1;
      for (let second = first + 1; second < failed.length; second += 1) {
        const index = left * count + (failed[second] as number);
        both[index] = (both[index] ?? 0) + 1;
      }
    }
  }
  const jaccard = (left: number, right: number): number => {
    const [low, high] = left < right ? [left, right] : [right, left];
    const shared = both[low * count + high] ?? 0;
    const union = (failures[low] ?? 0) + (failures[high] ?? 0) - shared;
    return union === 0 ? 0 : shared / union;
  };
  const parent = Array.from({ length: count }, (_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) current = parent[current] as number;
    return current;
  };
  for (let left = 0; left < count; left += 1) {
    for (let right = left + 1; right < count; right += 1) {
      if ((both[left * count + right] ?? 0) >= options.minSupport && jaccard(left, right) >= minJaccard) {
        parent[root(right)] = root(left);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let index = 0; index < count; index += 1) {
    const group = groups.get(root(index)) ?? [];
    group.push(index);
    groups.set(root(index), group);
  }
  const clusters: CoFailureCluster[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    let minimum = 1;
    for (const left of members)
      for (const right of members) if (left < right) minimum = Math.min(minimum, jaccard(left, right));
    let support = 0;
    for (let item = 0; item < itemCount; item += 1) {
      if (members.every((criterion) => statuses[criterion * itemCount + item] === FAILED)) support += 1;
    }
    const ids = members.map((member) => (criteria[member] as RcaCriterion).id).sort();
    clusters.push({ criteria: ids, jaccard: minimum, support });
  }
  return clusters.sort((left, right) => right.support - left.support);
}
