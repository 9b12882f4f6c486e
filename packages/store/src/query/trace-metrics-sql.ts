// The SQL of the trace metrics, over the `traces` summaries only, per dialect; every value is bound.
import type { SqlParameter } from '../sql/sql-executor.js';
import { METRICS_BUCKET_MICROS, type TraceMetricsFilter } from './trace-metrics-query.js';

type Dialect = 'sqlite' | 'postgres';

export interface MetricsSql {
  readonly text: string;
  readonly values: SqlParameter[];
}

/** Where each trace's group comes from: a column, or (model) one row per model the trace used. */
interface GroupSource {
  readonly expression: string;
  readonly join: string;
}

function groupSource(filter: TraceMetricsFilter, dialect: Dialect): GroupSource {
  switch (filter.groupBy) {
    case 'none':
      return { expression: 'NULL', join: '' };
    case 'environment':
      return { expression: 't.environment', join: '' };
    case 'promptVersion':
      return {
        expression:
          "CASE WHEN t.prompt_name IS NULL THEN NULL WHEN t.prompt_version IS NULL THEN t.prompt_name ELSE t.prompt_name || '@' || t.prompt_version END",
        join: '',
      };
    case 'model':
      // A trace counts once in each model it used (the series of model X is the view filtered on model X); a
      // trace without any model gets one row with a null group. `models` is a JSON array of names.
      return {
        expression: 'm.value',
        join:
          dialect === 'sqlite'
            ? 'LEFT JOIN json_each(t.models) AS m ON true'
            : 'LEFT JOIN LATERAL jsonb_array_elements_text(t.models::jsonb) AS m(value) ON true',
      };
  }
}

/** The traces of the view: the project, the range (served by traces_by_start), the filters. */
function viewWhere(projectId: string, filter: TraceMetricsFilter, dialect: Dialect): MetricsSql {
  const values: SqlParameter[] = [projectId, filter.fromMicros, filter.toMicros];
  const where = ['t.project_id = ?', 't.start_time >= ?', 't.start_time < ?'];
  if (filter.environment !== null) {
    where.push('t.environment = ?');
    values.push(filter.environment);
  }
  if (filter.promptName !== null) {
    where.push('t.prompt_name = ?');
    values.push(filter.promptName);
  }
  if (filter.model !== null) {
    // The summary's model list holds every span's model: the same traces as the trace list's "any span" filter,
    // without a probe into spans per trace.
    where.push(
      dialect === 'sqlite'
        ? 'EXISTS (SELECT 1 FROM json_each(t.models) AS x WHERE x.value = ?)'
        : 't.models::jsonb @> jsonb_build_array(?::text)',
    );
    values.push(filter.model);
  }
  return { text: where.join(' AND '), values };
}

/**
 * The groups with the most traces over the whole range, at most `limit`: which series to keep when there are more.
 *
 * @example
 * const sql = topGroupsSql(projectId, filter, 'sqlite', 21); // rows { grp, n }
 */
export function topGroupsSql(
  projectId: string,
  filter: TraceMetricsFilter,
  dialect: Dialect,
  limit: number,
): MetricsSql {
  const source = groupSource(filter, dialect);
  const view = viewWhere(projectId, filter, dialect);
  // Ties broken by value, NULL last, in byte order on both dialects (Postgres would use the database's locale).
  const byValue = dialect === 'postgres' ? 'grp COLLATE "C"' : 'grp';
  return {
    text:
      `SELECT grp, n FROM (SELECT ${source.expression} AS grp, COUNT(*) AS n FROM traces t ${source.join} ` +
      `WHERE ${view.text} GROUP BY ${source.expression}) g ` +
      `ORDER BY n DESC, CASE WHEN grp IS NULL THEN 1 ELSE 0 END, ${byValue} LIMIT ${Math.trunc(limit)}`,
    values: view.values,
  };
}

/** Which groups keep their own series; every other one goes to `other`. Null for `groupBy: 'none'`. */
export type KeptGroups = readonly (string | null)[] | null;

/**
 * One row per (bucket, series) with traces: `bucket` (µs), `is_other`, `grp`, the sums and means, and the p95 —
 * `p95` on Postgres (percentile_cont), `p_lo`/`p_hi`/`p_frac` on SQLite (the two ranked durations around the 95th
 * percentile position and the weight between them, from a window function).
 */
export function metricsSql(
  projectId: string,
  filter: TraceMetricsFilter,
  dialect: Dialect,
  kept: KeptGroups,
): MetricsSql {
  const width = METRICS_BUCKET_MICROS[filter.bucket];
  const source = groupSource(filter, dialect);
  const keptValues: SqlParameter[] = [];
  let isOther = '0';
  if (kept !== null) {
    const named = kept.filter((group): group is string => group !== null);
    const tests: string[] = [];
    if (named.length > 0) tests.push(`${source.expression} IN (${named.map(() => '?').join(', ')})`);
    if (named.length < kept.length) tests.push(`${source.expression} IS NULL`);
    isOther = tests.length === 0 ? '1' : `CASE WHEN ${tests.join(' OR ')} THEN 0 ELSE 1 END`;
    keptValues.push(...named);
  }
  const view = viewWhere(projectId, filter, dialect);
  // The group's value only where it keeps its own series: `other` rows all share a null one.
  const base =
    `SELECT (t.start_time / ${width}) * ${width} AS bucket, ${isOther} AS is_other, ` +
    `CASE WHEN ${isOther} = 0 THEN ${source.expression} END AS grp, ` +
    `t.status, t.input_tokens, t.output_tokens, t.cost_usd, t.duration_ms ` +
    `FROM traces t ${source.join} WHERE ${view.text}`;
  // The expression appears twice in `base` (is_other, grp): its values are bound twice, before the view's.
  const values = [...keptValues, ...keptValues, ...view.values];
  const sums =
    "COUNT(*) AS traces, SUM(CASE WHEN status = 'error' THEN 1 ELSE 0 END) AS errors, " +
    'SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens, SUM(cost_usd) AS cost_usd, ' +
    'AVG(duration_ms) AS latency_avg';
  const grouping = 'GROUP BY bucket, is_other, grp ORDER BY bucket';
  if (dialect === 'postgres') {
    return {
      text: `SELECT bucket, is_other, grp, ${sums}, percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95 FROM (${base}) b ${grouping}`,
      values,
    };
  }
  // percentile_cont by hand: position 0.95 × (n − 1) = 19 × (n − 1) / 20, in integers so no rounding moves it.
  const ranked =
    'SELECT b.*, ROW_NUMBER() OVER (PARTITION BY bucket, is_other, grp ORDER BY duration_ms) - 1 AS rn, ' +
    `COUNT(*) OVER (PARTITION BY bucket, is_other, grp) AS n FROM (${base}) b`;
  const positioned = `SELECT r.*, (19 * (r.n - 1)) / 20 AS lo, ((19 * (r.n - 1)) % 20) / 20.0 AS frac FROM (${ranked}) r`;
  return {
    text:
      `SELECT bucket, is_other, grp, ${sums}, MAX(CASE WHEN rn = lo THEN duration_ms END) AS p_lo, ` +
      `MAX(CASE WHEN rn = lo + 1 THEN duration_ms END) AS p_hi, MAX(frac) AS p_frac FROM (${positioned}) q ${grouping}`,
    values,
  };
}
