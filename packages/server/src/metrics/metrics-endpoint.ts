// GET /metrics: the server's registry in the Prometheus text format, behind a bearer token when one is configured.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

export const METRICS_PATH = '/metrics';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function bearerToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

function sendText(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  response.end(body);
}

/**
 * The raw handler for `GET /metrics`. With a token, a scrape must send `Authorization: Bearer <token>` (Prometheus:
 * `authorization: { credentials: … }`); without one the endpoint is open to whoever reaches the listening address,
 * like /health.
 *
 * @example
 * const endpoint = createMetricsEndpoint(registry, process.env.KAIZEN_METRICS_TOKEN ?? null, logger);
 * if (request.method === 'GET' && path === METRICS_PATH) endpoint(request, response);
 */
export function createMetricsEndpoint(
  registry: Registry,
  token: string | null,
  logger: (line: string) => void,
): (request: IncomingMessage, response: ServerResponse) => void {
  // Compared as digests: equal lengths for timingSafeEqual, and nothing learnt from how long a wrong token took.
  const expected = token === null ? null : digest(token);
  return (request, response) => {
    if (expected !== null) {
      const sent = bearerToken(request);
      if (sent === null || !timingSafeEqual(digest(sent), expected)) {
        sendText(response, 401, 'metrics: send "Authorization: Bearer <KAIZEN_METRICS_TOKEN>"\n', {
          'www-authenticate': 'Bearer realm="kaizen-metrics"',
        });
        return;
      }
    }
    registry.metrics().then(
      (text) => sendText(response, 200, text, { 'content-type': registry.contentType }),
      (error: unknown) => {
        logger(`metrics: could not render the registry: ${error instanceof Error ? error.message : String(error)}`);
        if (!response.headersSent) sendText(response, 500, 'metrics: could not render the registry\n');
      },
    );
  };
}
