// Unit tests: config handling, custom patterns, attribute values at any depth, key rules, and linear time on hostile input.
import { describe, expect, it } from 'vitest';
import { KaizenError } from '../../errors/kaizen-error.js';
import { compileRedactor } from './compile-redactor.js';
import { matchesGlob } from './key-rules.js';
import type { RedactionConfig } from './redaction-config.js';
import type { RedactionCounts } from './text-rule.js';

const SECRET = `sk-${'Zq8'.repeat(12)}`;
const SAMPLE = `key ${SECRET}, mail ada@example.com, card 4111 1111 1111 1111, call +1 (415) 555-2671`;

function errorOf(config: unknown): KaizenError {
  try {
    compileRedactor(config as RedactionConfig);
  } catch (error) {
    if (KaizenError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected compileRedactor to throw');
}

describe('compileRedactor: config', () => {
  it('defaults to secrets, bearer, e-mail and cards, not phones', () => {
    const counts: RedactionCounts = {};
    expect(compileRedactor().redactText(SAMPLE, counts)).toBe(
      'key [REDACTED:secret], mail [REDACTED:email], card [REDACTED:card], call +1 (415) 555-2671',
    );
    expect(counts).toEqual({ secret: 1, email: 1, card: 1 });
  });

  it('turns single detectors on and off, leaving the others at their default', () => {
    const redactor = compileRedactor({ detectors: { email: false, phone: true } });
    expect(redactor.redactText(SAMPLE, {})).toBe(
      'key [REDACTED:secret], mail ada@example.com, card [REDACTED:card], call [REDACTED:phone]',
    );
  });

  it('changes nothing when disabled', () => {
    const redactor = compileRedactor({ enabled: false, patterns: [{ name: 'x', pattern: 'key' }] });
    expect(redactor.enabled).toBe(false);
    const value = { a: SAMPLE, n: 4111111111111111, 'http.request.header.authorization': 'Basic abc' };
    const counts: RedactionCounts = {};
    expect(redactor.redactText(SAMPLE, counts)).toBe(SAMPLE);
    expect(redactor.redactValue(value, counts)).toBe(value);
    expect(counts).toEqual({});
  });

  it('refuses unknown detectors, bad patterns and malformed fields with invalid_input naming the field', () => {
    const cases: [unknown, RegExp][] = [
      [{ detectors: { ssn: true } }, /redaction\.detectors\.ssn is not a detector: use secrets, bearer/],
      [{ detectors: { email: 'yes' } }, /redaction\.detectors\.email must be true or false/],
      [{ enabled: 'no' }, /redaction\.enabled/],
      [{ patterns: [{ name: 'bad name!', pattern: 'x' }] }, /redaction\.patterns\[0\]: "name"/],
      [{ patterns: [{ name: 'order', pattern: '(' }] }, /redaction\.patterns\[0\] \(order\): invalid regex/],
      [{ patterns: [{ name: 'order', pattern: 'x', flags: 'y' }] }, /flags "y"/],
      [{ patterns: [{ name: 'order', pattern: '' }] }, /"pattern" must be a RegExp or a non-empty/],
      [{ patterns: { name: 'x' } }, /redaction\.patterns must be an array/],
      [{ attributes: { dropKeys: 'user.email' } }, /dropKeys must be an array/],
      [{ attributes: { dropKeys: [''] } }, /dropKeys\[0\] must be a non-empty string/],
      [null, /redaction must be an object/],
    ];
    for (const [config, message] of cases) {
      const error = errorOf(config);
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(message);
    }
  });
});

describe('compileRedactor: custom patterns', () => {
  it('applies string and RegExp patterns before the built-ins, with a placeholder or a literal replacement', () => {
    const redactor = compileRedactor({
      patterns: [
        { name: 'customer_id', pattern: /\bCUST-\d{6}\b/ },
        { name: 'ticket', pattern: 'ticket #\\d+', flags: 'i', replacement: 'ticket #…' },
        { name: 'after_label', pattern: '(?<=internal:)\\w+' },
      ],
    });
    const counts: RedactionCounts = {};
    expect(redactor.redactText('CUST-123456 and CUST-654321 (Ticket #42) internal:alpha x-CUST-1', counts)).toBe(
      '[REDACTED:customer_id] and [REDACTED:customer_id] (ticket #…) internal:[REDACTED:after_label] x-CUST-1',
    );
    expect(counts).toEqual({ customer_id: 2, ticket: 1, after_label: 1 });
  });

  it('replaces `$1` literally and ignores empty matches', () => {
    const redactor = compileRedactor({
      patterns: [
        { name: 'literal', pattern: 'abc', replacement: '$1$&' },
        { name: 'empty', pattern: 'z*' },
      ],
    });
    const counts: RedactionCounts = {};
    expect(redactor.redactText('xabcx zz', counts)).toBe('x$1$&x [REDACTED:empty]');
    expect(counts).toEqual({ literal: 1, empty: 1 });
  });

  it('runs with every built-in detector off', () => {
    const redactor = compileRedactor({
      detectors: { secrets: false, bearer: false, email: false, card: false },
      patterns: [{ name: 'pin', pattern: '\\bPIN \\d{4}\\b' }],
    });
    expect(redactor.redactText(`PIN 1234 ${SAMPLE}`, {})).toBe(`[REDACTED:pin] ${SAMPLE}`);
  });
});

describe('compileRedactor: values', () => {
  it('walks nested objects and arrays, copying only what changed', () => {
    const untouched = { model: 'gpt-4o', tags: ['a', 'b'] };
    const value = {
      untouched,
      list: ['fine', 'to ada@example.com', 3, true, null],
      deep: { a: { b: { c: [{ d: `token ${SECRET}` }] } } },
    };
    const counts: RedactionCounts = {};
    const redacted = compileRedactor().redactValue(value, counts) as typeof value;
    expect(redacted).toEqual({
      untouched,
      list: ['fine', 'to [REDACTED:email]', 3, true, null],
      deep: { a: { b: { c: [{ d: 'token [REDACTED:secret]' }] } } },
    });
    expect(redacted.untouched).toBe(untouched);
    expect(value.list[1]).toBe('to ada@example.com');
    expect(counts).toEqual({ email: 1, secret: 1 });
    const clean = { a: 'x', b: [1, { c: 'y' }] };
    expect(compileRedactor().redactValue(clean, {})).toBe(clean);
  });

  it('replaces integers that are card numbers, and no other number', () => {
    const counts: RedactionCounts = {};
    const redacted = compileRedactor().redactValue(
      { card: 4111111111111111, order: 4111111111111112, ms: 1700000000004, tokens: 1234, ratio: 0.5 },
      counts,
    );
    expect(redacted).toEqual({
      card: '[REDACTED:card]',
      order: 4111111111111112,
      ms: 1700000000004,
      tokens: 1234,
      ratio: 0.5,
    });
    expect(counts).toEqual({ card: 1 });
  });

  it('masks whole values under credential keys at any depth, and not usage counts', () => {
    const counts: RedactionCounts = {};
    const redacted = compileRedactor().redactValue(
      {
        'http.request.header.authorization': ['Basic dXNlcjpwYXNz'],
        'http.request.header.cookie': 'session=abc',
        'ai.request.headers.X-Api-Key': 'plain',
        nested: { apiKey: 'plain', password: 12345, client_secret: { v: 'x' } },
        'gen_ai.usage.input_tokens': 10,
        'llm.token_count.total': 20,
        max_tokens: 30,
        keyboard: 'qwerty',
      },
      counts,
    );
    expect(redacted).toEqual({
      'http.request.header.authorization': '[REDACTED:secret]',
      'http.request.header.cookie': '[REDACTED:secret]',
      'ai.request.headers.X-Api-Key': '[REDACTED:secret]',
      nested: { apiKey: '[REDACTED:secret]', password: '[REDACTED:secret]', client_secret: '[REDACTED:secret]' },
      'gen_ai.usage.input_tokens': 10,
      'llm.token_count.total': 20,
      max_tokens: 30,
      keyboard: 'qwerty',
    });
    expect(counts).toEqual({ secret: 6 });
  });

  it('drops configured keys at any depth, case-insensitively, with * wildcards', () => {
    const redactor = compileRedactor({ attributes: { dropKeys: ['user.address', 'app.debug.*', '*.ssn'] } });
    const counts: RedactionCounts = {};
    expect(
      redactor.redactValue(
        {
          'User.Address': 'Main St 1',
          'app.debug.dump': 'x',
          'app.debugger': 'kept',
          'kaizen.resource': { 'service.name': 'api', 'customer.ssn': '123' },
          'kaizen.events': [{ name: 'e', attributes: { 'user.address': 'y', ok: 1 } }],
        },
        counts,
      ),
    ).toEqual({
      'app.debugger': 'kept',
      'kaizen.resource': { 'service.name': 'api' },
      'kaizen.events': [{ name: 'e', attributes: { ok: 1 } }],
    });
    expect(counts).toEqual({ dropped_key: 4 });
  });

  it('keeps a __proto__ attribute as data when copying', () => {
    const value = JSON.parse('{"__proto__": "mail ada@example.com", "a": "ada@example.com"}') as object;
    const redacted = compileRedactor().redactValue(value, {}) as Record<string, unknown>;
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(redacted, '__proto__')?.value).toBe('mail [REDACTED:email]');
    expect(redacted.a).toBe('[REDACTED:email]');
  });

  it('redacts a shared resource object once and still counts it for every span', () => {
    const redactor = compileRedactor();
    const resource = { 'service.owner': 'ops@example.com' };
    const counts: RedactionCounts = {};
    const first = redactor.redactValue({ 'kaizen.resource': resource }, counts) as Record<string, unknown>;
    const second = redactor.redactValue({ 'kaizen.resource': resource }, counts) as Record<string, unknown>;
    expect(first['kaizen.resource']).toEqual({ 'service.owner': '[REDACTED:email]' });
    expect(second['kaizen.resource']).toBe(first['kaizen.resource']);
    expect(counts).toEqual({ email: 2 });
  });

  it('is idempotent: redacted text has nothing left to redact', () => {
    const redactor = compileRedactor({ detectors: { phone: true } });
    const once = redactor.redactText(`${SAMPLE} Bearer ${'x1'.repeat(12)} api_key=abcdefgh`, {});
    const counts: RedactionCounts = {};
    expect(redactor.redactText(once, counts)).toBe(once);
    expect(counts).toEqual({});
  });
});

describe('matchesGlob', () => {
  it('matches * as any run of characters', () => {
    expect(matchesGlob('http.request.header.*', 'http.request.header.authorization')).toBe(true);
    expect(matchesGlob('*.ssn', 'customer.ssn')).toBe(true);
    expect(matchesGlob('a*b*c', 'axxbyyc')).toBe(true);
    expect(matchesGlob('a*b*c', 'axxbyy')).toBe(false);
    expect(matchesGlob('user.email', 'user.emails')).toBe(false);
    expect(matchesGlob('*', '')).toBe(true);
  });
});

describe('compileRedactor: hostile input', () => {
  // Linear time is checked by finishing at all: a regex that backtracks catastrophically (or quadratically) on these
  // 200,000-character strings would run for minutes, far past this test's timeout. No timing assertion.
  const size = 200_000;
  const hostile = [
    'a'.repeat(size),
    `${'a'.repeat(size)}@`,
    'a@'.repeat(size / 2),
    `x@${'a.'.repeat(size / 2)}`,
    `${'a'.repeat(size)}@example.com`,
    'sk-'.repeat(size / 3),
    `sk-${'a'.repeat(size)}`,
    'xsk-'.repeat(size / 4),
    `AKIA${'A'.repeat(size)}`,
    'api_key'.repeat(size / 7),
    `api_key=${'='.repeat(size)}`,
    'password '.repeat(size / 9),
    'bearer '.repeat(size / 7),
    `Bearer ${'a'.repeat(size)}`,
    '4'.repeat(size),
    '4 '.repeat(size / 2),
    '4-'.repeat(size / 2),
    '12 '.repeat(size / 3),
    '+1 '.repeat(size / 3),
    '(1'.repeat(size / 2),
    '0.1234567890123'.repeat(size / 15),
  ];

  it('redacts 200,000-character hostile strings in linear time', { timeout: 20_000 }, () => {
    const redactor = compileRedactor({
      detectors: { phone: true },
      attributes: { dropKeys: ['*a*a*a*a*a*b'] },
    });
    for (const text of hostile) {
      const counts: RedactionCounts = {};
      expect(typeof redactor.redactText(text, counts)).toBe('string');
      // Keys are attacker-controlled too: the glob match and the credential-key regex must stay linear.
      redactor.redactValue({ [text]: 'v' }, counts);
    }
  });
});
