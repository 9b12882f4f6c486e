// Scores API: a trace's scores (and scoring it now), and aggregates over a view — time series and per criterion.
import { KaizenError } from '@kaizen/core';
import type { ScoreView, Store } from '@kaizen/store';
import type { Hono } from 'hono';
import type { EvaluatorCompiler } from '../online/compiled-evaluators.js';
import { scoreTrace, traceSubject } from '../online/score-trace.js';
import {
  parseParam,
  queryObject,
  ScoreNowBody,
  ScoreSeriesQuery,
  ScoreViewQuery,
  TraceId,
} from './evaluator-routes-schemas.js';
import { readJsonBody } from './validate-body.js';

type ApiEnv = { Variables: { projectId: string } };

function toView(query: ScoreViewQuery): ScoreView {
  const { evaluator, ...filters } = query;
  const view: { -readonly [K in keyof ScoreView]: ScoreView[K] } = { evaluatorName: evaluator };
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined) (view as Record<string, unknown>)[key] = value;
  }
  if (view.from !== undefined && view.to !== undefined && view.from > view.to) {
    throw new KaizenError('invalid_input', 'from: is after "to"');
  }
  return view;
}

export function registerScoreRoutes(app: Hono<ApiEnv>, store: Store, compiler: EvaluatorCompiler | null): void {
  app.get('/api/traces/:traceId/scores', async (c) => {
    const traceId = parseParam(TraceId, c.req.param('traceId'), 'traceId');
    return c.json({ traceId, items: await store.scores.listForTrace(c.get('projectId'), traceId) });
  });

  // Scores one trace now with a registered evaluator (source "manual"), with the server's config and judge.
  app.post('/api/traces/:traceId/scores', async (c) => {
    const projectId = c.get('projectId');
    const traceId = parseParam(TraceId, c.req.param('traceId'), 'traceId');
    const body = await readJsonBody(c, ScoreNowBody);
    if (compiler === null) throw new KaizenError('unavailable', 'this server runs without online evaluation');
    const evaluator =
      body.version === undefined
        ? await compiler.latest(projectId, body.evaluator)
        : await compiler.version(projectId, body.evaluator, body.version);
    if (evaluator === null) {
      throw new KaizenError(
        'not_found',
        `evaluator "${body.evaluator}"${body.version === undefined ? '' : ` version ${body.version}`} not found`,
      );
    }
    const spans = await store.getTraceSpans(projectId, traceId);
    if (spans.length === 0) throw new KaizenError('not_found', `trace ${traceId} not found`);
    return c.json(await scoreTrace(store, projectId, traceSubject(spans), evaluator, 'manual'), 201);
  });

  app.get('/api/scores/timeseries', async (c) => {
    const { bucket, ...query } = parseParam(ScoreSeriesQuery, queryObject(c.req.url), 'query');
    const view = toView(query);
    const points = await store.scores.timeSeries(c.get('projectId'), view, bucket);
    return c.json({ ...view, bucket, points });
  });

  app.get('/api/scores/criteria', async (c) => {
    const projectId = c.get('projectId');
    const view = toView(parseParam(ScoreViewQuery, queryObject(c.req.url), 'query'));
    const [rates, evaluator] = await Promise.all([
      store.scores.criterionPassRates(projectId, view),
      store.evaluators.get(projectId, view.evaluatorName, view.evaluatorVersion),
    ]);
    // In checklist order where the evaluator still has the criterion; criteria of older versions after them.
    const order = new Map(evaluator?.definition.criteria.map((criterion, index) => [criterion.id, index]) ?? []);
    const position = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
    const criteria = [...rates].sort((a, b) => position(a.criterionId) - position(b.criterionId));
    return c.json({ ...view, criteria });
  });
}
