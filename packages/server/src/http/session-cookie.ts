// The session cookie's Set-Cookie values and the CSRF header rule for requests a browser sends with it.
import { KaizenError } from '@kaizen/core';
import type { Context } from 'hono';
import { SESSION_TTL_SECONDS } from './session-token.js';

export const SESSION_COOKIE = 'kaizen_session';
export const CSRF_HEADER = 'x-kaizen-csrf';

/** True when the browser reached us over TLS, directly or through a proxy that says so. */
export function cameOverHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  const forwarded = c.req.header('x-forwarded-proto');
  // A chain of proxies appends: the first value is the client's.
  return forwarded?.split(',')[0]?.trim().toLowerCase() === 'https';
}

function attributes(maxAge: number, secure: boolean): string {
  return `HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

/** `Set-Cookie` value that holds `token` for SESSION_TTL_SECONDS. */
export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; ${attributes(SESSION_TTL_SECONDS, secure)}`;
}

/** `Set-Cookie` value that makes the browser drop the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; ${attributes(0, secure)}`;
}

/**
 * A cross-site form can make the browser send the cookie (older browsers ignore SameSite) but cannot set a custom
 * header; fetch from another origin can, only after a CORS preflight this server never allows.
 */
export function requireCsrfHeader(c: Context): void {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return;
  if (c.req.header(CSRF_HEADER) !== '1') {
    throw new KaizenError(
      'forbidden',
      `requests signed in with the session cookie need the header "${CSRF_HEADER}: 1" (except GET and HEAD)`,
    );
  }
}
