// What to do next after a failed command: a hint naming the flag, variable or config key to change.
import { KaizenError } from '@kaizen/core';
import type { ServerSettings } from './settings.js';

/** True when the error, or a KaizenError it wraps, was caused by the transport (refused, timed out, not JSON). */
function causedByTransport(error: KaizenError): boolean {
  let cause: unknown = error.cause;
  while (KaizenError.isInstance(cause)) cause = cause.cause;
  return cause !== undefined;
}

/**
 * A hint for errors whose fix is in the user's settings, else null. A connection failure carries the fetch error as
 * its cause; a 5xx answer has none (the server is up, and its message says what went wrong).
 *
 * @example
 * hintFor(new KaizenError('unauthorized', 'GET /api/traces: bad key.'), settings);
 * // 'the key came from KAIZEN_API_KEY: pass a key this server issued with --api-key or KAIZEN_API_KEY'
 */
export function hintFor(error: KaizenError, connection: ServerSettings | undefined): string | null {
  if (connection === undefined) return null;
  if (error.code === 'unauthorized') {
    return `the key came from ${connection.apiKeyFrom}: pass a key this server issued with --api-key or KAIZEN_API_KEY`;
  }
  // Only a failure to reach *this* server (the SDK's messages name its base URL), never a model provider's.
  const base = connection.url.replace(/\/+$/, '');
  if (error.code === 'unavailable' && causedByTransport(error) && error.message.includes(base)) {
    return (
      `${connection.url} came from ${connection.urlFrom}: start the server with \`kaizen serve\`, or point at a ` +
      'running one with --url or KAIZEN_URL'
    );
  }
  return null;
}
