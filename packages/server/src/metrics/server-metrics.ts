// The server's Prometheus metrics: one registry per server, and the hooks the server's paths call to fill it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { ApiKeyResolver } from '../http/api-key-resolver.js';
import { createEvaluationMetrics, type ScoreListener } from './evaluation-metrics.js';
import { createGpuCollector, type GpuMetricsOptions } from './gpu/gpu-collector.js';
import { createHttpMetrics, type HttpMetrics } from './http-metrics.js';
import { createIngestMetrics, type IngestMetrics } from './ingest-metrics.js';
import { createLabelLimiter } from './label-limiter.js';
import { createMetricsEndpoint } from './metrics-endpoint.js';
import { createProjectInfo } from './project-info.js';

export interface MetricsOptions {
  /** Serves GET /metrics and counts. Default true. */
  readonly enabled?: boolean;
  /**
   * Scrapes must send `Authorization: Bearer <token>`. Default: env KAIZEN_METRICS_TOKEN; neither → /metrics is open
   * to whoever reaches the listening address, like /health.
   */
  readonly token?: string;
  /** Node's process metrics (process_*, nodejs_*: CPU, memory, event-loop lag, GC). Default false. */
  readonly processMetrics?: boolean;
  /** Distinct values one label of one metric family keeps; later values are exported as `other`. Default 50. */
  readonly maxLabelValues?: number;
  /** Samples nvidia-smi into kaizen_gpu_* gauges; absent → no GPU metrics. */
  readonly gpu?: GpuMetricsOptions;
}

export interface ServerMetrics {
  /** This server's registry: never prom-client's global one, so servers in one process keep apart. */
  readonly registry: Registry;
  readonly http: HttpMetrics;
  readonly ingest: IngestMetrics;
  /** The online evaluation worker's hook. */
  readonly scored: ScoreListener;
  /** The raw handler of GET /metrics. */
  readonly endpoint: (request: IncomingMessage, response: ServerResponse) => void;
  observeProjects(resolver: ApiKeyResolver): ApiKeyResolver;
  /** Starts the GPU collector, when configured: once the server listens, so a failed start leaves no timer. */
  start(): void;
  /** Stops the GPU collector. */
  close(): void;
}

export interface ServerMetricsContext {
  /** POSTs to these paths are OTLP exports. */
  readonly ingestPaths: ReadonlySet<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly logger: (line: string) => void;
}

/**
 * @example
 * const metrics = createServerMetrics({ token: 'secret' }, { ingestPaths, env: process.env, logger });
 * // raw handler: metrics.http.observe(request, response); GET /metrics → metrics.endpoint(request, response)
 */
export function createServerMetrics(options: MetricsOptions, context: ServerMetricsContext): ServerMetrics {
  const registry = new Registry();
  const limiter = createLabelLimiter(registry, {
    ...(options.maxLabelValues !== undefined ? { maxValuesPerLabel: options.maxLabelValues } : {}),
  });
  if (options.processMetrics === true) collectDefaultMetrics({ register: registry });
  const envToken = context.env.KAIZEN_METRICS_TOKEN;
  const token = options.token ?? (envToken === undefined || envToken === '' ? null : envToken);
  const gpu = options.gpu === undefined ? null : createGpuCollector(registry, limiter, options.gpu, context.logger);
  return {
    registry,
    http: createHttpMetrics(registry, limiter, { ingestPaths: context.ingestPaths }),
    ingest: createIngestMetrics(registry, limiter),
    scored: createEvaluationMetrics(registry, limiter),
    endpoint: createMetricsEndpoint(registry, token, context.logger),
    observeProjects: createProjectInfo(registry, limiter),
    start() {
      gpu?.start();
    },
    close() {
      gpu?.stop();
    },
  };
}
