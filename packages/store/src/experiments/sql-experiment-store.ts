// The experiment store over a SqlExecutor: the same SQL and logic on SQLite and Postgres.
import { randomUUID } from 'node:crypto';
import { KaizenError } from '@kaizen/core';
import { toStoreError } from '../errors/to-store-error.js';
import type { SqlExecutor, SqlParameter } from '../sql/sql-executor.js';
import {
  EXPERIMENT_COLUMNS,
  EXPERIMENT_ITEM_COLUMNS,
  type ExperimentItemRow,
  type ExperimentRow,
  experimentItemValues,
  toExperiment,
  toExperimentItem,
} from './experiment-rows.js';
import type { ExperimentStore } from './experiment-store.js';
import type { Experiment, ExperimentQuery } from './experiment-types.js';
import { summarizeExperiment } from './summarize-experiment.js';

/** 13 parameters per row. */
const INSERT_CHUNK = 50;
const DEFAULT_LIST_LIMIT = 50;
const MAX_LIST_LIMIT = 200;

export function createSqlExperimentStore(sql: SqlExecutor): ExperimentStore {
  async function guarded<T>(action: string, work: () => Promise<T>, foreignKey?: string): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error, sql.classify(error), {
        action,
        dialect: sql.dialect,
        unique: `${action}: an item id is already in the experiment`,
        ...(foreignKey !== undefined ? { foreignKey } : {}),
      });
    }
  }

  async function row(executor: SqlExecutor, projectId: string, id: string): Promise<ExperimentRow | undefined> {
    const rows = await executor.query<ExperimentRow>(
      `SELECT ${EXPERIMENT_COLUMNS} FROM experiments WHERE project_id = ? AND id = ?`,
      [projectId, id],
    );
    return rows[0];
  }

  async function lock(executor: SqlExecutor, projectId: string, id: string): Promise<ExperimentRow> {
    // SQLite's BEGIN IMMEDIATE serialises writers already; Postgres orders item batches and finishing per experiment.
    if (executor.dialect === 'postgres') {
      await executor.query('SELECT pg_advisory_xact_lock(hashtext(?))', [`experiment:${projectId}:${id}`]);
    }
    const found = await row(executor, projectId, id);
    if (found === undefined) throw new KaizenError('not_found', `experiment ${id} not found`);
    return found;
  }

  async function items(executor: SqlExecutor, projectId: string, id: string) {
    const rows = await executor.query<ExperimentItemRow>(
      `SELECT ${EXPERIMENT_ITEM_COLUMNS} FROM experiment_items WHERE project_id = ? AND experiment_id = ? ORDER BY position`,
      [projectId, id],
    );
    return rows.map(toExperimentItem);
  }

  return {
    create: (projectId, input) =>
      guarded(
        'create experiment',
        async (): Promise<Experiment> => {
          const values: ExperimentRow = {
            id: randomUUID(),
            name: input.name ?? null,
            status: 'running',
            prompt_name: input.promptName,
            prompt_version: input.promptVersion,
            dataset_name: input.datasetName,
            dataset_version: input.datasetVersion,
            dataset_split: input.datasetSplit,
            model: input.model,
            simulated: input.simulated ? 1 : 0,
            evaluator: input.evaluator,
            checklist_hash: input.checklistHash,
            checklist: JSON.stringify({ criteria: input.criteria, passThreshold: input.passThreshold }),
            settings: JSON.stringify(input.settings ?? {}),
            summary: null,
            error: null,
            created_at: new Date().toISOString(),
            finished_at: null,
          };
          const columns = EXPERIMENT_COLUMNS.split(', ');
          await sql.query(
            `INSERT INTO experiments (project_id, ${EXPERIMENT_COLUMNS}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
            [projectId, ...columns.map((column) => values[column as keyof ExperimentRow] as SqlParameter)],
          );
          return toExperiment(values);
        },
        `prompt "${input.promptName}" version ${input.promptVersion} or dataset "${input.datasetName}" ` +
          `version ${input.datasetVersion} does not exist`,
      ),

    addItems: (projectId, experimentId, batch) =>
      guarded('add experiment items', () =>
        sql.transaction(async (tx) => {
          const found = await lock(tx, projectId, experimentId);
          if (found.status !== 'running') {
            throw new KaizenError('conflict', `experiment ${experimentId} is ${found.status}: it takes no more items`);
          }
          const [count] = await tx.query<{ n: number | string }>(
            'SELECT COUNT(*) AS n FROM experiment_items WHERE project_id = ? AND experiment_id = ?',
            [projectId, experimentId],
          );
          const start = Number(count?.n ?? 0);
          for (let offset = 0; offset < batch.length; offset += INSERT_CHUNK) {
            const chunk = batch.slice(offset, offset + INSERT_CHUNK);
            await tx.query(
              `INSERT INTO experiment_items (project_id, experiment_id, ${EXPERIMENT_ITEM_COLUMNS}) VALUES ` +
                chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', '),
              chunk.flatMap((item, index) => [
                projectId,
                experimentId,
                ...experimentItemValues(start + offset + index, item),
              ]),
            );
          }
          return { total: start + batch.length };
        }),
      ),

    finish: (projectId, experimentId, input) =>
      guarded('finish experiment', () =>
        sql.transaction(async (tx) => {
          const found = await lock(tx, projectId, experimentId);
          if (found.status !== 'running') {
            throw new KaizenError('conflict', `experiment ${experimentId} already finished (${found.status})`);
          }
          const experiment = toExperiment(found);
          const summary = summarizeExperiment(
            experiment.criteria.map((criterion) => criterion.id),
            await items(tx, projectId, experimentId),
          );
          const finishedAt = new Date().toISOString();
          const error = input.error ?? null;
          await tx.query(
            'UPDATE experiments SET status = ?, summary = ?, error = ?, finished_at = ? WHERE project_id = ? AND id = ?',
            [input.status, JSON.stringify(summary), error, finishedAt, projectId, experimentId],
          );
          return { ...experiment, status: input.status, summary, error, finishedAt };
        }),
      ),

    get: (projectId, experimentId) =>
      guarded('read experiment', async () => {
        const found = await row(sql, projectId, experimentId);
        return found === undefined ? null : toExperiment(found);
      }),

    getWithItems: (projectId, experimentId) =>
      guarded('read experiment', async () => {
        const found = await row(sql, projectId, experimentId);
        if (found === undefined) return null;
        return { ...toExperiment(found), items: await items(sql, projectId, experimentId) };
      }),

    listItems: (projectId, experimentId) =>
      guarded('read experiment items', async () => {
        if ((await row(sql, projectId, experimentId)) === undefined) {
          throw new KaizenError('not_found', `experiment ${experimentId} not found`);
        }
        return items(sql, projectId, experimentId);
      }),

    list: (projectId, query: ExperimentQuery = {}) =>
      guarded('list experiments', async () => {
        const limit = query.limit ?? DEFAULT_LIST_LIMIT;
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
          throw new KaizenError('invalid_input', `limit must be an integer from 1 to ${MAX_LIST_LIMIT}, got ${limit}`);
        }
        const conditions: string[] = ['project_id = ?'];
        const parameters: SqlParameter[] = [projectId];
        const equal = (column: string, value: SqlParameter | undefined) => {
          if (value === undefined) return;
          conditions.push(`${column} = ?`);
          parameters.push(value);
        };
        equal('prompt_name', query.promptName);
        equal('prompt_version', query.promptVersion);
        equal('dataset_name', query.datasetName);
        equal('dataset_version', query.datasetVersion);
        if (query.datasetSplit === 'all') conditions.push('dataset_split IS NULL');
        else equal('dataset_split', query.datasetSplit);
        equal('model', query.model);
        equal('checklist_hash', query.checklistHash);
        equal('status', query.status);
        const rows = await sql.query<ExperimentRow>(
          `SELECT ${EXPERIMENT_COLUMNS} FROM experiments WHERE ${conditions.join(' AND ')} ` +
            'ORDER BY created_at DESC, id DESC LIMIT ?',
          [...parameters, limit],
        );
        return rows.map(toExperiment);
      }),
  };
}
