// Tests' access to the shared throwaway Postgres server that global-setup.ts starts once per run.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { describe, inject, it } from 'vitest';

/** What global-setup.ts provides: a server URL, or why there is none and whether that must fail the run. */
export type TestPostgresTarget =
  | { readonly url: string }
  | { readonly url: null; readonly reason: string; readonly mustFail: boolean };

declare module 'vitest' {
  export interface ProvidedContext {
    kaizenTestPostgres: TestPostgresTarget;
  }
}

/**
 * @example
 * const target = testPostgresTarget(); // { url: 'postgres://…/postgres' } when a server is available
 */
export function testPostgresTarget(): TestPostgresTarget {
  const provided = inject('kaizenTestPostgres');
  if (provided !== undefined) return provided;
  const external = process.env.KAIZEN_TEST_DATABASE_URL;
  if (external !== undefined && external !== '') return { url: external };
  return {
    url: null,
    reason: 'no test Postgres: register packages/store/test/global-setup.ts as a vitest globalSetup',
    mustFail: true,
  };
}

/**
 * A fresh, empty database on the shared test server, so suites never see each other's rows.
 *
 * @example
 * const store = await openPostgresStore({ connectionString: await createTestDatabase() });
 */
export async function createTestDatabase(): Promise<string> {
  const target = testPostgresTarget();
  if (target.url === null) throw new Error(target.reason);
  // Identifiers cannot be bound as parameters; this one is made here from random hex, never from input.
  const name = `kz_test_${randomBytes(8).toString('hex')}`;
  const client = new Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(target.url);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by createTestDatabase (worth it on a long-lived KAIZEN_TEST_DATABASE_URL server). */
export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const target = testPostgresTarget();
  const name = new URL(databaseUrl).pathname.slice(1);
  if (target.url === null || !/^kz_test_[0-9a-f]+$/.test(name)) return;
  const client = new Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * `describe` when a test Postgres is available. Otherwise one failing test saying why (under CI), or a skip with
 * the reason printed: never a silent skip.
 *
 * @example
 * describePostgres('ingest over Postgres', () => { it('…', async () => { const url = await createTestDatabase(); }); });
 */
export function describePostgres(name: string, body: () => void): void {
  const target = testPostgresTarget();
  if (target.url !== null) {
    describe(name, body);
  } else if (target.mustFail) {
    describe(name, () => {
      it('needs a Postgres server', () => {
        throw new Error(target.reason);
      });
    });
  } else {
    console.warn(`[kaizen] skipping "${name}": ${target.reason}`);
    describe.skip(name, body);
  }
}
