// Applies the pending schema steps to a Postgres database in one transaction, under an advisory lock.
import { pendingMigrations } from '../schema/pending-migrations.js';
import type { PgClient } from './pg-driver.js';

/** "KZMIGR" in ASCII, as a number: a fixed key no other lock of the store uses. */
const MIGRATION_LOCK_KEY = 0x4b5a4d494752;

/**
 * Idempotent, and safe when several processes start at once: the transaction-scoped advisory lock makes the
 * others wait, then find nothing left to do. DDL is transactional in Postgres, so a failed step leaves the schema as
 * it was.
 */
export async function migratePostgres(client: PgClient): Promise<void> {
  await client.query({ text: 'BEGIN' });
  try {
    await client.query({ text: `SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})` });
    await client.query({
      text:
        'CREATE TABLE IF NOT EXISTS schema_migrations ' +
        '(version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    });
    const result = await client.query({ text: 'SELECT version FROM schema_migrations' });
    const applied = (result.rows as { version: number }[]).map((row) => row.version);
    for (const migration of pendingMigrations(applied)) {
      // No parameters: pg sends it with the simple protocol, which accepts several statements.
      await client.query({ text: migration.postgres });
      await client.query({
        text: 'INSERT INTO schema_migrations (version, name) VALUES ($1, $2)',
        values: [migration.version, migration.name],
      });
    }
    await client.query({ text: 'COMMIT' });
  } catch (error) {
    await client.query({ text: 'ROLLBACK' }).catch(() => undefined);
    throw error;
  }
}
