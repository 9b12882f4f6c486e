// The store's fixed Postgres statements. Batches travel as one array per column and are expanded by unnest,
// so a whole batch is one statement and one round trip whatever its size.
import { LIGHT_SPAN_COLUMNS, SPAN_COLUMNS, type SqlValue } from '../rows/span-row.js';
import { TRACE_COLUMNS } from '../rows/trace-row.js';
import { pgArrayLiteral } from './pg-array-literal.js';
import type { PgQueryConfig } from './pg-driver.js';

const INT8_COLUMNS = new Set(['start_time', 'end_time', 'input_tokens', 'output_tokens', 'total_tokens']);
const FLOAT8_COLUMNS = new Set(['duration_ms', 'cost_usd']);

function arrayType(column: string): string {
  if (INT8_COLUMNS.has(column)) return 'int8[]';
  if (FLOAT8_COLUMNS.has(column)) return 'float8[]';
  if (column === 'span_count') return 'int4[]';
  return 'text[]';
}

/** `unnest($2::text[], $3::int8[], …)`: parameter 1 is the project id. */
function unnestOf(columns: readonly string[]): string {
  return `unnest(${columns.map((column, index) => `$${index + 2}::${arrayType(column)}`).join(', ')})`;
}

const INSERT_SPANS =
  `INSERT INTO spans (project_id, ${SPAN_COLUMNS.join(', ')}) ` +
  `SELECT $1, u.* FROM ${unnestOf(SPAN_COLUMNS)} AS u ` +
  'ON CONFLICT DO NOTHING RETURNING trace_id';

// One advisory lock per touched trace, taken in a fixed order so two inserts never deadlock. Held until commit, it
// makes the re-read below see every span committed by an insert that summarised the same trace before this one.
const LOCK_TRACES =
  'SELECT count(pg_advisory_xact_lock(k)) FROM (' +
  "SELECT DISTINCT hashtextextended($1::text || '/' || id, 0) AS k FROM unnest($2::text[]) AS id ORDER BY k) AS keys";

const SELECT_LIGHT_SPANS_OF_TRACES = `SELECT ${LIGHT_SPAN_COLUMNS.join(', ')} FROM spans WHERE project_id = $1 AND trace_id = ANY($2::text[])`;

// A trace's first summary, computed from the batch; a trace that has one already is left to the upsert below.
const INSERT_NEW_TRACES =
  `INSERT INTO traces (project_id, ${TRACE_COLUMNS.join(', ')}) ` +
  `SELECT $1, u.* FROM ${unnestOf(TRACE_COLUMNS)} AS u ` +
  'ON CONFLICT (project_id, trace_id) DO NOTHING RETURNING trace_id';

const UPSERT_TRACES =
  `INSERT INTO traces (project_id, ${TRACE_COLUMNS.join(', ')}) ` +
  `SELECT $1, u.* FROM ${unnestOf(TRACE_COLUMNS)} AS u ` +
  `ON CONFLICT (project_id, trace_id) DO UPDATE SET ${TRACE_COLUMNS.filter((column) => column !== 'trace_id')
    .map((column) => `${column} = excluded.${column}`)
    .join(', ')}`;

/** Row-major values to one array literal per column. */
function columnsOf(rows: readonly SqlValue[][], width: number): string[] {
  return Array.from({ length: width }, (_, columnIndex) => pgArrayLiteral(rows.map((row) => row[columnIndex] ?? null)));
}

export const postgresStatements = {
  insertSpans: (projectId: string, rows: readonly SqlValue[][]): PgQueryConfig => ({
    name: 'kaizen_insert_spans',
    text: INSERT_SPANS,
    values: [projectId, ...columnsOf(rows, SPAN_COLUMNS.length)],
  }),
  lockTraces: (projectId: string, traceIds: readonly string[]): PgQueryConfig => ({
    name: 'kaizen_lock_traces',
    text: LOCK_TRACES,
    values: [projectId, traceIds],
  }),
  selectLightSpansOfTraces: (projectId: string, traceIds: readonly string[]): PgQueryConfig => ({
    name: 'kaizen_select_light_spans_of_traces',
    text: SELECT_LIGHT_SPANS_OF_TRACES,
    values: [projectId, traceIds],
  }),
  insertNewTraces: (projectId: string, rows: readonly SqlValue[][]): PgQueryConfig => ({
    name: 'kaizen_insert_new_traces',
    text: INSERT_NEW_TRACES,
    values: [projectId, ...columnsOf(rows, TRACE_COLUMNS.length)],
  }),
  upsertTraces: (projectId: string, rows: readonly SqlValue[][]): PgQueryConfig => ({
    name: 'kaizen_upsert_traces',
    text: UPSERT_TRACES,
    values: [projectId, ...columnsOf(rows, TRACE_COLUMNS.length)],
  }),
  selectSpansOfTraces: (projectId: string, traceIds: readonly string[]): PgQueryConfig => ({
    name: 'kaizen_select_spans_of_traces',
    text: `SELECT ${SPAN_COLUMNS.join(', ')} FROM spans WHERE project_id = $1 AND trace_id = ANY($2::text[]) ORDER BY trace_id, start_time, span_id`,
    values: [projectId, traceIds],
  }),
  selectSpansOfTrace: (projectId: string, traceId: string): PgQueryConfig => ({
    name: 'kaizen_select_spans_of_trace',
    text: `SELECT ${SPAN_COLUMNS.join(', ')} FROM spans WHERE project_id = $1 AND trace_id = $2 ORDER BY start_time, span_id`,
    values: [projectId, traceId],
  }),
  insertProject: (id: string, name: string, createdAt: string): PgQueryConfig => ({
    name: 'kaizen_insert_project',
    text: 'INSERT INTO projects (id, name, created_at) VALUES ($1, $2, $3)',
    values: [id, name, createdAt],
  }),
  selectProjectByName: (name: string): PgQueryConfig => ({
    name: 'kaizen_select_project_by_name',
    text: 'SELECT id, name, created_at FROM projects WHERE name = $1',
    values: [name],
  }),
  insertApiKey: (id: string, projectId: string, keyHash: string, prefix: string, createdAt: string): PgQueryConfig => ({
    name: 'kaizen_insert_api_key',
    text: 'INSERT INTO api_keys (id, project_id, key_hash, prefix, created_at) VALUES ($1, $2, $3, $4, $5)',
    values: [id, projectId, keyHash, prefix, createdAt],
  }),
  selectProjectByKeyHash: (keyHash: string): PgQueryConfig => ({
    name: 'kaizen_select_project_by_key_hash',
    text: 'SELECT p.id, p.name, p.created_at FROM api_keys k JOIN projects p ON p.id = k.project_id WHERE k.key_hash = $1',
    values: [keyHash],
  }),
};
