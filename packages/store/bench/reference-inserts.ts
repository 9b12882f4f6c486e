// The reference for the insert benchmark: the same rows into a bare table (no keys, no indexes, no summaries),
// through the same drivers and durability settings. The gap to it is the cost of dedup, indexes and summaries.
import type { Span } from '@kaizen/core';
import type BetterSqlite3 from 'better-sqlite3';
import type { Client } from 'pg';
import { SPAN_COLUMNS, spanToValues } from '../src/rows/span-row.js';

const columnList = SPAN_COLUMNS.join(', ');

export function referenceSqliteInsert(database: BetterSqlite3.Database): (batch: readonly Span[]) => Promise<void> {
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.exec(
    `CREATE TABLE raw_spans (project_id TEXT, ${SPAN_COLUMNS.map((column) => `${column} ANY`).join(', ')}) STRICT`,
  );
  const insert = database.prepare(
    `INSERT INTO raw_spans (project_id, ${columnList}) VALUES (${Array.from({ length: SPAN_COLUMNS.length + 1 }, () => '?').join(', ')})`,
  );
  const insertAll = database.transaction((rows: unknown[][]) => {
    for (const row of rows) insert.run('project', ...row);
  });
  return async (batch) => {
    insertAll(batch.map(spanToValues));
  };
}

export async function referencePostgresInsert(client: Client): Promise<(batch: readonly Span[]) => Promise<void>> {
  const types = SPAN_COLUMNS.map((column) =>
    ['start_time', 'end_time', 'input_tokens', 'output_tokens', 'total_tokens'].includes(column)
      ? 'int8'
      : ['duration_ms', 'cost_usd'].includes(column)
        ? 'float8'
        : 'text',
  );
  await client.query(
    `CREATE TABLE raw_spans (project_id text, ${SPAN_COLUMNS.map((column, index) => `${column} ${types[index]}`).join(', ')})`,
  );
  const text =
    `INSERT INTO raw_spans (project_id, ${columnList}) SELECT $1, u.* FROM unnest(` +
    `${types.map((type, index) => `$${index + 2}::${type}[]`).join(', ')}) AS u`;
  return async (batch) => {
    const rows = batch.map(spanToValues);
    const columns = SPAN_COLUMNS.map((_, index) => rows.map((row) => row[index]));
    await client.query({ name: 'reference_insert', text, values: ['project', ...columns] });
  };
}
