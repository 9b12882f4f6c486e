// Store over Postgres through a pg Pool: an insert is one transaction of six statements, whatever the batch size.
import { randomUUID } from 'node:crypto';
import type { Span, TraceSummary } from '@kaizen/core';
import { type FailureContext, toStoreError } from '../errors/to-store-error.js';
import type { PromptStore } from '../prompts/prompt-store.js';
import { createSqlPromptStore } from '../prompts/sql-prompt-store.js';
import { buildTraceListSql } from '../query/build-trace-list-sql.js';
import { parseTraceQuery } from '../query/trace-list-filter.js';
import { toTracePage } from '../query/trace-page.js';
import { recordToSpan, type SpanRecord, type SqlValue, spanToValues } from '../rows/span-row.js';
import { addByTrace, summarizeTouchedTraces } from '../rows/summarize-touched-traces.js';
import type { TraceRecord } from '../rows/trace-row.js';
import type { ApiKeyRecord, InsertSpansResult, Page, Project, Store, TraceQuery } from '../store.js';
import { classifyPostgresError } from './classify-postgres-error.js';
import { migratePostgres } from './migrate-postgres.js';
import type { PgClient, PgPool } from './pg-driver.js';
import { createPostgresExecutor } from './postgres-executor.js';
import { postgresStatements as statements } from './postgres-statements.js';

interface ProjectRecord {
  readonly id: string;
  readonly name: string;
  readonly created_at: Date | string;
}

interface InsertedKey {
  readonly trace_id: string;
  readonly span_id: string;
}

/** The spans RETURNING reported as written, by trace; of a span sent twice in one batch, the first was written. */
function insertedSpans(spans: readonly Span[], keys: readonly InsertedKey[]): Map<string, Span[]> {
  // NUL cannot occur in Postgres text, so the joined key is unambiguous.
  const written = new Set(keys.map((key) => `${key.trace_id}\u0000${key.span_id}`));
  const byTrace = new Map<string, Span[]>();
  for (const span of spans) {
    if (written.delete(`${span.traceId}\u0000${span.spanId}`)) addByTrace(byTrace, span);
  }
  return byTrace;
}

const toProject = (record: ProjectRecord): Project => ({
  id: record.id,
  name: record.name,
  createdAt: new Date(record.created_at).toISOString(),
});

/**
 * @example
 * const store = createPostgresStore(new Pool({ connectionString })); // see openPostgresStore for the settings
 * await store.migrate();
 */
export function createPostgresStore(pool: PgPool): Store {
  return new PostgresStore(pool);
}

class PostgresStore implements Store {
  readonly dialect = 'postgres';
  readonly #pool: PgPool;
  #closed = false;

  readonly prompts: PromptStore;

  constructor(pool: PgPool) {
    this.#pool = pool;
    this.prompts = createSqlPromptStore(createPostgresExecutor(pool));
  }

  async migrate(): Promise<void> {
    await this.#withClient({ action: 'migrate the database' }, migratePostgres);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }

  async createProject(name: string): Promise<Project> {
    const project: Project = { id: randomUUID(), name, createdAt: new Date().toISOString() };
    await this.#query(
      { action: 'create project', unique: `a project named "${name}" already exists` },
      statements.insertProject(project.id, name, project.createdAt),
    );
    return project;
  }

  async getProjectByName(name: string): Promise<Project | null> {
    const rows = await this.#query({ action: 'read project' }, statements.selectProjectByName(name));
    const record = rows[0] as ProjectRecord | undefined;
    return record === undefined ? null : toProject(record);
  }

