// The parts of a Kaizen client that prompts use: a structural subset, so tests and servers can build their own.
import type { Tracer } from '@opentelemetry/api';
import type { KaizenApi } from '../api/create-kaizen-api.js';
import type { KaizenLogger } from '../logger.js';
import type { PromptCache } from './prompt-cache.js';

/**
 * What `resolve` needs. `init()` returns a client that has it; a server can also assemble one by hand.
 *
 * @example
 * const client: ResolveClient = { api: createKaizenApi({ url, apiKey }), environment: 'staging', promptCache: new PromptCache() };
 */
export interface ResolveClient {
  readonly api: KaizenApi;
  /** The label (environment) whose version is resolved: `production`, `staging`, … */
  readonly environment: string;
  readonly promptCache: PromptCache;
  readonly logger?: KaizenLogger;
}

/**
 * What `generate` needs on top: the tracer its spans are made with.
 *
 * @example
 * const client: PromptClient = init({ url, apiKey, environment: 'production' });
 */
export interface PromptClient extends ResolveClient {
  readonly tracer: Tracer;
}
