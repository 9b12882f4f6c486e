// Store over an embedded SQLite database: better-sqlite3's synchronous calls behind the async interface.
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

/**
 * @example
 * const store = createSqliteStore(new Database('kaizen.db')); // pragmas are the caller's: see openSqliteStore
 * await store.migrate();
 */
export function createSqliteStore(database: SqliteDatabase): Store {
  return new SqliteStore(database);
}

class SqliteStore implements Store {
  readonly dialect = 'sqlite';
  readonly #database: SqliteDatabase;
  #statements: SqliteStatements | null = null;
  /** List queries differ only by which filters are set: a few hundred texts at most. */
  readonly #listStatements = new Map<string, SqliteStatement>();

  readonly prompts: PromptStore;

  constructor(database: SqliteDatabase) {
    this.#database = database;
    this.prompts = createSqlPromptStore(createSqliteExecutor(database));
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

  async insertSpans(projectId: string, spans: readonly Span[]): Promise<InsertSpansResult> {
    if (spans.length === 0) return { inserted: 0, duplicates: 0 };
    const context = { action: 'insert spans', foreignKey: `project ${projectId} does not exist` };
    // Converted before the transaction so the write lock is held only for the writes.
    const rows = this.#guard(context, () => spans.map(spanToValues));
    return this.#guard(context, () => this.#transaction(() => this.#writeSpans(projectId, spans, rows)));
  }

  #writeSpans(projectId: string, spans: readonly Span[], rows: readonly SqlValue[][]): InsertSpansResult {
    const statements = this.#prepared;
    // Only traces that gained a span need a new summary: a pure retry rewrites nothing.
    const inserted = new Map<string, Span[]>();
    let count = 0;
    rows.forEach((row, index) => {
      const span = spans[index];
      if (span === undefined || statements.insertSpan.run(projectId, ...row).changes === 0) return;
      count += 1;
      addByTrace(inserted, span);
    });
    const stored: SpanRecord[] = [];
    for (const traceId of inserted.keys()) {
      if (statements.selectTraceIsSummarised.get(projectId, traceId) === undefined) continue;
      // A loop, not push(...rows): a trace can hold more spans than a call takes arguments.
      for (const record of statements.selectLightSpansOfTrace.all(projectId, traceId))
        stored.push(record as SpanRecord);
    }
    for (const values of summarizeTouchedTraces(inserted, stored)) statements.upsertTrace.run(projectId, ...values);
    return { inserted: count, duplicates: spans.length - count };
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
