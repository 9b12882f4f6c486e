// Opens a pg Pool with the settings the store relies on. Connects lazily: the first query (migrate) connects.
import { Pool } from 'pg';
import type { Store } from '../store.js';
import { createPgTypes } from './pg-types.js';
import { createPostgresStore } from './postgres-store.js';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:5432/database` */
  readonly connectionString: string;
  /** Most connections held at once. Default 10. */
  readonly poolSize?: number;
  /** How long to wait for a connection before failing with `unavailable`, in ms. Default 10000. */
  readonly connectionTimeoutMs?: number;
}

/**
 * @example
 * const store = await openPostgresStore({ connectionString: process.env.KAIZEN_DATABASE_URL ?? '' });
 * await store.migrate();
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
    application_name: 'kaizen',
    types: createPgTypes(),
  });
  // An idle connection dropped by the server (restart, failover) is reported here; without a listener Node would
  // exit. The pool discards it, and the next query reconnects or fails with `unavailable`.
  pool.on('error', () => undefined);
  return createPostgresStore(pool);
}
