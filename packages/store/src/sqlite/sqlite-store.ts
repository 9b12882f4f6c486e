// Store over an embedded SQLite database: better-sqlite3's synchronous calls behind the async interface.
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
import { recordToSpan, type SpanRecord } from '../rows/span-row.js';
import { countInserted, summarizeStoredTraces, touchedTraces } from '../rows/summarize-touched-traces.js';
import type { TraceRecord } from '../rows/trace-row.js';
import type { ApiKeyRecord, InsertSpansResult, Page, Project, Store, TraceQuery } from '../store.js';
import type { BackgroundCheckpointer } from './background-checkpointer.js';
import { classifySqliteError } from './classify-sqlite-error.js';
import { migrateSqlite } from './migrate-sqlite.js';
import type { SqliteDatabase, SqliteStatement } from './sqlite-driver.js';
import { createSqliteExecutor } from './sqlite-executor.js';
import { prepareSqliteStatements, type SqliteStatements } from './sqlite-statements.js';

interface ProjectRecord {
  readonly id: string;
  readonly name: string;
  readonly created_at: string;
}

const toProject = (record: ProjectRecord): Project => ({
  id: record.id,
  name: record.name,
  createdAt: record.created_at,
});

export interface SqliteStoreSettings {
  /** Checkpoints the WAL off the event loop; the caller then turns the connection's own checkpoints off. */
  readonly checkpointer?: BackgroundCheckpointer | null;
}

/**
 * @example
 * const store = createSqliteStore(new Database('kaizen.db')); // pragmas are the caller's: see openSqliteStore
 * await store.migrate();
 */
export function createSqliteStore(database: SqliteDatabase, settings: SqliteStoreSettings = {}): Store {
  return new SqliteStore(database, settings.checkpointer ?? null);
}

class SqliteStore implements Store {
  readonly dialect = 'sqlite';
  readonly #database: SqliteDatabase;
  readonly #checkpointer: BackgroundCheckpointer | null;
  #statements: SqliteStatements | null = null;
  /** List queries differ only by which filters are set: a few hundred texts at most. */
  readonly #listStatements = new Map<string, SqliteStatement>();

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

  constructor(database: SqliteDatabase, checkpointer: BackgroundCheckpointer | null) {
    this.#database = database;
    this.#checkpointer = checkpointer;
    // One executor for every SQL sub-store: on SQLite its queue keeps their transactions from nesting.
    const sql = createSqliteExecutor(database);
    this.prompts = createSqlPromptStore(sql);
    this.insights = createSqlInsightStore(sql);
    this.optimizations = createSqlOptimizationStore(sql);
    this.retention = createSqlSpanRetention(sql, null);
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

  get #prepared(): SqliteStatements {
    this.#statements ??= prepareSqliteStatements(this.#database);
    return this.#statements;
  }

  async migrate(): Promise<void> {
    this.#guard({ action: 'migrate the database' }, () => migrateSqlite(this.#database));
  }

