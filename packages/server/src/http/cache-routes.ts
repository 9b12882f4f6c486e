// The response cache API: lookups and batch writes of model answers by request hash (the SDK computes the keys).
import type { Store } from '@kaizen/store';
import type { Hono } from 'hono';
import { CacheLookupBody, CachePutBody } from './experiment-routes-schemas.js';
import { readJsonBody } from './validate-body.js';

type ApiEnv = { Variables: { projectId: string } };

export function registerCacheRoutes(app: Hono<ApiEnv>, store: Store): void {
  app.post('/api/cache/lookup', async (c) => {
    const body = await readJsonBody(c, CacheLookupBody);
    const found = await store.responseCache.lookup(c.get('projectId'), body.keys);
    return c.json({ hits: Object.fromEntries(found) });
  });

  app.put('/api/cache', async (c) => {
    const body = await readJsonBody(c, CachePutBody);
    return c.json(await store.responseCache.put(c.get('projectId'), body.entries));
  });
}
