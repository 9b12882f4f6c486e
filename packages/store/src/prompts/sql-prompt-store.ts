// The prompt registry over a SqlExecutor: the same SQL and logic on SQLite and Postgres.
import { createHash } from 'node:crypto';
import { canonicalPromptContent, KaizenError, type LabelEvent, type PromptVersion } from '@kaizen/core';
import { toStoreError } from '../errors/to-store-error.js';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { type EventRow, type LabelRow, toLabelEvent, toPromptVersion, type VersionRow } from './prompt-rows.js';
import type { CreatePromptVersionInput, PromptDetails, PromptStore, PromptSummary } from './prompt-store.js';

const VERSION_COLUMNS = 'name, version, hash, content, message, author, created_at';

/** Label stack after replaying the audit log: promote pushes, rollback pops; the top is the current version. */
function labelStack(events: readonly EventRow[]): number[] {
  const stack: number[] = [];
  for (const event of events) {
    if (event.kind === 'promote') stack.push(Number(event.to_version));
    else stack.pop();
  }
  return stack;
}

export function createSqlPromptStore(sql: SqlExecutor): PromptStore {
  async function guarded<T>(action: string, work: () => Promise<T>, messages: { unique?: string } = {}): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error, sql.classify(error), { action, dialect: sql.dialect, ...messages });
    }
  }

  async function labelsOf(projectId: string, name: string, executor: SqlExecutor = sql): Promise<LabelRow[]> {
    return executor.query<LabelRow>(
      'SELECT label, version, updated_at FROM prompt_labels WHERE project_id = ? AND name = ? ORDER BY label',
      [projectId, name],
    );
  }

  async function versionWithLabels(projectId: string, row: VersionRow | undefined): Promise<PromptVersion | null> {
    if (row === undefined) return null;
    const labels = (await labelsOf(projectId, row.name))
      .filter((label) => Number(label.version) === Number(row.version))
      .map((label) => label.label);
    return toPromptVersion(row, labels);
  }

  async function lockPrompt(executor: SqlExecutor, projectId: string, name: string): Promise<void> {
    // SQLite's BEGIN IMMEDIATE already serialises writers; Postgres needs a lock per prompt for version numbers.
    if (executor.dialect === 'postgres') {
      await executor.query('SELECT pg_advisory_xact_lock(hashtext(?))', [`prompt:${projectId}:${name}`]);
    }
  }

  async function moveLabel(
    executor: SqlExecutor,
    projectId: string,
    move: {
      name: string;
      label: string;
      kind: LabelEvent['kind'];
      from: number | null;
      to: number;
      actor: string | null;
    },
  ): Promise<LabelEvent> {
    const at = new Date().toISOString();
    await executor.query(
      'INSERT INTO prompt_labels (project_id, name, label, version, updated_at) VALUES (?, ?, ?, ?, ?) ' +
        'ON CONFLICT (project_id, name, label) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at',
      [projectId, move.name, move.label, move.to, at],
    );
    await executor.query(
      'INSERT INTO prompt_label_events (project_id, name, label, kind, from_version, to_version, actor, at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [projectId, move.name, move.label, move.kind, move.from, move.to, move.actor, at],
    );
    return {
      name: move.name,
      label: move.label,
      kind: move.kind,
      fromVersion: move.from,
      toVersion: move.to,
      actor: move.actor,
      at,
    };
  }

  return {
    createVersion: (projectId, name, input: CreatePromptVersionInput) =>
      guarded('create prompt version', () =>
        sql.transaction(async (tx) => {
          await lockPrompt(tx, projectId, name);
          const canonical = canonicalPromptContent(input.content);
          const hash = createHash('sha256').update(canonical).digest('hex');
          const existing = await tx.query<VersionRow>(
            `SELECT ${VERSION_COLUMNS} FROM prompt_versions WHERE project_id = ? AND name = ? AND hash = ?`,
            [projectId, name, hash],
          );
          if (existing[0] !== undefined) {
            const labels = (await labelsOf(projectId, name, tx))
              .filter((label) => Number(label.version) === Number(existing[0]?.version))
              .map((label) => label.label);
            return { version: toPromptVersion(existing[0], labels), created: false };
          }
          const [latest] = await tx.query<{ latest: number | null }>(
            'SELECT MAX(version) AS latest FROM prompt_versions WHERE project_id = ? AND name = ?',
            [projectId, name],
          );
          const row: VersionRow = {
            name,
            version: Number(latest?.latest ?? 0) + 1,
            hash,
            content: canonical,
            message: input.message ?? null,
            author: input.author ?? null,
            created_at: new Date().toISOString(),
          };
          await tx.query(
            `INSERT INTO prompt_versions (project_id, ${VERSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            [projectId, row.name, row.version, row.hash, row.content, row.message, row.author, row.created_at],
          );
          return { version: toPromptVersion(row, []), created: true };
        }),
      ),

    listPrompts: (projectId) =>
      guarded('list prompts', async (): Promise<PromptSummary[]> => {
        const versions = await sql.query<{ name: string; latest: number; updated_at: string }>(
          'SELECT name, MAX(version) AS latest, MAX(created_at) AS updated_at FROM prompt_versions ' +
            'WHERE project_id = ? GROUP BY name ORDER BY name',
          [projectId],
        );
        const labels = await sql.query<{ name: string; label: string; version: number; updated_at: string }>(
          'SELECT name, label, version, updated_at FROM prompt_labels WHERE project_id = ?',
          [projectId],
        );
        return versions.map((row) => {
          const own = labels.filter((label) => label.name === row.name);
          const updatedAt = [row.updated_at, ...own.map((label) => label.updated_at)].sort().at(-1) ?? row.updated_at;
          return {
            name: row.name,
            latestVersion: Number(row.latest),
            labels: Object.fromEntries(own.map((label) => [label.label, Number(label.version)])),
            updatedAt,
          };
        });
      }),

    getPrompt: (projectId, name) =>
      guarded('read prompt', async (): Promise<PromptDetails | null> => {
        const rows = await sql.query<VersionRow>(
          `SELECT ${VERSION_COLUMNS} FROM prompt_versions WHERE project_id = ? AND name = ? ORDER BY version DESC`,
          [projectId, name],
        );
        if (rows.length === 0) return null;
        const labels = await labelsOf(projectId, name);
        return {
          name,
          labels: Object.fromEntries(labels.map((label) => [label.label, Number(label.version)])),
          versions: rows.map((row) => ({
            version: Number(row.version),
            hash: row.hash,
            message: row.message,
            author: row.author,
            createdAt: row.created_at,
            labels: labels.filter((label) => Number(label.version) === Number(row.version)).map((label) => label.label),
          })),
        };
      }),

    getVersion: (projectId, name, version) =>
      guarded('read prompt version', async () => {
        const rows = await sql.query<VersionRow>(
          `SELECT ${VERSION_COLUMNS} FROM prompt_versions WHERE project_id = ? AND name = ? AND version = ?`,
          [projectId, name, version],
        );
        return versionWithLabels(projectId, rows[0]);
      }),

    getVersionByLabel: (projectId, name, label) =>
      guarded('read prompt by label', async () => {
        const rows = await sql.query<VersionRow>(
          `SELECT ${VERSION_COLUMNS.split(', ')
            .map((column) => `v.${column}`)
            .join(', ')} FROM prompt_labels l ` +
            'JOIN prompt_versions v ON v.project_id = l.project_id AND v.name = l.name AND v.version = l.version ' +
            'WHERE l.project_id = ? AND l.name = ? AND l.label = ?',
          [projectId, name, label],
        );
        return versionWithLabels(projectId, rows[0]);
      }),

    setLabel: (projectId, name, label, version, actor) =>
      guarded('set prompt label', () =>
        sql.transaction(async (tx) => {
          await lockPrompt(tx, projectId, name);
          const exists = await tx.query(
            'SELECT 1 AS found FROM prompt_versions WHERE project_id = ? AND name = ? AND version = ?',
            [projectId, name, version],
          );
          if (exists.length === 0) throw new KaizenError('not_found', `prompt "${name}" has no version ${version}`);
          const [current] = await tx.query<LabelRow>(
            'SELECT label, version, updated_at FROM prompt_labels WHERE project_id = ? AND name = ? AND label = ?',
            [projectId, name, label],
          );
          const from = current === undefined ? null : Number(current.version);
          if (from === version) {
            // Already there: nothing moves, so nothing enters the audit log.
            return {
              name,
              label,
              kind: 'promote',
              fromVersion: from,
              toVersion: version,
              actor,
              at: current?.updated_at ?? '',
            };
          }
          return moveLabel(tx, projectId, { name, label, kind: 'promote', from, to: version, actor });
        }),
      ),

    rollbackLabel: (projectId, name, label, actor) =>
      guarded('roll back prompt label', () =>
        sql.transaction(async (tx) => {
          await lockPrompt(tx, projectId, name);
          const events = await tx.query<EventRow>(
            'SELECT name, label, kind, from_version, to_version, actor, at FROM prompt_label_events ' +
              'WHERE project_id = ? AND name = ? AND label = ? ORDER BY id',
            [projectId, name, label],
          );
          const stack = labelStack(events);
          const current = stack.at(-1);
          const previous = stack.at(-2);
          if (current === undefined) throw new KaizenError('not_found', `prompt "${name}" has no label "${label}"`);
          if (previous === undefined) {
            throw new KaizenError(
              'conflict',
              `label "${label}" of prompt "${name}" has no earlier version to roll back to`,
            );
          }
          return moveLabel(tx, projectId, { name, label, kind: 'rollback', from: current, to: previous, actor });
        }),
      ),

    labelHistory: (projectId, name, label) =>
      guarded('read prompt label history', async () => {
        const rows = await sql.query<EventRow>(
          'SELECT name, label, kind, from_version, to_version, actor, at FROM prompt_label_events ' +
            `WHERE project_id = ? AND name = ?${label === undefined ? '' : ' AND label = ?'} ORDER BY id DESC`,
          label === undefined ? [projectId, name] : [projectId, name, label],
        );
        return rows.map(toLabelEvent);
      }),
  };
}
