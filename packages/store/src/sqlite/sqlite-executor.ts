// SqlExecutor over a better-sqlite3 connection: synchronous statements, cached by SQL text.
import type { SqlExecutor, SqlParameter } from '../sql/sql-executor.js';
import { classifySqliteError } from './classify-sqlite-error.js';
import type { SqliteDatabase, SqliteStatement } from './sqlite-driver.js';

export function createSqliteExecutor(database: SqliteDatabase): SqlExecutor {
  const statements = new Map<string, SqliteStatement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = database.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const executor: SqlExecutor = {
    dialect: 'sqlite',
    async query<Row>(sql: string, parameters: readonly SqlParameter[] = []): Promise<Row[]> {
      const statement = prepared(sql);
      // better-sqlite3 refuses .all() on statements that return nothing.
      if (/^\s*(SELECT|WITH)|RETURNING/i.test(sql)) return statement.all(...parameters) as Row[];
      statement.run(...parameters);
      return [];
    },
    transaction<T>(work: (executor: SqlExecutor) => Promise<T>): Promise<T> {
      // One connection, one transaction at a time: calls started in the same tick queue here instead of nesting.
      const run = queue.then(() => runTransaction(work));
      queue = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    classify: classifySqliteError,
  };
  let queue: Promise<void> = Promise.resolve();
  async function runTransaction<T>(work: (executor: SqlExecutor) => Promise<T>): Promise<T> {
    prepared('BEGIN IMMEDIATE').run();
    try {
      // Nested transaction() calls join this one: SQLite has no nested BEGIN.
      const inTransaction: SqlExecutor = { ...executor, transaction: (inner) => inner(inTransaction) };
      const result = await work(inTransaction);
      prepared('COMMIT').run();
      return result;
    } catch (error) {
      if (database.inTransaction) prepared('ROLLBACK').run();
      throw error;
    }
  }
  return executor;
}
