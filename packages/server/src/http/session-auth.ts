// Who is calling the API: a project API key (Bearer, x-kaizen-api-key, Basic password) or the web app's session cookie.
import { KaizenError } from '@kaizen/core';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ApiKeyResolver } from './api-key-resolver.js';
import { apiKeyFromAuthorization } from './credentials.js';
import { requireCsrfHeader, SESSION_COOKIE } from './session-cookie.js';
import type { SessionCodec } from './session-token.js';

export interface Caller {
  readonly project: { readonly id: string; readonly name: string };
  /** `session` callers are browsers: their writes need the CSRF header. */
  readonly via: 'api-key' | 'session';
}

export interface Authenticator {
  /** The caller, or an `unauthorized` KaizenError. A key in the headers wins over a cookie. */
  identify(c: Context): Promise<Caller>;
  /** Sets `projectId` for the routes; refuses cookie-authenticated writes without the CSRF header. */
  readonly middleware: MiddlewareHandler<{ Variables: { projectId: string } }>;
}

/**
 * @example
 * const auth = createAuthenticator(resolver, codec);
 * app.use('/api/*', auth.middleware);
 */
export function createAuthenticator(resolver: ApiKeyResolver, sessions: SessionCodec): Authenticator {
  async function identify(c: Context): Promise<Caller> {
    const key = c.req.header('x-kaizen-api-key')?.trim() || apiKeyFromAuthorization(c.req.header('authorization'));
    if (key !== null && key !== undefined && key !== '') {
      const project = await resolver.resolve(key);
      if (project === null) throw new KaizenError('unauthorized', 'invalid API key');
      return { project: { id: project.id, name: project.name }, via: 'api-key' };
    }
    const token = getCookie(c, SESSION_COOKIE);
    if (token !== undefined && token !== '') {
      const claims = sessions.verify(token);
      if (claims === null) throw new KaizenError('unauthorized', 'session expired or invalid: sign in again');
      return { project: { id: claims.projectId, name: claims.projectName }, via: 'session' };
    }
    throw new KaizenError(
      'unauthorized',
      'missing API key: send "Authorization: Bearer <key>" or "x-kaizen-api-key", or sign in to the web app',
    );
  }

  return {
    identify,
    async middleware(c, next) {
      const caller = await identify(c);
      if (caller.via === 'session') requireCsrfHeader(c);
      c.set('projectId', caller.project.id);
      await next();
    },
  };
}
