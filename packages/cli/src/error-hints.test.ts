// hintFor: a hint only where the fix is in the user's settings, naming where the URL or key came from.
import { KaizenError } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { hintFor } from './error-hints.js';

const connection = { url: 'http://kaizen:4318/', apiKey: 'kz_x', urlFrom: 'KAIZEN_URL', apiKeyFrom: '--api-key' };
const refused = new TypeError('fetch failed');

describe('hintFor', () => {
  it('names the source of an unreachable URL, also through a wrapping error', () => {
    const error = new KaizenError('unavailable', 'GET /api/x: cannot connect to Kaizen at http://kaizen:4318.', {
      cause: refused,
    });
    expect(hintFor(error, connection)).toMatch(/^http:\/\/kaizen:4318\/ came from KAIZEN_URL: start the server/);
    const wrapped = new KaizenError('unavailable', `${error.message} The run goes on.`, { cause: error });
    expect(hintFor(wrapped, connection)).not.toBeNull();
  });

  it('gives none for a server that answered 5xx, a model provider, or before a connection was resolved', () => {
    expect(hintFor(new KaizenError('unavailable', 'GET /api/x: database down.'), connection)).toBeNull();
    const provider = new KaizenError('unavailable', 'model call to openai:gpt-4o failed', { cause: refused });
    expect(hintFor(provider, connection)).toBeNull();
    expect(hintFor(new KaizenError('unauthorized', 'No API key'), undefined)).toBeNull();
  });

  it('names the source of a refused key', () => {
    expect(hintFor(new KaizenError('unauthorized', 'GET /api/x: invalid API key.'), connection)).toBe(
      'the key came from --api-key: pass a key this server issued with --api-key or KAIZEN_API_KEY',
    );
  });
});
