// Picks and opens the configured backend, migrated and ready.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { KaizenError } from '@kaizen/core';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** Folder of the embedded SQLite database (`kaizen.db`), created if missing. Default `.kaizen`. */
  readonly dataDir?: string | undefined;
  /** A `postgres://` or `postgresql://` URL: use Postgres instead of SQLite. */
  readonly databaseUrl?: string | undefined;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * Each backend is imported only when chosen, so the SQLite path never loads pg and the reverse.
 *
 * @example
 * const store = await openStore({ databaseUrl: process.env.KAIZEN_DATABASE_URL }); // else SQLite in .kaizen/
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const store = await openBackend(options);
  try {
    await store.migrate();
    return store;
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}

async function openBackend(options: OpenStoreOptions): Promise<Store> {
  const { databaseUrl } = options;
  if (databaseUrl !== undefined && databaseUrl !== '') {
    if (!POSTGRES_URL.test(databaseUrl)) {
      // Falling back to SQLite here would silently write somewhere the operator did not ask for.
      throw new KaizenError(
        'invalid_input',
        `the database URL must start with postgres:// or postgresql://, got "${databaseUrl.split(':')[0]}:…"`,
      );
    }
    const { openPostgresStore } = await import('./postgres/open-postgres-store.js');
    return openPostgresStore({ connectionString: databaseUrl });
  }
  const dataDir = options.dataDir === undefined || options.dataDir === '' ? '.kaizen' : options.dataDir;
  mkdirSync(dataDir, { recursive: true });
  const { openSqliteStore } = await import('./sqlite/open-sqlite-store.js');
  return openSqliteStore({ file: join(dataDir, 'kaizen.db') });
}
