// Naming and formatting of the dashboard's series: group labels, time axes, and the filter a group stands for.
import type { Bucket, GroupBy } from './dashboard-controls';

/** Series drawn at most per chart (the chart's palette has 8 colours); the busiest groups first. */
export const MAX_GROUPS = 8;

/** The legend's name of a group. */
export function groupLabel(groupBy: GroupBy, group: string | null): string {
  if (groupBy === 'none') return 'all traces';
  if (group === null || group === '') return '(none)';
  return groupBy === 'promptVersion' ? `v${group}` : group;
}

/**
 * The score view's filter that selects one group of the metrics series, so score and metrics charts line up;
 * null when the group cannot be selected (traces without the field).
 * @example
 * groupFilter('model', 'gpt-4o'); // { model: 'gpt-4o' }
 */
export function groupFilter(groupBy: GroupBy, group: string | null): Readonly<Record<string, string>> | null {
  if (groupBy === 'none') return {};
  if (group === null || group === '') return null;
  return { [groupBy]: group };
}

/** The x axis: hours as "MM-DD HH:00", days as "MM-DD" (UTC, as the buckets are). */
export function bucketFormat(bucket: Bucket): (x: number) => string {
  return (x) => {
    const iso = new Date(x).toISOString();
    return bucket === 'hour' ? `${iso.slice(5, 10)} ${iso.slice(11, 13)}:00` : iso.slice(5, 10);
  };
}

/** 1234567 → "1.23M"; small numbers as they are. */
export function compact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${(value / 1e9).toFixed(2)}B`;
  if (abs >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (abs >= 1e4) return `${(value / 1e3).toFixed(1)}k`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function milliseconds(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)}s` : `${Math.round(value)}ms`;
}
