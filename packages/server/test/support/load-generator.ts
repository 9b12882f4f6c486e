// Loopback OTLP/JSON load generator for overload tests: many senders, each batch one trace, refusals re-sent after Retry-After.
import http from 'node:http';
import { jsonRequest, jsonSpan, newSpanId, newTraceId } from './otlp-json.js';

/** One batch of spans, all in one trace, so the store can be asked for exactly these spans afterwards. */
export interface LoadBatch {
  readonly traceId: string;
  readonly spanIds: readonly string[];
  readonly body: string;
}

export interface LoadAttempt {
  readonly traceId: string;
  /** HTTP status, or null when the request failed at the socket (`error` says how). */
  readonly status: number | null;
  readonly retryAfter: string | null;
  readonly latencyMs: number;
  readonly error: string | null;
  /** True when this attempt re-sends a batch refused earlier. */
  readonly resend: boolean;
}

export interface LoadOptions {
  readonly url: string;
  readonly key: string;
  readonly senders: number;
  readonly spansPerBatch: number;
  /** Senders start new batches for this long; afterwards they only re-send refused batches. */
  readonly durationMs: number;
  /**
   * Refused batches a sender may hold for re-sending (an exporter's bounded retry queue); with that many held it waits
   * for the next one to fall due instead of starting new batches, so the backlog stays small enough to drain.
   */
  readonly maxHeldPerSender: number;
  /** Refused batches still unacknowledged this long after the load stopped are left out (the test fails on them). */
  readonly drainMs: number;
}

export interface LoadResult {
  readonly attempts: readonly LoadAttempt[];
  /** Batches answered 200, first time or on a re-send. */
  readonly acknowledged: readonly LoadBatch[];
  /** Batches refused at least once and never acknowledged before the drain deadline. */
  readonly unacknowledged: readonly LoadBatch[];
}

export function buildBatch(spansPerBatch: number): LoadBatch {
  const traceId = newTraceId();
  const spans = Array.from({ length: spansPerBatch }, (_, index) =>
    jsonSpan({ traceId, spanId: newSpanId(), startMs: Date.UTC(2025, 5, 1) + index }),
  );
  return { traceId, spanIds: spans.map((span) => span.spanId as string), body: jsonRequest(spans) };
}

interface Answer {
  readonly status: number | null;
  readonly retryAfter: string | null;
  readonly error: string | null;
}

function post(agent: http.Agent, url: URL, key: string, body: string): Promise<Answer> {
  return new Promise((resolve) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${key}`,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? null,
            retryAfter: response.headers['retry-after'] ?? null,
            error: null,
          }),
        );
        response.on('error', (error) => resolve({ status: null, retryAfter: null, error: error.message }));
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: null, retryAfter: null, error: `${error.code ?? ''} ${error.message}` }),
    );
    request.end(body);
  });
}

/** Seconds of a Retry-After header given as delta-seconds, else null (an HTTP-date is not what this server sends). */
export function retryAfterSeconds(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  return Number(value);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `senders` closed-loop senders against the OTLP endpoint. A sender whose batch is refused (429/503) keeps it for a
 * re-send once Retry-After has passed and meanwhile goes on with new batches (holding at most `maxHeldPerSender`), like
 * many independent exporters would: the offered load barely backs off, which keeps the server above capacity throughout.
 *
 * @example
 * const result = await runLoad({ url, key, senders: 48, spansPerBatch: 300, durationMs: 6000, drainMs: 8000, maxHeldPerSender: 2 });
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL('/v1/traces', options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.senders });
  const attempts: LoadAttempt[] = [];
  const acknowledged: LoadBatch[] = [];
  const unacknowledged: LoadBatch[] = [];
  const started = performance.now();
  const stopAt = started + options.durationMs;
  const drainUntil = stopAt + options.drainMs;

  async function send(batch: LoadBatch, resend: boolean): Promise<number | null> {
    const before = performance.now();
    const answer = await post(agent, url, options.key, batch.body);
    attempts.push({ traceId: batch.traceId, ...answer, latencyMs: performance.now() - before, resend });
    if (answer.status === 200) {
      acknowledged.push(batch);
      return null;
    }
    // Not acknowledged: re-send after Retry-After (1 s when missing or malformed; the test fails on those anyway) plus up
    // to 500 ms of jitter, as exporters' backoff has, so the held batches do not all come back in the same instant.
    return (retryAfterSeconds(answer.retryAfter) ?? 1) * 1000 + Math.random() * 500;
  }

  async function sender(): Promise<void> {
    const refused: { batch: LoadBatch; dueAt: number }[] = [];
    for (;;) {
      const now = performance.now();
      const dueIndex = refused.findIndex((entry) => entry.dueAt <= now);
      let batch: LoadBatch;
      let resend: boolean;
      if (dueIndex >= 0) {
        batch = (refused.splice(dueIndex, 1)[0] as { batch: LoadBatch }).batch;
        resend = true;
      } else if (now < stopAt && refused.length < options.maxHeldPerSender) {
        batch = buildBatch(options.spansPerBatch);
        resend = false;
      } else if (refused.length > 0 && now < drainUntil) {
        await sleep(Math.max(1, Math.min(...refused.map((entry) => entry.dueAt)) - now));
        continue;
      } else {
        unacknowledged.push(...refused.map((entry) => entry.batch));
        return;
      }
      const retryInMs = await send(batch, resend);
      if (retryInMs !== null) refused.push({ batch, dueAt: performance.now() + retryInMs });
    }
  }

  try {
    await Promise.all(Array.from({ length: options.senders }, () => sender()));
  } finally {
    agent.destroy();
  }
  return { attempts, acknowledged, unacknowledged };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
