// Retention over either backend: per project, one transaction deletes the old traces, their spans and scores.
import { KaizenError } from '@kaizen/core';
import { createGuard } from '../evaluation/guard.js';
import type { SpanPartitions } from '../postgres/span-partitions.js';
import type { SqlExecutor } from '../sql/sql-executor.js';
import type { RetentionResult, SpanRetention } from './span-retention.js';

interface Count {
  readonly n: number;
}

// Both dialects read the old traces through traces_by_start (project_id, start_time, …).
const OLD_TRACES = 'SELECT trace_id FROM traces WHERE project_id = ? AND start_time < ?';

// SQLite: the spans of the old traces through the key's (project_id, trace_id) prefix, one probe per trace.
const SQLITE = {
  spans: `DELETE FROM spans WHERE project_id = ? AND trace_id IN (${OLD_TRACES})`,
  scores: `DELETE FROM trace_scores WHERE project_id = ? AND trace_id IN (${OLD_TRACES})`,
  traces: 'DELETE FROM traces WHERE project_id = ? AND start_time < ?',
  changes: 'SELECT changes() AS n',
};

// Postgres: a probe per trace would visit every partition, so the spans go by start time instead (the partitions
// left below the cutoff: the default one, and the cutoff's own day when it is not midnight), plus every span of the
// traces that straddle the cutoff. A trace's end is its spans' latest end, so a span that started at or after the
// cutoff belongs to a trace that ends after it. Counted in SQL: RETURNING would ship a row per span to the client.
const counted = (statement: string) => `WITH gone AS (${statement} RETURNING 1) SELECT count(*) AS n FROM gone`;
const POSTGRES = {
  straddling: counted(
    'DELETE FROM spans s USING traces t WHERE t.project_id = ? AND t.start_time < ? AND t.end_time >= ? ' +
      'AND s.project_id = t.project_id AND s.trace_id = t.trace_id',
  ),
  spans: counted('DELETE FROM spans WHERE project_id = ? AND start_time < ?'),
  scores: counted(`DELETE FROM trace_scores WHERE project_id = ? AND trace_id IN (${OLD_TRACES})`),
  traces: counted('DELETE FROM traces WHERE project_id = ? AND start_time < ?'),
};

const first = (rows: readonly Count[]): number => Number(rows[0]?.n ?? 0);

async function deleteProjectTraces(sql: SqlExecutor, projectId: string, cutoff: number): Promise<RetentionResult> {
  return sql.transaction(async (transaction) => {
    let deletedSpans: number;
    let deletedScores: number;
    let deletedTraces: number;
    if (transaction.dialect === 'postgres') {
      deletedSpans = first(await transaction.query<Count>(POSTGRES.straddling, [projectId, cutoff, cutoff]));
      deletedSpans += first(await transaction.query<Count>(POSTGRES.spans, [projectId, cutoff]));
      deletedScores = first(await transaction.query<Count>(POSTGRES.scores, [projectId, projectId, cutoff]));
      deletedTraces = first(await transaction.query<Count>(POSTGRES.traces, [projectId, cutoff]));
    } else {
      await transaction.query(SQLITE.spans, [projectId, projectId, cutoff]);
      deletedSpans = first(await transaction.query<Count>(SQLITE.changes));
      await transaction.query(SQLITE.scores, [projectId, projectId, cutoff]);
      deletedScores = first(await transaction.query<Count>(SQLITE.changes));
      await transaction.query(SQLITE.traces, [projectId, cutoff]);
      deletedTraces = first(await transaction.query<Count>(SQLITE.changes));
    }
    return { droppedPartitions: 0, deletedSpans, deletedTraces, deletedScores };
  });
}

/** `partitions` is Postgres's daily partitions of `spans`; null on SQLite. */
export function createSqlSpanRetention(sql: SqlExecutor, partitions: SpanPartitions | null): SpanRetention {
  const guarded = createGuard(sql);
  return {
    async deleteTracesBefore(cutoff) {
      const millis = cutoff.getTime();
      if (!Number.isFinite(millis)) throw new KaizenError('invalid_input', 'the retention cutoff must be a valid date');
      return guarded('delete old traces', () => deleteBefore(sql, partitions, millis * 1000));
    },
    preparePartitions: () =>
      guarded('prepare span partitions', async () => (partitions === null ? 0 : partitions.prepare())),
  };
}

async function deleteBefore(
  sql: SqlExecutor,
  partitions: SpanPartitions | null,
  cutoffMicros: number,
): Promise<RetentionResult> {
  // Partitions first: should this stop half way, the summaries left behind are deleted by the next run, whereas
  // spans left without their summary would make a late span of that trace look like a new trace.
  const dropped = partitions === null ? { partitions: 0, spans: 0 } : await partitions.dropBefore(cutoffMicros);
  const total = {
    droppedPartitions: dropped.partitions,
    deletedSpans: dropped.spans,
    deletedTraces: 0,
    deletedScores: 0,
  };
  // One transaction per project keeps each short; every query below leads with project_id, as the indexes do.
  for (const { id } of await sql.query<{ id: string }>('SELECT id FROM projects')) {
    const result = await deleteProjectTraces(sql, id, cutoffMicros);
    total.deletedSpans += result.deletedSpans;
    total.deletedTraces += result.deletedTraces;
    total.deletedScores += result.deletedScores;
  }
  return total;
}
