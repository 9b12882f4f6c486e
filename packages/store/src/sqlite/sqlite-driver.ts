// The few better-sqlite3 methods the store calls, as a structural type: the driver stays swappable and mockable.
export interface SqliteRunResult {
  readonly changes: number;
}

/** The store binds only strings, numbers and null; `unknown` keeps better-sqlite3's generic statements assignable. */
export interface SqliteStatement {
  run(...parameters: unknown[]): SqliteRunResult;
  all(...parameters: unknown[]): unknown[];
  get(...parameters: unknown[]): unknown;
}

/**
 * Satisfied by a `better-sqlite3` Database.
 *
 * @example
 * const database: SqliteDatabase = new Database('kaizen.db');
 */
export interface SqliteDatabase {
  readonly open: boolean;
  readonly inTransaction: boolean;
  prepare(sql: string): SqliteStatement;
  exec(sql: string): unknown;
  pragma(source: string, options?: { simple: boolean }): unknown;
  close(): unknown;
}
