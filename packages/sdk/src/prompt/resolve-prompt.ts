// Finds the version to run: the one labelled for the environment, else the last one fetched, else the code's.
import { KaizenError, type PromptContent, type PromptVersion } from '@kaizen/core';
import { consoleLogger } from '../logger.js';
import type { ResolveClient } from './prompt-client.js';

/**
 * Where the content came from: fetched now, remembered from an earlier fetch, or the template in code.
 *
 * @example
 * if ((await extractor.resolve(client)).source === 'code') console.warn('running the in-code prompt');
 */
export type PromptSource = 'server' | 'cache' | 'code';

/**
 * The version to run and its origin; `error` says why the server's current answer was not used.
 *
 * @example
 * const { content, version, source, error } = await extractor.resolve(client);
 */
export interface ResolvedPrompt {
  readonly name: string;
  readonly source: PromptSource;
  readonly content: PromptContent;
  /** The registry's version number; null for code content the registry has not numbered (not pushed). */
  readonly version: number | null;
  readonly hash: string;
  /** Why the server's current answer was not used, when a fetch failed. */
  readonly error?: KaizenError;
}

/** The prompt as defined in code: its name, content and hash. */
export interface CodePrompt {
  readonly name: string;
  readonly content: PromptContent;
  hash(): Promise<string>;
}

function fromVersion(version: PromptVersion, source: PromptSource, error?: KaizenError): ResolvedPrompt {
  const { template, variables, outputSchema, model, params, tools, examples } = version;
  const content = { template, variables, outputSchema, model, params, tools, examples };
  return { name: version.name, source, content, version: version.version, hash: version.hash, ...(error && { error }) };
}

/** The code's content as a resolution; numbered when this client pushed it. */
export async function resolveFromCode(
  client: ResolveClient,
  code: CodePrompt,
  error?: KaizenError,
): Promise<ResolvedPrompt> {
  const hash = await code.hash();
  const version = client.promptCache.pushedVersion(code.name, hash);
  return { name: code.name, source: 'code', content: code.content, version, hash, ...(error && { error }) };
}

function asKaizenError(error: unknown): KaizenError {
  return KaizenError.isInstance(error)
    ? error
    : new KaizenError('unavailable', error instanceof Error ? error.message : String(error), { cause: error });
}

async function fetchLabel(client: ResolveClient, name: string): Promise<PromptVersion | null> {
  try {
    const signal = AbortSignal.timeout(client.promptCache.fetchTimeoutMs);
    return await client.api.prompts.getByLabel(name, client.environment, { signal });
  } catch (error) {
    // No version carries the label (or the prompt was never pushed): a real answer, not an outage.
    if (KaizenError.isInstance(error) && error.code === 'not_found') return null;
    throw asKaizenError(error);
  }
}

/**
 * Never throws for server trouble: a fresh cached answer is used within the TTL; past it the server is asked
 * (one request for concurrent callers); if that fails, the last fetched version is used, else the code's — and
 * the failure is not retried before the TTL has passed again, so a down server costs one timeout per TTL, not
 * one per call.
 *
 * @example
 * const resolved = await resolvePrompt(client, { name: 'extractor', content, hash: async () => hash });
 * resolved.source; // 'server' | 'cache' | 'code'
 */
export async function resolvePrompt(client: ResolveClient, code: CodePrompt): Promise<ResolvedPrompt> {
  const cache = client.promptCache;
  const label = client.environment;
  const entry = cache.label(code.name, label);
  const failure = cache.failure(code.name, label);
  const now = cache.now();
  const fresh = (at: number | undefined) => at !== undefined && now - at < cache.ttlMs;
  const fallback = (error?: KaizenError) =>
    entry?.version ? fromVersion(entry.version, 'cache', error) : resolveFromCode(client, code, error);

  if (entry !== undefined && fresh(entry.fetchedAt)) {
    return entry.version ? fromVersion(entry.version, 'cache') : resolveFromCode(client, code);
  }
  if (failure !== undefined && fresh(failure.failedAt)) return fallback(failure.error);
  try {
    const version = await cache.fetchLabel(code.name, label, () => fetchLabel(client, code.name));
    if (version !== null) return fromVersion(version, 'server');
    if (cache.shouldWarn(code.name, label)) {
      (client.logger ?? consoleLogger).warn(
        `prompt "${code.name}" has no version labelled "${label}"; using the template in code`,
      );
    }
    return resolveFromCode(client, code);
  } catch (error) {
    const kaizenError = asKaizenError(error);
    if (cache.shouldWarn(code.name, label)) {
      const using = entry?.version ? `version ${entry.version.version} fetched earlier` : 'the template in code';
      (client.logger ?? consoleLogger).warn(`prompt "${code.name}": ${kaizenError.message}; using ${using}`);
    }
    return fallback(kaizenError);
  }
}
