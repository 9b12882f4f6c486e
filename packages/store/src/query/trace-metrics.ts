// Trace metrics over time for the dashboard, aggregated in SQL on either dialect: at most two queries, no trace loaded.
import { createGuard } from '../evaluation/guard.js';
import { microsToIso } from '../rows/time.js';
import type { SqlExecutor } from '../sql/sql-executor.js';
import {
  MAX_METRICS_GROUPS,
  parseTraceMetricsQuery,
  type TraceMetrics,
  type TraceMetricsPoint,
  type TraceMetricsQuery,
  type TraceMetricsSeries,
} from './trace-metrics-query.js';
import { type KeptGroups, metricsSql, topGroupsSql } from './trace-metrics-sql.js';

/** Postgres answers bigint and numeric as strings, SQLite as numbers. */
type Numeric = number | string;

interface MetricsRow {
  readonly bucket: Numeric;
  readonly is_other: Numeric;
  readonly grp: string | null;
  readonly traces: Numeric;
  readonly errors: Numeric;
  readonly input_tokens: Numeric | null;
  readonly output_tokens: Numeric | null;
  readonly cost_usd: Numeric | null;
  readonly latency_avg: Numeric;
  /** Postgres. */
  readonly p95?: Numeric | null;
  /** SQLite. */
  readonly p_lo?: Numeric | null;
  readonly p_hi?: Numeric | null;
  readonly p_frac?: Numeric | null;
}

function p95Of(row: MetricsRow): number | null {
  if (row.p95 !== undefined) return row.p95 === null ? null : Number(row.p95);
  if (row.p_lo === undefined || row.p_lo === null) return null;
  const low = Number(row.p_lo);
  // No next rank: the position is the last row.
  if (row.p_hi === undefined || row.p_hi === null) return low;
  return low + Number(row.p_frac ?? 0) * (Number(row.p_hi) - low);
}

function toPoint(row: MetricsRow): TraceMetricsPoint {
  return {
    start: microsToIso(Number(row.bucket)),
    traces: Number(row.traces),
    errors: Number(row.errors),
    inputTokens: Number(row.input_tokens ?? 0),
    outputTokens: Number(row.output_tokens ?? 0),
    costUsd: row.cost_usd === null ? null : Number(row.cost_usd),
    latencyAvgMs: Number(row.latency_avg),
    latencyP95Ms: p95Of(row),
  };
}

const seriesKey = (other: boolean, group: string | null) => (other ? 'other' : group === null ? 'null' : `=${group}`);

/**
 * @example
 * const metrics = await queryTraceMetrics(sql, projectId, {
 *   from: '2025-06-01T00:00:00Z', to: '2025-06-08T00:00:00Z', bucket: 'day', groupBy: 'environment',
 * });
 */
export async function queryTraceMetrics(
  sql: SqlExecutor,
  projectId: string,
  query: TraceMetricsQuery,
): Promise<TraceMetrics> {
  const filter = parseTraceMetricsQuery(query);
  return createGuard(sql)('aggregate trace metrics', async () => {
    let kept: KeptGroups = null;
    if (filter.groupBy !== 'none') {
      const top = topGroupsSql(projectId, filter, sql.dialect, MAX_METRICS_GROUPS);
      kept = (await sql.query<{ grp: string | null }>(top.text, top.values)).map((row) => row.grp);
    }
    const statement = metricsSql(projectId, filter, sql.dialect, kept);
    const rows = await sql.query<MetricsRow>(statement.text, statement.values);

    // Series in the order of the top groups (most traces first), `other` last; a group that appeared between the
    // two queries is in `other` already (the IN list decides).
    const series = new Map<string, { group: string | null; other: boolean; points: TraceMetricsPoint[] }>();
    for (const group of kept ?? [null]) series.set(seriesKey(false, group), { group, other: false, points: [] });
    for (const row of rows) {
      const other = Number(row.is_other) === 1;
      const key = seriesKey(other, other ? null : row.grp);
      let entry = series.get(key);
      if (entry === undefined) {
        entry = { group: other ? null : row.grp, other, points: [] };
        series.set(key, entry);
      }
      entry.points.push(toPoint(row));
    }
    const result: TraceMetricsSeries[] = [...series.values()].filter((entry) => entry.points.length > 0);
    return {
      bucket: filter.bucket,
      groupBy: filter.groupBy,
      from: microsToIso(filter.fromMicros),
      to: microsToIso(filter.toMicros),
      series: result,
    };
  });
}
