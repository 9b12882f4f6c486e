// Benchmark: insertSpans on both backends (10,000 realistic spans in batches of 500), against a reference that
// writes the same rows with plain INSERTs and no deduplication or summaries. Last line: one JSON object.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Span } from '@kaizen/core';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { openPostgresStore } from '../src/postgres/index.js';
import { openSqliteStore } from '../src/sqlite/index.js';
import type { Store } from '../src/store.js';
import { startTemporaryPostgres } from '../test/postgres-harness.js';
import { realisticSpans } from './realistic-spans.js';
import { referencePostgresInsert, referenceSqliteInsert } from './reference-inserts.js';

const SPANS = Number(process.env.BENCH_SPANS ?? 10_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
/** Rounds per subject; the best is reported, since a shared machine only ever makes a round slower. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Result {
  /** Spans per second of the fastest round. */
  readonly best: number;
  readonly median: number;
}

async function rounds(run: (spans: Span[][]) => Promise<void>): Promise<Result> {
  await run(batches(realisticSpans(BATCH))); // warm-up: statements prepared, code optimised
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const work = batches(realisticSpans(SPANS));
    const started = performance.now();
    await run(work);
    rates.push(Math.round(SPANS / ((performance.now() - started) / 1000)));
  }
  rates.sort((a, b) => b - a);
  return { best: rates[0] ?? 0, median: rates[Math.floor(rates.length / 2)] ?? 0 };
}

function batches(spans: readonly Span[]): Span[][] {
  const result: Span[][] = [];
  for (let index = 0; index < spans.length; index += BATCH) result.push(spans.slice(index, index + BATCH));
  return result;
}

async function timeStore(store: Store): Promise<Result> {
  await store.migrate();
  const project = await store.createProject('bench');
  const result = await rounds(async (work) => {
    for (const batch of work) await store.insertSpans(project.id, batch);
  });
  await store.close();
  return result;
}

function timeReference(insert: (batch: readonly Span[]) => Promise<void>): Promise<Result> {
  return rounds(async (work) => {
    for (const batch of work) await insert(batch);
  });
}

const folder = mkdtempSync(join(tmpdir(), 'kaizen-bench-'));
const postgres = await startTemporaryPostgres({ durable: true });
try {
  const sqlite = await timeStore(await openSqliteStore({ file: join(folder, 'store.db') }));
  const sqliteReferenceDb = new Database(join(folder, 'reference.db'));
  const sqliteReference = await timeReference(referenceSqliteInsert(sqliteReferenceDb));
  sqliteReferenceDb.close();

  const admin = new Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench_store');
  await admin.query('CREATE DATABASE bench_reference');
  await admin.end();
  const withDatabase = (name: string) => postgres.url.replace(/\/postgres$/, `/${name}`);
  const pg = await timeStore(await openPostgresStore({ connectionString: withDatabase('bench_store') }));
  const referenceClient = new Client({ connectionString: withDatabase('bench_reference') });
  await referenceClient.connect();
  const pgReference = await timeReference(await referencePostgresInsert(referenceClient));
  await referenceClient.end();

  const line = (result: Result) => `${result.best} spans/s (median ${result.median})`;
  console.log(`${SPANS} realistic spans in batches of ${BATCH}, best of ${ROUNDS} rounds`);
  console.log(`sqlite   insertSpans ${line(sqlite)}; plain INSERT reference ${line(sqliteReference)}`);
  console.log(`postgres insertSpans ${line(pg)}; plain unnest INSERT reference ${line(pgReference)}`);
  console.log(
    JSON.stringify({
      bench: 'store-insert-spans',
      spans: SPANS,
      batch: BATCH,
      sqliteSpansPerSecond: sqlite.best,
      sqliteReferenceSpansPerSecond: sqliteReference.best,
      sqliteRatio: Number((sqlite.best / sqliteReference.best).toFixed(3)),
      postgresSpansPerSecond: pg.best,
      postgresReferenceSpansPerSecond: pgReference.best,
      postgresRatio: Number((pg.best / pgReference.best).toFixed(3)),
    }),
  );
} finally {
  await postgres.stop();
  rmSync(folder, { recursive: true, force: true });
}
