// The insight store over a SqlExecutor: the same SQL on SQLite and Postgres.
import { randomUUID } from 'node:crypto';
import type { CriterionResult } from '@kaizen/core';
import { chunks, createGuard, marks } from '../evaluation/guard.js';
import { SCORES_JOIN_TRACES, scoreViewSql } from '../evaluation/score-view-sql.js';
import { microsToIso } from '../rows/time.js';
import type { SqlExecutor, SqlParameter } from '../sql/sql-executor.js';
import type { InsightStore } from './insight-store.js';
import type { Insight, InsightQuery, InsightSummary, InsightView, ScoredTrace } from './insight-types.js';

const SUMMARY_COLUMNS =
  'id, evaluator_name, environment, prompt_name, prompt_version, dataset_name, dataset_version, experiment_id, ' +
  'from_time, to_time, trace_count, created_at';
const DEFAULT_LIST_LIMIT = 50;
const MAX_LIST_LIMIT = 200;
const IN_CHUNK = 500;

interface InsightRow {
  readonly id: string;
  readonly evaluator_name: string;
  readonly environment: string | null;
  readonly prompt_name: string | null;
  readonly prompt_version: string | null;
  readonly dataset_name: string | null;
  readonly dataset_version: number | null;
  readonly experiment_id: string | null;
  readonly from_time: string | null;
  readonly to_time: string | null;
  readonly trace_count: number;
  readonly created_at: string;
  readonly report?: string;
}

interface ScoredRow {
  readonly trace_id: string;
  readonly start_time: number | null;
  readonly evaluator_version: number;
  readonly evaluated_at: number;
  readonly results: string;
}

/** View field → column, for inserts and list filters. */
const VIEW_COLUMNS = {
  evaluatorName: 'evaluator_name',
  environment: 'environment',
  promptName: 'prompt_name',
  promptVersion: 'prompt_version',
  datasetName: 'dataset_name',
  datasetVersion: 'dataset_version',
  experimentId: 'experiment_id',
  from: 'from_time',
  to: 'to_time',
} as const satisfies Record<keyof InsightView, string>;

function toSummary(row: InsightRow): InsightSummary {
  const view: Record<string, string | number> = {};
  for (const [field, column] of Object.entries(VIEW_COLUMNS)) {
    const value = row[column];
    if (value !== null) view[field] = column === 'dataset_version' ? Number(value) : value;
  }
  return {
    id: row.id,
    view: view as unknown as InsightView,
    traceCount: Number(row.trace_count),
    createdAt: row.created_at,
  };
}

function toScoredTrace(row: ScoredRow): ScoredTrace {
  const results: Record<string, CriterionResult['status']> = {};
  const rationales: Record<string, string> = {};
  for (const result of JSON.parse(row.results) as CriterionResult[]) {
    results[result.criterionId] = result.status;
    if (result.rationale !== null && result.rationale !== undefined) rationales[result.criterionId] = result.rationale;
  }
  return {
    traceId: row.trace_id,
    startTime: row.start_time === null ? null : microsToIso(Number(row.start_time)),
    evaluatorVersion: Number(row.evaluator_version),
    results,
    rationales,
  };
}

export function createSqlInsightStore(sql: SqlExecutor): InsightStore {
  const guarded = createGuard(sql);
  return {
    create: (projectId, input) =>
      guarded('create insight', async (): Promise<Insight> => {
        const id = randomUUID();
        const createdAt = new Date().toISOString();
        const view = input.view;
        const values: SqlParameter[] = [projectId, id];
        for (const field of Object.keys(VIEW_COLUMNS) as (keyof InsightView)[]) values.push(view[field] ?? null);
        values.push(JSON.stringify(input.report), input.traceCount, createdAt);
        await sql.query(
          `INSERT INTO insights (project_id, id, ${Object.values(VIEW_COLUMNS).join(', ')}, report, trace_count, ` +
            `created_at) VALUES (${marks(values.length)})`,
          values,
        );
        return { id, view, report: input.report, traceCount: input.traceCount, createdAt };
      }),

    get: (projectId, id) =>
      guarded('read insight', async () => {
        const rows = await sql.query<InsightRow>(
          `SELECT ${SUMMARY_COLUMNS}, report FROM insights WHERE project_id = ? AND id = ?`,
          [projectId, id],
        );
        const row = rows[0];
        if (row === undefined) return null;
        return { ...toSummary(row), report: JSON.parse(row.report ?? 'null') as unknown };
      }),

    list: (projectId, query: InsightQuery = {}) =>
      guarded('list insights', async () => {
        const where = ['project_id = ?'];
        const values: SqlParameter[] = [projectId];
        for (const [field, column] of Object.entries(VIEW_COLUMNS)) {
          const value = query[field as keyof InsightView];
          if (value === undefined) continue;
          where.push(`${column} = ?`);
          values.push(value);
        }
        // A literal: SQLite binds JS numbers as REAL.
        const limit = Math.min(MAX_LIST_LIMIT, Math.max(1, Math.floor(query.limit ?? DEFAULT_LIST_LIMIT)));
        const rows = await sql.query<InsightRow>(
          `SELECT ${SUMMARY_COLUMNS} FROM insights WHERE ${where.join(' AND ')} ` +
            `ORDER BY created_at DESC, id DESC LIMIT ${limit}`,
          values,
        );
        return rows.map(toSummary);
      }),

    scoredTracesOfView: (projectId, view, limit) =>
      guarded('read scored traces', async () => {
        const scope = scoreViewSql(projectId, view);
        const cap = Math.max(1, Math.floor(limit));
        // Several evaluations of one version cannot exist (the key), so each trace comes once.
        const rows = await sql.query<ScoredRow>(
          `SELECT s.trace_id, t.start_time, s.evaluator_version, s.evaluated_at, s.results FROM ${SCORES_JOIN_TRACES} ` +
            `WHERE ${scope.where} ORDER BY t.start_time DESC, s.trace_id DESC LIMIT ${cap}`,
          scope.values,
        );
        return rows.map(toScoredTrace);
      }),

    scoredTraces: (projectId, traceIds, evaluatorName) =>
      guarded('read scored traces', async () => {
        const newest = new Map<string, ScoredRow>();
        for (const ids of chunks([...new Set(traceIds)], IN_CHUNK)) {
          const rows = await sql.query<ScoredRow>(
            'SELECT s.trace_id, t.start_time, s.evaluator_version, s.evaluated_at, s.results' +
              ' FROM trace_scores s LEFT JOIN traces t ON t.project_id = s.project_id AND t.trace_id = s.trace_id ' +
              `WHERE s.project_id = ? AND s.evaluator_name = ? AND s.trace_id IN (${marks(ids.length)})`,
            [projectId, evaluatorName, ...ids],
          );
          for (const row of rows) {
            const current = newest.get(row.trace_id);
            const at = Number(row.evaluated_at);
            if (
              current === undefined ||
              at > Number(current.evaluated_at) ||
              (at === Number(current.evaluated_at) && Number(row.evaluator_version) > Number(current.evaluator_version))
            ) {
              newest.set(row.trace_id, row);
            }
          }
        }
        return [...newest.values()].map(toScoredTrace);
      }),
  };
}
