// Starts the Kaizen HTTP server: a raw node:http handler for OTLP ingest, Hono for the API, one listening socket.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { getRequestListener } from '@hono/node-server';
import {
  compileRedactor,
  DEFAULT_PRICES,
  type ModelPort,
  type PriceTable,
  type RedactionConfig,
  type Redactor,
} from '@kaizen/core';
import type { OptimizationRun, Store } from '@kaizen/store';
import { executeExperimentRun } from './experiments/execute-experiment-run.js';
import { createInProcessRuns } from './experiments/in-process-runs.js';
import { createApiApp } from './http/api-app.js';
import { createApiKeyResolver } from './http/api-key-resolver.js';
import { createConcurrencyGate } from './http/concurrency-gate.js';
import { createIngestHandler } from './http/ingest-handler.js';
import { resolveSessionSecret } from './http/session-secret.js';
import { createSessionCodec } from './http/session-token.js';
import { DEFAULT_WEB_ROOT } from './http/static-web.js';
import { type BatchProcessor, createInlineProcessor } from './ingest/process-batch.js';
import { createWorkerProcessor } from './ingest/worker-processor.js';
import { queuedRuns } from './jobs/experiment-jobs.js';
import { JOB_QUEUES, type JobQueue } from './jobs/job-queue.js';
import { dispatchOnlineEvaluation } from './jobs/online-evaluation-jobs.js';
import { queuedOptimizations } from './jobs/optimization-jobs.js';
import { type JobConcurrency, type JobWork, startJobWork } from './jobs/start-job-work.js';
import { observeIngestMetrics } from './metrics/ingest-metrics.js';
import { METRICS_PATH } from './metrics/metrics-endpoint.js';
import { createServerMetrics, type MetricsOptions } from './metrics/server-metrics.js';
import { observeStoredSpans, type SpansStoredListener } from './online/observe-stored-spans.js';
import {
  createOnlineEvaluation,
  type OnlineEvaluation,
  type OnlineEvaluationOptions,
} from './online/online-evaluation.js';
import { defaultResolveModel, type OptimizationOptions } from './optimizations/optimization-models.js';
import { createOptimizationRunner, type OptimizationRunner } from './optimizations/optimization-runner.js';
import { executeReplayRun } from './replays/execute-replay-run.js';
import { checkRetentionDays, startRetention } from './retention/start-retention.js';

