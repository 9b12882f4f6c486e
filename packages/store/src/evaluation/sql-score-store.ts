// Trace scores over a SqlExecutor: idempotent writes, reads per trace, and aggregates computed in SQL.
import type { CriterionResult } from '@kaizen/core';
import { isoToMicros, microsToIso } from '../rows/time.js';
import type { SqlExecutor, SqlParameter } from '../sql/sql-executor.js';
import { chunks, createGuard, marks } from './guard.js';
import type { LatestTraceScore, ScoreStore, TraceScore, TraceScoreInput } from './score-store.js';
import { BUCKET_MICROS, SCORES_JOIN_TRACES, scoreViewSql } from './score-view-sql.js';

const COLUMNS =
  'trace_id, evaluator_name, evaluator_version, score, passed, label, errors, source, evaluated_at, failed_criteria';

interface ScoreRow {
  readonly trace_id: string;
  readonly evaluator_name: string;
  readonly evaluator_version: number;
  readonly score: number | null;
  readonly passed: number;
  readonly label: string;
  readonly errors: number;
  readonly source: 'online' | 'manual';
  readonly evaluated_at: number;
  readonly failed_criteria: string;
}

interface FullScoreRow extends ScoreRow {
  readonly results: string;
}

const SPAN_OF_TRACE = 'SELECT 1 FROM spans sp WHERE sp.project_id = t.project_id AND sp.trace_id = t.trace_id';
/** Parameters per IN list: far below both databases' limits, and one plan per size. */
const IN_CHUNK = 500;

function toTraceScore(row: FullScoreRow): TraceScore {
  return {
    traceId: row.trace_id,
    evaluatorName: row.evaluator_name,
    evaluatorVersion: Number(row.evaluator_version),
    score: row.score === null ? null : Number(row.score),
    passed: Number(row.passed) === 1,
    label: row.label,
    results: JSON.parse(row.results) as CriterionResult[],
    source: row.source,
    evaluatedAt: microsToIso(Number(row.evaluated_at)),
    failedCriteria: JSON.parse(row.failed_criteria) as string[],
    errors: Number(row.errors),
  };
}

/** Newer evaluation first; the same instant → the higher version. */
function isNewer(row: ScoreRow, than: ScoreRow): boolean {
  const at = Number(row.evaluated_at);
  const thanAt = Number(than.evaluated_at);
  return at > thanAt || (at === thanAt && Number(row.evaluator_version) > Number(than.evaluator_version));
}

const compareKeys = (a: TraceScoreInput, b: TraceScoreInput): number =>
  a.traceId < b.traceId
    ? -1
    : a.traceId > b.traceId
      ? 1
      : a.evaluatorName < b.evaluatorName
        ? -1
        : a.evaluatorName > b.evaluatorName
          ? 1
          : a.evaluatorVersion - b.evaluatorVersion;

/** Writes one score and its criterion rows inside the caller's transaction. */
async function writeScore(tx: SqlExecutor, projectId: string, input: TraceScoreInput): Promise<TraceScore> {
  const failedCriteria = input.results
    .filter((result) => result.status === 'failed')
    .map((result) => result.criterionId);
  const errors = input.results.filter((result) => result.status === 'errored').length;
  const evaluatedAt = isoToMicros(input.evaluatedAt, 'evaluatedAt');
  const key = [projectId, input.traceId, input.evaluatorName, input.evaluatorVersion];
  await tx.query(
    `INSERT INTO trace_scores (project_id, ${COLUMNS}, results) VALUES (?, ${marks(11)}) ` +
      'ON CONFLICT (project_id, trace_id, evaluator_name, evaluator_version) DO UPDATE SET ' +
      'score = excluded.score, passed = excluded.passed, label = excluded.label, errors = excluded.errors, ' +
      'source = excluded.source, evaluated_at = excluded.evaluated_at, ' +
      'failed_criteria = excluded.failed_criteria, results = excluded.results',
    [
      ...key,
      input.score,
      input.passed ? 1 : 0,
      input.label,
      errors,
      input.source,
      evaluatedAt,
      JSON.stringify(failedCriteria),
      JSON.stringify(input.results),
    ],
  );
  await tx.query(
    'DELETE FROM trace_score_criteria WHERE project_id = ? AND trace_id = ? AND evaluator_name = ? ' +
      'AND evaluator_version = ?',
    key,
  );
  if (input.results.length > 0) {
    const values: SqlParameter[] = [];
    for (const result of input.results) values.push(...key, result.criterionId, result.status);
    await tx.query(
      'INSERT INTO trace_score_criteria (project_id, trace_id, evaluator_name, evaluator_version, ' +
        `criterion_id, status) VALUES ${input.results.map(() => `(${marks(6)})`).join(', ')}`,
      values,
    );
  }
  return { ...input, failedCriteria, errors, evaluatedAt: microsToIso(evaluatedAt) };
}

