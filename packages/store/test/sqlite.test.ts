// The Store contract against SQLite files, plus what only SQLite has: its durability settings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/open-store.js';
import { MIGRATIONS } from '../src/schema/migrations.js';
import { openSqliteStore } from '../src/sqlite/index.js';
import { runStoreContract } from './contract/index.js';

const folder = mkdtempSync(join(tmpdir(), 'kaizen-sqlite-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;

// Files rather than :memory:, so WAL and the file locking are exercised as in production.
runStoreContract('sqlite', async () => {
  files += 1;
  return openSqliteStore({ file: join(folder, `contract-${files}.db`) });
});

describe('openStore with SQLite', () => {
  it('creates the data folder and a migrated database in WAL mode', async () => {
    const dataDir = join(folder, 'nested', 'data');
    const store = await openStore({ dataDir });
    expect(store.dialect).toBe('sqlite');
    const project = await store.createProject('p');
    await store.close();

    const database = new Database(join(dataDir, 'kaizen.db'), { readonly: true });
    expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(
      MIGRATIONS.map((migration) => ({ version: migration.version })),
    );
    expect(database.prepare('SELECT name FROM projects WHERE id = ?').get(project.id)).toEqual({ name: 'p' });
    database.close();

    const reopened = await openStore({ dataDir });
    expect(await reopened.getProjectByName('p')).toEqual(project);
    await reopened.close();
  });
});
