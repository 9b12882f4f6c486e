// Client for POST /api/replays: a shadow replay the server runs (the server-side equivalent of replayPrompt).
import type { Experiment } from '../experiments/experiment-api-types.js';
import type { HttpRequest } from './http-request.js';

/**
 * The body of `POST /api/replays`: a candidate prompt version run on the inputs of the newest traces of the prompt in
 * the source environment, each run written as a trace in the target environment linked to the trace it replays.
 *
 * @example
 * const input: StartReplayInput = { prompt: { name: 'extractor', version: 4 }, limit: 200, since: '2026-11-01T00:00:00Z' };
 */
export interface StartReplayInput {
  /** A version, or the version a label points at; the latest version with neither. */
  readonly prompt: { readonly name: string; readonly version?: number; readonly label?: string };
  /** Where the inputs come from. Default `production`. */
  readonly sourceEnvironment?: string;
  /** Where the replayed traces go; must differ from the source. Default `shadow`. */
  readonly targetEnvironment?: string;
  /** Newest source traces to replay, 1 to 10,000. Default 100. */
  readonly limit?: number;
  /** ISO 8601: only traces that started at or after. */
  readonly since?: string;
  /** `provider:model`; default the version's own model. The server needs its API key. */
  readonly model?: string;
  /** Model calls in flight at once, 1 to 64. Default 4. */
  readonly concurrency?: number;
}

/**
 * Replays run on the server. The answer is an experiment, `running`, whose items are the source traces (item id = the
 * source trace id, output = the candidate's answer); poll `api.experiments.get(id)` for progress and results.
 *
 * @example
 * const started = await api.replays.start({ prompt: { name: 'extractor', label: 'candidate' } });
 * let state = await api.experiments.get(started.id);
 * while (state.status === 'running') {
 *   await new Promise((resolve) => setTimeout(resolve, 500));
 *   state = await api.experiments.get(started.id);
 * }
 * const shadow = await api.listTraces({ environment: 'shadow', promptName: 'extractor' });
 */
export interface ReplaysApi {
  /**
   * `not_found` for a missing prompt, version or label; `invalid_input` (with the server's message) for a bad body, a
   * model the server cannot use, a target equal to the source, or no trace to replay.
   */
  start(input: StartReplayInput): Promise<Experiment>;
}

/**
 * @example
 * const replays = createReplaysApi(createHttpRequest({ url, apiKey }));
 * const run = await replays.start({ prompt: { name: 'extractor', version: 4 } });
 */
export function createReplaysApi(request: HttpRequest): ReplaysApi {
  return {
    start: (input) => request('POST', '/api/replays', { body: input }),
  };
}
