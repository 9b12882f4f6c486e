// A minimal async SQL runner over either backend, for the store's low-volume parts (prompt registry, …):
// one implementation of their logic instead of one per dialect. The span hot path keeps its tuned statements.
import type { FailureKind } from '../errors/to-store-error.js';

export type SqlParameter = string | number | null;

export interface SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** `?` placeholders in the SQL, whatever the dialect. */
  query<Row>(sql: string, parameters?: readonly SqlParameter[]): Promise<Row[]>;
  /**
   * Runs `work` in one write transaction. On SQLite the work must only await this executor's queries (they resolve
   * synchronously), so no other request's statements can interleave with the open transaction.
   */
  transaction<T>(work: (executor: SqlExecutor) => Promise<T>): Promise<T>;
  classify(error: unknown): FailureKind;
}

/** `?` → `$1, $2, …` for Postgres. The store's SQL has no `?` inside string literals. */
export function toPostgresPlaceholders(sql: string): string {
  let position = 0;
  return sql.replace(/\?/g, () => `$${++position}`);
}
