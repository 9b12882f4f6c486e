// POST /api/experiments/runs: an experiment run on the server. Everything is resolved and checked first (4xx before
// any row exists), the experiment is created `running` with its run spec, and handed to startExperimentRun (in the
// background); the answer is 202 with the experiment, to poll at GET /api/experiments/:id.
import { KaizenError } from '@kaizen/core';
import type { Store } from '@kaizen/store';
import type { Hono } from 'hono';
import { resolveExperimentRunRequest } from '../experiments/resolve-experiment-run-request.js';
import type { StartExperimentRun } from '../experiments/start-experiment-run.js';
import type { ModelRef } from '../optimizations/optimization-models.js';
import { StartExperimentRunBody } from './experiment-run-routes-schemas.js';
import { readJsonBody } from './validate-body.js';

type ApiEnv = { Variables: { projectId: string } };

export interface ExperimentRunRouteOptions {
  /** Null: this server runs no experiments (503). */
  readonly start: StartExperimentRun | null;
  /** Throws for a model that cannot be used; the server's one model resolution (optimizations use it too). */
  readonly resolveModel: (spec: string) => ModelRef;
}

export function registerExperimentRunRoutes(app: Hono<ApiEnv>, store: Store, options: ExperimentRunRouteOptions): void {
  app.post('/api/experiments/runs', async (c) => {
    const start = options.start;
    if (start === null) throw new KaizenError('unavailable', 'this server runs no experiments');
    const body = await readJsonBody(c, StartExperimentRunBody);
    const projectId = c.get('projectId');
    const input = await resolveExperimentRunRequest({ store, resolveModel: options.resolveModel }, projectId, body);
    const experiment = await store.experiments.create(projectId, input);
    try {
      await start(projectId, experiment.id);
    } catch (error) {
      // Not left `running` with nothing to run it; the message says why.
      const message = `could not start the run: ${error instanceof Error ? error.message : String(error)}`;
      await store.experiments.finish(projectId, experiment.id, { status: 'failed', error: message }).catch(() => {});
      throw error;
    }
    return c.json(experiment, 202);
  });
}
