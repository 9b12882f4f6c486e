// The store backends every integration suite runs over (Kysely-style: one suite, each dialect), each test on a fresh store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@kaizen/store';
import { createTestDatabase, describePostgres, dropTestDatabase } from '@kaizen/store/testing';
import { describe } from 'vitest';

export interface OpenedStore {
  readonly store: Store;
  dispose(): Promise<void>;
}

export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** `describe`, or for Postgres one that fails (CI) or skips loudly when no test server exists. */
  readonly describe: (name: string, body: () => void) => void;
  open(): Promise<OpenedStore>;
}

const sqlite: Backend = {
  name: 'sqlite',
  describe: (name, body) => describe(name, body),
  async open() {
    const dataDir = mkdtempSync(join(tmpdir(), 'kaizen-server-test-'));
    const store = await openStore({ dataDir });
    return {
      store,
      async dispose() {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: Backend = {
  name: 'postgres',
  describe: describePostgres,
  async open() {
    const databaseUrl = await createTestDatabase();
    const store = await openStore({ databaseUrl });
    return {
      store,
      async dispose() {
        await store.close();
        await dropTestDatabase(databaseUrl);
      },
    };
  },
};

export const BACKENDS: readonly Backend[] = [sqlite, postgres];
export const SQLITE = sqlite;
