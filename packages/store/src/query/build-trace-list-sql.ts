// The trace list query, built from fixed fragments with every value bound as a parameter.
import type { SqlValue } from '../rows/span-row.js';
import { TRACE_COLUMNS } from '../rows/trace-row.js';
import type { TraceListFilter } from './trace-list-filter.js';

export interface ListSqlDialect {
  /** `?` for SQLite, `$n` (1-based) for Postgres. */
  readonly placeholder: (position: number) => string;
  /** SQLite's LIKE already ignores ASCII case; Postgres needs ILIKE. */
  readonly caseInsensitiveLike: 'LIKE' | 'ILIKE';
}

export interface SqlStatement {
  readonly text: string;
  readonly values: SqlValue[];
}

const SELECT_COLUMNS = TRACE_COLUMNS.map((column) => `t.${column}`).join(', ');

/** The spans of the row's trace, for "any span of the trace" filters. */
const SPAN_OF_TRACE = 'SELECT 1 FROM spans s WHERE s.project_id = t.project_id AND s.trace_id = t.trace_id';

/**
 * Asks for one row more than the limit: its presence says whether there is a next page.
 *
 * @example
 * buildTraceListSql(projectId, parseTraceQuery({ model: 'gpt-4o' }), { placeholder: () => '?', caseInsensitiveLike: 'LIKE' });
 */
export function buildTraceListSql(projectId: string, filter: TraceListFilter, dialect: ListSqlDialect): SqlStatement {
  const values: SqlValue[] = [];
  const bind = (value: SqlValue): string => {
    values.push(value);
    return dialect.placeholder(values.length);
  };
  const where = [`t.project_id = ${bind(projectId)}`];
  if (filter.fromMicros !== null) where.push(`t.start_time >= ${bind(filter.fromMicros)}`);
  if (filter.toMicros !== null) where.push(`t.start_time < ${bind(filter.toMicros)}`);
  if (filter.environment !== null) where.push(`t.environment = ${bind(filter.environment)}`);
  if (filter.status !== null) where.push(`t.status = ${bind(filter.status)}`);
  if (filter.model !== null) where.push(`EXISTS (${SPAN_OF_TRACE} AND s.model = ${bind(filter.model)})`);
  if (filter.promptName !== null || filter.promptVersion !== null) {
    // Both on the same span: a version belongs to the prompt that carries it.
    const prompt: string[] = [];
    if (filter.promptName !== null) prompt.push(`s.prompt_name = ${bind(filter.promptName)}`);
    if (filter.promptVersion !== null) prompt.push(`s.prompt_version = ${bind(filter.promptVersion)}`);
    where.push(`EXISTS (${SPAN_OF_TRACE} AND ${prompt.join(' AND ')})`);
  }
  if (filter.searchPattern !== null) {
    const like = dialect.caseInsensitiveLike;
    const input = `s.input ${like} ${bind(filter.searchPattern)} ESCAPE '\\'`;
    const output = `s.output ${like} ${bind(filter.searchPattern)} ESCAPE '\\'`;
    where.push(`EXISTS (${SPAN_OF_TRACE} AND (${input} OR ${output}))`);
  }
  if (filter.after !== null) {
    where.push(`(t.start_time, t.trace_id) < (${bind(filter.after.startTime)}, ${bind(filter.after.traceId)})`);
  }
  const text =
    `SELECT ${SELECT_COLUMNS} FROM traces t WHERE ${where.join(' AND ')} ` +
    `ORDER BY t.start_time DESC, t.trace_id DESC LIMIT ${bind(filter.limit + 1)}`;
  return { text, values };
}
