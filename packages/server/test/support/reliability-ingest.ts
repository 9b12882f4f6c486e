// Sustained OTLP ingest for the reliability tests: concurrent senders posting batches of unique spans, each
// outcome recorded, so a test can check that every acknowledged span is stored exactly once.
import type { Store } from '@kaizen/store';
import { jsonRequest, jsonSpan, newSpanId, newTraceId, postTraces } from './otlp-json.js';

export interface Batch {
  readonly traceId: string;
  readonly spanIds: readonly string[];
  readonly body: string;
}

export interface Attempt {
  readonly batch: Batch;
  /** HTTP status, or null when the connection failed (refused, reset by a killed server). */
  readonly status: number | null;
  readonly retryAfter: string | null;
  readonly startedAt: number;
  readonly endedAt: number;
}

/** One trace per batch: its spans are a root and its children, so the trace summary is recomputed per batch. */
export function makeBatch(spansPerBatch: number): Batch {
  const traceId = newTraceId();
  const spanIds = Array.from({ length: spansPerBatch }, () => newSpanId());
  const [root] = spanIds;
  const spans = spanIds.map((spanId, index) =>
    jsonSpan({ traceId, spanId, ...(index > 0 ? { parentSpanId: root } : {}), name: `step ${index}` }),
  );
  return { traceId, spanIds, body: jsonRequest(spans, { 'service.name': 'reliability' }) };
}

export async function send(url: string, key: string, batch: Batch): Promise<Attempt> {
  const startedAt = Date.now();
  try {
    const response = await postTraces(url, key, batch.body);
    await response.arrayBuffer();
    return {
      batch,
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      startedAt,
      endedAt: Date.now(),
    };
  } catch {
    return { batch, status: null, retryAfter: null, startedAt, endedAt: Date.now() };
  }
}

export interface Senders {
  readonly attempts: Attempt[];
  /** Asks the senders to stop after their current request and waits for them. */
  stop(): Promise<void>;
}

/**
 * `count` senders, each posting a new batch as soon as its previous one is answered (a short pause after a failed
 * connection, as an exporter's backoff would). `url()` is read per request so a test can point them elsewhere.
 */
export function startSenders(options: {
  readonly url: () => string;
  readonly key: string;
  readonly count: number;
  readonly spansPerBatch: number;
}): Senders {
  const attempts: Attempt[] = [];
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      const attempt = await send(options.url(), options.key, makeBatch(options.spansPerBatch));
      attempts.push(attempt);
      if (attempt.status === null || attempt.status >= 500) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const running = Array.from({ length: options.count }, loop);
  return {
    attempts,
    async stop() {
      stopped = true;
      await Promise.all(running);
    },
  };
}

export const acknowledged = (attempt: Attempt): boolean =>
  attempt.status !== null && attempt.status >= 200 && attempt.status < 300;

/** How many times each span id of these batches is stored (read back per trace from the store). */
export async function storedSpanCounts(
  store: Store,
  projectId: string,
  batches: readonly Batch[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const batch of batches) {
    for (const span of await store.getTraceSpans(projectId, batch.traceId)) {
      counts.set(span.spanId, (counts.get(span.spanId) ?? 0) + 1);
    }
  }
  return counts;
}

/** The span ids that are stored other than exactly once (missing: 0; duplicated: 2+). */
export function notExactlyOnce(counts: ReadonlyMap<string, number>, batches: readonly Batch[]): string[] {
  return batches.flatMap((batch) =>
    batch.spanIds.filter((spanId) => counts.get(spanId) !== 1).map((spanId) => `${spanId}×${counts.get(spanId) ?? 0}`),
  );
}

/**
 * The exporter's retry of every batch: `concurrency` at a time, each sent again after a 429 or 503 as an exporter
 * would (at most `tries` times). Resolves with the final status of each batch.
 */
export async function resendAll(
  url: string,
  key: string,
  batches: readonly Batch[],
  concurrency: number,
  tries = 20,
): Promise<(number | null)[]> {
  const statuses: (number | null)[] = new Array(batches.length).fill(null);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < batches.length; index = next++) {
      const batch = batches[index] as Batch;
      for (let attempt = 1; ; attempt += 1) {
        const { status } = await send(url, key, batch);
        statuses[index] = status;
        if ((status !== 429 && status !== 503) || attempt >= tries) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}

/** The span count of every trace summary of the project, all pages. */
export async function traceSpanCounts(store: Store, projectId: string): Promise<number[]> {
  const counts: number[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<Store['listTraces']>> = await store.listTraces(projectId, {
      limit: 1000,
      ...(cursor !== null ? { cursor } : {}),
    });
    counts.push(...page.items.map((trace) => trace.spanCount));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return counts;
}

/** Polls `condition` every 20 ms; rejects after `timeoutMs`, so a test waits on events, not on fixed sleeps. */
export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
