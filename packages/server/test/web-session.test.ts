// Web sessions: sign-in with a project key sets an HttpOnly cookie that opens the API; forged, expired or foreign
// cookies are refused; cookie-authenticated writes need the CSRF header; API keys work as before.
import { describe, expect, it } from 'vitest';
import { resolveSessionSecret } from '../src/http/session-secret.js';
import { createSessionCodec, SESSION_TTL_SECONDS } from '../src/http/session-token.js';
import { SQLITE } from './support/backends.js';
import { createProjectWithKey, useTestServer } from './support/test-server.js';

const SECRET = 'test-session-secret-of-forty-characters!';
const JSON_CSRF = { 'content-type': 'application/json', 'x-kaizen-csrf': '1' };

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? {} : JSON.parse(text) };
}

function errorMessage(answer: Answer): string {
  return (answer.body.error as { message: string }).message;
}

/** The cookie pair (`kaizen_session=…`) of a Set-Cookie value. */
function cookiePair(setCookie: string | null): string {
  const pair = setCookie?.split(';')[0];
  if (pair === undefined || !pair.startsWith('kaizen_session=')) throw new Error(`no session cookie in ${setCookie}`);
  return pair;
}

describe('web sessions', () => {
  const context = useTestServer(SQLITE, { sessionSecret: SECRET, webRoot: null });
  const signIn = (apiKey: unknown, headers: Record<string, string> = {}) =>
    call(`${context().url}/api/session`, {
      method: 'POST',
      headers: { ...JSON_CSRF, ...headers },
      body: JSON.stringify({ apiKey }),
    });
  const withCookie = (cookie: string, extra: Record<string, string> = {}) => ({ cookie, ...extra });
  async function sessionCookie(): Promise<string> {
    const answer = await signIn(context().key);
    expect(answer.status).toBe(200);
    return cookiePair(answer.headers.get('set-cookie'));
  }

  it('signs in with a project key: the project, and an HttpOnly SameSite=Strict cookie for 12 hours', async () => {
    const answer = await signIn(context().key);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ project: { id: context().project.id, name: context().project.name } });
    const setCookie = answer.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^kaizen_session=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+; /);
    const attributes = setCookie.split('; ').slice(1);
    expect(attributes).toEqual(['HttpOnly', 'SameSite=Strict', 'Path=/', `Max-Age=${SESSION_TTL_SECONDS}`]);
    expect(SESSION_TTL_SECONDS).toBe(43_200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    // The token holds the project, not the key.
    expect(setCookie).not.toContain(context().key);
  });

  it('marks the cookie Secure when the request came over https through a proxy', async () => {
    const answer = await signIn(context().key, { 'x-forwarded-proto': 'https' });
    expect(answer.headers.get('set-cookie')).toMatch(/; Secure$/);
    const logout = await call(`${context().url}/api/session`, {
      method: 'DELETE',
      headers: { 'x-kaizen-csrf': '1', 'x-forwarded-proto': 'https, http' },
    });
    expect(logout.headers.get('set-cookie')).toMatch(/Max-Age=0; Secure$/);
  });

  it('refuses a wrong key (401) and a malformed body (400, 415), and sign-in needs the CSRF header too', async () => {
    const wrong = await signIn('kz_not-a-real-key');
    expect(wrong.status).toBe(401);
    expect(errorMessage(wrong)).toBe('invalid API key');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    for (const body of ['{}', '{"apiKey":5}', '{"apiKey":"  "}', `{"apiKey":"x","extra":1}`, 'not json', '[]']) {
      const answer = await call(`${context().url}/api/session`, { method: 'POST', headers: JSON_CSRF, body });
      expect(answer.status, body).toBe(400);
      expect(answer.headers.get('set-cookie'), body).toBeNull();
    }
    const form = await call(`${context().url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-kaizen-csrf': '1' },
      body: `apiKey=${context().key}`,
    });
    expect(form.status).toBe(415);
    const noHeader = await call(`${context().url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: context().key }),
    });
    expect(noHeader.status).toBe(403);
    expect(errorMessage(noHeader)).toContain('x-kaizen-csrf: 1');
    expect(noHeader.headers.get('set-cookie')).toBeNull();
  });

  it('opens the API with the cookie alone, and GET /api/session says which project', async () => {
    const cookie = await sessionCookie();
    const traces = await call(`${context().url}/api/traces`, { headers: withCookie(cookie) });
    expect(traces.status).toBe(200);
    expect(traces.body).toEqual({ items: [], nextCursor: null });
    const session = await call(`${context().url}/api/session`, { headers: withCookie(cookie) });
    expect(session.status).toBe(200);
    expect(session.body).toEqual({ project: { id: context().project.id, name: context().project.name } });
    // Among other cookies, in any order.
    const mixed = await call(`${context().url}/api/traces`, { headers: withCookie(`theme=dark; ${cookie}; x=1`) });
    expect(mixed.status).toBe(200);
  });

  it('refuses a tampered, expired, foreign-secret or garbage cookie with 401', async () => {
    const cookie = await sessionCookie();
    const token = cookie.slice('kaizen_session='.length);
    const [payload = '', signature = ''] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const other = await createProjectWithKey(context().store, 'victim');
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, p: other.project.id })).toString('base64url');
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    const expired = createSessionCodec({ secret: SECRET, now: () => Date.now() - (SESSION_TTL_SECONDS + 1) * 1000 });
    const foreign = createSessionCodec({ secret: 'another-secret-of-at-least-32-characters' });
    const cases: [string, string][] = [
      ['another project, old signature', `${forgedPayload}.${signature}`],
      ['a changed signature', `${payload}.${flipped}`],
      ['no signature', payload],
      ['expired', expired.issue(context().project)],
      ['signed with another secret', foreign.issue(context().project)],
      ['garbage', 'not-a-token'],
      ['empty parts', '.'],
      ['huge', `${'a'.repeat(5000)}.${signature}`],
    ];
    for (const [name, value] of cases) {
      const answer = await call(`${context().url}/api/traces`, { headers: withCookie(`kaizen_session=${value}`) });
      expect(answer.status, name).toBe(401);
      expect(errorMessage(answer), name).toMatch(/session expired or invalid/);
      expect(
        (await call(`${context().url}/api/session`, { headers: withCookie(`kaizen_session=${value}`) })).status,
      ).toBe(401);
    }
    // The same codec and secret as the server, unexpired: accepted (what a second server with the env secret does).
    const twin = createSessionCodec({ secret: SECRET });
    const accepted = await call(`${context().url}/api/session`, {
      headers: withCookie(`kaizen_session=${twin.issue(context().project)}`),
    });
    expect(accepted.status).toBe(200);
  });

  it('needs x-kaizen-csrf: 1 on cookie-authenticated writes (403 without), not on reads or API-key calls', async () => {
    const cookie = await sessionCookie();
    const create = (headers: Record<string, string>, name: string) =>
      call(`${context().url}/api/prompts/${name}/versions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ template: 'Hello {{name}}' }),
      });
    const refused = await create(withCookie(cookie), 'csrf-refused');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'forbidden' } });
    expect(errorMessage(refused)).toContain('x-kaizen-csrf: 1');
    expect((await create(withCookie(cookie, { 'x-kaizen-csrf': 'yes' }), 'csrf-refused')).status).toBe(403);
    expect((await call(`${context().url}/api/prompts/csrf-refused`, { headers: withCookie(cookie) })).status).toBe(404);

    expect((await create(withCookie(cookie, { 'x-kaizen-csrf': '1' }), 'csrf-ok')).status).toBe(201);
    const deleted = await call(`${context().url}/api/prompts/csrf-ok/labels/production`, {
      method: 'PUT',
      headers: withCookie(cookie, { 'content-type': 'application/json' }),
      body: JSON.stringify({ version: 1 }),
    });
    expect(deleted.status).toBe(403);

    // API keys: no header needed, and a key wins over a broken cookie.
    expect((await create({ authorization: `Bearer ${context().key}` }, 'with-key')).status).toBe(201);
    const keyAndBadCookie = await create(
      { authorization: `Bearer ${context().key}`, cookie: 'kaizen_session=forged.value' },
      'with-key-2',
    );
    expect(keyAndBadCookie.status).toBe(201);
    // A wrong key is refused even with a good cookie: the key says who is calling.
    const wrongKey = await call(`${context().url}/api/traces`, {
      headers: withCookie(cookie, { authorization: 'Bearer kz_wrong' }),
    });
    expect(wrongKey.status).toBe(401);
  });

  it('signs out: 204 and a cookie with Max-Age=0, with the CSRF header; API routes stay closed without a cookie', async () => {
    const cookie = await sessionCookie();
    const refused = await call(`${context().url}/api/session`, { method: 'DELETE', headers: withCookie(cookie) });
    expect(refused.status).toBe(403);
    const logout = await call(`${context().url}/api/session`, {
      method: 'DELETE',
      headers: withCookie(cookie, { 'x-kaizen-csrf': '1' }),
    });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toBe('kaizen_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0');
    // Signing out works without a session too (an expired tab).
    const again = await call(`${context().url}/api/session`, { method: 'DELETE', headers: { 'x-kaizen-csrf': '1' } });
    expect(again.status).toBe(204);
    // The browser has dropped the cookie: nothing is authenticated any more.
    const anonymous = await call(`${context().url}/api/session`);
    expect(anonymous.status).toBe(401);
    expect(errorMessage(anonymous)).toMatch(/missing API key/);
    expect((await call(`${context().url}/api/traces`)).status).toBe(401);
    expect((await call(`${context().url}/api/nothing-here`)).status).toBe(401);
    expect((await call(`${context().url}/health`)).status).toBe(200);
  });

  it('GET /api/session answers an API-key caller too', async () => {
    const answer = await call(`${context().url}/api/session`, { headers: { 'x-kaizen-api-key': context().key } });
    expect(answer.body).toEqual({ project: { id: context().project.id, name: context().project.name } });
  });
});

describe('session secret', () => {
  it('takes the option, else KAIZEN_SESSION_SECRET, else a random key with a notice', () => {
    const long = 'x'.repeat(40);
    const env = { KAIZEN_SESSION_SECRET: 'y'.repeat(40) };
    expect(resolveSessionSecret(long, env)).toEqual({ secret: long, notice: null });
    expect(resolveSessionSecret(undefined, env)).toEqual({ secret: 'y'.repeat(40), notice: null });
    const random = resolveSessionSecret(undefined, {});
    expect(Buffer.isBuffer(random.secret) && random.secret.length).toBe(32);
    expect(random.notice).toMatch(/end when the server restarts.*KAIZEN_SESSION_SECRET/);
    expect(resolveSessionSecret('', { KAIZEN_SESSION_SECRET: '' }).secret).not.toEqual(random.secret);
    expect(resolveSessionSecret('short', {})).toMatchObject({ secret: 'short', notice: /shorter than 32/ });
  });

  describe('a server without one', () => {
    const lines: string[] = [];
    const context = useTestServer(SQLITE, { webRoot: null, logger: (line) => lines.push(line) });

    it('logs the notice once, at the first sign-in', async () => {
      const signIn = () =>
        fetch(`${context().url}/api/session`, {
          method: 'POST',
          headers: JSON_CSRF,
          body: JSON.stringify({ apiKey: context().key }),
        });
      const notices = () => lines.filter((line) => line.includes('random key'));
      expect(notices()).toEqual([]);
      expect((await signIn()).status).toBe(200);
      expect((await signIn()).status).toBe(200);
      expect(notices()).toHaveLength(1);
    });
  });
});
