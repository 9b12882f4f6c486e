// Store over Postgres through a pg Pool: an insert is one transaction of five to seven statements, whatever its size.
import { randomUUID } from 'node:crypto';
import type { Span, TraceSummary } from '@kaizen/core';
import { type FailureContext, toStoreError } from '../errors/to-store-error.js';
import { createEvaluationStores, type EvaluationStores } from '../evaluation/create-evaluation-stores.js';
import { createExperimentStores, type ExperimentStores } from '../experiments/create-experiment-stores.js';
import type { InsightStore } from '../insights/insight-store.js';
import { createSqlInsightStore } from '../insights/sql-insight-store.js';
import type { OptimizationStore } from '../optimizations/optimization-store.js';
import { createSqlOptimizationStore } from '../optimizations/sql-optimization-store.js';
import type { PromptStore } from '../prompts/prompt-store.js';
import { createSqlPromptStore } from '../prompts/sql-prompt-store.js';
import { buildTraceListSql } from '../query/build-trace-list-sql.js';
import { parseTraceQuery } from '../query/trace-list-filter.js';
import { queryTraceMetrics } from '../query/trace-metrics.js';
import type { TraceMetrics, TraceMetricsQuery } from '../query/trace-metrics-query.js';
import { toTracePage } from '../query/trace-page.js';
import type { SpanRetention } from '../retention/span-retention.js';
import { createSqlSpanRetention } from '../retention/sql-span-retention.js';
import { type EncodedSpans, encodeSpans, isEncodedSpans, type SpansToInsert } from '../rows/encode-spans.js';
import { recordToSpan, SPAN_COLUMNS, type SpanRecord } from '../rows/span-row.js';
import { countInserted, summarizeStoredTraces, touchedTraces } from '../rows/summarize-touched-traces.js';
import type { TraceRecord } from '../rows/trace-row.js';
import type { ApiKeyRecord, InsertSpansResult, Page, Project, Store, TraceQuery } from '../store.js';
import { classifyPostgresError } from './classify-postgres-error.js';
import { migratePostgres } from './migrate-postgres.js';
import type { PgClient, PgPool } from './pg-driver.js';
import { createPostgresExecutor } from './postgres-executor.js';
import { postgresStatements as statements } from './postgres-statements.js';
import { createSpanPartitions, type SpanPartitions } from './span-partitions.js';

interface ProjectRecord {
  readonly id: string;
  readonly name: string;
  readonly created_at: Date | string;
}

interface InsertedKey {
  readonly trace_id: string;
}

/** Where an encoded row holds its start time (µs). */
const START_TIME = SPAN_COLUMNS.indexOf('start_time');

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
  readonly #partitions: SpanPartitions;
  #closed = false;

  readonly prompts: PromptStore;
  readonly insights: InsightStore;
  readonly optimizations: OptimizationStore;
  readonly retention: SpanRetention;
  readonly datasets: ExperimentStores['datasets'];
  readonly experiments: ExperimentStores['experiments'];
  readonly responseCache: ExperimentStores['responseCache'];
  readonly evaluators: EvaluationStores['evaluators'];
  readonly scores: EvaluationStores['scores'];
  readonly labels: EvaluationStores['labels'];
  readonly onlineEvaluators: EvaluationStores['onlineEvaluators'];
  readonly traceMetrics: (projectId: string, query: TraceMetricsQuery) => Promise<TraceMetrics>;

  constructor(pool: PgPool) {
    this.#pool = pool;
    // One executor for every SQL sub-store: on SQLite its queue keeps their transactions from nesting.
    const sql = createPostgresExecutor(pool);
    this.prompts = createSqlPromptStore(sql);
    this.insights = createSqlInsightStore(sql);
    this.optimizations = createSqlOptimizationStore(sql);
    this.#partitions = createSpanPartitions(sql);
    this.retention = createSqlSpanRetention(sql, this.#partitions);
    this.traceMetrics = (projectId, query) => queryTraceMetrics(sql, projectId, query);
    ({
      evaluators: this.evaluators,
      scores: this.scores,
      labels: this.labels,
      onlineEvaluators: this.onlineEvaluators,
    } = createEvaluationStores(sql));
    ({
      datasets: this.datasets,
      experiments: this.experiments,
      responseCache: this.responseCache,
    } = createExperimentStores(sql));
  }

  async migrate(): Promise<void> {
    await this.#withClient({ action: 'migrate the database' }, migratePostgres);
    // Best effort: a day without its partition is stored in the default one.
    await this.#partitions.prepare().catch(() => 0);
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

  async insertSpans(projectId: string, spans: SpansToInsert): Promise<InsertSpansResult> {
    const context = { action: 'insert spans', foreignKey: `project ${projectId} does not exist` };
    let encoded: EncodedSpans;
    try {
      encoded = isEncodedSpans(spans) ? spans : encodeSpans(spans);
    } catch (error) {
      throw toStoreError(error, 'invalid_value', { ...context, dialect: 'postgres' });
    }
    if (encoded.rows.length === 0) return { inserted: 0, duplicates: 0 };
    // Outside the insert's transaction, which must not hold the locks that attaching a partition takes.
    await this.#partitions.ensureFor(encoded.rows.map((row) => row[START_TIME] as number));
    return this.#withClient(context, async (client) => {
      await client.query({ text: 'BEGIN' });
      const result = await client.query(statements.insertSpans(projectId, encoded.rows));
      // RETURNING lists only the rows written (of a span sent twice in one batch, the first): a pure retry touches
      // no trace and rewrites nothing.
      const insertedByTrace = new Map<string, number>();
      for (const key of result.rows as InsertedKey[]) countInserted(insertedByTrace, key.trace_id);
      if (insertedByTrace.size > 0) {
        await client.query(statements.lockTraces(projectId, [...insertedByTrace.keys()]));
        const { maybeNew, stored } = touchedTraces(encoded, insertedByTrace);
        if (maybeNew.length > 0) {
          // The batch's summary for the traces that have none yet; RETURNING names them, the rest are recomputed.
          const summaries = maybeNew.map((trace) => trace.summary);
          const written = await client.query(statements.insertNewTraces(projectId, summaries));
          const writtenIds = new Set((written.rows as InsertedKey[]).map((row) => row.trace_id));
          for (const trace of maybeNew) if (!writtenIds.has(trace.traceId)) stored.push(trace.traceId);
        }
        if (stored.length > 0) {
          const records = await client.query(statements.selectLightSpansOfTraces(projectId, stored));
          await client.query(statements.upsertTraces(projectId, summarizeStoredTraces(records.rows as SpanRecord[])));
        }
      }
      await client.query({ text: 'COMMIT' });
      const count = result.rowCount ?? 0;
      return { inserted: count, duplicates: encoded.rows.length - count };
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

  async getSpansOfTraces(
    projectId: string,
    traceIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly Span[]>> {
    const spans = new Map<string, Span[]>();
    if (traceIds.length === 0) return spans;
    const rows = await this.#query(
      { action: 'read spans of traces' },
      statements.selectSpansOfTraces(projectId, [...new Set(traceIds)]),
    );
    for (const span of (rows as SpanRecord[]).map(recordToSpan)) {
      const list = spans.get(span.traceId);
      if (list === undefined) spans.set(span.traceId, [span]);
      else list.push(span);
    }
    return spans;
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
