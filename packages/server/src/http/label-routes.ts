// Human labels API: pass/fail per trace and criterion, with a note; the reference judged criteria are measured by.
import { KaizenError } from '@kaizen/core';
import type { Store } from '@kaizen/store';
import type { Hono } from 'hono';
import { parseParam, SetLabelBody, TraceId } from './evaluator-routes-schemas.js';
import { readJsonBody } from './validate-body.js';

type ApiEnv = { Variables: { projectId: string } };

export function registerLabelRoutes(app: Hono<ApiEnv>, store: Store): void {
  app.put('/api/traces/:traceId/labels', async (c) => {
    const projectId = c.get('projectId');
    const traceId = parseParam(TraceId, c.req.param('traceId'), 'traceId');
    const body = await readJsonBody(c, SetLabelBody);
    const versions = await store.evaluators.versions(projectId, body.evaluator);
    if (versions.length === 0) throw new KaizenError('not_found', `evaluator "${body.evaluator}" not found`);
    if (!versions.some((version) => version.definition.criteria.some((criterion) => criterion.id === body.criterion))) {
      throw new KaizenError(
        'invalid_input',
        `criterion: evaluator "${body.evaluator}" has no criterion "${body.criterion}" in any version`,
      );
    }
    const spans = await store.getTraceSpans(projectId, traceId);
    if (spans.length === 0) throw new KaizenError('not_found', `trace ${traceId} not found`);
    const label = await store.labels.upsert(projectId, {
      traceId,
      evaluatorName: body.evaluator,
      criterionId: body.criterion,
      passed: body.passed,
      note: body.note ?? null,
      author: body.author ?? null,
    });
    return c.json(label);
  });

  app.get('/api/traces/:traceId/labels', async (c) => {
    const traceId = parseParam(TraceId, c.req.param('traceId'), 'traceId');
    return c.json({ traceId, items: await store.labels.listForTrace(c.get('projectId'), traceId) });
  });
}
