// Runs batch processing in a small pool of worker threads: decode, normalise and encode leave the event loop, which
// then only receives the structured clone of flat column values and runs the store's statements.
import { Worker } from 'node:worker_threads';
import { ERROR_CODES, type ErrorCode, KaizenError, type PriceTable, type RedactionConfig } from '@kaizen/core';
import { type BatchReply, type BatchRequest, type BatchWorkerData, READY } from './batch-worker-protocol.js';
import type { BatchProcessor, OtlpFormat, ProcessedBatch } from './process-batch.js';

export interface WorkerProcessorOptions {
  readonly workers: number;
  readonly prices: PriceTable;
  /** Applied to every span before it is encoded; default: the built-in defaults (compileRedactor). */
  readonly redaction?: RedactionConfig;
  readonly logger: (line: string) => void;
  /** How long a worker may take to load before startup fails. */
  readonly startTimeoutMs?: number;
}

interface Job {
  resolve(batch: ProcessedBatch): void;
  reject(error: unknown): void;
}

interface PooledWorker {
  readonly worker: Worker;
  readonly jobs: Map<number, Job>;
}

// From source (.ts) the entry registers tsx first; compiled (.js) the worker module runs directly.
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./batch-worker-entry.mjs', import.meta.url)
  : new URL('./batch-worker.js', import.meta.url);

const KNOWN_CODES = new Set<string>(ERROR_CODES);

function toError(reply: Extract<BatchReply, { ok: false }>, logger: (line: string) => void): KaizenError {
  if (KNOWN_CODES.has(reply.code) && reply.code !== 'internal') {
    return new KaizenError(reply.code as ErrorCode, reply.message);
  }
  logger(`batch worker failed: ${reply.message}`);
  return new KaizenError('internal', 'batch processing failed');
}

/** A body the worker may own: transferred when it is the whole of its memory, copied when it shares a pool. */
function transferable(body: Uint8Array): Uint8Array {
  const exclusive =
    body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
  return exclusive ? body : new Uint8Array(body);
}

/**
 * Starts the workers and resolves once every one has loaded, so a broken install fails at startup, not on the
 * first export. A worker that dies later fails its in-flight batches with `unavailable` (exporters retry) and is
 * replaced.
 */
export async function createWorkerProcessor(options: WorkerProcessorOptions): Promise<BatchProcessor> {
  const pool: PooledWorker[] = [];
  let nextId = 0;
  let closing = false;
  const workerData: BatchWorkerData = { prices: options.prices, redaction: options.redaction ?? {} };

  function spawn(): Promise<PooledWorker> {
    const worker = new Worker(WORKER_URL, { workerData });
    const pooled: PooledWorker = { worker, jobs: new Map() };
    // Background threads must not keep the process alive once the server is closed.
    worker.unref();
    return new Promise((resolve, reject) => {
      let ready = false;
      const timer = setTimeout(() => {
        if (!ready) reject(new Error(`batch worker did not start within ${options.startTimeoutMs ?? 15_000} ms`));
      }, options.startTimeoutMs ?? 15_000);
      worker.on('message', (message: BatchReply | typeof READY) => {
        if (message === READY) {
          ready = true;
          clearTimeout(timer);
          resolve(pooled);
          return;
        }
        const job = pooled.jobs.get(message.id);
        if (job === undefined) return;
        pooled.jobs.delete(message.id);
        if (message.ok) job.resolve(message.batch);
        else job.reject(toError(message, options.logger));
      });
      worker.on('error', (error) => {
        if (!ready) {
          clearTimeout(timer);
          reject(error);
          return;
        }
        options.logger(`batch worker crashed: ${error.stack ?? error.message}`);
      });
      worker.on('exit', (code) => {
        clearTimeout(timer);
        if (!ready) {
          reject(new Error(`batch worker exited with code ${code} while starting`));
          return;
        }
        for (const job of pooled.jobs.values()) {
          job.reject(new KaizenError('unavailable', 'the batch worker stopped while processing this request; retry'));
        }
        pooled.jobs.clear();
        const index = pool.indexOf(pooled);
        if (index >= 0) pool.splice(index, 1);
        if (!closing) {
          spawn().then(
            (replacement) => pool.push(replacement),
            (error: unknown) => options.logger(`could not replace a batch worker: ${String(error)}`),
          );
        }
      });
    });
  }

  try {
    pool.push(...(await Promise.all(Array.from({ length: options.workers }, () => spawn()))));
  } catch (error) {
    closing = true;
    await Promise.all(pool.map((pooled) => pooled.worker.terminate()));
    throw error;
  }

  return {
    process(format: OtlpFormat, body: Uint8Array): Promise<ProcessedBatch> {
      // The least busy worker; ties go to the first.
      let target = pool[0];
      for (const pooled of pool) if (target === undefined || pooled.jobs.size < target.jobs.size) target = pooled;
      if (target === undefined) {
        return Promise.reject(new KaizenError('unavailable', 'no batch worker is running; retry'));
      }
      const id = nextId++;
      const request: BatchRequest = { id, format, body: transferable(body) };
      const chosen = target;
      return new Promise<ProcessedBatch>((resolve, reject) => {
        chosen.jobs.set(id, { resolve, reject });
        chosen.worker.postMessage(request, [request.body.buffer as ArrayBuffer]);
      });
    },
    async close() {
      closing = true;
      await Promise.all(pool.map((pooled) => pooled.worker.terminate()));
    },
  };
}
