// The one storage interface. SQLite (embedded default) and Postgres implement it; one contract suite tests both.
import type { Span, TraceSummary } from '@kaizen/core';
import type { EvaluationStores } from './evaluation/create-evaluation-stores.js';
import type { ExperimentStores } from './experiments/create-experiment-stores.js';
import type { InsightStore } from './insights/insight-store.js';
import type { OptimizationStore } from './optimizations/optimization-store.js';
import type { PromptStore } from './prompts/prompt-store.js';
import type { TraceMetrics, TraceMetricsQuery } from './query/trace-metrics-query.js';
import type { SpanRetention } from './retention/span-retention.js';
import type { SpansToInsert } from './rows/encode-spans.js';

export interface Project {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface ApiKeyRecord {
  readonly id: string;
  readonly projectId: string;
  /** The first characters of the key, safe to show (`kz_AbCd…`). */
  readonly prefix: string;
  readonly createdAt: string;
}

export interface InsertSpansResult {
  /** Spans written now. */
  readonly inserted: number;
  /** Spans already stored under the same (traceId, spanId): an exporter retry. Not written again. */
  readonly duplicates: number;
}

export interface TraceQuery {
  /** ISO 8601; traces starting at or after. */
  readonly from?: string;
  /** ISO 8601; traces starting before. */
  readonly to?: string;
  readonly environment?: string;
  /** Any span of the trace used this model. */
  readonly model?: string;
  readonly promptName?: string;
  readonly promptVersion?: string;
  readonly status?: 'ok' | 'error';
  /** Case-insensitive substring of any span's input or output. */
  readonly q?: string;
  /** 1..1000, default 50. */
  readonly limit?: number;
  /** Opaque, from a previous page's nextCursor. */
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/**
 * Besides spans and prompts: evaluators, scores, labels and online rules (`EvaluationStores`); datasets, experiments
 * and the response cache (`ExperimentStores`).
 */
export interface Store extends EvaluationStores, ExperimentStores {
  /** Which backend, for logs and error messages. */
  readonly dialect: 'sqlite' | 'postgres';
  /** The prompt registry: versions, labels, audit log. */
  readonly prompts: PromptStore;
  /** Root-cause reports, stored with their view. */
  readonly insights: InsightStore;
  /** Optimization runs and the candidates they tried. */
  readonly optimizations: OptimizationStore;
  /** Deleting traces past their retention; on Postgres, the daily partitions of `spans` too. */
  readonly retention: SpanRetention;
  /** Creates the schema, or brings it up to date; on Postgres also the `spans` partitions of the next days. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  createProject(name: string): Promise<Project>;
  getProjectByName(name: string): Promise<Project | null>;
  /** Stores only the hash; the caller generates the key and shows it once. */
  createApiKey(projectId: string, keyHash: string, prefix: string): Promise<ApiKeyRecord>;
  findProjectByKeyHash(keyHash: string): Promise<Project | null>;

  /**
   * Writes the spans and refreshes the summaries of the traces they touch, in one transaction: when it resolves,
   * everything is durable; when it rejects, nothing was written. `spans` may come already encoded by `encodeSpans`
   * (the ingest path does that in a worker thread), which leaves the caller's thread only statements to run.
   */
  insertSpans(projectId: string, spans: SpansToInsert): Promise<InsertSpansResult>;
  listTraces(projectId: string, query: TraceQuery): Promise<Page<TraceSummary>>;
  /** Spans ordered by start time; empty when the trace does not exist in this project. */
  getTraceSpans(projectId: string, traceId: string): Promise<readonly Span[]>;
  /**
   * The spans of many traces in one read (a worker scoring a batch), each trace's in `getTraceSpans` order; traces
   * without spans are absent from the map.
   */
  getSpansOfTraces(projectId: string, traceIds: readonly string[]): Promise<ReadonlyMap<string, readonly Span[]>>;
  /**
   * Counts, errors, tokens, cost and latency of the traces per time bucket and group, aggregated in the database
   * from the trace summaries. `invalid_input` over MAX_METRICS_BUCKETS buckets.
   */
  traceMetrics(projectId: string, query: TraceMetricsQuery): Promise<TraceMetrics>;
}
