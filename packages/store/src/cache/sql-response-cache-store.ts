// The response cache over a SqlExecutor: one upsert statement per chunk, one IN query per lookup chunk.
import { KaizenError } from '@kaizen/core';
import { toStoreError } from '../errors/to-store-error.js';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { CACHE_KEY_PATTERN, type ResponseCacheStore } from './response-cache-store.js';

const CHUNK = 200;

function checkKeys(keys: readonly string[]): void {
  const bad = keys.find((key) => typeof key !== 'string' || !CACHE_KEY_PATTERN.test(key));
  if (bad !== undefined) {
    throw new KaizenError(
      'invalid_input',
      `cache keys are 64 lowercase hex characters, got "${String(bad).slice(0, 80)}"`,
    );
  }
}

export function createSqlResponseCacheStore(sql: SqlExecutor): ResponseCacheStore {
  async function guarded<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error, sql.classify(error), { action, dialect: sql.dialect });
    }
  }
  return {
    lookup: (projectId, keys) =>
      guarded('read the response cache', async () => {
        checkKeys(keys);
        const found = new Map<string, unknown>();
        const unique = [...new Set(keys)];
        for (let start = 0; start < unique.length; start += CHUNK) {
          const chunk = unique.slice(start, start + CHUNK);
          const rows = await sql.query<{ key: string; value: string }>(
            `SELECT key, value FROM response_cache WHERE project_id = ? AND key IN (${chunk.map(() => '?').join(', ')})`,
            [projectId, ...chunk],
          );
          for (const row of rows) found.set(row.key, JSON.parse(row.value) as unknown);
        }
        return found;
      }),

    put: (projectId, entries) =>
      guarded('write the response cache', async () => {
        checkKeys(entries.map((entry) => entry.key));
        // The last entry of a key wins, as it would with one statement per entry.
        const byKey = new Map(entries.map((entry) => [entry.key, entry.value]));
        const rows = [...byKey];
        const at = new Date().toISOString();
        await sql.transaction(async (tx) => {
          for (let start = 0; start < rows.length; start += CHUNK) {
            const chunk = rows.slice(start, start + CHUNK);
            await tx.query(
              `INSERT INTO response_cache (project_id, key, value, created_at) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')} ` +
                'ON CONFLICT (project_id, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at',
              chunk.flatMap(([key, value]) => [projectId, key, JSON.stringify(value) ?? 'null', at]),
            );
          }
        });
        return { stored: rows.length };
      }),
  };
}
