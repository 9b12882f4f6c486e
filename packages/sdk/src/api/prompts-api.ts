// Client for the prompt registry routes under /api/prompts (docs/api/prompts.md).
import { KaizenError } from '@kaizen/core';
import type { HttpRequest } from './http-request.js';
import type {
  Items,
  LabelEvent,
  PromptDetails,
  PromptListItem,
  PromptVersion,
  PromptVersionDiff,
  PushVersionInput,
  PushVersionResult,
} from './prompt-api-types.js';
import { PromptVersionSchema } from './prompt-version-schema.js';

/** Options every read accepts: cancel it (prompt resolution uses this for its own, shorter deadline). */
export interface ReadOptions {
  readonly signal?: AbortSignal;
}

/**
 * The prompt registry routes (docs/api/prompts.md).
 *
 * @example
 * const { version } = await api.prompts.pushVersion('summary', { template: 'Summarise {{text}}' });
 * await api.prompts.setLabel('summary', 'staging', version);
 * await api.prompts.rollback('summary', 'production', { actor: 'oncall' });
 */
export interface PromptsApi {
  /** Registers content as a new version; identical content answers the existing version with `created: false`. */
  pushVersion(name: string, input: PushVersionInput): Promise<PushVersionResult>;
  list(options?: ReadOptions): Promise<Items<PromptListItem>>;
  get(name: string, options?: ReadOptions): Promise<PromptDetails>;
  getVersion(name: string, version: number, options?: ReadOptions): Promise<PromptVersion>;
  /** The version a label (environment) points at; `not_found` when the label is not set. */
  getByLabel(name: string, label: string, options?: ReadOptions): Promise<PromptVersion>;
  diff(name: string, from: number, to: number, options?: ReadOptions): Promise<PromptVersionDiff>;
  /** Promote: points `label` at `version`, recorded in the audit log with `actor`. */
  setLabel(name: string, label: string, version: number, options?: { actor?: string }): Promise<LabelEvent>;
  /** Moves `label` back to where it pointed before its last move; `conflict` when it has no earlier position. */
  rollback(name: string, label: string, options?: { actor?: string }): Promise<LabelEvent>;
  /** Label moves, newest first; only those of `label` when given. */
  history(name: string, options?: ReadOptions & { label?: string }): Promise<Items<LabelEvent>>;
}

function checkVersion(value: unknown, what: string): PromptVersion {
  const parsed = PromptVersionSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined ? '' : ` (${issue.path.join('.')}: ${issue.message})`;
  throw new KaizenError('unavailable', `${what}: the server sent a malformed prompt version${where}`);
}

/**
 * @example
 * const prompts = createPromptsApi(createHttpRequest({ url, apiKey }));
 * const { version, created } = await prompts.pushVersion('extractor', { template: 'Extract {{html}}' });
 * await prompts.setLabel('extractor', 'production', version, { actor: 'ci' });
 */
export function createPromptsApi(request: HttpRequest): PromptsApi {
  const at = (name: string) => `/api/prompts/${encodeURIComponent(name)}`;
  const signalOf = (options: ReadOptions | undefined) =>
    options?.signal !== undefined ? { signal: options.signal } : {};
  return {
    pushVersion: (name, input) => request('POST', `${at(name)}/versions`, { body: input }),
    list: (options) => request('GET', '/api/prompts', signalOf(options)),
    get: (name, options) => request('GET', at(name), signalOf(options)),
    async getVersion(name, version, options) {
      const path = `${at(name)}/versions/${version}`;
      return checkVersion(await request('GET', path, signalOf(options)), `GET ${path}`);
    },
    async getByLabel(name, label, options) {
      const path = `${at(name)}/labels/${encodeURIComponent(label)}`;
      return checkVersion(await request('GET', path, signalOf(options)), `GET ${path}`);
    },
    diff: (name, from, to, options) =>
      request('GET', `${at(name)}/diff`, { query: { from, to }, ...signalOf(options) }),
    setLabel: (name, label, version, options = {}) =>
      request('PUT', `${at(name)}/labels/${encodeURIComponent(label)}`, { body: { version, ...options } }),
    rollback: (name, label, options = {}) =>
      request('POST', `${at(name)}/labels/${encodeURIComponent(label)}/rollback`, { body: options }),
    history: (name, options = {}) =>
      request('GET', `${at(name)}/history`, { query: { label: options.label }, ...signalOf(options) }),
  };
}
