import { describe, expect, it } from 'vitest';
import { createRouteLabeler, UNMATCHED_ROUTE, WEB_APP_ROUTE } from './route-label.js';

const routeOf = createRouteLabeler([
  { method: 'ALL', path: '/api/*' },
  { method: 'GET', path: '/health' },
  { method: 'GET', path: '/api/traces/:traceId' },
  { method: 'GET', path: '/api/traces/:traceId/scores' },
  { method: 'GET', path: '/api/datasets/import' },
  { method: 'GET', path: '/api/datasets/:name' },
  { method: 'ALL', path: '/v1/traces' },
  { method: 'GET', path: '*' },
]);

describe('createRouteLabeler', () => {
  it('labels a path with the pattern of the first explicit route it matches', () => {
    expect(routeOf('GET', '/api/traces/4bf92f3577b34da6a3ce929d0e0e4736')).toBe('/api/traces/:traceId');
    expect(routeOf('GET', '/api/traces/abc/scores')).toBe('/api/traces/:traceId/scores');
    expect(routeOf('GET', '/api/datasets/import')).toBe('/api/datasets/import');
    expect(routeOf('GET', '/api/datasets/support')).toBe('/api/datasets/:name');
    expect(routeOf('HEAD', '/health')).toBe('/health');
    expect(routeOf('POST', '/v1/traces')).toBe('/v1/traces');
  });

  it('never labels with the raw path: unknown API paths are "unmatched", web app paths "/*"', () => {
    expect(routeOf('GET', '/api/nothing/here')).toBe(UNMATCHED_ROUTE);
    expect(routeOf('POST', '/api/traces/abc')).toBe(UNMATCHED_ROUTE);
    expect(routeOf('GET', '/traces/abc')).toBe(WEB_APP_ROUTE);
    expect(routeOf('GET', '/assets/index-3f2a.js')).toBe(WEB_APP_ROUTE);
    expect(routeOf('POST', '/anything')).toBe(UNMATCHED_ROUTE);
  });
});
