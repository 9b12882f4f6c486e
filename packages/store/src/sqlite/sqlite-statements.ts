// The store's fixed SQLite statements, prepared once per connection (after migrate, when the tables exist).
import { LIGHT_SPAN_COLUMNS, SPAN_COLUMNS } from '../rows/span-row.js';
import { TRACE_COLUMNS } from '../rows/trace-row.js';
import type { SqliteDatabase, SqliteStatement } from './sqlite-driver.js';

const marks = (count: number) => Array.from({ length: count }, () => '?').join(', ');
const updates = TRACE_COLUMNS.filter((column) => column !== 'trace_id')
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');

export interface SqliteStatements {
  readonly begin: SqliteStatement;
  readonly commit: SqliteStatement;
  readonly rollback: SqliteStatement;
  readonly insertProject: SqliteStatement;
  readonly selectProjectByName: SqliteStatement;
  readonly insertApiKey: SqliteStatement;
  readonly selectProjectByKeyHash: SqliteStatement;
  readonly insertSpan: SqliteStatement;
  readonly insertNewTrace: SqliteStatement;
  readonly selectLightSpansOfTrace: SqliteStatement;
  readonly upsertTrace: SqliteStatement;
  readonly selectSpansOfTrace: SqliteStatement;
}

export function prepareSqliteStatements(database: SqliteDatabase): SqliteStatements {
  return {
    // IMMEDIATE takes the write lock up front, so two writers wait on busy_timeout instead of deadlocking.
    begin: database.prepare('BEGIN IMMEDIATE'),
    commit: database.prepare('COMMIT'),
    rollback: database.prepare('ROLLBACK'),
    insertProject: database.prepare('INSERT INTO projects (id, name, created_at) VALUES (?, ?, ?)'),
    selectProjectByName: database.prepare('SELECT id, name, created_at FROM projects WHERE name = ?'),
    insertApiKey: database.prepare(
      'INSERT INTO api_keys (id, project_id, key_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    selectProjectByKeyHash: database.prepare(
      'SELECT p.id, p.name, p.created_at FROM api_keys k JOIN projects p ON p.id = k.project_id WHERE k.key_hash = ?',
    ),
    insertSpan: database.prepare(
      `INSERT INTO spans (project_id, ${SPAN_COLUMNS.join(', ')}) VALUES (${marks(SPAN_COLUMNS.length + 1)}) ` +
        'ON CONFLICT DO NOTHING',
    ),
    insertNewTrace: database.prepare(
      `INSERT INTO traces (project_id, ${TRACE_COLUMNS.join(', ')}) VALUES (${marks(TRACE_COLUMNS.length + 1)}) ` +
        'ON CONFLICT (project_id, trace_id) DO NOTHING',
    ),
    selectLightSpansOfTrace: database.prepare(
      `SELECT ${LIGHT_SPAN_COLUMNS.join(', ')} FROM spans WHERE project_id = ? AND trace_id = ?`,
    ),
    upsertTrace: database.prepare(
      `INSERT INTO traces (project_id, ${TRACE_COLUMNS.join(', ')}) VALUES (${marks(TRACE_COLUMNS.length + 1)}) ` +
        `ON CONFLICT (project_id, trace_id) DO UPDATE SET ${updates}`,
    ),
    selectSpansOfTrace: database.prepare(
      `SELECT ${SPAN_COLUMNS.join(', ')} FROM spans WHERE project_id = ? AND trace_id = ? ORDER BY start_time, span_id`,
    ),
  };
}
