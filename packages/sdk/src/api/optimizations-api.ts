// Client for the optimization routes under /api/optimizations (docs/api/optimizations.md).
import type { HttpRequest } from './http-request.js';
import type {
  OptimizationCandidate,
  OptimizationListQuery,
  OptimizationRun,
  OptimizationStartInput,
} from './optimizations-api-types.js';
import type { Items } from './prompt-api-types.js';

/**
 * Optimization runs on the server: started (answered at once, `running`), read while they go on, cancelled, resumed.
 *
 * @example
 * const run = await api.optimizations.start({ prompt: 'extractor', dataset: 'pages', evaluator: 'extractor' });
 * let state = await api.optimizations.get(run.id);
 * while (state.status === 'running') {
 *   await new Promise((resolve) => setTimeout(resolve, 500));
 *   state = await api.optimizations.get(run.id);
 * }
 * const { items } = await api.optimizations.candidates(run.id);
 */
export interface OptimizationsApi {
  /** Starts a run in the background; `invalid_input` or `not_found` (with the server's message) on bad input. */
  start(input: OptimizationStartInput): Promise<OptimizationRun>;
  /** Newest first. */
  list(query?: OptimizationListQuery): Promise<Items<OptimizationRun>>;
  get(id: string): Promise<OptimizationRun>;
  /** Every candidate the run tried, in creation order (`c0`, the start, first). */
  candidates(id: string): Promise<Items<OptimizationCandidate>>;
  /** Asks a running run to stop between steps; it ends `cancelled`. */
  cancel(id: string): Promise<OptimizationRun>;
  /** Goes on with an interrupted or cancelled run from its last checkpoint, repeating no paid call. */
  resume(id: string): Promise<OptimizationRun>;
}

/**
 * @example
 * const optimizations = createOptimizationsApi(createHttpRequest({ url, apiKey }));
 * const { items } = await optimizations.list({ status: 'running' });
 */
export function createOptimizationsApi(request: HttpRequest): OptimizationsApi {
  const at = (id: string) => `/api/optimizations/${encodeURIComponent(id)}`;
  return {
    start: (input) => request('POST', '/api/optimizations', { body: input }),
    list: (query = {}) => request('GET', '/api/optimizations', { query: { ...query } }),
    get: (id) => request('GET', at(id)),
    candidates: (id) => request('GET', `${at(id)}/candidates`),
    cancel: (id) => request('POST', `${at(id)}/cancel`, { body: {} }),
    resume: (id) => request('POST', `${at(id)}/resume`, { body: {} }),
  };
}
