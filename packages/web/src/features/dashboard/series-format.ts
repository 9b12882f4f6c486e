// Naming and formatting of the dashboard's series: group labels, time axes, and the filter a group stands for.
import type { ChartPoint } from '../../components/chart';
import type { TraceMetricsSeries } from './dashboard-api-types';
import type { Bucket, GroupBy } from './dashboard-controls';

/** Series drawn at most per chart (the chart's palette has 8 colours); the server sends the busiest first. */
export const MAX_GROUPS = 8;

export const BUCKET_MS: Readonly<Record<Bucket, number>> = { hour: 3_600_000, day: 86_400_000 };

/** A metrics group of `groupBy=promptVersion` (`name@version`) as its prompt and version; null without a version. */
export function splitPromptVersion(group: string): { promptName: string; promptVersion: string } | null {
  const at = group.lastIndexOf('@');
  if (at <= 0 || at === group.length - 1) return null;
  return { promptName: group.slice(0, at), promptVersion: group.slice(at + 1) };
}

/** The legend's name of a series. */
export function groupLabel(groupBy: GroupBy, series: Pick<TraceMetricsSeries, 'group' | 'other'>): string {
  if (series.other) return 'other';
  if (groupBy === 'none') return 'all traces';
  if (series.group === null || series.group === '') return '(none)';
  if (groupBy === 'promptVersion') {
    const split = splitPromptVersion(series.group);
    return split === null ? series.group : `${split.promptName} v${split.promptVersion}`;
  }
  return series.group;
}

/**
 * The score view's filter that selects one metrics series, so score and metrics charts line up; null when no
 * filter selects exactly it (traces without the field, a prompt without a version, the `other` series).
 * @example
 * groupFilter('model', { group: 'gpt-4o', other: false }); // { model: 'gpt-4o' }
 * groupFilter('promptVersion', { group: 'extractor@3', other: false }); // { promptName: 'extractor', promptVersion: '3' }
 */
export function groupFilter(
  groupBy: GroupBy,
  series: Pick<TraceMetricsSeries, 'group' | 'other'>,
): Readonly<Record<string, string>> | null {
  if (groupBy === 'none') return {};
  if (series.other || series.group === null || series.group === '') return null;
  if (groupBy === 'promptVersion') return splitPromptVersion(series.group);
  return { [groupBy]: series.group };
}

/** Every bucket start of the window (UTC-aligned, as the server buckets), oldest first. */
export function bucketStarts(from: string, to: string, bucket: Bucket): number[] {
  const width = BUCKET_MS[bucket];
  const starts: number[] = [];
  for (let start = Math.floor(Date.parse(from) / width) * width; start < Date.parse(to); start += width) {
    starts.push(start);
  }
  return starts;
}

/** The points at every bucket start; a bucket without one gets `empty` (0 for counts, null for no value). */
export function padBuckets(measured: readonly ChartPoint[], starts: readonly number[], empty: 0 | null): ChartPoint[] {
  if (measured.length === 0) return [];
  const byStart = new Map(measured.map((point) => [point.x, point]));
  const padded = starts.map((x) => byStart.get(x) ?? { x, y: empty });
  // A point off the grid (a window that moved since the answer) is kept rather than dropped.
  const grid = new Set(starts);
  return [...padded, ...measured.filter((point) => !grid.has(point.x))].sort((a, b) => a.x - b.x);
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
  if (abs >= 1e3) return `${(value / 1e3).toFixed(1)}k`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function milliseconds(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)}s` : `${Math.round(value)}ms`;
}
