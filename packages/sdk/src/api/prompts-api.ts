// Client for the prompt registry routes under /api/prompts (docs/api/prompts.md).
import { KaizenError } from '@kaizen/core';
import { z } from 'zod';
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
 * await api.prompts.setLabel('summary', 'staging', version.version);
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
  /** Promote: points `label` at `version`, recorded in the audit log with `actor` (not when it already points there). */
  setLabel(name: string, label: string, version: number, options?: { actor?: string }): Promise<LabelEvent>;
  /**
   * Undoes the label's last promotion that is still in effect: promotions stack up and each rollback pops one, so
   * two rollbacks after promoting 1, 2, 3 leave the label on 1. `conflict` when nothing is left to pop.
   */
  rollback(name: string, label: string, options?: { actor?: string }): Promise<LabelEvent>;
  /** Label moves (`kind`: promote or rollback), newest first; only those of `label` when given. */
  history(name: string, options?: ReadOptions & { label?: string }): Promise<Items<LabelEvent>>;
}

function checkVersion(value: unknown, what: string): PromptVersion {
  const parsed = PromptVersionSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined ? '' : ` (${issue.path.join('.')}: ${issue.message})`;
  throw new KaizenError('unavailable', `${what}: the server sent a malformed prompt version${where}`);
}

/** `{ version, created }`; the version itself is checked by checkVersion, for the same messages as reads. */
const PushAnswer = z.object({ version: z.unknown(), created: z.boolean() });

function checkPushResult(value: unknown, what: string): PushVersionResult {
  const parsed = PushAnswer.safeParse(value);
  if (!parsed.success) {
    throw new KaizenError('unavailable', `${what}: the server sent no \`created\` flag (is it an older Kaizen?)`);
  }
  return { version: checkVersion(parsed.data.version, what), created: parsed.data.created };
}

/**
 * @example
 * const prompts = createPromptsApi(createHttpRequest({ url, apiKey }));
 * const { version, created } = await prompts.pushVersion('extractor', { template: 'Extract {{html}}' });
 * await prompts.setLabel('extractor', 'production', version.version, { actor: 'ci' });
 */
export function createPromptsApi(request: HttpRequest): PromptsApi {
  const at = (name: string) => `/api/prompts/${encodeURIComponent(name)}`;
  const signalOf = (options: ReadOptions | undefined) =>
    options?.signal !== undefined ? { signal: options.signal } : {};
  return {
    async pushVersion(name, input) {
      const path = `${at(name)}/versions`;
      return checkPushResult(await request('POST', path, { body: input }), `POST ${path}`);
    },
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
