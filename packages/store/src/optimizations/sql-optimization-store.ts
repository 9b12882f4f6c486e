// The optimization store over a SqlExecutor: the same SQL on SQLite and Postgres.
import { randomUUID } from 'node:crypto';
import { KaizenError } from '@kaizen/core';
import { createGuard, marks } from '../evaluation/guard.js';
import type { SqlExecutor, SqlParameter } from '../sql/sql-executor.js';
import {
  CANDIDATE_COLUMNS,
  candidateValues,
  type OptimizationCandidateRow,
  type OptimizationRunRow,
  PATCH_COLUMNS,
  RUN_COLUMNS,
  toOptimizationCandidate,
  toOptimizationRun,
} from './optimization-rows.js';
import type { OptimizationStore } from './optimization-store.js';
import {
  NO_OPTIMIZATION_SPEND,
  type OptimizationRun,
  type OptimizationRunPatch,
  type OptimizationRunQuery,
} from './optimization-types.js';

const DEFAULT_LIST_LIMIT = 50;
const MAX_LIST_LIMIT = 200;
/** Columns an upsert replaces: all but the key, the place in the order and the first write's time. */
const CANDIDATE_UPDATES = CANDIDATE_COLUMNS.split(', ')
  .filter((column) => column !== 'id' && column !== 'created_at')
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');

export function createSqlOptimizationStore(sql: SqlExecutor): OptimizationStore {
  const guarded = createGuard(sql);

  async function read(projectId: string, id: string): Promise<OptimizationRunRow | undefined> {
    const rows = await sql.query<OptimizationRunRow>(
      `SELECT ${RUN_COLUMNS} FROM optimization_runs WHERE project_id = ? AND id = ?`,
      [projectId, id],
    );
    return rows[0];
  }

  return {
    create: (projectId, input) =>
      guarded(
        {
          action: 'create optimization run',
          foreignKey:
            `prompt "${input.promptName}" version ${input.startVersion}, dataset "${input.datasetName}" version ` +
            `${input.datasetVersion} or evaluator "${input.evaluatorName}" version ${input.evaluatorVersion} ` +
            'does not exist',
        },
        async (): Promise<OptimizationRun> => {
          const at = new Date().toISOString();
          const row: OptimizationRunRow = {
            id: randomUUID(),
            status: 'running',
            prompt_name: input.promptName,
            start_version: input.startVersion,
            best_version: null,
            dataset_name: input.datasetName,
            dataset_version: input.datasetVersion,
            evaluator_name: input.evaluatorName,
            evaluator_version: input.evaluatorVersion,
            model: input.model,
            optimizer_model: input.optimizerModel,
            simulated: input.simulated ? 1 : 0,
            budget: JSON.stringify(input.budget),
            settings: JSON.stringify(input.settings),
            round: 0,
            spend: JSON.stringify(NO_OPTIMIZATION_SPEND),
            progress: JSON.stringify({ bestCandidateId: null, bestValidationScore: null, candidates: 0 }),
            result: null,
            error: null,
            created_at: at,
            updated_at: at,
            finished_at: null,
          };
          const columns = RUN_COLUMNS.split(', ') as (keyof OptimizationRunRow)[];
          await sql.query(
            `INSERT INTO optimization_runs (project_id, ${RUN_COLUMNS}) VALUES (?, ${marks(columns.length)})`,
            [projectId, ...columns.map((column) => row[column])],
          );
          return toOptimizationRun(row);
        },
      ),

    get: (projectId, id) =>
      guarded('read optimization run', async () => {
        const row = await read(projectId, id);
        return row === undefined ? null : toOptimizationRun(row);
      }),

    list: (projectId, query: OptimizationRunQuery = {}) =>
      guarded('list optimization runs', async () => {
        const where = ['project_id = ?'];
        const values: SqlParameter[] = [projectId];
        if (query.status !== undefined) {
          where.push('status = ?');
          values.push(query.status);
        }
        if (query.promptName !== undefined) {
          where.push('prompt_name = ?');
          values.push(query.promptName);
        }
        // A literal: SQLite binds JS numbers as REAL.
        const limit = Math.min(MAX_LIST_LIMIT, Math.max(1, Math.floor(query.limit ?? DEFAULT_LIST_LIMIT)));
        const rows = await sql.query<OptimizationRunRow>(
          `SELECT ${RUN_COLUMNS} FROM optimization_runs WHERE ${where.join(' AND ')} ` +
            `ORDER BY created_at DESC, id DESC LIMIT ${limit}`,
          values,
        );
        return rows.map(toOptimizationRun);
      }),

    update: (projectId, id, patch, options = {}) =>
      guarded('update optimization run', async () => {
        const sets: string[] = [];
        const values: SqlParameter[] = [];
        for (const [field, { column, write }] of Object.entries(PATCH_COLUMNS)) {
          const value = patch[field as keyof OptimizationRunPatch];
          if (value === undefined) continue;
          sets.push(`${column} = ?`);
          values.push(write(value));
        }
        sets.push('updated_at = ?');
        values.push(new Date().toISOString(), projectId, id);
        let condition = '';
        if (options.onlyFrom !== undefined) {
          condition = ` AND status IN (${marks(options.onlyFrom.length)})`;
          values.push(...options.onlyFrom);
        }
        const rows = await sql.query<OptimizationRunRow>(
          `UPDATE optimization_runs SET ${sets.join(', ')} WHERE project_id = ? AND id = ?${condition} ` +
            `RETURNING ${RUN_COLUMNS}`,
          values,
        );
        const updated = rows[0];
        if (updated !== undefined) return toOptimizationRun(updated);
        const current = await read(projectId, id);
        if (current === undefined) throw new KaizenError('not_found', `optimization run ${id} not found`);
        throw new KaizenError('conflict', `optimization run ${id} is ${current.status}`);
      }),

    markAll: (from, to, error) =>
      guarded('update optimization runs', async () => {
        const at = new Date().toISOString();
        const rows = await sql.query<{ id: string }>(
          'UPDATE optimization_runs SET status = ?, error = ?, updated_at = ?, finished_at = ? WHERE status = ? ' +
            'RETURNING id',
          [to, error, at, to === 'running' ? null : at, from],
        );
        return rows.length;
      }),

    upsertCandidate: (projectId, runId, candidate) =>
      guarded(
        { action: 'write optimization candidate', foreignKey: `optimization run ${runId} not found` },
        async () => {
          const values = candidateValues(candidate, new Date().toISOString());
          await sql.query(
            `INSERT INTO optimization_candidates (project_id, run_id, position, ${CANDIDATE_COLUMNS}) VALUES (?, ?, ` +
              '(SELECT COALESCE(MAX(position), -1) + 1 FROM optimization_candidates WHERE project_id = ? AND run_id = ?), ' +
              `${marks(values.length)}) ON CONFLICT (project_id, run_id, id) DO UPDATE SET ${CANDIDATE_UPDATES}`,
            [projectId, runId, projectId, runId, ...values],
          );
        },
      ),

    listCandidates: (projectId, runId) =>
      guarded('list optimization candidates', async () => {
        const rows = await sql.query<OptimizationCandidateRow>(
          `SELECT ${CANDIDATE_COLUMNS} FROM optimization_candidates WHERE project_id = ? AND run_id = ? ` +
            'ORDER BY position, id',
          [projectId, runId],
        );
        return rows.map(toOptimizationCandidate);
      }),
  };
}