export function createSqlScoreStore(sql: SqlExecutor): ScoreStore {
  const guarded = createGuard(sql);
  return {
    write: (projectId, input: TraceScoreInput) =>
      guarded(
        {
          action: 'write score',
          foreignKey: `evaluator "${input.evaluatorName}" has no version ${input.evaluatorVersion} in this project`,
        },
        () => sql.transaction((tx) => writeScore(tx, projectId, input)),
      ),

    writeMany: async (projectId, inputs) => {
      if (inputs.length === 0) return [];
      return guarded(
        { action: 'write scores', foreignKey: 'a score names an evaluator version this project does not have' },
        // One transaction, so one commit (one WAL flush on Postgres) for the batch instead of one per score.
        () =>
          sql.transaction(async (tx) => {
            // In key order: two batches holding the same traces lock their rows in the same order (no deadlock).
            const ordered = inputs
              .map((input, index) => ({ input, index }))
              .sort((a, b) => compareKeys(a.input, b.input));
            const written = new Array<TraceScore>(inputs.length);
            for (const { input, index } of ordered) written[index] = await writeScore(tx, projectId, input);
            return written;
          }),
      );
    },

    listForTrace: (projectId, traceId) =>
      guarded('read scores of trace', async () => {
        const rows = await sql.query<FullScoreRow>(
          `SELECT ${COLUMNS}, results FROM trace_scores WHERE project_id = ? AND trace_id = ? ` +
            'ORDER BY evaluated_at DESC, evaluator_name, evaluator_version DESC',
          [projectId, traceId],
        );
        return rows.map(toTraceScore);
      }),

    latestForTraces: (projectId, traceIds, evaluatorName) =>
      guarded('read latest scores', async () => {
        const newest = new Map<string, ScoreRow>();
        for (const ids of chunks([...new Set(traceIds)], IN_CHUNK)) {
          const rows = await sql.query<ScoreRow>(
            `SELECT ${COLUMNS} FROM trace_scores WHERE project_id = ? AND trace_id IN (${marks(ids.length)})` +
              (evaluatorName === undefined ? '' : ' AND evaluator_name = ?'),
            evaluatorName === undefined ? [projectId, ...ids] : [projectId, ...ids, evaluatorName],
          );
          for (const row of rows) {
            const current = newest.get(row.trace_id);
            if (current === undefined || isNewer(row, current)) newest.set(row.trace_id, row);
          }
        }
        const result = new Map<string, LatestTraceScore>();
        for (const [traceId, row] of newest) {
          result.set(traceId, {
            evaluatorName: row.evaluator_name,
            evaluatorVersion: Number(row.evaluator_version),
            score: row.score === null ? null : Number(row.score),
            passed: Number(row.passed) === 1,
            label: row.label,
            failedCriteria: JSON.parse(row.failed_criteria) as string[],
          });
        }
        return result;
      }),

    timeSeries: (projectId, view, bucket) =>
      guarded('aggregate scores', async () => {
        const width = BUCKET_MICROS[bucket];
        const scope = scoreViewSql(projectId, view);
        const rows = await sql.query<{ bucket: number; n: number; mean_score: number | null; passed: number }>(
          `SELECT (t.start_time / ${width}) * ${width} AS bucket, COUNT(*) AS n, AVG(s.score) AS mean_score, ` +
            `SUM(s.passed) AS passed FROM ${SCORES_JOIN_TRACES} WHERE ${scope.where} GROUP BY 1 ORDER BY 1`,
          scope.values,
        );
        return rows.map((row) => ({
          bucketStart: microsToIso(Number(row.bucket)),
          count: Number(row.n),
          meanScore: row.mean_score === null ? null : Number(row.mean_score),
          passRate: Number(row.passed) / Number(row.n),
        }));
      }),

    criterionPassRates: (projectId, view) =>
      guarded('aggregate criterion results', async () => {
        const scope = scoreViewSql(projectId, view);
        const count = (status: string) => `SUM(CASE WHEN c.status = '${status}' THEN 1 ELSE 0 END) AS ${status}`;
        const rows = await sql.query<{
          criterion_id: string;
          passed: number;
          failed: number;
          errored: number;
          skipped: number;
        }>(
          `SELECT c.criterion_id, ${['passed', 'failed', 'errored', 'skipped'].map(count).join(', ')} ` +
            `FROM ${SCORES_JOIN_TRACES} JOIN trace_score_criteria c ON c.project_id = s.project_id ` +
            'AND c.trace_id = s.trace_id AND c.evaluator_name = s.evaluator_name ' +
            `AND c.evaluator_version = s.evaluator_version WHERE ${scope.where} GROUP BY c.criterion_id`,
          scope.values,
        );
        return rows
          .map((row) => {
            const passed = Number(row.passed);
            const failed = Number(row.failed);
            return {
              criterionId: row.criterion_id,
              passed,
              failed,
              errored: Number(row.errored),
              skipped: Number(row.skipped),
              passRate: passed + failed === 0 ? null : passed / (passed + failed),
            };
          })
          .sort((a, b) => (a.criterionId < b.criterionId ? -1 : a.criterionId > b.criterionId ? 1 : 0));
      }),

    unscoredTraces: (projectId, query) =>
      guarded('find unscored traces', async () => {
        const values: SqlParameter[] = [projectId, isoToMicros(query.since, 'since')];
        const where = ['t.project_id = ?', 't.start_time >= ?'];
        if (query.environment !== null) {
          where.push('t.environment = ?');
          values.push(query.environment);
        }
        if (query.promptName !== null || query.promptVersion !== null) {
          const prompt: string[] = [];
          if (query.promptName !== null) {
            prompt.push('sp.prompt_name = ?');
            values.push(query.promptName);
          }
          if (query.promptVersion !== null) {
            prompt.push('sp.prompt_version = ?');
            values.push(query.promptVersion);
          }
          where.push(`EXISTS (${SPAN_OF_TRACE} AND ${prompt.join(' AND ')})`);
        }
        where.push(
          'NOT EXISTS (SELECT 1 FROM trace_scores s WHERE s.project_id = t.project_id AND s.trace_id = t.trace_id ' +
            'AND s.evaluator_name = ?)',
        );
        values.push(query.evaluatorName);
        // The limit is an integer the caller chose, written as a literal: SQLite binds JS numbers as REAL.
        const limit = Math.max(1, Math.floor(query.limit));
        const rows = await sql.query<{ trace_id: string }>(
          `SELECT t.trace_id FROM traces t WHERE ${where.join(' AND ')} ` +
            `ORDER BY t.start_time DESC, t.trace_id DESC LIMIT ${limit}`,
          values,
        );
        return rows.map((row) => row.trace_id);
      }),
  };
}