  async close(): Promise<void> {
    if (!this.#database.open) return;
    await this.#checkpointer?.close();
    // Another close may have finished meanwhile.
    if (!this.#database.open) return;
    try {
      // Lets SQLite refresh the planner statistics it needs, as its documentation recommends before closing.
      this.#database.pragma('optimize');
    } finally {
      this.#database.close();
    }
  }

  async createProject(name: string): Promise<Project> {
    const project: Project = { id: randomUUID(), name, createdAt: new Date().toISOString() };
    this.#guard({ action: 'create project', unique: `a project named "${name}" already exists` }, () =>
      this.#prepared.insertProject.run(project.id, project.name, project.createdAt),
    );
    return project;
  }

  async getProjectByName(name: string): Promise<Project | null> {
    const record = this.#guard({ action: 'read project' }, () => this.#prepared.selectProjectByName.get(name));
    return record === undefined ? null : toProject(record as ProjectRecord);
  }

  async createApiKey(projectId: string, keyHash: string, prefix: string): Promise<ApiKeyRecord> {
    const key: ApiKeyRecord = { id: randomUUID(), projectId, prefix, createdAt: new Date().toISOString() };
    const context = {
      action: 'create API key',
      unique: 'an API key with this hash already exists',
      foreignKey: `project ${projectId} does not exist`,
    };
    this.#guard(context, () => this.#prepared.insertApiKey.run(key.id, projectId, keyHash, key.prefix, key.createdAt));
    return key;
  }

  async findProjectByKeyHash(keyHash: string): Promise<Project | null> {
    const record = this.#guard({ action: 'look up API key' }, () => this.#prepared.selectProjectByKeyHash.get(keyHash));
    return record === undefined ? null : toProject(record as ProjectRecord);
  }

  async insertSpans(projectId: string, spans: SpansToInsert): Promise<InsertSpansResult> {
    const context = { action: 'insert spans', foreignKey: `project ${projectId} does not exist` };
    // Encoded before the transaction (or already, in an ingest worker) so the write lock is held only for the writes.
    const encoded = isEncodedSpans(spans) ? spans : this.#guard(context, () => encodeSpans(spans));
    if (encoded.rows.length === 0) return { inserted: 0, duplicates: 0 };
    const gate = this.#checkpointer?.gate;
    if (gate) await gate;
    const result = this.#guard(context, () => this.#transaction(() => this.#writeSpans(projectId, encoded)));
    this.#checkpointer?.committed(encoded.rows.length);
    return result;
  }

  #writeSpans(projectId: string, encoded: EncodedSpans): InsertSpansResult {
    const statements = this.#prepared;
    // Only traces that gained a span need a new summary: a pure retry rewrites nothing.
    const insertedByTrace = new Map<string, number>();
    let count = 0;
    for (const row of encoded.rows) {
      // Spread, not the array: better-sqlite3 binds arguments faster than array elements (~1 µs per row).
      if (statements.insertSpan.run(projectId, ...row).changes === 0) continue;
      count += 1;
      // trace_id is the first of SPAN_COLUMNS.
      countInserted(insertedByTrace, row[0] as string);
    }
    const { maybeNew, stored } = touchedTraces(encoded, insertedByTrace);
    // One statement for a new trace: it writes the batch's summary unless the trace already has one.
    for (const trace of maybeNew) {
      if (statements.insertNewTrace.run(projectId, ...trace.summary).changes === 0) stored.push(trace.traceId);
    }
    for (const traceId of stored) {
      const records = statements.selectLightSpansOfTrace.all(projectId, traceId) as SpanRecord[];
      for (const values of summarizeStoredTraces(records)) statements.upsertTrace.run(projectId, ...values);
    }
    return { inserted: count, duplicates: encoded.rows.length - count };
  }

  async listTraces(projectId: string, query: TraceQuery): Promise<Page<TraceSummary>> {
    const filter = parseTraceQuery(query);
    const sql = buildTraceListSql(projectId, filter, { placeholder: () => '?', caseInsensitiveLike: 'LIKE' });
    const records = this.#guard({ action: 'list traces' }, () => {
      let statement = this.#listStatements.get(sql.text);
      if (statement === undefined) {
        statement = this.#database.prepare(sql.text);
        this.#listStatements.set(sql.text, statement);
      }
      return statement.all(...sql.values) as TraceRecord[];
    });
    return toTracePage(records, filter.limit);
  }

  async getTraceSpans(projectId: string, traceId: string): Promise<readonly Span[]> {
    const records = this.#guard({ action: 'read trace spans' }, () =>
      this.#prepared.selectSpansOfTrace.all(projectId, traceId),
    );
    return (records as SpanRecord[]).map(recordToSpan);
  }

  async getSpansOfTraces(
    projectId: string,
    traceIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly Span[]>> {
    // One indexed probe per trace through the prepared statement: SQLite has no round trip to save.
    const spans = new Map<string, readonly Span[]>();
    for (const traceId of new Set(traceIds)) {
      const found = await this.getTraceSpans(projectId, traceId);
      if (found.length > 0) spans.set(traceId, found);
    }
    return spans;
  }

  #transaction<T>(work: () => T): T {
    const statements = this.#prepared;
    statements.begin.run();
    try {
      const result = work();
      statements.commit.run();
      return result;
    } catch (error) {
      // Some errors (disk full, I/O) have already rolled the transaction back.
      if (this.#database.inTransaction) statements.rollback.run();
      throw error;
    }
  }

  #guard<T>(context: Omit<FailureContext, 'dialect'>, work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw toStoreError(error, classifySqliteError(error), { ...context, dialect: 'sqlite' });
    }
  }
}
