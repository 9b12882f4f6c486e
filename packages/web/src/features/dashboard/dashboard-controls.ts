// The dashboard's controls as the URL holds them (range, bucket, grouping, filters), with their defaults.

export const RANGES = ['24h', '7d', '30d'] as const;
export type RangePreset = (typeof RANGES)[number];

export const BUCKETS = ['hour', 'day'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const GROUP_BYS = ['none', 'promptVersion', 'environment', 'model'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export const GROUP_BY_LABELS: Readonly<Record<GroupBy, string>> = {
  none: 'Nothing',
  promptVersion: 'Prompt version',
  environment: 'Environment',
  model: 'Model',
};

const RANGE_MS: Readonly<Record<RangePreset, number>> = {
  '24h': 24 * 3_600_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};

export interface DashboardControls {
  readonly range: RangePreset;
  readonly bucket: Bucket;
  readonly groupBy: GroupBy;
  readonly environment: string | null;
  readonly promptName: string | null;
  /** Null: the project's first evaluator. */
  readonly evaluator: string | null;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function text(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value;
}

/**
 * Unknown values fall back to the defaults, so a hand-edited URL still shows a page.
 * @example
 * readControls(new URLSearchParams('range=24h')); // { range: '24h', bucket: 'hour', groupBy: 'none', … }
 */
export function readControls(query: URLSearchParams): DashboardControls {
  const range = oneOf(RANGES, query.get('range'), '7d');
  return {
    range,
    // An hour bucket over 30 days is 720 points per series: day unless asked.
    bucket: oneOf(BUCKETS, query.get('bucket'), range === '24h' ? 'hour' : 'day'),
    groupBy: oneOf(GROUP_BYS, query.get('groupBy'), 'none'),
    environment: text(query.get('environment')),
    promptName: text(query.get('prompt')),
    evaluator: text(query.get('evaluator')),
  };
}

export interface TimeWindow {
  /** ISO 8601, inclusive. */
  readonly from: string;
  /** ISO 8601, exclusive. */
  readonly to: string;
}

/** The range ending at the end of the current hour, so the hour in progress is in it and the URL's data is stable. */
export function timeWindow(range: RangePreset, nowMs: number): TimeWindow {
  const to = Math.ceil((nowMs + 1) / 3_600_000) * 3_600_000;
  return { from: new Date(to - RANGE_MS[range]).toISOString(), to: new Date(to).toISOString() };
}
