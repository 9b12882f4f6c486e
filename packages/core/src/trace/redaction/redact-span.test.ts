// Unit tests: a normalised span keeps no secret anywhere it stores text (fields, content, raw attributes, events).
import { describe, expect, it } from 'vitest';
import { normalizeSpan } from '../normalize-span.js';
import type { OtlpSpan } from '../otlp-span.js';
import { DEFAULT_PRICES } from '../price-table.js';
import type { Span } from '../span.js';
import { event, makeOtlpSpan } from '../testing/make-otlp-span.js';
import { compileRedactor } from './compile-redactor.js';
import { redactSpan } from './redact-span.js';
import type { RedactionCounts } from './text-rule.js';

const KEY = `sk-proj-${'Wm4'.repeat(14)}`;
const EMAIL = 'grace.hopper@example.com';
const CARD = '4111 1111 1111 1111';
const SECRETS = [KEY, EMAIL, CARD, KEY.slice(8, 30)];

function normalize(overrides: Partial<OtlpSpan>): Span {
  return normalizeSpan(makeOtlpSpan(overrides), { prices: DEFAULT_PRICES });
}

function leaks(span: Span): string[] {
  const stored = JSON.stringify(span);
  return SECRETS.filter((secret) => stored.includes(secret));
}

describe('redactSpan', () => {
  it('redacts every stored string of a GenAI span: name, status, messages, tool calls, raw attributes, events', () => {
    const span = normalize({
      name: `chat for ${EMAIL}`,
      statusCode: 2,
      statusMessage: `card ${CARD} declined`,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.input.messages': JSON.stringify([
          { role: 'system', parts: [{ type: 'text', content: `Use key ${KEY}` }] },
          { role: 'user', parts: [{ type: 'text', content: `I am ${EMAIL}` }] },
        ]),
        'gen_ai.output.messages': JSON.stringify([
          {
            role: 'assistant',
            parts: [{ type: 'tool_call', id: 'c1', name: 'charge', arguments: { card: CARD, email: EMAIL } }],
          },
        ]),
        // Kept raw beside the content (the finish reason does not fit the message model).
        'gen_ai.completion.0.content': `Sent to ${EMAIL}`,
        'app.nested': { customer: { emails: [EMAIL], note: `key=${KEY}` } },
        'user.id': EMAIL,
        'session.id': `s-${EMAIL}`,
      },
      events: [event('exception', { 'exception.message': `auth failed for ${KEY}`, 'exception.stacktrace': EMAIL })],
      resourceAttributes: { 'service.name': 'shop', 'service.owner': EMAIL },
    });
    expect(leaks(span)).toEqual(SECRETS);
    const counts: RedactionCounts = {};
    const redacted = redactSpan(compileRedactor(), span, counts);
    expect(leaks(redacted)).toEqual([]);
    expect(redacted.name).toBe('chat for [REDACTED:email]');
    expect(redacted.statusMessage).toBe('card [REDACTED:card] declined');
    expect(redacted.input).toEqual([
      { role: 'system', content: 'Use key [REDACTED:secret]' },
      { role: 'user', content: 'I am [REDACTED:email]' },
    ]);
    expect(redacted.output).toEqual([
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'c1', name: 'charge', arguments: '{"card":"[REDACTED:card]","email":"[REDACTED:email]"}' }],
      },
    ]);
    expect(redacted.userId).toBe('[REDACTED:email]');
    expect(redacted.attributes['app.nested']).toEqual({
      customer: { emails: ['[REDACTED:email]'], note: 'key=[REDACTED:secret]' },
    });
    expect(redacted.attributes['kaizen.resource']).toEqual({
      'service.name': 'shop',
      'service.owner': '[REDACTED:email]',
    });
    expect(counts.email).toBeGreaterThanOrEqual(8);
    expect(counts).toMatchObject({ secret: 3, card: 2 });
    // Ids, times and numbers are left as they are.
    expect({
      ...redacted,
      name: '',
      statusMessage: '',
      input: 0,
      output: 0,
      userId: '',
      sessionId: '',
      attributes: 0,
    }).toEqual({
      ...span,
      name: '',
      statusMessage: '',
      input: 0,
      output: 0,
      userId: '',
      sessionId: '',
      attributes: 0,
    });
  });

  it('redacts both copies of AI SDK content (ai.* read into input/output, gen_ai.* kept raw)', () => {
    const prompt = JSON.stringify([{ role: 'user', content: [{ type: 'text', text: `card ${CARD}` }] }]);
    const span = normalize({
      name: 'ai.generateText.doGenerate',
      attributes: {
        'operation.name': 'ai.generateText.doGenerate',
        'ai.model.id': 'gpt-4o',
        'ai.prompt.messages': prompt,
        'ai.response.text': `Charged ${CARD}`,
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.prompt': prompt,
        'ai.request.headers.authorization': `Bearer ${KEY}`,
      },
    });
    expect(leaks(span)).not.toEqual([]);
    const redacted = redactSpan(compileRedactor(), span, {});
    expect(leaks(redacted)).toEqual([]);
    expect(redacted.attributes['ai.request.headers.authorization']).toBe('[REDACTED:secret]');
  });

  it('redacts string input/output and message names, ids and tool call names', () => {
    const span: Span = {
      ...normalize({ name: 'tool' }),
      input: `{"email":"${EMAIL}"}`,
      output: [
        {
          role: 'assistant',
          content: 'ok',
          name: EMAIL,
          toolCallId: KEY,
          toolCalls: [{ id: KEY, name: `lookup ${EMAIL}`, arguments: '{}' }],
        },
      ],
      promptName: `prompt ${EMAIL}`,
      environment: `env ${EMAIL}`,
      model: `model ${EMAIL}`,
      provider: `provider ${EMAIL}`,
      promptVersion: `v ${EMAIL}`,
    };
    const redacted = redactSpan(compileRedactor(), span, {});
    expect(leaks(redacted)).toEqual([]);
    expect(redacted.input).toBe('{"email":"[REDACTED:email]"}');
  });

  it('returns the same span when there is nothing to redact, or when redaction is off', () => {
    const clean = normalize({
      name: 'chat gpt-4o',
      attributes: {
        'gen_ai.input.messages': JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'Hi' }] }]),
      },
    });
    expect(redactSpan(compileRedactor(), clean, {})).toBe(clean);
    const dirty = normalize({ name: `chat for ${EMAIL}` });
    const counts: RedactionCounts = {};
    expect(redactSpan(compileRedactor({ enabled: false }), dirty, counts)).toBe(dirty);
    expect(counts).toEqual({});
  });
});
