// The dataset store over a SqlExecutor: the same SQL and logic on SQLite and Postgres.
import { KaizenError } from '@kaizen/core';
import { toStoreError } from '../errors/to-store-error.js';
import type { SqlExecutor, SqlParameter } from '../sql/sql-executor.js';
import { assignSplit, resolveSplitSettings } from './assign-split.js';
import {
  type DatasetItemRow,
  type DatasetVersionRow,
  ITEM_COLUMNS,
  toDatasetItem,
  toDatasetVersion,
  VERSION_COLUMNS,
} from './dataset-rows.js';
import type { DatasetStore } from './dataset-store.js';
import {
  DATASET_NAME_PATTERN,
  type DatasetItemPage,
  type DatasetSplit,
  type DatasetSummary,
  type DatasetVersion,
} from './dataset-types.js';
import { validateDatasetItems } from './validate-dataset-items.js';

/** Rows per INSERT: 10 parameters each, far below either database's parameter limit. */
const INSERT_CHUNK = 100;
const DEFAULT_ITEM_LIMIT = 100;
const MAX_ITEM_LIMIT = 1000;

function checkName(name: string): void {
  if (typeof name !== 'string' || !DATASET_NAME_PATTERN.test(name)) {
    throw new KaizenError('invalid_input', `dataset names are letters, digits, ".", "_" and "-", got "${name}"`);
  }
}

function readCursor(cursor: string | undefined): number {
  if (cursor === undefined) return -1;
  if (!/^\d{1,9}$/.test(cursor)) throw new KaizenError('invalid_input', `invalid cursor "${cursor.slice(0, 40)}"`);
  return Number(cursor);
}

function readLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_ITEM_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ITEM_LIMIT) {
    throw new KaizenError('invalid_input', `limit must be an integer from 1 to ${MAX_ITEM_LIMIT}, got ${limit}`);
  }
  return limit;
}

export function createSqlDatasetStore(sql: SqlExecutor): DatasetStore {
  async function guarded<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error, sql.classify(error), { action, dialect: sql.dialect });
    }
  }

  async function versionRow(projectId: string, name: string, version: number): Promise<DatasetVersionRow | undefined> {
    const rows = await sql.query<DatasetVersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM dataset_versions WHERE project_id = ? AND name = ? AND version = ?`,
      [projectId, name, version],
    );
    return rows[0];
  }

  return {
    createVersion: (projectId, name, input) =>
      guarded('create dataset version', async () => {
        checkName(name);
        validateDatasetItems(input.items);
        const splits = resolveSplitSettings(input.splits);
        const counts: Record<DatasetSplit, number> = { train: 0, validation: 0, holdout: 0 };
        const rows = input.items.map((item, position): SqlParameter[] => {
          const split = item.split ?? assignSplit(item.itemId, splits);
          counts[split] += 1;
          return [
            position,
            item.itemId,
            split,
            item.sourceTraceId ?? null,
            JSON.stringify(item.input),
            item.expected === undefined ? null : JSON.stringify(item.expected),
            JSON.stringify(item.metadata ?? {}),
          ];
        });
        return sql.transaction(async (tx) => {
          // SQLite's BEGIN IMMEDIATE already serialises writers; Postgres needs a lock per dataset for the numbers.
          if (tx.dialect === 'postgres') {
            await tx.query('SELECT pg_advisory_xact_lock(hashtext(?))', [`dataset:${projectId}:${name}`]);
          }
          const [latest] = await tx.query<{ latest: number | null }>(
            'SELECT MAX(version) AS latest FROM dataset_versions WHERE project_id = ? AND name = ?',
            [projectId, name],
          );
          const row: DatasetVersionRow = {
            name,
            version: Number(latest?.latest ?? 0) + 1,
            item_count: rows.length,
            split_counts: JSON.stringify(counts),
            splits: JSON.stringify(splits),
            source: JSON.stringify(input.source),
            message: input.message ?? null,
            created_at: new Date().toISOString(),
          };
          await tx.query(
            `INSERT INTO dataset_versions (project_id, ${VERSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [
              projectId,
              row.name,
              row.version,
              row.item_count,
              row.split_counts,
              row.splits,
              row.source,
              row.message,
              row.created_at,
            ],
          );
          for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
            const chunk = rows.slice(start, start + INSERT_CHUNK);
            await tx.query(
              `INSERT INTO dataset_items (project_id, name, version, ${ITEM_COLUMNS}) VALUES ` +
                chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', '),
              chunk.flatMap((values) => [projectId, name, row.version, ...values]),
            );
          }
          return toDatasetVersion(row);
        });
      }),

    listDatasets: (projectId) =>
      guarded('list datasets', async (): Promise<DatasetSummary[]> => {
        const rows = await sql.query<{
          name: string;
          version: number;
          item_count: number;
          created_at: string;
          versions: number | string;
        }>(
          'SELECT v.name, v.version, v.item_count, v.created_at, c.versions FROM dataset_versions v ' +
            'JOIN (SELECT name, MAX(version) AS latest, COUNT(*) AS versions FROM dataset_versions ' +
            'WHERE project_id = ? GROUP BY name) c ON c.name = v.name AND c.latest = v.version ' +
            'WHERE v.project_id = ? ORDER BY v.name',
          [projectId, projectId],
        );
        return rows.map((row) => ({
          name: row.name,
          latestVersion: Number(row.version),
          itemCount: Number(row.item_count),
          versions: Number(row.versions),
          updatedAt: row.created_at,
        }));
      }),

    getDataset: (projectId, name) =>
      guarded('read dataset', async () => {
        const rows = await sql.query<DatasetVersionRow>(
          `SELECT ${VERSION_COLUMNS} FROM dataset_versions WHERE project_id = ? AND name = ? ORDER BY version DESC`,
          [projectId, name],
        );
        return rows.length === 0 ? null : { name, versions: rows.map(toDatasetVersion) };
      }),

    getVersion: (projectId, name, version) =>
      guarded('read dataset version', async (): Promise<DatasetVersion | null> => {
        const row = await versionRow(projectId, name, version);
        return row === undefined ? null : toDatasetVersion(row);
      }),

    listItems: (projectId, name, version, query = {}) =>
      guarded('list dataset items', async (): Promise<DatasetItemPage> => {
        const after = readCursor(query.cursor);
        const limit = readLimit(query.limit);
        if ((await versionRow(projectId, name, version)) === undefined) {
          throw new KaizenError('not_found', `dataset "${name}" has no version ${version}`);
        }
        const split = query.split;
        const rows = await sql.query<DatasetItemRow>(
          `SELECT ${ITEM_COLUMNS} FROM dataset_items WHERE project_id = ? AND name = ? AND version = ?` +
            `${split === undefined ? '' : ' AND split = ?'} AND position > ? ORDER BY position LIMIT ?`,
          [projectId, name, version, ...(split === undefined ? [] : [split]), after, limit + 1],
        );
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        return {
          items: page.map(toDatasetItem),
          nextCursor: rows.length > limit && last !== undefined ? String(Number(last.position)) : null,
        };
      }),
  };
}
