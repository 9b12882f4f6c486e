// SqlExecutor over a pg Pool: queries on any pooled connection, transactions on one checked-out client.
import { type SqlExecutor, type SqlParameter, toPostgresPlaceholders } from '../sql/sql-executor.js';
import { classifyPostgresError } from './classify-postgres-error.js';
import type { PgClient, PgPool } from './pg-driver.js';

function executorOn(run: (text: string, values: SqlParameter[]) => Promise<unknown[]>, pool: PgPool): SqlExecutor {
  const executor: SqlExecutor = {
    dialect: 'postgres',
    async query<Row>(sql: string, parameters: readonly SqlParameter[] = []): Promise<Row[]> {
      return (await run(toPostgresPlaceholders(sql), [...parameters])) as Row[];
    },
    transaction: (work) => withTransaction(pool, work),
    classify: classifyPostgresError,
  };
  return executor;
}

async function withTransaction<T>(pool: PgPool, work: (executor: SqlExecutor) => Promise<T>): Promise<T> {
  const client: PgClient = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    await client.query({ text: 'BEGIN' });
    const inTransaction = executorOn(async (text, values) => (await client.query({ text, values })).rows, pool);
    // Nested transaction() calls join this one.
    const result = await work({ ...inTransaction, transaction: (inner) => inner(inTransaction) });
    await client.query({ text: 'COMMIT' });
    return result;
  } catch (error) {
    await client.query({ text: 'ROLLBACK' }).catch(() => undefined);
    broken ??= error instanceof Error && classifyPostgresError(error) === 'unavailable' ? error : undefined;
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken ?? false);
  }
}

export function createPostgresExecutor(pool: PgPool): SqlExecutor {
  return executorOn(async (text, values) => (await pool.query({ text, values })).rows, pool);
}
