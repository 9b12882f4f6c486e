// Postgres only: `spans` partitioned by day (migration 7), partitions made on insert, dropped by retention.
import { Client } from 'pg';
import { afterAll, expect, it } from 'vitest';
import { openPostgresStore } from '../src/postgres/index.js';
import { MIGRATIONS } from '../src/schema/migrations.js';
import { createTestDatabase, describePostgres, dropTestDatabase, isoAt, makeSpan } from './contract/index.js';

const DAY_MS = 86_400_000;
const databases: string[] = [];

async function freshDatabase(): Promise<string> {
  const url = await createTestDatabase();
  databases.push(url);
  return url;
}
afterAll(async () => {
  for (const url of databases) await dropTestDatabase(url);
});

/** Midnight UTC, `days` days from today's, as ISO. */
const midnight = (days: number): string => new Date((Math.floor(Date.now() / DAY_MS) + days) * DAY_MS).toISOString();

/** `spans_dYYYYMMDD` of an ISO time. */
const partitionOf = (iso: string): string => `spans_d${iso.slice(0, 10).replaceAll('-', '')}`;

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Which table holds each span, by span id. */
async function placement(url: string): Promise<Record<string, string>> {
  return withAdmin(url, async (client) => {
    const result = await client.query('SELECT span_id, tableoid::regclass::text AS partition FROM spans');
    return Object.fromEntries(result.rows.map((row) => [row.span_id as string, row.partition as string]));
  });
}

describePostgres('postgres span partitions', () => {
  it('stores each day in its partition, a far-off day in the default one, and drops whole days', async () => {
    const url = await freshDatabase();
    const store = await openPostgresStore({ connectionString: url });
    await store.migrate();
    const project = await store.createProject('p');
    const threeDaysAgo = makeSpan({ startTime: isoAt(midnight(-3), 3_600_000) });
    const yesterday = makeSpan({ startTime: isoAt(midnight(-1), 60_000) });
    const today = makeSpan({ startTime: midnight(0) });
    const longAgo = makeSpan({ startTime: '2025-03-01T12:00:00.000Z' });
    await store.insertSpans(project.id, [threeDaysAgo, yesterday, today, longAgo]);
    expect(await placement(url)).toEqual({
      [threeDaysAgo.spanId]: partitionOf(threeDaysAgo.startTime),
      [yesterday.spanId]: partitionOf(yesterday.startTime),
      [today.spanId]: partitionOf(today.startTime),
      [longAgo.spanId]: 'spans_default',
    });
    expect(await store.insertSpans(project.id, [threeDaysAgo, today])).toEqual({ inserted: 0, duplicates: 2 });

    const result = await store.retention.deleteTracesBefore(new Date(midnight(0)));

    // Three days ago (made by the insert) and yesterday (by migrate, which makes yesterday to two days ahead).
    expect(result).toEqual({ droppedPartitions: 2, deletedSpans: 3, deletedTraces: 3, deletedScores: 0 });
    expect(await placement(url)).toEqual({ [today.spanId]: partitionOf(today.startTime) });
    await store.close();
  });

  it('leaves a day in the default partition when that partition already holds rows of it', async () => {
    const url = await freshDatabase();
    const first = await openPostgresStore({ connectionString: url });
    await first.migrate();
    const project = await first.createProject('p');
    const early = makeSpan({ startTime: isoAt(midnight(-4), 1000) });
    // As if written while the day had no partition (say, by a Kaizen that did not create them).
    await withAdmin(url, async (client) => {
      await client.query(`DROP TABLE IF EXISTS ${partitionOf(early.startTime)}`);
      await client.query(
        'INSERT INTO spans_default (project_id, trace_id, span_id, name, kind, start_time, end_time, duration_ms, status, attributes) ' +
          "VALUES ($1, $2, $3, 'early', 'llm', $4, $4, 0, 'ok', '{}')",
        [project.id, early.traceId, early.spanId, Date.parse(early.startTime) * 1000],
      );
    });
    await first.close();
    const store = await openPostgresStore({ connectionString: url });
    await store.migrate();
    const later = makeSpan({ startTime: isoAt(midnight(-4), 2000) });
    expect(await store.insertSpans(project.id, [later])).toEqual({ inserted: 1, duplicates: 0 });
    expect(await store.insertSpans(project.id, [later])).toEqual({ inserted: 0, duplicates: 1 });
    expect(await placement(url)).toEqual({ [early.spanId]: 'spans_default', [later.spanId]: 'spans_default' });
    await store.close();
  });

  it('migration 7 moves the spans of an existing database into partitions, keys and all', async () => {
    const url = await freshDatabase();
    const before = MIGRATIONS.filter((migration) => migration.version < 7);
    await withAdmin(url, async (client) => {
      await client.query(
        'CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      for (const migration of before) {
        await client.query(migration.postgres);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
      }
    });
    // A store over the version 6 schema writes its spans into the unpartitioned table.
    const old = await openPostgresStore({ connectionString: url });
    const project = await old.createProject('p');
    const recent = makeSpan({ startTime: isoAt(midnight(-10), 5000) });
    const child = makeSpan({
      traceId: recent.traceId,
      parentSpanId: recent.spanId,
      startTime: isoAt(recent.startTime, 1),
    });
    const longAgo = makeSpan({ startTime: '2025-03-01T12:00:00.000Z' });
    await old.insertSpans(project.id, [recent, child, longAgo]);
    const traces = await old.listTraces(project.id, {});
    await old.close();

    const store = await openPostgresStore({ connectionString: url });
    await store.migrate();
    expect(await placement(url)).toEqual({
      [recent.spanId]: partitionOf(recent.startTime),
      [child.spanId]: partitionOf(recent.startTime),
      [longAgo.spanId]: 'spans_default',
    });
    expect(await store.getTraceSpans(project.id, recent.traceId)).toStrictEqual([recent, child]);
    expect(await store.listTraces(project.id, {})).toEqual(traces);
    expect(await store.insertSpans(project.id, [child, longAgo])).toEqual({ inserted: 0, duplicates: 2 });
    const key = await withAdmin(url, async (client) => {
      const result = await client.query(
        "SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'spans'::regclass AND contype = 'p'",
      );
      return result.rows[0]?.definition as string;
    });
    expect(key).toBe('PRIMARY KEY (project_id, trace_id, span_id, start_time)');
    await store.close();
  });
});
