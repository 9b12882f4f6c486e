// Closed-loop OTLP/JSON senders for bench:load: batches round-robin over the servers, refusals re-sent after Retry-After.
import http from 'node:http';
import { type BatchShape, buildBatch, type LoadBatch } from './otlp-batch.js';

export interface LoadOptions {
  /** Base URLs of the servers; each request goes to the next one in turn. */
  readonly targets: readonly string[];
  readonly key: string;
  readonly senders: number;
  readonly shape: BatchShape;
  /** Senders start new batches for this long. */
  readonly durationMs: number;
  /** A refused batch is re-sent (as an exporter would) until this long after the load stopped, then given up. */
  readonly retryForMs: number;
}

export interface Attempt {
  /** HTTP status, or null when the request failed at the socket. */
  readonly status: number | null;
  readonly latencyMs: number;
  readonly error: string | null;
}

export interface LoadResult {
  /** Wall-clock ms (Date.now) of the first request and of the last answer. */
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly attempts: readonly Attempt[];
  /** Acknowledged traces and when (Date.now ms) the 200 holding the trace's last span arrived. */
  readonly acknowledgedAt: ReadonlyMap<string, number>;
  /** `traceId:spanId` of every acknowledged span. */
  readonly acknowledgedSpans: readonly string[];
  /** Batches refused until the retry deadline: never acknowledged, so not counted as lost. */
  readonly abandonedBatches: number;
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
      resolve({ status: null, retryAfter: null, error: `${error.code ?? ''} ${error.message}`.trim() }),
    );
    request.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `senders` closed-loop senders for `durationMs`. Each holds one batch at a time: a refused batch (429, 503, a
 * socket error) waits Retry-After (1 s when absent) plus up to 250 ms of jitter and goes to the next server in turn.
 *
 * @example
 * const result = await sendLoad({ targets: [a, b], key, senders: 8, shape, durationMs: 20_000, retryForMs: 30_000 });
 */
export async function sendLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.senders * options.targets.length });
  const urls = options.targets.map((target) => new URL('/v1/traces', target));
  const attempts: Attempt[] = [];
  const acknowledgedAt = new Map<string, number>();
  const acknowledgedSpans: string[] = [];
  let abandonedBatches = 0;
  let turn = 0;
  const startedAt = Date.now();
  const stopAt = startedAt + options.durationMs;
  const giveUpAt = stopAt + options.retryForMs;

  async function deliver(batch: LoadBatch): Promise<void> {
    for (;;) {
      const url = urls[turn++ % urls.length] as URL;
      const sent = performance.now();
      const answer = await post(agent, url, options.key, batch.body);
      attempts.push({ status: answer.status, latencyMs: performance.now() - sent, error: answer.error });
      if (answer.status === 200) {
        const at = Date.now();
        for (const traceId of batch.traceIds) acknowledgedAt.set(traceId, at);
        acknowledgedSpans.push(...batch.spanKeys);
        return;
      }
      const retryAfter = /^\d+$/.test(answer.retryAfter ?? '') ? Number(answer.retryAfter) : 1;
      if (Date.now() + retryAfter * 1000 > giveUpAt) {
        abandonedBatches += 1;
        return;
      }
      await sleep(retryAfter * 1000 + Math.random() * 250);
    }
  }

  async function sender(): Promise<void> {
    while (Date.now() < stopAt) await deliver(buildBatch(options.shape));
  }

  try {
    await Promise.all(Array.from({ length: options.senders }, sender));
  } finally {
    agent.destroy();
  }
  return { startedAt, finishedAt: Date.now(), attempts, acknowledgedAt, acknowledgedSpans, abandonedBatches };
}
