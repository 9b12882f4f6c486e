// Overload on loopback: far more concurrent exporters than ingest slots get 429/503 with Retry-After, accepted requests
// keep a bounded p99, /health keeps answering, and every acknowledged or re-sent span is stored exactly once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/index.js';
import { BACKENDS, type OpenedStore } from './support/backends.js';
import { buildBatch, percentile, retryAfterSeconds, runLoad } from './support/load-generator.js';
import { createProjectWithKey, type ProjectKey } from './support/test-server.js';

// Deliberately small: two requests in flight, one worker thread. 48 senders is 24× the slots.
const MAX_CONCURRENT_INGEST = 2;
const SENDERS = 48;
const SPANS_PER_BATCH = 300;
// How long senders start new batches, per backend: Postgres answers slower and reads back slower, so it gets a shorter run.
const LOAD_MS = { sqlite: 5_000, postgres: 3_000 } as const;
// Senders stop as soon as their refused batches are acknowledged, so this only bounds an unlucky run: a batch can be
// refused on several re-sends in a row (up to 96 are held at once and all re-send after the same Retry-After), and an
// 8 s window once left one Postgres batch unacknowledged on CI. Exporters retry for minutes (OTel's default: 300 s).
const DRAIN_MS = 25_000;
const BASELINE_REQUESTS = 15;

// p99 of accepted requests under overload must stay under max(LATENCY_FACTOR × unloaded p50, LATENCY_FLOOR_MS).
// The gate admits at most two requests, so an accepted one waits for at most one other batch plus the event loop it
// shares with the 48 in-process senders and the 429s; an unbounded queue would instead grow with the run (seconds).
// The floor keeps a fast unloaded p50 on a loaded 2-core CI machine from making the bound a coin flip: with both cores
// of a 2-core machine kept busy by other processes the measured p99 reached 1.3–2 s (otherwise 0.3–0.7 s), so the floor is
// 5 s. It catches pathologies (acks held until the load stops, multi-second stalls, a queue growing over the run), not
// small regressions: performance is judged by bench:ingest, not by tests.
const LATENCY_FACTOR = 20;
const LATENCY_FLOOR_MS = 5_000;

for (const backend of BACKENDS) {
  backend.describe(`collector overload on loopback (${backend.name})`, () => {
    let opened: OpenedStore;
    let server: RunningServer;
    let projectKey: ProjectKey;
    beforeAll(async () => {
      opened = await backend.open();
      projectKey = await createProjectWithKey(opened.store, 'overload');
      server = await startServer({
        store: opened.store,
        port: 0,
        maxConcurrentIngest: MAX_CONCURRENT_INGEST,
        ingestWorkers: 1,
        logger: () => {},
      });
    });
    afterAll(async () => {
      await server?.close();
      await opened?.dispose();
    });

    it('refuses with 429/503 + Retry-After, keeps accepted p99 bounded, /health up, and loses or doubles no span', async () => {
      const { url } = server;
      const { key, project } = projectKey;

      // Unloaded reference: one sender, one request at a time, same batch size.
      const baseline = await runSequential(url, key, BASELINE_REQUESTS);
      const baselineP50 = percentile(baseline, 50);

      const health: { status: number | null; latencyMs: number }[] = [];
      let loadRunning = true;
      const probing = (async () => {
        while (loadRunning) {
          const before = performance.now();
          const status = await fetch(`${url}/health`).then(
            (response) => response.status,
            () => null,
          );
          health.push({ status, latencyMs: performance.now() - before });
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      })();
      const result = await runLoad({
        url,
        key,
        senders: SENDERS,
        spansPerBatch: SPANS_PER_BATCH,
        durationMs: LOAD_MS[backend.name],
        drainMs: DRAIN_MS,
        maxHeldPerSender: 2,
      });
      loadRunning = false;
      await probing;

      const { attempts } = result;
      const accepted = attempts.filter((attempt) => attempt.status === 200);
      const refused = attempts.filter((attempt) => attempt.status === 429 || attempt.status === 503);
      const socketErrors = attempts.filter((attempt) => attempt.status === null);
      const otherStatuses = attempts.filter(
        (attempt) => attempt.status !== null && ![200, 429, 503].includes(attempt.status),
      );
      const acceptedP50 = percentile(
        accepted.map((attempt) => attempt.latencyMs),
        50,
      );
      const acceptedP99 = percentile(
        accepted.map((attempt) => attempt.latencyMs),
        99,
      );
      const bound = Math.max(LATENCY_FACTOR * baselineP50, LATENCY_FLOOR_MS);
      console.info(
        JSON.stringify({
          test: 'overload',
          backend: backend.name,
          attempts: attempts.length,
          accepted: accepted.length,
          refused429: refused.filter((attempt) => attempt.status === 429).length,
          refused503: refused.filter((attempt) => attempt.status === 503).length,
          resendsAccepted: accepted.filter((attempt) => attempt.resend).length,
          socketErrors: socketErrors.length,
          unacknowledged: result.unacknowledged.length,
          baselineP50Ms: round(baselineP50),
          acceptedP50Ms: round(acceptedP50),
          acceptedP99Ms: round(acceptedP99),
          boundMs: round(bound),
          healthProbes: health.length,
          healthMaxMs: round(Math.max(...health.map((probe) => probe.latencyMs))),
        }),
      );

      // The server really was over capacity, and answered every request at the HTTP level.
      expect(refused.length).toBeGreaterThan(accepted.length / 4);
      expect(socketErrors.map((attempt) => attempt.error)).toEqual([]);
      expect(otherStatuses.map((attempt) => attempt.status)).toEqual([]);
      for (const attempt of refused) {
        const seconds = retryAfterSeconds(attempt.retryAfter);
        expect(seconds, `Retry-After "${attempt.retryAfter}"`).not.toBeNull();
        expect(seconds).toBeGreaterThanOrEqual(1);
        expect(seconds).toBeLessThanOrEqual(60);
      }

      expect(acceptedP99).toBeLessThan(bound);
      expect(health.length).toBeGreaterThan(0);
      expect(health.filter((probe) => probe.status !== 200)).toEqual([]);

      // Every refused batch was acknowledged on a re-send, and every acknowledged span is stored exactly once.
      expect(result.unacknowledged.map((batch) => batch.traceId)).toEqual([]);
      expect(result.acknowledged.some((batch) => refused.some((attempt) => attempt.traceId === batch.traceId))).toBe(
        true,
      );
      expect(new Set(result.acknowledged.map((batch) => batch.traceId)).size).toBe(result.acknowledged.length);
      for (const batch of result.acknowledged) {
        const stored = await opened.store.getTraceSpans(project.id, batch.traceId);
        const counts = new Map<string, number>();
        for (const span of stored) counts.set(span.spanId, (counts.get(span.spanId) ?? 0) + 1);
        expect(stored).toHaveLength(batch.spanIds.length);
        expect(batch.spanIds.filter((spanId) => counts.get(spanId) !== 1)).toEqual([]);
      }
    }, 75_000);
  });
}

async function runSequential(url: string, key: string, requests: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; index < requests; index++) {
    const batch = buildBatch(SPANS_PER_BATCH);
    const before = performance.now();
    const response = await fetch(`${url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: batch.body,
    });
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    latencies.push(performance.now() - before);
  }
  return latencies;
}

const round = (value: number): number => Math.round(value * 10) / 10;