  async createApiKey(projectId: string, keyHash: string, prefix: string): Promise<ApiKeyRecord> {
    const key: ApiKeyRecord = { id: randomUUID(), projectId, prefix, createdAt: new Date().toISOString() };
    await this.#query(
      {
        action: 'create API key',
        unique: 'an API key with this hash already exists',
        foreignKey: `project ${projectId} does not exist`,
      },
      statements.insertApiKey(key.id, projectId, keyHash, prefix, key.createdAt),
    );
    return key;
  }

  async findProjectByKeyHash(keyHash: string): Promise<Project | null> {
    const rows = await this.#query({ action: 'look up API key' }, statements.selectProjectByKeyHash(keyHash));
    const record = rows[0] as ProjectRecord | undefined;
    return record === undefined ? null : toProject(record);
  }

  async insertSpans(projectId: string, spans: readonly Span[]): Promise<InsertSpansResult> {
    if (spans.length === 0) return { inserted: 0, duplicates: 0 };
    const context = { action: 'insert spans', foreignKey: `project ${projectId} does not exist` };
    let rows: SqlValue[][];
    try {
      rows = spans.map(spanToValues);
    } catch (error) {
      throw toStoreError(error, 'invalid_value', { ...context, dialect: 'postgres' });
    }
    return this.#withClient(context, async (client) => {
      await client.query({ text: 'BEGIN' });
      const result = await client.query(statements.insertSpans(projectId, rows));
      // RETURNING lists only the rows written: a pure retry touches no trace and rewrites nothing.
      const inserted = insertedSpans(spans, result.rows as InsertedKey[]);
      if (inserted.size > 0) {
        const touched = [...inserted.keys()];
        await client.query(statements.lockTraces(projectId, touched));
        const stored = await client.query(statements.selectLightSpansOfSummarisedTraces(projectId, touched));
        const summaries = summarizeTouchedTraces(inserted, stored.rows as SpanRecord[]);
        await client.query(statements.upsertTraces(projectId, summaries));
      }
      await client.query({ text: 'COMMIT' });
      const count = result.rowCount ?? 0;
      return { inserted: count, duplicates: spans.length - count };
    });
  }

  async listTraces(projectId: string, query: TraceQuery): Promise<Page<TraceSummary>> {
    const filter = parseTraceQuery(query);
    const sql = buildTraceListSql(projectId, filter, {
      placeholder: (position) => `$${position}`,
      caseInsensitiveLike: 'ILIKE',
    });
    const rows = await this.#query({ action: 'list traces' }, { text: sql.text, values: sql.values });
    return toTracePage(rows as TraceRecord[], filter.limit);
  }

  async getTraceSpans(projectId: string, traceId: string): Promise<readonly Span[]> {
    const rows = await this.#query({ action: 'read trace spans' }, statements.selectSpansOfTrace(projectId, traceId));
    return (rows as SpanRecord[]).map(recordToSpan);
  }

  async #query(context: Omit<FailureContext, 'dialect'>, config: Parameters<PgPool['query']>[0]): Promise<unknown[]> {
    try {
      return (await this.#pool.query(config)).rows;
    } catch (error) {
      throw toStoreError(error, classifyPostgresError(error), { ...context, dialect: 'postgres' });
    }
  }

  /**
   * Runs `work` on one pooled connection. On failure it rolls back whatever transaction `work` opened, and a
   * connection that failed for a network reason is destroyed rather than handed to the next caller.
   */
  async #withClient<T>(context: Omit<FailureContext, 'dialect'>, work: (client: PgClient) => Promise<T>): Promise<T> {
    let client: PgClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw toStoreError(error, classifyPostgresError(error), { ...context, dialect: 'postgres' });
    }
    // The query in flight rejects with the same error, and is where it gets reported.
    const ignoreConnectionError = (): void => undefined;
    client.on('error', ignoreConnectionError);
    try {
      const result = await work(client);
      client.release();
      return result;
    } catch (error) {
      const kind = classifyPostgresError(error);
      const rolledBack =
        kind !== 'unavailable' &&
        (await client.query({ text: 'ROLLBACK' }).then(
          () => true,
          () => false,
        ));
      client.release(!rolledBack);
      throw toStoreError(error, kind, { ...context, dialect: 'postgres' });
    } finally {
      client.off('error', ignoreConnectionError);
    }
  }
}
