// Applies the pending schema steps to a SQLite database in one write transaction.
import { pendingMigrations } from '../schema/pending-migrations.js';
import type { SqliteDatabase } from './sqlite-driver.js';

/**
 * Idempotent. BEGIN IMMEDIATE holds the write lock while reading the applied versions, so a second process
 * migrating at the same time waits, then finds nothing left to do.
 */
export function migrateSqlite(database: SqliteDatabase): void {
  database.exec('BEGIN IMMEDIATE');
  try {
    database.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT',
    );
    const rows = database.prepare('SELECT version FROM schema_migrations').all() as { version: number }[];
    const record = database.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of pendingMigrations(rows.map((row) => row.version))) {
      database.exec(migration.sqlite);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
    database.exec('COMMIT');
  } catch (error) {
    if (database.inTransaction) database.exec('ROLLBACK');
    throw error;
  }
}
