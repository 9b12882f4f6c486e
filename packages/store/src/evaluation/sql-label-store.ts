// Human labels over a SqlExecutor, and their pairing with the judge's verdicts for agreement.
import type { SqlExecutor, SqlParameter } from '../sql/sql-executor.js';
import { createGuard, marks } from './guard.js';
import type { HumanLabel, LabelStore } from './label-store.js';

interface LabelRow {
  readonly trace_id: string;
  readonly evaluator_name: string;
  readonly criterion_id: string;
  readonly passed: number;
  readonly note: string | null;
  readonly author: string | null;
  readonly updated_at: string;
}

const COLUMNS = 'trace_id, evaluator_name, criterion_id, passed, note, author, updated_at';

function toLabel(row: LabelRow): HumanLabel {
  return {
    traceId: row.trace_id,
    evaluatorName: row.evaluator_name,
    criterionId: row.criterion_id,
    passed: Number(row.passed) === 1,
    note: row.note,
    author: row.author,
    updatedAt: row.updated_at,
  };
}

/** The judge's result on a labelled criterion, from the trace's newest score of the evaluator. */
const NEWEST_VERSION =
  'NOT EXISTS (SELECT 1 FROM trace_scores n WHERE n.project_id = c.project_id AND n.trace_id = c.trace_id ' +
  'AND n.evaluator_name = c.evaluator_name AND n.evaluator_version > c.evaluator_version)';

export function createSqlLabelStore(sql: SqlExecutor): LabelStore {
  const guarded = createGuard(sql);
  return {
    upsert: (projectId, input) =>
      guarded({ action: 'set label', foreignKey: `project ${projectId} does not exist` }, async () => {
        const label: HumanLabel = { ...input, updatedAt: new Date().toISOString() };
        await sql.query(
          `INSERT INTO trace_labels (project_id, ${COLUMNS}) VALUES (?, ${marks(7)}) ` +
            'ON CONFLICT (project_id, evaluator_name, criterion_id, trace_id) DO UPDATE SET ' +
            'passed = excluded.passed, note = excluded.note, author = excluded.author, updated_at = excluded.updated_at',
          [
            projectId,
            label.traceId,
            label.evaluatorName,
            label.criterionId,
            label.passed ? 1 : 0,
            label.note,
            label.author,
            label.updatedAt,
          ],
        );
        return label;
      }),

    listForTrace: (projectId, traceId) =>
      guarded('read labels of trace', async () => {
        const rows = await sql.query<LabelRow>(
          `SELECT ${COLUMNS} FROM trace_labels WHERE project_id = ? AND trace_id = ?`,
          [projectId, traceId],
        );
        return rows
          .map(toLabel)
          .sort((a, b) =>
            a.evaluatorName === b.evaluatorName
              ? compare(a.criterionId, b.criterionId)
              : compare(a.evaluatorName, b.evaluatorName),
          );
      }),

    agreementPairs: (projectId, evaluatorName, criterionIds) =>
      guarded('read label pairs', async () => {
        if (criterionIds !== undefined && criterionIds.length === 0) return [];
        const values: SqlParameter[] = [projectId, evaluatorName];
        let only = '';
        if (criterionIds !== undefined) {
          only = ` AND l.criterion_id IN (${marks(criterionIds.length)})`;
          values.push(...criterionIds);
        }
        const rows = await sql.query<{ trace_id: string; criterion_id: string; human: number; status: string }>(
          'SELECT l.trace_id, l.criterion_id, l.passed AS human, c.status FROM trace_labels l ' +
            'JOIN trace_score_criteria c ON c.project_id = l.project_id AND c.trace_id = l.trace_id ' +
            'AND c.evaluator_name = l.evaluator_name AND c.criterion_id = l.criterion_id ' +
            `WHERE l.project_id = ? AND l.evaluator_name = ?${only} AND c.status IN ('passed', 'failed') ` +
            `AND ${NEWEST_VERSION}`,
          values,
        );
        return rows
          .map((row) => ({
            traceId: row.trace_id,
            criterionId: row.criterion_id,
            judge: row.status === 'passed',
            human: Number(row.human) === 1,
          }))
          .sort((a, b) =>
            a.criterionId === b.criterionId ? compare(a.traceId, b.traceId) : compare(a.criterionId, b.criterionId),
          );
      }),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
