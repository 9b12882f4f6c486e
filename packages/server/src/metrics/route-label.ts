// The route label of a request: the pattern of the Hono route that serves its path (`/api/traces/:traceId`).
import { TrieRouter } from 'hono/router/trie-router';

/** What a route label needs of a registered route (Hono's `app.routes` entries fit). */
export interface RoutePattern {
  readonly method: string;
  readonly path: string;
}

/** A path no route pattern matches: unknown API paths, probes, typos. */
export const UNMATCHED_ROUTE = 'unmatched';
/** Paths outside /api, /v1 and the few fixed ones: the web app's files and its client-side routes. */
export const WEB_APP_ROUTE = '/*';

const NOT_WEB = /^\/(api|v1|health|metrics)(\/|$)/;

/**
 * Matched after the response, with Hono's own router over the app's routes, so the label is the pattern that
 * served the path without reaching into Hono's dispatch. Wildcard entries (middleware like `/api/*`, the web app's
 * catch-all) are left out: a path is labelled by the first explicit route it matches, as Hono dispatches, and the
 * status tells an auth failure from a success.
 *
 * @example
 * const routeOf = createRouteLabeler(app.routes);
 * routeOf('GET', '/api/traces/4bf92f…'); // '/api/traces/:traceId'
 */
export function createRouteLabeler(routes: readonly RoutePattern[]): (method: string, path: string) => string {
  const router = new TrieRouter<string>();
  for (const route of routes) {
    if (!route.path.includes('*')) router.add(route.method, route.path, route.path);
  }
  return (method, path) => {
    // Hono answers HEAD with the GET route.
    const match = router.match(method === 'HEAD' ? 'GET' : method, path)[0][0];
    if (match !== undefined) return match[0];
    return (method === 'GET' || method === 'HEAD') && !NOT_WEB.test(path) ? WEB_APP_ROUTE : UNMATCHED_ROUTE;
  };
}
