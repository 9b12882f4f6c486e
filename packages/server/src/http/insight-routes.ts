// The insights API: compute a root-cause report over a view and store it; list reports by view; read one.
import { KaizenError, type ModelPort } from '@kaizen/core';
import type { InsightQuery, InsightView, Store } from '@kaizen/store';
import type { Hono } from 'hono';
import { MAX_RCA_TRACES } from '../insights/collect-rca-input.js';
import { computeInsight } from '../insights/compute-insight.js';
import { parseParam, queryObject } from './evaluator-routes-schemas.js';
import { CreateInsightBody, InsightId, InsightListQuery } from './insight-routes-schemas.js';
import { readJsonBody } from './validate-body.js';

type ApiEnv = { Variables: { projectId: string } };

/** Drops absent fields: views are compared and stored field by field. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

export interface InsightRouteOptions {
  /** Writes a short hypothesis per cause into computed reports; none → reports without narratives. */
  readonly narrativePort?: ModelPort | undefined;
}

export function registerInsightRoutes(app: Hono<ApiEnv>, store: Store, options: InsightRouteOptions = {}): void {
  app.post('/api/insights', async (c) => {
    const body = await readJsonBody(c, CreateInsightBody);
    // An experiment's evaluator is the experiment's own; the empty name is replaced when it is read.
    const view = defined({ ...body, evaluatorName: body.evaluatorName ?? '' }) as InsightView;
    return c.json(await computeInsight(store, c.get('projectId'), view, MAX_RCA_TRACES, options.narrativePort), 201);
  });

  app.get('/api/insights', async (c) => {
    const query = parseParam(InsightListQuery, queryObject(c.req.url), 'query');
    const filters = defined({
      evaluatorName: query.evaluator,
      environment: query.environment,
      promptName: query.promptName,
      promptVersion: query.promptVersion,
      datasetName: query.dataset,
      datasetVersion: query.datasetVersion,
      experimentId: query.experiment,
      limit: query.limit,
    }) as InsightQuery;
    return c.json({ items: await store.insights.list(c.get('projectId'), filters) });
  });

  app.get('/api/insights/:id', async (c) => {
    const id = parseParam(InsightId, c.req.param('id'), 'id');
    const found = await store.insights.get(c.get('projectId'), id);
    if (found === null) throw new KaizenError('not_found', `insight ${id} not found`);
    return c.json(found);
  });
}
