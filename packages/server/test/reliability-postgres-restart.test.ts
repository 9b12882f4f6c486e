// Postgres restarted under sustained ingest: while it is down every request is answered 503 with Retry-After (never
// a 2xx, never a crash), and once it is back the same server ingests again by itself (the pg pool reconnects).
// The cluster is the test's own (startRestartablePostgres from the store's test harness), stopped and started again
// on the same port.
import { findPostgresBin, startRestartablePostgres } from '@kaizen/store/testing';
import { describe, expect, it } from 'vitest';
import {
  acknowledged,
  notExactlyOnce,
  resendAll,
  startSenders,
  storedSpanCounts,
  traceSpanCounts,
  waitFor,
} from './support/reliability-ingest.js';
import { createProjectKey, openTargetStore, serve } from './support/reliability-serve.js';

const SENDERS = 6;
const SPANS_PER_BATCH = 5;
/** Postgres is stopped once this many batches were acknowledged; it then stays down DOWN_MS. */
const ACKS_BEFORE_STOP = 40;
const DOWN_MS = 2_000;
/** Ingest must be back within this long after Postgres accepts connections again. */
const RECOVERY_BOUND_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const bin = findPostgresBin();
const underCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
if (bin === null && !underCi) {
  console.warn('[kaizen] skipping the Postgres restart test: initdb and pg_ctl were not found');
}

(bin === null && !underCi ? describe.skip : describe)('Postgres restart during sustained ingest', () => {
  it('answers 503 while Postgres is down and recovers by itself', { timeout: 60_000 }, async () => {
    if (bin === null) throw new Error('initdb and pg_ctl were not found on PATH or in /usr/lib/postgresql/*/bin');
    const postgres = await startRestartablePostgres(bin);
    try {
      const target = { databaseUrl: postgres.url };
      const { projectId, key } = await createProjectKey(target, 'reliability-restart');
      const server = await serve(target);
      const senders = startSenders({ url: () => server.url, key, count: SENDERS, spansPerBatch: SPANS_PER_BATCH });
      try {
        await waitFor(() => senders.attempts.filter(acknowledged).length >= ACKS_BEFORE_STOP, 15_000);
        await postgres.stop();
        const downFrom = Date.now();
        await sleep(DOWN_MS);
        const downUntil = Date.now();
        await postgres.start();
        const upAt = Date.now();
        const recovered = () => senders.attempts.find((attempt) => attempt.startedAt >= upAt && acknowledged(attempt));
        while (recovered() === undefined && Date.now() - upAt < RECOVERY_BOUND_MS) await sleep(50);
        await sleep(300);
        await senders.stop();
        const attempts = senders.attempts;

        expect(
          attempts.filter((attempt) => attempt.endedAt < downFrom && acknowledged(attempt)).length,
        ).toBeGreaterThan(0);
        // Wholly inside the outage: 503 with Retry-After, every one.
        const whileDown = attempts.filter((attempt) => attempt.startedAt >= downFrom && attempt.endedAt <= downUntil);
        expect(whileDown.length).toBeGreaterThan(0);
        expect(whileDown.filter((attempt) => attempt.status !== 503 || attempt.retryAfter === null)).toEqual([]);
        // Around the stop and the start too: a 2xx or a 503, never a 500 or a dropped connection.
        expect([...new Set(attempts.map((attempt) => attempt.status))].sort()).toEqual([200, 503]);
        expect(server.child.exitCode).toBeNull();
        // Back by itself, within the bound.
        const first = recovered();
        expect(first, `no 2xx within ${RECOVERY_BOUND_MS} ms of Postgres being back`).toBeDefined();

        const acked = attempts.filter(acknowledged).map((attempt) => attempt.batch);
        const all = attempts.map((attempt) => attempt.batch);
        const store = await openTargetStore(target);
        try {
          expect(notExactlyOnce(await storedSpanCounts(store, projectId, acked), acked)).toEqual([]);
          // The exporter retries what got a 503; retrying everything shows the acknowledged ones are not doubled.
          const retries = await resendAll(server.url, key, all, SENDERS);
          expect(retries.filter((status) => status !== 200)).toEqual([]);
          expect(notExactlyOnce(await storedSpanCounts(store, projectId, all), all)).toEqual([]);
          const spanCounts = await traceSpanCounts(store, projectId);
          expect(spanCounts.length).toBe(all.length);
          expect(spanCounts.filter((count) => count !== SPANS_PER_BATCH)).toEqual([]);
        } finally {
          await store.close();
        }
      } finally {
        await senders.stop();
        await server.stop();
      }
    } finally {
      await postgres.destroy();
    }
  });
});
