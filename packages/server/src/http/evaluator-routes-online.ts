// Online evaluation rules API: attach an evaluator to a view with a sampling rate; list, read, remove.
import { KaizenError } from '@kaizen/core';
import type { Store } from '@kaizen/store';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { EvaluationChangeListener } from './evaluator-routes.js';
import { OnlineEvaluatorBody, parseParam } from './evaluator-routes-schemas.js';
import { readJsonBody } from './validate-body.js';

type ApiEnv = { Variables: { projectId: string } };

const RuleId = z.uuid('expected a rule id (uuid)');

export function registerOnlineEvaluatorRoutes(
  app: Hono<ApiEnv>,
  store: Store,
  listener: EvaluationChangeListener | null,
): void {
  app.get('/api/online-evaluators', async (c) =>
    c.json({ items: await store.onlineEvaluators.list(c.get('projectId')) }),
  );

  // One rule per (evaluator, view): PUT creates it or updates its sampling rate and state.
  app.put('/api/online-evaluators', async (c) => {
    const projectId = c.get('projectId');
    const body = await readJsonBody(c, OnlineEvaluatorBody);
    if ((await store.evaluators.get(projectId, body.evaluator)) === null) {
      throw new KaizenError(
        'not_found',
        `evaluator "${body.evaluator}" not found: push it first (kaizen evaluators push)`,
      );
    }
    const result = await store.onlineEvaluators.put(projectId, {
      evaluatorName: body.evaluator,
      environment: body.environment ?? null,
      promptName: body.promptName ?? null,
      promptVersion: body.promptVersion ?? null,
      samplingRate: body.samplingRate,
      enabled: body.enabled ?? true,
    });
    await listener?.configurationChanged();
    return c.json(result, result.created ? 201 : 200);
  });

  app.get('/api/online-evaluators/:id', async (c) => {
    const id = parseParam(RuleId, c.req.param('id'), 'id');
    const rule = await store.onlineEvaluators.get(c.get('projectId'), id);
    if (rule === null) throw new KaizenError('not_found', `online evaluator ${id} not found`);
    return c.json(rule);
  });

  app.delete('/api/online-evaluators/:id', async (c) => {
    const id = parseParam(RuleId, c.req.param('id'), 'id');
    if (!(await store.onlineEvaluators.remove(c.get('projectId'), id))) {
      throw new KaizenError('not_found', `online evaluator ${id} not found`);
    }
    await listener?.configurationChanged();
    return c.body(null, 204);
  });
}
