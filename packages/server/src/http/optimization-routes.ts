// The optimization API: start a run in the background, list and read runs, their candidates with diffs, cancel and
// resume. Runs of other projects are not found.
import { KaizenError, type OptimizationBudget, type OptimizationSettings } from '@kaizen/core';
import type { OptimizationRunQuery, OptimizationRunStatus, Store } from '@kaizen/store';
import type { Hono } from 'hono';
import { candidateViews } from '../optimizations/candidate-views.js';
import type { OptimizationLauncher } from '../optimizations/optimization-launcher.js';
import { type RequestContext, resolveOptimizationRequest } from '../optimizations/resolve-optimization-request.js';
import { parseParam, queryObject } from './evaluator-routes-schemas.js';
import { OptimizationId, OptimizationListQuery, StartOptimizationBody } from './optimization-routes-schemas.js';
import { readJsonBody } from './validate-body.js';

type ApiEnv = { Variables: { projectId: string } };

export interface OptimizationRouteOptions {
  readonly runner: OptimizationLauncher;
  readonly requests: RequestContext;
}

/** A run that stopped before its end may go on; a finished one may not (start a new run instead). */
const RESUMABLE: readonly OptimizationRunStatus[] = ['interrupted', 'failed', 'cancelled'];
/** How long a cancel waits for the run to reach its next step before answering 202 (still stopping). */
const CANCEL_WAIT_MS = 2000;

/** Drops absent fields: the stored budget and settings hold only what the caller set. */
function defined<T extends object>(value: object | undefined): T | undefined {
  if (value === undefined) return undefined;
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

export function registerOptimizationRoutes(
  app: Hono<ApiEnv>,
  store: Store,
  options: OptimizationRouteOptions | null,
): void {
  const service = (): OptimizationRouteOptions => {
    if (options === null) throw new KaizenError('unavailable', 'this server runs no optimizations');
    return options;
  };
  const found = async (projectId: string, raw: string) => {
    const id = parseParam(OptimizationId, raw, 'id');
    const run = await store.optimizations.get(projectId, id);
    if (run === null) throw new KaizenError('not_found', `optimization run ${id} not found`);
    return run;
  };

  app.post('/api/optimizations', async (c) => {
    const { runner, requests } = service();
    const { budget, settings, ...body } = await readJsonBody(c, StartOptimizationBody);
    const projectId = c.get('projectId');
    const input = await resolveOptimizationRequest(requests, projectId, {
      ...body,
      budget: defined<OptimizationBudget>(budget),
      settings: defined<OptimizationSettings>(settings),
    });
    const run = await store.optimizations.create(projectId, input);
    await runner.start(projectId, run);
    return c.json(run, 202);
  });

  app.get('/api/optimizations', async (c) => {
    const query = parseParam(OptimizationListQuery, queryObject(c.req.url), 'query');
    const filters = defined<OptimizationRunQuery>(query) ?? {};
    return c.json({ items: await store.optimizations.list(c.get('projectId'), filters) });
  });

  app.get('/api/optimizations/:id', async (c) => c.json(await found(c.get('projectId'), c.req.param('id'))));

  app.get('/api/optimizations/:id/candidates', async (c) => {
    const projectId = c.get('projectId');
    const run = await found(projectId, c.req.param('id'));
    return c.json({ items: await candidateViews(store, projectId, run) });
  });

  app.post('/api/optimizations/:id/cancel', async (c) => {
    const { runner } = service();
    const projectId = c.get('projectId');
    const run = await found(projectId, c.req.param('id'));
    if (run.status !== 'running') {
      throw new KaizenError(
        'conflict',
        `optimization run ${run.id} is ${run.status}: only a running run can be cancelled`,
      );
    }
    if (runner.cancel(run.id)) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        runner.settled(run.id),
        new Promise((resolve) => {
          timer = setTimeout(resolve, CANCEL_WAIT_MS);
        }),
      ]);
      clearTimeout(timer);
    } else {
      // Running in no process here (another server's, which sees it at its next checkpoint, or a lost one).
      await store.optimizations.update(
        projectId,
        run.id,
        { status: 'cancelled', finishedAt: new Date().toISOString() },
        { onlyFrom: ['running'] },
      );
    }
    const now = await found(projectId, run.id);
    return c.json(now, now.status === 'running' ? 202 : 200);
  });

  app.post('/api/optimizations/:id/resume', async (c) => {
    const { runner } = service();
    const projectId = c.get('projectId');
    const run = await found(projectId, c.req.param('id'));
    if (!RESUMABLE.includes(run.status)) {
      throw new KaizenError(
        'conflict',
        `optimization run ${run.id} is ${run.status}: only an ${RESUMABLE.join(', ')} run can be resumed`,
      );
    }
    const resumed = await store.optimizations.update(
      projectId,
      run.id,
      { status: 'running', error: null, result: null, finishedAt: null },
      { onlyFrom: RESUMABLE },
    );
    await runner.start(projectId, resumed);
    return c.json(resumed, 202);
  });
}
