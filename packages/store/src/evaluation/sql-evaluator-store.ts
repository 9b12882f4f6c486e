// The evaluator registry over a SqlExecutor: the same SQL and logic on SQLite and Postgres, as the prompt registry.
import { createHash } from 'node:crypto';
import { canonicalJson } from '@kaizen/core';
import type { SqlExecutor } from '../sql/sql-executor.js';
import type { EvaluatorStore, EvaluatorSummary, EvaluatorVersion } from './evaluator-store.js';
import { createGuard } from './guard.js';
import type { StoredChecklist } from './stored-checklist.js';

const COLUMNS = 'name, version, hash, definition, message, author, created_at';

interface VersionRow {
  readonly name: string;
  readonly version: number;
  readonly hash: string;
  readonly definition: string;
  readonly message: string | null;
  readonly author: string | null;
  readonly created_at: string;
}

function toVersion(row: VersionRow): EvaluatorVersion {
  return {
    name: row.name,
    version: Number(row.version),
    hash: row.hash,
    definition: JSON.parse(row.definition) as StoredChecklist,
    message: row.message,
    author: row.author,
    createdAt: row.created_at,
  };
}

export function createSqlEvaluatorStore(sql: SqlExecutor): EvaluatorStore {
  const guarded = createGuard(sql);
  return {
    createVersion: (projectId, name, input) =>
      guarded({ action: 'create evaluator version', foreignKey: `project ${projectId} does not exist` }, () =>
        sql.transaction(async (tx) => {
          // SQLite's BEGIN IMMEDIATE already serialises writers; Postgres needs a lock per evaluator for numbering.
          if (tx.dialect === 'postgres') {
            await tx.query('SELECT pg_advisory_xact_lock(hashtext(?))', [`evaluator:${projectId}:${name}`]);
          }
          const definition = canonicalJson(input.definition);
          const hash = createHash('sha256').update(definition).digest('hex');
          const [existing] = await tx.query<VersionRow>(
            `SELECT ${COLUMNS} FROM evaluator_versions WHERE project_id = ? AND name = ? AND hash = ?`,
            [projectId, name, hash],
          );
          if (existing !== undefined) return { version: toVersion(existing), created: false };
          const [latest] = await tx.query<{ latest: number | null }>(
            'SELECT MAX(version) AS latest FROM evaluator_versions WHERE project_id = ? AND name = ?',
            [projectId, name],
          );
          const row: VersionRow = {
            name,
            version: Number(latest?.latest ?? 0) + 1,
            hash,
            definition,
            message: input.message ?? null,
            author: input.author ?? null,
            created_at: new Date().toISOString(),
          };
          await tx.query(`INSERT INTO evaluator_versions (project_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
            projectId,
            row.name,
            row.version,
            row.hash,
            row.definition,
            row.message,
            row.author,
            row.created_at,
          ]);
          return { version: toVersion(row), created: true };
        }),
      ),

    list: (projectId) =>
      guarded('list evaluators', async (): Promise<EvaluatorSummary[]> => {
        const rows = await sql.query<VersionRow>(
          `SELECT ${COLUMNS} FROM evaluator_versions v WHERE project_id = ? AND version = ` +
            '(SELECT MAX(version) FROM evaluator_versions l WHERE l.project_id = v.project_id AND l.name = v.name) ' +
            'ORDER BY name',
          [projectId],
        );
        return rows.map((row) => {
          const version = toVersion(row);
          return {
            name: version.name,
            latestVersion: version.version,
            criteria: version.definition.criteria.length,
            updatedAt: version.createdAt,
          };
        });
      }),

    get: (projectId, name, version) =>
      guarded('read evaluator', async () => {
        const rows =
          version === undefined
            ? await sql.query<VersionRow>(
                `SELECT ${COLUMNS} FROM evaluator_versions WHERE project_id = ? AND name = ? ORDER BY version DESC LIMIT 1`,
                [projectId, name],
              )
            : await sql.query<VersionRow>(
                `SELECT ${COLUMNS} FROM evaluator_versions WHERE project_id = ? AND name = ? AND version = ?`,
                [projectId, name, version],
              );
        return rows[0] === undefined ? null : toVersion(rows[0]);
      }),

    versions: (projectId, name) =>
      guarded('read evaluator versions', async () => {
        const rows = await sql.query<VersionRow>(
          `SELECT ${COLUMNS} FROM evaluator_versions WHERE project_id = ? AND name = ? ORDER BY version DESC`,
          [projectId, name],
        );
        return rows.map(toVersion);
      }),
  };
}
