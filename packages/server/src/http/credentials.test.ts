import { describe, expect, it } from 'vitest';
import { extractApiKey } from './credentials.js';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('extractApiKey', () => {
  it('reads a Bearer token, case-insensitively', () => {
    expect(extractApiKey({ authorization: 'Bearer kz_abc' })).toBe('kz_abc');
    expect(extractApiKey({ authorization: 'bearer   kz_abc ' })).toBe('kz_abc');
  });

  it('reads x-kaizen-api-key first', () => {
    expect(extractApiKey({ 'x-kaizen-api-key': 'kz_header', authorization: 'Bearer kz_other' })).toBe('kz_header');
  });

  it('reads the password of HTTP Basic (Langfuse: base64(publicKey:secretKey)), or the user when no password', () => {
    expect(extractApiKey({ authorization: basic('pk-lf-123', 'kz_secret') })).toBe('kz_secret');
    expect(extractApiKey({ authorization: basic('kz_user', '') })).toBe('kz_user');
  });

  it('returns null when there is no usable key', () => {
    expect(extractApiKey({})).toBeNull();
    expect(extractApiKey({ authorization: 'Bearer' })).toBeNull();
    expect(extractApiKey({ authorization: 'Digest abc' })).toBeNull();
    expect(extractApiKey({ authorization: `Basic ${Buffer.from('nocolon').toString('base64')}` })).toBeNull();
    expect(extractApiKey({ authorization: basic('', '') })).toBeNull();
  });
});
