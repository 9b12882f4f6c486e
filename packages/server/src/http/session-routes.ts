// Web-app sign-in: POST /api/session trades a project API key for an HttpOnly cookie; GET says who; DELETE signs out.
import { getConnInfo } from '@hono/node-server/conninfo';
import { KaizenError } from '@kaizen/core';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { ApiKeyResolver } from './api-key-resolver.js';
import type { Authenticator } from './session-auth.js';
import { cameOverHttps, clearedSessionCookie, requireCsrfHeader, sessionCookie } from './session-cookie.js';
import type { SessionCodec } from './session-token.js';
import { createSignInLimiter, type SignInLimiter } from './sign-in-limiter.js';
import { readJsonBody } from './validate-body.js';

export const SignInBody = z.strictObject({ apiKey: z.string().trim().min(1, 'is empty').max(512) });
export type SignInBody = z.infer<typeof SignInBody>;

export interface SessionRouteOptions {
  readonly resolver: ApiKeyResolver;
  readonly codec: SessionCodec;
  readonly authenticator: Authenticator;
  /** Written to `logger` once, at the first sign-in (see resolveSessionSecret). */
  readonly notice?: string | null;
  readonly logger?: (line: string) => void;
  /** Failed sign-ins per address and key prefix; default 10 a minute (see sign-in-limiter.ts). */
  readonly limiter?: SignInLimiter;
}

/** The socket's peer: forwarded headers are not trusted, anyone can send them. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // No node socket (app.request in tests): one shared bucket.
    return 'unknown';
  }
}

/** Registered before the `/api/*` auth middleware: signing in and out needs no session yet. */
export function registerSessionRoutes(
  app: Hono<{ Variables: { projectId: string } }>,
  options: SessionRouteOptions,
): void {
  let notice = options.notice ?? null;
  const limiter = options.limiter ?? createSignInLimiter();
  app.post('/api/session', async (c) => {
    // Not exempt: a cross-site form must not sign the browser into someone else's project (login CSRF).
    requireCsrfHeader(c);
    const body = await readJsonBody(c, SignInBody);
    const attempt = { address: clientAddress(c), key: body.apiKey };
    const wait = limiter.retryAfterSeconds(attempt);
    if (wait > 0) {
      // Answered here, not thrown: the error table's Retry-After is fixed per code, this one counts down.
      c.header('retry-after', String(wait));
      const message = `too many failed sign-in attempts: retry in ${wait} s`;
      return c.json({ error: { code: 'overloaded', message } }, 429);
    }
    // The key goes through the same resolver as every API call.
    const project = await options.resolver.resolve(body.apiKey);
    if (project === null) {
      limiter.recordFailure(attempt);
      throw new KaizenError('unauthorized', 'invalid API key');
    }
    if (notice !== null) {
      options.logger?.(notice);
      notice = null;
    }
    c.header('set-cookie', sessionCookie(options.codec.issue(project), cameOverHttps(c)));
    c.header('cache-control', 'no-store');
    return c.json({ project: { id: project.id, name: project.name } });
  });

  app.get('/api/session', async (c) => {
    const caller = await options.authenticator.identify(c);
    c.header('cache-control', 'no-store');
    return c.json({ project: caller.project });
  });

  // Answers 204 whatever the cookie holds (even an expired one): signing out always works.
  app.delete('/api/session', (c) => {
    requireCsrfHeader(c);
    c.header('set-cookie', clearedSessionCookie(cameOverHttps(c)));
    c.header('cache-control', 'no-store');
    return c.body(null, 204);
  });
}
