// The WHERE clause of score aggregates: one evaluator's scores joined on the traces of a view, every value bound.
import { isoToMicros } from '../rows/time.js';
import type { SqlParameter } from '../sql/sql-executor.js';
import type { ScoreBucket, ScoreView } from './score-store.js';

export interface ViewSql {
  /** Conditions on `s` (trace_scores) and `t` (traces), joined as `SCORES_JOIN_TRACES` does. */
  readonly where: string;
  readonly values: SqlParameter[];
}

/** What every score aggregate reads from: scores of a trace beside its summary. */
export const SCORES_JOIN_TRACES =
  'trace_scores s JOIN traces t ON t.project_id = s.project_id AND t.trace_id = s.trace_id';

/** Bucket widths in µs. Written into the SQL as literals (a fixed set): bound numbers are REAL in SQLite. */
export const BUCKET_MICROS: Readonly<Record<ScoreBucket, number>> = {
  hour: 3_600_000_000,
  day: 86_400_000_000,
};

/** The spans of the row's trace, for "any span of the trace" filters, as the trace list has them. */
const SPAN_OF_TRACE = 'SELECT 1 FROM spans sp WHERE sp.project_id = t.project_id AND sp.trace_id = t.trace_id';

/** Without a pinned version, a trace counts once: with its newest version's score. */
const NEWEST_VERSION =
  'NOT EXISTS (SELECT 1 FROM trace_scores n WHERE n.project_id = s.project_id AND n.trace_id = s.trace_id ' +
  'AND n.evaluator_name = s.evaluator_name AND n.evaluator_version > s.evaluator_version)';

/**
 * @example
 * const view = scoreViewSql(projectId, { evaluatorName: 'extractor', environment: 'production' });
 * sql.query(`SELECT COUNT(*) AS n FROM ${SCORES_JOIN_TRACES} WHERE ${view.where}`, view.values);
 */
export function scoreViewSql(projectId: string, view: ScoreView): ViewSql {
  const values: SqlParameter[] = [projectId, view.evaluatorName];
  const where = ['s.project_id = ?', 's.evaluator_name = ?'];
  if (view.evaluatorVersion !== undefined) {
    where.push('s.evaluator_version = ?');
    values.push(view.evaluatorVersion);
  } else {
    where.push(NEWEST_VERSION);
  }
  if (view.from !== undefined) {
    where.push('t.start_time >= ?');
    values.push(isoToMicros(view.from, 'from'));
  }
  if (view.to !== undefined) {
    where.push('t.start_time < ?');
    values.push(isoToMicros(view.to, 'to'));
  }
  if (view.environment !== undefined) {
    where.push('t.environment = ?');
    values.push(view.environment);
  }
  if (view.model !== undefined) {
    where.push(`EXISTS (${SPAN_OF_TRACE} AND sp.model = ?)`);
    values.push(view.model);
  }
  if (view.promptName !== undefined || view.promptVersion !== undefined) {
    // Both on the same span: a version belongs to the prompt that carries it.
    const prompt: string[] = [];
    if (view.promptName !== undefined) {
      prompt.push('sp.prompt_name = ?');
      values.push(view.promptName);
    }
    if (view.promptVersion !== undefined) {
      prompt.push('sp.prompt_version = ?');
      values.push(view.promptVersion);
    }
    where.push(`EXISTS (${SPAN_OF_TRACE} AND ${prompt.join(' AND ')})`);
  }
  return { where: where.join(' AND '), values };
}
