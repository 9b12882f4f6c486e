// The Hono app for everything but OTLP ingest: health check, the API behind auth (API key or web session), the web app.

import type { ModelPort } from '@kaizen/core';
import { KaizenError } from '@kaizen/core';
import type { Store } from '@kaizen/store';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { StartExperimentRun } from '../experiments/start-experiment-run.js';
import type { EvaluatorCompiler } from '../online/compiled-evaluators.js';
import { defaultResolveModel } from '../optimizations/optimization-models.js';
import type { StartReplayRun } from '../replays/start-replay-run.js';
import type { ApiKeyResolver } from './api-key-resolver.js';
import { registerCacheRoutes } from './cache-routes.js';
import { registerDatasetRoutes } from './dataset-routes.js';
import { errorHeaders, toErrorResponse } from './error-status.js';
import { type EvaluationChangeListener, registerEvaluatorRoutes } from './evaluator-routes.js';
import { registerOnlineEvaluatorRoutes } from './evaluator-routes-online.js';
import { registerExperimentRoutes } from './experiment-routes.js';
import { registerExperimentRunRoutes } from './experiment-run-routes.js';
import { registerInsightRoutes } from './insight-routes.js';
import { registerLabelRoutes } from './label-routes.js';
import { registerMetricsRoutes } from './metrics-routes.js';
import { type OptimizationRouteOptions, registerOptimizationRoutes } from './optimization-routes.js';
import { registerPromptRoutes } from './prompt-routes.js';
import { registerReplayRoutes } from './replay-routes.js';
import { registerScoreRoutes } from './score-routes.js';
import { createAuthenticator } from './session-auth.js';
import { registerSessionRoutes } from './session-routes.js';
import type { SessionCodec } from './session-token.js';
import { registerStaticWeb } from './static-web.js';
import { parseTraceQuery } from './trace-query-params.js';

export interface ApiAppOptions {
  readonly store: Store;
  readonly resolver: ApiKeyResolver;
  readonly logger: (line: string) => void;
  /** The online evaluation worker: told when rules or evaluators change, and used to score a trace on demand. */
  readonly online?: (EvaluationChangeListener & { readonly compiler: EvaluatorCompiler }) | null;
  /** Writes narratives into computed insight reports. */
  readonly narrativePort?: ModelPort | undefined;
  /** Runs optimizations in the background; without it the optimization routes answer 503. */
  readonly optimizations?: OptimizationRouteOptions | null;
  /** Hands an experiment created by POST /api/experiments/runs to what executes it; without it the route answers 503. */
  readonly startExperimentRun?: StartExperimentRun | null;
  /** Hands a replay run created by POST /api/replays to what executes it; without it the route answers 503. */
  readonly startReplayRun?: StartReplayRun | null;
  /** Signs and checks the web app's session cookies. */
  readonly sessions: SessionCodec;
  /** Logged at the first sign-in: why sessions may not last (a random key, a short secret). */
  readonly sessionNotice?: string | null;
  /** The built web app served at `/`; null serves none. */
  readonly webRoot?: string | null;
}

type ApiEnv = { Variables: { projectId: string } };

const TRACE_ID = /^[0-9a-fA-F]{32}$/;
const OTLP_PATHS = ['/v1/traces', '/api/public/otel/v1/traces'];

export function createApiApp(options: ApiAppOptions): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.get('/health', (c) => c.json({ status: 'ok' }));

  // Every /api route needs a key of the project it reads, or the web app's session cookie; sign-in and out excepted.
  const authenticator = createAuthenticator(options.resolver, options.sessions);
  registerSessionRoutes(app, {
    resolver: options.resolver,
    codec: options.sessions,
    authenticator,
    notice: options.sessionNotice ?? null,
    logger: options.logger,
  });
  app.use('/api/*', authenticator.middleware);

  app.get('/api/traces', async (c) => {
    const query = parseTraceQuery(new URL(c.req.url).searchParams);
    const page = await options.store.listTraces(c.get('projectId'), query);
    return c.json({ items: page.items, nextCursor: page.nextCursor });
  });

  app.get('/api/traces/:traceId', async (c) => {
    const traceId = c.req.param('traceId');
    if (!TRACE_ID.test(traceId)) {
      throw new KaizenError('invalid_input', `traceId: expected 32 hex characters, got "${traceId.slice(0, 64)}"`);
    }
    const spans = await options.store.getTraceSpans(c.get('projectId'), traceId.toLowerCase());
    if (spans.length === 0) throw new KaizenError('not_found', `trace ${traceId} not found`);
    return c.json({ traceId: traceId.toLowerCase(), spans });
  });

  registerPromptRoutes(app, options.store);
  registerDatasetRoutes(app, options.store);
  registerExperimentRoutes(app, options.store);
  registerExperimentRunRoutes(app, options.store, {
    start: options.startExperimentRun ?? null,
    resolveModel: options.optimizations?.requests.resolveModel ?? defaultResolveModel,
  });
  registerReplayRoutes(app, options.store, {
    start: options.startReplayRun ?? null,
    resolveModel: options.optimizations?.requests.resolveModel ?? defaultResolveModel,
  });
  registerCacheRoutes(app, options.store);
  registerEvaluatorRoutes(app, options.store, options.online ?? null);
  registerOnlineEvaluatorRoutes(app, options.store, options.online ?? null);
  registerScoreRoutes(app, options.store, options.online?.compiler ?? null);
  registerLabelRoutes(app, options.store);
  registerInsightRoutes(app, options.store, { narrativePort: options.narrativePort });
  registerOptimizationRoutes(app, options.store, options.optimizations ?? null);
  registerMetricsRoutes(app, options.store);

  for (const path of OTLP_PATHS) {
    app.all(path, (c) => {
      c.header('allow', 'POST');
      return c.json({ error: { code: 'method_not_allowed', message: `${c.req.method} ${path}: use POST` } }, 405);
    });
  }

  if (options.webRoot != null) registerStaticWeb(app, { webRoot: options.webRoot, logger: options.logger });

  app.notFound((c) =>
    c.json(
      { error: { code: 'not_found', message: `no route for ${c.req.method} ${new URL(c.req.url).pathname}` } },
      404,
    ),
  );

  app.onError((error, c) => {
    const answer = toErrorResponse(error);
    if (answer.unexpected) options.logger(`API request failed: ${error.stack ?? error.message}`);
    for (const [name, value] of Object.entries(errorHeaders(answer))) c.header(name, value);
    return c.json(
      { error: { code: answer.code, message: answer.message } },
      answer.status.http as ContentfulStatusCode,
    );
  });

  return app;
}
