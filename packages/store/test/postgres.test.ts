// The Store contract against Postgres (a fresh database per test), plus what only Postgres has: a network.
import { createServer } from 'node:net';
import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/open-store.js';
import { openPostgresStore } from '../src/postgres/index.js';
import {
  createTestDatabase,
  describePostgres,
  dropTestDatabase,
  expectKaizenError,
  makeSpan,
  runStoreContract,
} from './contract/index.js';

const databases: string[] = [];
async function freshDatabase(): Promise<string> {
  const url = await createTestDatabase();
  databases.push(url);
  return url;
}
afterAll(async () => {
  // A few at a time: each drop opens a connection, and the test server allows 100.
  for (let start = 0; start < databases.length; start += 8) {
    await Promise.all(databases.slice(start, start + 8).map((url) => dropTestDatabase(url)));
  }
});

/** A port that refuses connections: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 1;
}

describePostgres('postgres store', () => {
  runStoreContract('postgres', async () => openPostgresStore({ connectionString: await freshDatabase() }));

  describe('Postgres specifics', () => {
    it('lets several processes migrate the same database at once', async () => {
      const url = await freshDatabase();
      const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore({ connectionString: url })));
      await Promise.all(stores.map((store) => store.migrate()));
      const [first] = stores;
      await first?.createProject('after concurrent migrations');
      await Promise.all(stores.map((store) => store.close()));
    });

    it('opens Postgres from a postgres:// URL through openStore, migrated', async () => {
      const store = await openStore({ databaseUrl: await freshDatabase(), dataDir: '/nonexistent/never-used' });
      expect(store.dialect).toBe('postgres');
      expect(await store.getProjectByName('none')).toBeNull();
      await store.close();
    });

    it('reports a connection lost mid-insert as unavailable, writes nothing, and reconnects', async () => {
      const url = await freshDatabase();
      const store = await openPostgresStore({ connectionString: url });
      await store.migrate();
      const project = await store.createProject('p');
      const span = makeSpan();
      const admin = new Client({ connectionString: url });
      await admin.connect();
      // Hold the trace's lock so the insert waits inside its transaction, then kill its connection there.
      const lock = "hashtextextended($1::text || '/' || $2::text, 0)";
      await admin.query(`SELECT pg_advisory_lock(${lock})`, [project.id, span.traceId]);
      // Checked from the start, so the rejection is never unhandled while the test waits.
      const rejected = expectKaizenError(store.insertSpans(project.id, [span]), 'unavailable');
      const waiting =
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'kaizen' AND wait_event_type = 'Lock'";
      while ((await admin.query(waiting)).rows[0]?.n !== 1) await new Promise((resolve) => setTimeout(resolve, 10));
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kaizen'");
      await rejected;
      await admin.end();
      expect(await store.getTraceSpans(project.id, span.traceId)).toEqual([]);
      expect(await store.insertSpans(project.id, [span])).toEqual({ inserted: 1, duplicates: 0 });
      await store.close();
    });

    it('reports an unreachable server as unavailable', async () => {
      const port = await closedPort();
      const store = await openPostgresStore({ connectionString: `postgres://postgres@127.0.0.1:${port}/kaizen` });
      await expectKaizenError(
        store.insertSpans('any', [makeSpan()]),
        'unavailable',
        /postgres database is unavailable/,
      );
      await expectKaizenError(store.listTraces('any', {}), 'unavailable');
      await expectKaizenError(store.migrate(), 'unavailable');
      await store.close();
    });
  });
});
