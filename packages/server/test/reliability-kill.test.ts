// Kill -9 during sustained ingest: a span acknowledged with a 2xx survives the crash, and the exporter's retries of
// the same batches, after restarts on the same data, never store a span twice. A real `kaizen serve` process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, describePostgres, dropTestDatabase } from '@kaizen/store/testing';
import { describe, expect, it } from 'vitest';
import {
  type Attempt,
  acknowledged,
  notExactlyOnce,
  resendAll,
  startSenders,
  storedSpanCounts,
  traceSpanCounts,
  waitFor,
} from './support/reliability-ingest.js';
import { createProjectKey, openTargetStore, type ServeTarget, serve } from './support/reliability-serve.js';

const ROUNDS = 3;
const SENDERS = 8;
const SPANS_PER_BATCH = 5;
/** Each server is killed once it has acknowledged this many batches since it started, and the senders still run. */
const ACKS_BEFORE_KILL = 40;

async function killDuringIngest(target: ServeTarget): Promise<void> {
  const { projectId, key } = await createProjectKey(target, 'reliability-kill');
  const attempts: Attempt[] = [];
  let killedInFlight = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const server = await serve(target);
    const senders = startSenders({ url: () => server.url, key, count: SENDERS, spansPerBatch: SPANS_PER_BATCH });
    let killedAt = Date.now();
    try {
      await waitFor(() => senders.attempts.filter(acknowledged).length >= ACKS_BEFORE_KILL, 15_000);
    } finally {
      killedAt = Date.now();
      await server.kill();
      await senders.stop();
    }
    attempts.push(...senders.attempts);
    // Requests cut off by the kill: the point of the test is that some were in flight when it came.
    killedInFlight += senders.attempts.filter(
      (attempt) => attempt.status === null && attempt.startedAt < killedAt,
    ).length;
  }
  expect(killedInFlight).toBeGreaterThan(0);
  // Every answer was a 2xx or a cut connection: a crash is not an excuse for a 4xx or 500.
  expect([...new Set(attempts.map((attempt) => attempt.status))].sort()).toEqual([200, null]);

  const acked = attempts.filter(acknowledged).map((attempt) => attempt.batch);
  const all = attempts.map((attempt) => attempt.batch);
  const server = await serve(target);
  try {
    const store = await openTargetStore(target);
    try {
      // After the last crash and restart: each acknowledged span is there, once.
      expect(notExactlyOnce(await storedSpanCounts(store, projectId, acked), acked)).toEqual([]);
      // The exporter retries every batch, acknowledged or not (a lost 200 looks like a failure to it).
      const retries = await resendAll(server.url, key, all, SENDERS);
      expect(retries.filter((status) => status !== 200)).toEqual([]);
      expect(notExactlyOnce(await storedSpanCounts(store, projectId, all), all)).toEqual([]);
      // The trace summaries count each span once too.
      const spanCounts = await traceSpanCounts(store, projectId);
      expect(spanCounts.length).toBe(all.length);
      expect(spanCounts.filter((count) => count !== SPANS_PER_BATCH)).toEqual([]);
    } finally {
      await store.close();
    }
  } finally {
    await server.stop();
  }
}

describe('kill -9 during sustained ingest (SQLite)', () => {
  it('keeps every acknowledged span exactly once across crashes and retries', { timeout: 45_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kaizen-reliability-kill-'));
    try {
      await killDuringIngest({ dataDir });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describePostgres('kill -9 during sustained ingest (Postgres)', () => {
  it('keeps every acknowledged span exactly once across crashes and retries', { timeout: 45_000 }, async () => {
    const databaseUrl = await createTestDatabase();
    try {
      await killDuringIngest({ databaseUrl });
    } finally {
      await dropTestDatabase(databaseUrl);
    }
  });
});
