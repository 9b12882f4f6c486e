// Runs a sub-store operation and turns driver errors into KaizenErrors with a code (KaizenErrors pass through).
import { type FailureContext, toStoreError } from '../errors/to-store-error.js';
import type { SqlExecutor } from '../sql/sql-executor.js';

export type Guard = <T>(context: Omit<FailureContext, 'dialect'> | string, work: () => Promise<T>) => Promise<T>;

export function createGuard(sql: SqlExecutor): Guard {
  return async (context, work) => {
    try {
      return await work();
    } catch (error) {
      const full = typeof context === 'string' ? { action: context } : context;
      throw toStoreError(error, sql.classify(error), { ...full, dialect: sql.dialect });
    }
  };
}

/** `?, ?, ?` for `count` values. */
export function marks(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** Splits long IN lists: SQLite and Postgres both cap bound parameters per statement. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
