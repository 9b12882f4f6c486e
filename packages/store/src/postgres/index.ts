// @kaizen/store/postgres: the server backend.
export { openPostgresStore, type PostgresStoreOptions } from './open-postgres-store.js';
export type { PgClient, PgPool, PgQueryConfig, PgQueryResult } from './pg-driver.js';
export { createPostgresStore } from './postgres-store.js';
