// Retention of traces: what goes when traces grow older than the configured age, and the partitions made ahead.

export interface RetentionResult {
  /** Postgres: daily `spans` partitions dropped whole. Always 0 on SQLite. */
  readonly droppedPartitions: number;
  /** Spans deleted, those of the dropped partitions included. */
  readonly deletedSpans: number;
  /** Trace summaries deleted: one per trace that started before the cutoff. */
  readonly deletedTraces: number;
  /** Scores of those traces (their per-criterion rows go with them). */
  readonly deletedScores: number;
}

export interface SpanRetention {
  /**
   * Deletes every trace that started before `cutoff`: its summary, all its spans (a span that started after the
   * cutoff too, so no trace is left half there) and its scores. Human labels and dataset items copied from traces
   * stay. Postgres drops whole daily partitions that end at or before the cutoff, so a cutoff at midnight UTC
   * deletes the fewest rows one by one.
   *
   * @example
   * const midnight = new Date(Date.UTC(2026, 0, 1));
   * await store.retention.deleteTracesBefore(midnight); // { droppedPartitions: 3, deletedSpans: 1200, … }
   */
  deleteTracesBefore(cutoff: Date): Promise<RetentionResult>;
  /**
   * Postgres: creates the daily `spans` partitions from yesterday to two days ahead where missing, and resolves with
   * how many it made (inserts create their day's partition too; this keeps that off the ingest path). SQLite: 0.
   */
  preparePartitions(): Promise<number>;
}
