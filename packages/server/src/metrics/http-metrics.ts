// Request metrics of the raw node:http handler: latency by route pattern, method and status; OTLP ingest requests.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { LabelLimiter } from './label-limiter.js';
import { createRouteLabeler, type RoutePattern } from './route-label.js';

/** Seconds: from an in-memory health check to a large compressed OTLP batch. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export interface HttpMetrics {
  /** The raw handler's first call for every request: times it and counts it when its response closes. */
  observe(request: IncomingMessage, response: ServerResponse): void;
  /** The routes whose patterns label requests (the API app's, plus the raw handler's own). */
  useRoutes(routes: readonly RoutePattern[]): void;
}

export interface HttpMetricsOptions {
  /** POSTs to these paths are OTLP exports, counted in kaizen_ingest_requests_total. */
  readonly ingestPaths: ReadonlySet<string>;
}

function pathOf(url: string | undefined): string {
  if (url === undefined) return '/';
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

export function createHttpMetrics(registry: Registry, limiter: LabelLimiter, options: HttpMetricsOptions): HttpMetrics {
  const duration = new Histogram({
    name: 'kaizen_http_request_duration_seconds',
    help: 'HTTP requests from arrival to the last byte of the response; route is the pattern, status "aborted" when the client left first',
    labelNames: ['route', 'method', 'status'],
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  const ingestRequests = new Counter({
    name: 'kaizen_ingest_requests_total',
    help: 'OTLP export requests by HTTP status ("aborted" when the client left first)',
    labelNames: ['status'],
    registers: [registry],
  });
  let routeOf = createRouteLabeler([]);

  return {
    useRoutes(routes) {
      routeOf = createRouteLabeler(routes);
    },
    observe(request, response) {
      const started = performance.now();
      response.once('close', () => {
        const seconds = (performance.now() - started) / 1000;
        const method = METHODS.has(request.method ?? '') ? (request.method as string) : 'other';
        const path = pathOf(request.url);
        const status = response.writableFinished ? String(response.statusCode) : 'aborted';
        const labels = {
          route: limiter.value('http', 'route', routeOf(method, path)),
          method,
          status: limiter.value('http', 'status', status),
        };
        duration.observe(labels, seconds);
        if (method === 'POST' && options.ingestPaths.has(path)) ingestRequests.inc({ status: labels.status });
      });
    },
  };
}
