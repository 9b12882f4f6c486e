// @kaizen/store/sqlite: the embedded backend.
export { openSqliteStore, type SqliteStoreOptions } from './open-sqlite-store.js';
export type { SqliteDatabase, SqliteRunResult, SqliteStatement } from './sqlite-driver.js';
export { createSqliteStore } from './sqlite-store.js';
