// Unit tests: each built-in detector on what it must replace and on the near misses it must leave alone.
import { describe, expect, it } from 'vitest';
import { compileRedactor } from './compile-redactor.js';
import { passesLuhn } from './luhn.js';
import type { DetectorName } from './redaction-config.js';
import type { RedactionCounts } from './text-rule.js';

/** Built at run time so that no scanner mistakes the fixtures for real credentials. */
function fake(prefix: string, length: number, alphabet = 'aB3dE5gH7jK9mN1pQ'): string {
  return prefix + alphabet.repeat(Math.ceil(length / alphabet.length)).slice(0, length);
}

/** Only `name` on, so each test sees one detector's work. */
function only(name: DetectorName) {
  const detectors = { secrets: false, bearer: false, email: false, card: false, phone: false, [name]: true };
  const redactor = compileRedactor({ detectors });
  return (text: string, counts: RedactionCounts = {}) => redactor.redactText(text, counts);
}

describe('secrets', () => {
  const redact = only('secrets');

  it('replaces provider keys by their prefixes', () => {
    const keys = [
      fake('sk-', 48),
      fake('sk-proj-', 120),
      fake('sk-ant-api03-', 90),
      fake('kz_', 43),
      'AKIAIOSFODNN7EXAMPLE',
      fake('ghp_', 36),
      fake('github_pat_', 60),
      fake('sk_live_', 24),
      fake('xoxb-', 40),
      fake('AIza', 35),
    ];
    for (const key of keys) {
      const counts: RedactionCounts = {};
      expect(redact(`use ${key} here`, counts)).toBe('use [REDACTED:secret] here');
      expect(counts).toEqual({ secret: 1 });
      expect(redact(`"${key}"`)).toBe('"[REDACTED:secret]"');
      expect(redact(`OPENAI_API_KEY=${key}`)).toBe('OPENAI_API_KEY=[REDACTED:secret]');
    }
  });

  it('does not start a key inside a word, and needs the full length', () => {
    for (const text of [
      fake('task-', 30),
      fake('disk-', 30),
      fake('mask_', 30),
      `x${fake('kz_', 30)}`,
      'sk-short',
      'kz_wrong',
      'AKIAIOSFODNN7EXAMPL',
      'AKIAIOSFODNN7EXAMPLE2',
      'akiaiosfodnn7example',
      fake('SK-', 40),
    ]) {
      expect(redact(`id ${text} end`)).toBe(`id ${text} end`);
    }
  });

  it('replaces the value of api_key=, password: and similar assignments, keeping the name', () => {
    expect(redact('GET /v1?api_key=abc123def456&page=2')).toBe('GET /v1?api_key=[REDACTED:secret]&page=2');
    expect(redact('{"apiKey": "abc123def456", "n": 1}')).toBe('{"apiKey": "[REDACTED:secret]", "n": 1}');
    expect(redact("x-api-key: 'abc123def456'")).toBe("x-api-key: '[REDACTED:secret]'");
    expect(redact('password=hunter22 client_secret: s3cr3tvalue')).toBe(
      'password=[REDACTED:secret] client_secret: [REDACTED:secret]',
    );
    expect(redact('ACCESS_TOKEN=abcdef.ghijkl')).toBe('ACCESS_TOKEN=[REDACTED:secret]');
  });

  it('leaves assignment-like prose and short values alone', () => {
    for (const text of [
      'the api_key parameter is required',
      'password: none',
      'apikeys=abcdefgh',
      'passwordless=enabled',
      'api_key=[REDACTED:secret]',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });

  it('replaces Basic credentials, not the word "basic" in prose', () => {
    expect(redact('Authorization: Basic dXNlcjpwYXNzd29yZA==')).toBe('Authorization: Basic [REDACTED:secret]');
    expect(redact('a basic understanding of Basic Usage')).toBe('a basic understanding of Basic Usage');
  });

  it('masks the token, not the scheme word, of access_token: Bearer …', () => {
    const both = compileRedactor({});
    const token = fake('', 32);
    expect(both.redactText(`access_token: Bearer ${token}`, {})).toBe('access_token: Bearer [REDACTED:bearer]');
  });
});

describe('bearer', () => {
  const redact = only('bearer');

  it('replaces the token after Bearer in any case, keeping the scheme word', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLXBhcnQ';
    const counts: RedactionCounts = {};
    expect(redact(`Authorization: Bearer ${jwt}`, counts)).toBe('Authorization: Bearer [REDACTED:bearer]');
    expect(redact(`authorization=bearer ${fake('', 24)}==`)).toBe('authorization=bearer [REDACTED:bearer]');
    expect(redact(`BEARER  ${fake('', 12)}`)).toBe('BEARER  [REDACTED:bearer]');
    expect(counts).toEqual({ bearer: 1 });
  });

  it('leaves prose, short words and a WWW-Authenticate realm alone', () => {
    for (const text of [
      'Bearer realm="kaizen"',
      'use bearer authentication here',
      'the Bearer Authentication scheme',
      'Bearer abc',
      'bearer-token-strategy',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });
});

describe('email', () => {
  const redact = only('email');

  it('replaces addresses, leaving the punctuation around them', () => {
    const counts: RedactionCounts = {};
    expect(redact('Mail ada.lovelace+ai@example.co.uk. Or <bob@mail-1.example.org>!', counts)).toBe(
      'Mail [REDACTED:email]. Or <[REDACTED:email]>!',
    );
    expect(counts).toEqual({ email: 2 });
    expect(redact('{"user":"a_b%c@d.io"}')).toBe('{"user":"[REDACTED:email]"}');
    expect(redact('x@y.com@z.com')).toBe('[REDACTED:email]@z.com');
  });

  it('leaves handles, versions and addresses without a real top-level domain alone', () => {
    for (const text of [
      '@channel ping',
      'pkg@1.2.3',
      'user@localhost',
      'a@b.c',
      'root@192.168.0.1',
      'a@b..com',
      'me@-bad.com',
      'email at example dot com',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });
});

describe('card', () => {
  const redact = only('card');

  it('replaces Luhn-valid numbers of 13 to 19 digits, with spaces or hyphens', () => {
    const counts: RedactionCounts = {};
    for (const card of [
      '4111111111111111',
      '4111 1111 1111 1111',
      '5500-0000-0000-0004',
      '3782 822463 10005',
      '6011111111111117',
      '4222222222222',
      '2223000048400011',
    ]) {
      expect(passesLuhn(card.replace(/\D/g, ''))).toBe(true);
      expect(redact(`card: ${card}, thanks`, counts)).toBe('card: [REDACTED:card], thanks');
    }
    expect(counts).toEqual({ card: 7 });
  });

  it('keeps order ids that fail Luhn, numbers in words or decimals, timestamps and longer numbers', () => {
    const orderId = '4111111111111112';
    expect(passesLuhn(orderId)).toBe(false);
    const luhnTimestamp = '1700000000004';
    expect(passesLuhn(luhnTimestamp)).toBe(true);
    for (const text of [
      `order ${orderId}`,
      `ts ${luhnTimestamp}`,
      'id ORD4111111111111111',
      'ref ORD-4111111111111111',
      'p 0.4111111111111111',
      'n 4111111111111111.5',
      'big 41111111111111111111111',
      'phone 415-555-2671',
      'date 2024-01-15 12:30:45',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });
});

describe('phone (off by default)', () => {
  const redact = only('phone');

  it('replaces international, (area) and dashed numbers', () => {
    const counts: RedactionCounts = {};
    expect(redact('call +1 (415) 555-2671 or +44 20 7946 0958', counts)).toBe(
      'call [REDACTED:phone] or [REDACTED:phone]',
    );
    expect(redact('(415) 555-2671, 415-555-2671, 030 1234 5678')).toBe(
      '[REDACTED:phone], [REDACTED:phone], [REDACTED:phone]',
    );
    expect(counts).toEqual({ phone: 2 });
  });

  it('leaves dates, amounts, versions, ids and bare digit runs alone', () => {
    for (const text of [
      'on 2024-01-15 at 12:30',
      'total 1234 5678',
      'version 1.2.3',
      'id 20240115123045',
      'zip 10115 Berlin',
      'ip 192.168.100.200',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });

  it('is off unless turned on', () => {
    expect(compileRedactor({}).redactText('+1 (415) 555-2671', {})).toBe('+1 (415) 555-2671');
  });
});
