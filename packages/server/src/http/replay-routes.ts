// POST /api/replays: a shadow replay run on the server. Everything is resolved and checked first (4xx before any row
// exists), the source traces are pinned, the experiment is created `running` with its spec, and handed to
// startReplayRun (in the background); the answer is 202 with the experiment, to poll at GET /api/experiments/:id.
import { KaizenError } from '@kaizen/core';
import type { Store } from '@kaizen/store';
import type { Hono } from 'hono';
import type { ModelRef } from '../optimizations/optimization-models.js';
import { createReplayRun } from '../replays/create-replay-run.js';
import type { StartReplayRun } from '../replays/start-replay-run.js';
import { StartReplayBody } from './replay-routes-schemas.js';
import { readJsonBody } from './validate-body.js';

type ApiEnv = { Variables: { projectId: string } };

export interface ReplayRouteOptions {
  /** Null: this server runs no replays (503). */
  readonly start: StartReplayRun | null;
  /** Throws for a model that cannot be used; the server's one model resolution. */
  readonly resolveModel: (spec: string) => ModelRef;
}

export function registerReplayRoutes(app: Hono<ApiEnv>, store: Store, options: ReplayRouteOptions): void {
  app.post('/api/replays', async (c) => {
    const start = options.start;
    if (start === null) throw new KaizenError('unavailable', 'this server runs no replays');
    const body = await readJsonBody(c, StartReplayBody);
    const projectId = c.get('projectId');
    const experiment = await createReplayRun({ store, resolveModel: options.resolveModel }, projectId, body);
    try {
      await start(projectId, experiment.id);
    } catch (error) {
      // Not left `running` with nothing to run it; the message says why.
      const message = `could not start the replay: ${error instanceof Error ? error.message : String(error)}`;
      await store.experiments.finish(projectId, experiment.id, { status: 'failed', error: message }).catch(() => {});
      throw error;
    }
    return c.json(experiment, 202);
  });
}
