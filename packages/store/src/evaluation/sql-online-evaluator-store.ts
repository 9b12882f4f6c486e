// Online evaluation rules over a SqlExecutor: one row per (evaluator, view), upserted.
import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { createGuard } from './guard.js';
import type { OnlineEvaluator, OnlineEvaluatorStore, OnlineEvaluatorView } from './online-evaluator-store.js';

interface RuleRow {
  readonly project_id: string;
  readonly id: string;
  readonly evaluator_name: string;
  readonly environment: string | null;
  readonly prompt_name: string | null;
  readonly prompt_version: string | null;
  readonly sampling_rate: number;
  readonly enabled: number;
  readonly created_at: string;
  readonly updated_at: string;
}

const COLUMNS =
  'project_id, id, evaluator_name, environment, prompt_name, prompt_version, sampling_rate, enabled, created_at, updated_at';

function toRule(row: RuleRow): OnlineEvaluator {
  return {
    id: row.id,
    projectId: row.project_id,
    evaluatorName: row.evaluator_name,
    environment: row.environment,
    promptName: row.prompt_name,
    promptVersion: row.prompt_version,
    samplingRate: Number(row.sampling_rate),
    enabled: Number(row.enabled) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** NULLs are never equal in a UNIQUE constraint, so the view is keyed by this text instead. */
function viewKey(view: OnlineEvaluatorView): string {
  return JSON.stringify([view.environment, view.promptName, view.promptVersion]);
}

export function createSqlOnlineEvaluatorStore(sql: SqlExecutor): OnlineEvaluatorStore {
  const guarded = createGuard(sql);
  return {
    put: (projectId, input) =>
      guarded({ action: 'save online evaluator', foreignKey: `project ${projectId} does not exist` }, () =>
        sql.transaction(async (tx) => {
          const key = viewKey(input);
          const now = new Date().toISOString();
          const [existing] = await tx.query<RuleRow>(
            `SELECT ${COLUMNS} FROM online_evaluators WHERE project_id = ? AND evaluator_name = ? AND view_key = ?`,
            [projectId, input.evaluatorName, key],
          );
          if (existing !== undefined) {
            await tx.query(
              'UPDATE online_evaluators SET sampling_rate = ?, enabled = ?, updated_at = ? WHERE project_id = ? AND id = ?',
              [input.samplingRate, input.enabled ? 1 : 0, now, projectId, existing.id],
            );
            return {
              evaluator: {
                ...toRule(existing),
                samplingRate: input.samplingRate,
                enabled: input.enabled,
                updatedAt: now,
              },
              created: false,
            };
          }
          const row: RuleRow = {
            project_id: projectId,
            id: randomUUID(),
            evaluator_name: input.evaluatorName,
            environment: input.environment,
            prompt_name: input.promptName,
            prompt_version: input.promptVersion,
            sampling_rate: input.samplingRate,
            enabled: input.enabled ? 1 : 0,
            created_at: now,
            updated_at: now,
          };
          await tx.query(
            `INSERT INTO online_evaluators (${COLUMNS}, view_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [
              row.project_id,
              row.id,
              row.evaluator_name,
              row.environment,
              row.prompt_name,
              row.prompt_version,
              row.sampling_rate,
              row.enabled,
              row.created_at,
              row.updated_at,
              key,
            ],
          );
          return { evaluator: toRule(row), created: true };
        }),
      ),

    list: (projectId) =>
      guarded('list online evaluators', async () => {
        const rows = await sql.query<RuleRow>(
          `SELECT ${COLUMNS} FROM online_evaluators WHERE project_id = ? ORDER BY created_at, id`,
          [projectId],
        );
        return rows.map(toRule);
      }),

    get: (projectId, id) =>
      guarded('read online evaluator', async () => {
        const rows = await sql.query<RuleRow>(
          `SELECT ${COLUMNS} FROM online_evaluators WHERE project_id = ? AND id = ?`,
          [projectId, id],
        );
        return rows[0] === undefined ? null : toRule(rows[0]);
      }),

    remove: (projectId, id) =>
      guarded('delete online evaluator', async () => {
        const rows = await sql.query<{ id: string }>(
          'DELETE FROM online_evaluators WHERE project_id = ? AND id = ? RETURNING id',
          [projectId, id],
        );
        return rows.length > 0;
      }),

    listEnabled: () =>
      guarded('list enabled online evaluators', async () => {
        const rows = await sql.query<RuleRow>(
          `SELECT ${COLUMNS} FROM online_evaluators WHERE enabled = 1 ORDER BY project_id, created_at, id`,
        );
        return rows.map(toRule);
      }),
  };
}
