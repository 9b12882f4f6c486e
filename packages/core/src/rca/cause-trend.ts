// A cause's failure rate per UTC day and per prompt version, so a regression shows up tied to its release.
import { FAILED, PASSED } from './encode-items.js';
import type { CauseTrend, RcaItem } from './rca-types.js';

function compareNatural(left: string, right: string): number {
  return left.localeCompare(right, 'en', { numeric: true });
}

/**
 * @example
 * causeTrend(items, statuses); // { byDay: [{ day: '2025-01-02', failureRate: 0.2, n: 40 }], byPromptVersion: [...] }
 */
export function causeTrend(items: readonly RcaItem[], causeStatuses: Int8Array): CauseTrend {
  const byDay = new Map<string, { failed: number; n: number }>();
  const byVersion = new Map<string, { failed: number; n: number }>();
  const add = (map: Map<string, { failed: number; n: number }>, key: string, failed: boolean): void => {
    const entry = map.get(key) ?? { failed: 0, n: 0 };
    entry.n += 1;
    if (failed) entry.failed += 1;
    map.set(key, entry);
  };
  items.forEach((item, index) => {
    const status = causeStatuses[index];
    if (status !== FAILED && status !== PASSED) return;
    add(byDay, item.startTime.slice(0, 10), status === FAILED);
    const version = item.features.promptVersion;
    if (version !== undefined) add(byVersion, version, status === FAILED);
  });
  return {
    byDay: [...byDay.entries()]
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
      .map(([day, { failed, n }]) => ({ day, failureRate: failed / n, n })),
    byPromptVersion: [...byVersion.entries()]
      .sort(([left], [right]) => compareNatural(left, right))
      .map(([version, { failed, n }]) => ({ version, failureRate: failed / n, n })),
  };
}
