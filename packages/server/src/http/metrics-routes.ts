// Dashboard metrics API: trace counts, errors, tokens, cost and latency per time bucket and group, aggregated in SQL.
import type { Store } from '@kaizen/store';
import type { Hono } from 'hono';
import { z } from 'zod';
import { parseParam, queryObject } from './evaluator-routes-schemas.js';

type ApiEnv = { Variables: { projectId: string } };

const IsoTime = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), 'expected ISO 8601')
  .transform((value) => new Date(Date.parse(value)).toISOString());
const Text = z.string().min(1).max(1000);

export const MetricsSeriesQuery = z.strictObject({
  from: IsoTime.optional(),
  to: IsoTime.optional(),
  bucket: z.enum(['hour', 'day']).default('day'),
  groupBy: z.enum(['none', 'promptVersion', 'environment', 'model']).default('none'),
  environment: Text.optional(),
  promptName: Text.optional(),
  model: Text.optional(),
});
export type MetricsSeriesQuery = z.infer<typeof MetricsSeriesQuery>;

/** Without `from`: the last day in hours, the last 30 days in days. */
const DEFAULT_SPAN_MS = { hour: 24 * 3_600_000, day: 30 * 86_400_000 } as const;

/**
 * @example
 * registerMetricsRoutes(app, store); // GET /api/metrics/timeseries?bucket=day&groupBy=environment
 */
export function registerMetricsRoutes(app: Hono<ApiEnv>, store: Store): void {
  app.get('/api/metrics/timeseries', async (c) => {
    const { from, to, environment, promptName, model, ...shape } = parseParam(
      MetricsSeriesQuery,
      queryObject(c.req.url),
      'query',
    );
    const end = to ?? new Date().toISOString();
    const start = from ?? new Date(Date.parse(end) - DEFAULT_SPAN_MS[shape.bucket]).toISOString();
    // Bounds (from before to, at most MAX_METRICS_BUCKETS buckets) are the store's: it refuses with a 400.
    const metrics = await store.traceMetrics(c.get('projectId'), {
      from: start,
      to: end,
      ...shape,
      ...(environment === undefined ? {} : { environment }),
      ...(promptName === undefined ? {} : { promptName }),
      ...(model === undefined ? {} : { model }),
    });
    return c.json(metrics);
  });
}
