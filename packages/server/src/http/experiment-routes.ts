// The experiment API: runs stored with their items, listed by what they ran, and compared item by item.
import { KaizenError } from '@kaizen/core';
import { isSimulatedModel } from '@kaizen/models';
import type { Store } from '@kaizen/store';
import type { Hono } from 'hono';
import { routeParam } from './dataset-routes-schemas.js';
import { compareStoredExperiments } from './experiment-routes-compare.js';
import { experimentQuery } from './experiment-routes-query.js';
import { AddItemsBody, CreateExperimentBody, ExperimentId, FinishBody } from './experiment-routes-schemas.js';
import { readJsonBody } from './validate-body.js';

type ApiEnv = { Variables: { projectId: string } };

export function registerExperimentRoutes(app: Hono<ApiEnv>, store: Store): void {
  const experiments = store.experiments;

  app.post('/api/experiments', async (c) => {
    const projectId = c.get('projectId');
    const { items, finish, error, name, settings, ...input } = await readJsonBody(c, CreateExperimentBody);
    const created = await experiments.create(projectId, {
      ...input,
      name: name ?? null,
      // A simulated model is flagged whatever the client says: its results measure the machinery, not a model.
      simulated: input.simulated || isSimulatedModel(input.model),
      ...(settings !== undefined ? { settings } : {}),
    });
    if (items !== undefined && items.length > 0) await experiments.addItems(projectId, created.id, items);
    if (finish === undefined) return c.json(created, 201);
    return c.json(await experiments.finish(projectId, created.id, { status: finish, error: error ?? null }), 201);
  });

  app.get('/api/experiments', async (c) => {
    const query = experimentQuery(new URL(c.req.url).searchParams);
    return c.json({ items: await experiments.list(c.get('projectId'), query) });
  });

  // Before /:id, which would take "compare" as an id.
  app.get('/api/experiments/compare', async (c) =>
    c.json(
      await compareStoredExperiments(store, c.get('projectId'), c.req.query('baseline'), c.req.query('candidate')),
    ),
  );

  app.get('/api/experiments/:id', async (c) => {
    const id = routeParam(ExperimentId, c.req.param('id'), 'id');
    const withItems = c.req.query('items') !== 'false';
    const found = withItems
      ? await experiments.getWithItems(c.get('projectId'), id)
      : await experiments.get(c.get('projectId'), id);
    if (found === null) throw new KaizenError('not_found', `experiment ${id} not found`);
    return c.json(found);
  });

  app.post('/api/experiments/:id/items', async (c) => {
    const id = routeParam(ExperimentId, c.req.param('id'), 'id');
    const body = await readJsonBody(c, AddItemsBody);
    return c.json(await experiments.addItems(c.get('projectId'), id, body.items));
  });

  app.post('/api/experiments/:id/finish', async (c) => {
    const id = routeParam(ExperimentId, c.req.param('id'), 'id');
    const body = await readJsonBody(c, FinishBody);
    return c.json(await experiments.finish(c.get('projectId'), id, { status: body.status, error: body.error ?? null }));
  });
}
