// Clients for the experiment routes under /api/experiments and the response cache under /api/cache.
import type {
  ComparedExperiments,
  Experiment,
  ExperimentHeader,
  ExperimentItem,
  ExperimentListQuery,
  ExperimentWithItems,
  StartExperimentRunInput,
} from '../experiments/experiment-api-types.js';
import type { HttpRequest } from './http-request.js';

/**
 * Experiments: created running, items added in batches, finished (the server computes the summary), compared.
 *
 * @example
 * const run = await api.experiments.create(header);
 * await api.experiments.addItems(run.id, items);
 * await api.experiments.finish(run.id, { status: 'completed' });
 * const report = await api.experiments.compare(baselineId, run.id);
 *
 * // Or run on the server, with the server's model keys and stored evaluator:
 * const started = await api.experiments.startRun({ prompt: { name: 'extractor' }, dataset: { name: 'pages' },
 *   evaluator: { name: 'extractor' }, model: 'sim:schemaorg' });
 * let state = await api.experiments.get(started.id);
 * while (state.status === 'running') {
 *   await new Promise((resolve) => setTimeout(resolve, 500));
 *   state = await api.experiments.get(started.id);
 * }
 */
export interface ExperimentsApi {
  create(
    input: ExperimentHeader & {
      items?: readonly ExperimentItem[];
      finish?: 'completed' | 'failed';
      error?: string | null;
    },
  ): Promise<Experiment>;
  addItems(id: string, items: readonly ExperimentItem[]): Promise<{ readonly total: number }>;
  finish(id: string, input: { status: 'completed' | 'failed'; error?: string | null }): Promise<Experiment>;
  get(id: string): Promise<ExperimentWithItems>;
  list(query?: ExperimentListQuery): Promise<{ readonly items: readonly Experiment[] }>;
  compare(baselineId: string, candidateId: string): Promise<ComparedExperiments>;
  /**
   * Starts an experiment the server runs in the background; answers at once with it, `running`. `not_found` or
   * `invalid_input` (with the server's message) when the prompt, dataset, evaluator or model cannot be used.
   */
  startRun(input: StartExperimentRunInput): Promise<Experiment>;
}

/**
 * Model answers by request hash (sha256 hex keys the client computes).
 *
 * @example
 * const { hits } = await api.cache.lookup([key]);
 * await api.cache.put([{ key, value: { text: 'answer' } }]);
 */
export interface CacheApi {
  lookup(keys: readonly string[]): Promise<{ readonly hits: Readonly<Record<string, unknown>> }>;
  put(entries: readonly { key: string; value: unknown }[]): Promise<{ readonly stored: number }>;
}

/**
 * @example
 * const experiments = createExperimentsApi(createHttpRequest({ url, apiKey }));
 * const { items } = await experiments.list({ promptName: 'extractor' });
 */
export function createExperimentsApi(request: HttpRequest): ExperimentsApi {
  const at = (id: string) => `/api/experiments/${encodeURIComponent(id)}`;
  return {
    create: (input) => request('POST', '/api/experiments', { body: input }),
    addItems: (id, items) => request('POST', `${at(id)}/items`, { body: { items } }),
    finish: (id, input) => request('POST', `${at(id)}/finish`, { body: input }),
    get: (id) => request('GET', at(id)),
    list: (query = {}) => request('GET', '/api/experiments', { query: { ...query } }),
    compare: (baseline, candidate) => request('GET', '/api/experiments/compare', { query: { baseline, candidate } }),
    startRun: (input) => request('POST', '/api/experiments/runs', { body: input }),
  };
}

/**
 * @example
 * const cache = createCacheApi(createHttpRequest({ url, apiKey }));
 */
export function createCacheApi(request: HttpRequest): CacheApi {
  return {
    lookup: (keys) => request('POST', '/api/cache/lookup', { body: { keys } }),
    put: (entries) => request('PUT', '/api/cache', { body: { entries } }),
  };
}