export interface ServerOptions {
  readonly store: Store;
  /** Default 127.0.0.1: listening on every interface is an explicit choice. */
  readonly host?: string;
  /** Default 4318, the OTLP/HTTP port; 0 picks a free one. */
  readonly port?: number;
  /** Largest accepted request body as sent (compressed or not). Default 8 MiB. */
  readonly maxBodyBytes?: number;
  /** Largest body after gzip/deflate inflation. Default 4 × maxBodyBytes. */
  readonly maxInflatedBytes?: number;
  /** Model prices for cost; default DEFAULT_PRICES from @kaizen/core. */
  readonly prices?: PriceTable;
  /** Ingest requests processed at once; more are answered 429 with Retry-After. Default 16. */
  readonly maxConcurrentIngest?: number;
  /** Where the server writes its few log lines (start, unexpected errors). Default: nowhere. */
  readonly logger?: (line: string) => void;
  /**
   * Worker threads that decode and normalise batches, so the event loop only moves bytes and writes to the store.
   * 0 processes inline. Default: one per core beyond the first, at most 4.
   */
  readonly ingestWorkers?: number;
  /**
   * Redaction of secrets and personal data at ingest, before anything is stored (docs/architecture/redaction.md).
   * Default: on, with secrets, bearer tokens, e-mail addresses and card numbers; `{ enabled: false }` turns it off.
   * An invalid config (unknown detector, bad regex) makes startServer throw `invalid_input`.
   */
  readonly redaction?: RedactionConfig;
  /** How long a resolved API key is cached, in ms. Default 30 s. */
  readonly apiKeyCacheTtlMs?: number;
  /**
   * Scores incoming traces with the project's online evaluators, off the ingest path (see
   * docs/architecture/online-evaluation.md): the config's custom checks and judge, quiet period, concurrency.
   * `false` turns the worker off; the API can still score a trace on demand.
   */
  readonly onlineEvaluation?: OnlineEvaluationOptions | false;
  /** Told after each committed ingest batch which traces it touched. Runs on the ingest path: keep it cheap. */
  readonly onSpansStored?: SpansStoredListener;
  /**
   * Writes a short hypothesis per root cause into computed insight reports (the config's `narrativeModel`).
   * Default: the online evaluation's judge; neither → reports without narratives.
   */
  readonly narrativePort?: ModelPort;
  /** Optimization runs (docs/architecture/optimization-runs.md): default optimizer model, model resolution. */
  readonly optimization?: OptimizationOptions;
  /**
   * Signs the web app's session cookies. Default: env KAIZEN_SESSION_SECRET, else a random key per process (sessions
   * end at restart; several servers behind one address need the same secret).
   */
  readonly sessionSecret?: string;
  /** The built web app served at `/`. Default: packages/web/dist beside this package; null serves none. */
  readonly webRoot?: string | null;
  /**
   * Prometheus metrics at GET /metrics (docs/architecture/metrics.md): on by default, behind a bearer token when
   * `token` or env KAIZEN_METRICS_TOKEN is set; `gpu` samples nvidia-smi. `{ enabled: false }` turns them off.
   */
  readonly metrics?: MetricsOptions;
  /**
   * The durable job queue of a deployment where several processes share one Postgres (docs/architecture/jobs.md).
   * Given, traces due for online evaluation and optimization runs become jobs that any worker may run, and the server
   * closes the queue in close(); without it this process runs them itself (the SQLite deployment).
   */
  readonly jobs?: {
    readonly queue: JobQueue;
    /** Also take jobs in this process. Default true; false makes a server that only ingests and answers the API. */
    readonly work?: boolean;
    readonly concurrency?: JobConcurrency;
  };
  /**
   * Deletes traces older than this many whole days (besides today) at start and then hourly, with their spans and
   * scores; on Postgres it drops whole daily span partitions and makes the next days' (docs/architecture/store.md).
   * Default: traces are kept forever.
   */
  readonly retentionDays?: number;
}

export interface RunningServer {
  /** `http://host:port`, with the real port when `port` was 0. */
  readonly url: string;
  readonly port: number;
  /** The online evaluation worker (its counters, for tests and health checks). */
  readonly onlineEvaluation: Pick<OnlineEvaluation, 'stats'>;
  /** Stops accepting connections and resolves once in-flight requests have been answered. */
  close(): Promise<void>;
}

/** The paths OTLP exporters post to: the standard one, and the one Langfuse SDKs hard-code. */
export const OTLP_TRACE_PATHS: ReadonlySet<string> = new Set(['/v1/traces', '/api/public/otel/v1/traces']);

export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
const DEFAULT_MAX_CONCURRENT_INGEST = 16;

