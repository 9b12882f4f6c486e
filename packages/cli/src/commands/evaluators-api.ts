// The evaluation routes of the Kaizen API for the evaluators, labels and online commands: JSON in, JSON out.
import { KaizenError } from '@kaizen/core';
import { errorFromResponse } from '@kaizen/sdk';
import type { CommandContext } from '../command-context.js';
import { type ConnectionFlags, serverSettings } from '../connect.js';

export type ApiCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/**
 * @example
 * const call = await evaluationApi(options, context);
 * const { items } = await call<{ items: unknown[] }>('GET', '/api/evaluators');
 */
export async function evaluationApi(flags: ConnectionFlags, context: CommandContext): Promise<ApiCall> {
  const settings = await serverSettings(flags, context);
  const base = settings.url.replace(/\/+$/, '');
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const what = `${method} ${path}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${settings.apiKey}`,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(30_000),
      });
      text = await response.text();
    } catch (error) {
      throw new KaizenError(
        'unavailable',
        `${what}: cannot reach Kaizen at ${base}. Is the server (\`kaizen serve\`) running, and is this its URL?`,
        { cause: error },
      );
    }
    if (!response.ok) throw errorFromResponse(response.status, text, what);
    try {
      return (text === '' ? null : JSON.parse(text)) as T;
    } catch (error) {
      throw new KaizenError('unavailable', `${what}: the answer is not JSON (is ${base} a Kaizen server?)`, {
        cause: error,
      });
    }
  };
}

/** `encodeURIComponent` for each path segment the user typed. */
export const segment = (value: string): string => encodeURIComponent(value);

/** 0.812 → "81.2%"; null → "-". */
export function percent(value: number | null): string {
  return value === null ? '-' : `${(value * 100).toFixed(1)}%`;
}