function pathOf(url: string | undefined): string {
  if (url === undefined) return '/';
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

async function createProcessor(
  options: ServerOptions,
  redactor: Redactor,
  logger: (line: string) => void,
): Promise<BatchProcessor> {
  const prices = options.prices ?? DEFAULT_PRICES;
  const workers = options.ingestWorkers ?? Math.min(Math.max(availableParallelism() - 1, 0), 4);
  if (workers === 0) return createInlineProcessor(prices, redactor);
  try {
    return await createWorkerProcessor({ workers, prices, redaction: options.redaction ?? {}, logger });
  } catch (error) {
    // Slower, never broken: ingest still works on the event loop.
    logger(
      `batch workers unavailable, processing on the main thread: ${error instanceof Error ? error.message : String(error)}`,
    );
    return createInlineProcessor(prices, redactor);
  }
}

function spansStoredListener(
  online: OnlineEvaluation | null,
  extra: SpansStoredListener | undefined,
): SpansStoredListener | null {
  if (online === null) return extra ?? null;
  if (extra === undefined) return online.notify;
  return (projectId, traceIds) => {
    online.notify(projectId, traceIds);
    extra(projectId, traceIds);
  };
}

/** Runs a dead process left `running` become `interrupted`. A database down at start leaves them (cancel them later). */
async function recoverOptimizations(runner: OptimizationRunner, logger: (line: string) => void): Promise<void> {
  try {
    const interrupted = await runner.recover();
    if (interrupted > 0) logger(`${interrupted} optimization run(s) left running by a stopped server: interrupted`);
  } catch (error) {
    logger(`could not mark optimization runs left running as interrupted: ${(error as Error).message}`);
  }
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * @example
 * const server = await startServer({ store, port: 0 });
 * // exporters post to `${server.url}/v1/traces`; the API answers under `${server.url}/api/…`
 * await server.close();
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const logger = options.logger ?? (() => {});
  // Checked before anything starts; the runs themselves begin once the server listens.
  if (options.retentionDays !== undefined) checkRetentionDays(options.retentionDays);
  const metrics =
    options.metrics?.enabled === false
      ? null
      : createServerMetrics(options.metrics ?? {}, { ingestPaths: OTLP_TRACE_PATHS, env: process.env, logger });
  const keyResolver = createApiKeyResolver({
    store: options.store,
    ...(options.apiKeyCacheTtlMs !== undefined ? { ttlMs: options.apiKeyCacheTtlMs } : {}),
  });
  const resolver = metrics === null ? keyResolver : metrics.observeProjects(keyResolver);
  // Compiled here first so a bad config fails startup with its message, before any worker starts.
  const redactor = compileRedactor(options.redaction);
  const processor = await createProcessor(options, redactor, logger);
  const jobs = options.jobs ?? null;
  const works = jobs === null || jobs.work !== false;
  const online = createOnlineEvaluation(
    options.store,
    {
      ...(options.onlineEvaluation || {}),
      ...(metrics !== null ? { onScored: metrics.scored } : {}),
      ...(jobs !== null ? { dispatch: dispatchOnlineEvaluation(jobs.queue) } : {}),
      // Catching up on unscored traces is a worker's job; a server that takes none leaves it to them.
      ...(works ? {} : { catchUpWindowMs: 0 }),
    },
    logger,
  );
  if (options.onlineEvaluation !== false) await online.start();
  const onStored = spansStoredListener(options.onlineEvaluation === false ? null : online, options.onSpansStored);
  // After the commit, count the batch from what the worker already computed (no I/O, see ingest-metrics.ts).
  const countedStore =
    metrics === null
      ? options.store
      : observeIngestMetrics(options.store, metrics.ingest, (error) =>
          logger(`ingest metrics failed: ${String(error)}`),
        );
  const ingest = createIngestHandler({
    // The ingest path's one addition: after the commit, name the touched traces (no I/O, see observeStoredSpans).
    store:
      onStored === null
        ? countedStore
        : observeStoredSpans(countedStore, onStored, (error) => logger(`onSpansStored failed: ${String(error)}`)),
    resolver,
    gate: createConcurrencyGate(options.maxConcurrentIngest ?? DEFAULT_MAX_CONCURRENT_INGEST),
    processor,
    maxBodyBytes,
    maxInflatedBytes: options.maxInflatedBytes ?? maxBodyBytes * 4,
    logger,
  });
  const narrativePort = options.narrativePort ?? (options.onlineEvaluation || undefined)?.judge;
  const optimization = options.optimization ?? {};
  const runner = createOptimizationRunner(
    { store: options.store, compiler: online.compiler, options: optimization, prices: options.prices },
    logger,
  );
  const optimizations = {
    runner:
      jobs === null
        ? {
            start: async (projectId: string, run: OptimizationRun) => runner.start(projectId, run),
            cancel: runner.cancel,
            settled: runner.settled,
          }
        : queuedOptimizations(jobs.queue, options.store, works ? runner : null),
    requests: {
      store: options.store,
      compiler: online.compiler,
      resolveModel: optimization.resolveModel ?? defaultResolveModel,
      defaultOptimizerModel: optimization.optimizerModel ?? null,
    },
  };
  // Experiments run on the server (POST /api/experiments/runs): in this process, or as jobs on workers.
  const experimentDeps = {
    store: options.store,
    compiler: online.compiler,
    resolveModel: optimizations.requests.resolveModel,
    prices: options.prices,
  };
  const experimentRuns = createInProcessRuns(
    'experiment',
    (input) => executeExperimentRun(experimentDeps, input),
    logger,
  );
  // Replay runs (POST /api/replays): in this process; shadow spans are redacted as ingest redacts.
  const replayDeps = {
    store: options.store,
    resolveModel: optimizations.requests.resolveModel,
    prices: options.prices,
    redactor,
  };
  const replayRuns = createInProcessRuns('replay', (input) => executeReplayRun(replayDeps, input), logger);
  const sessionSecret = resolveSessionSecret(options.sessionSecret, process.env);
  const app = createApiApp({
    store: options.store,
    resolver,
    logger,
    online,
    narrativePort,
    optimizations,
    startExperimentRun: jobs === null ? experimentRuns.start : queuedRuns(jobs.queue, JOB_QUEUES.experiment),
    startReplayRun: jobs === null ? replayRuns.start : queuedRuns(jobs.queue, JOB_QUEUES.replay),
    sessions: createSessionCodec({ secret: sessionSecret.secret }),
    sessionNotice: sessionSecret.notice,
    webRoot: options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot,
  });
  // overrideGlobalObjects: false leaves the process's global Request/Response alone (tests and SDKs share them).
  const api = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  metrics?.http.useRoutes([...app.routes, { method: 'GET', path: METRICS_PATH }]);

  const server = http.createServer((request, response) => {
    metrics?.http.observe(request, response);
    if (metrics !== null && request.method === 'GET' && pathOf(request.url) === METRICS_PATH) {
      metrics.endpoint(request, response);
      return;
    }
    if (request.method === 'POST' && OTLP_TRACE_PATHS.has(pathOf(request.url))) {
      ingest(request, response);
      return;
    }
    void api(request, response);
  });

  let work: JobWork | null = null;
  try {
    // With a job queue, a dead worker's runs come back through their jobs' leases: no sweep (it would stop runs that
    // other workers are executing).
    if (jobs === null) await recoverOptimizations(runner, logger);
    if (jobs !== null && works) {
      work = await startJobWork({
        queue: jobs.queue,
        store: options.store,
        online,
        runner,
        experiments: experimentDeps,
        replays: replayDeps,
        ...(jobs.concurrency !== undefined ? { concurrency: jobs.concurrency } : {}),
        logger,
      });
    }
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 4318, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    metrics?.close();
    await work?.stop();
    await online.close();
    await jobs?.queue.close();
    await processor.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${formatHost(host)}:${port}`;
  logger(`Kaizen listening on ${url} (OTLP/HTTP traces at ${url}/v1/traces)`);
  metrics?.start();
  const retention =
    options.retentionDays === undefined
      ? null
      : startRetention(options.store, { retentionDays: options.retentionDays, logger });

  return {
    url,
    port,
    onlineEvaluation: online,
    async close() {
      // First, so no retention run is left using the store once the caller closes it.
      await retention?.stop();
      // With a queue, runs pause and their follow-up jobs go to other workers; jobs fetched meanwhile are handed on.
      await work?.stop();
      // Runs stop between steps and end `interrupted`, resumable with every answer already paid for.
      await runner.close();
      // Experiment runs stop between items and stay `running`: another execution completes them from the cache.
      await experimentRuns.close();
      await replayRuns.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        // Idle keep-alive sockets would hold close() open until they time out.
        server.closeIdleConnections();
      });
      // After the last request is answered: in-flight batches still need their worker.
      await processor.close();
      // Waiting traces are dropped (the next start catches them up); evaluations in flight get a few seconds.
      await online.close();
      // Last: online.close() sends the due traces it still holds, and paused runs queue their follow-ups.
      await jobs?.queue.close();
      metrics?.close();
    },
  };
}
