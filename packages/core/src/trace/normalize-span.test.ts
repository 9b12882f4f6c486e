import { describe, expect, it } from 'vitest';
import { normalizeSpan } from './normalize-span.js';
import type { Attributes } from './otlp-span.js';
import { DEFAULT_PRICES, mergePrices } from './price-table.js';
import { RESERVED_ATTRIBUTE_KEYS } from './span-attributes.js';
import { at, event, makeOtlpSpan } from './testing/make-otlp-span.js';

const options = { prices: DEFAULT_PRICES };

describe('normalizeSpan: status', () => {
  it('maps status code 2 to error with its message, and 0/1 to ok without one', () => {
    expect(
      normalizeSpan(makeOtlpSpan({ statusCode: 2, statusMessage: '429 Too Many Requests' }), options),
    ).toMatchObject({ status: 'error', statusMessage: '429 Too Many Requests' });
    expect(normalizeSpan(makeOtlpSpan({ statusCode: 1, statusMessage: 'fine' }), options)).toMatchObject({
      status: 'ok',
      statusMessage: null,
    });
    expect(normalizeSpan(makeOtlpSpan({ statusCode: 0 }), options).status).toBe('ok');
  });

  it('falls back to the exception event message, then error.type, when the status message is empty', () => {
    const withException = makeOtlpSpan({
      statusCode: 2,
      attributes: { 'error.type': 'RateLimitError' },
      events: [event('exception', { 'exception.type': 'RateLimitError', 'exception.message': 'Rate limit reached' })],
    });
    expect(normalizeSpan(withException, options).statusMessage).toBe('Rate limit reached');
    const typeOnly = makeOtlpSpan({ statusCode: 2, attributes: { 'error.type': 'timeout' } });
    expect(normalizeSpan(typeOnly, options).statusMessage).toBe('timeout');
    expect(normalizeSpan(makeOtlpSpan({ statusCode: 2 }), options).statusMessage).toBeNull();
  });

  it('does not call a span an error for error.type alone', () => {
    expect(normalizeSpan(makeOtlpSpan({ attributes: { 'error.type': 'x' } }), options).status).toBe('ok');
  });
});

describe('normalizeSpan: times', () => {
  it('formats ISO milliseconds and keeps sub-millisecond duration', () => {
    const span = normalizeSpan(
      makeOtlpSpan({ startTimeUnixNano: '1700000000123456789', endTimeUnixNano: '1700000000125956789' }),
      options,
    );
    expect(span).toMatchObject({
      startTime: '2023-11-14T22:13:20.123Z',
      endTime: '2023-11-14T22:13:20.125Z',
      durationMs: 2.5,
    });
  });

  it('never throws on garbage, zero or reversed times', () => {
    const reversed = normalizeSpan(makeOtlpSpan({ startTimeUnixNano: at(50), endTimeUnixNano: at(10) }), options);
    expect(reversed.durationMs).toBe(0);
    expect(reversed.endTime).toBe(reversed.startTime);
    const noEnd = normalizeSpan(makeOtlpSpan({ startTimeUnixNano: at(0), endTimeUnixNano: '0' }), options);
    expect(noEnd).toMatchObject({ startTime: '2025-01-01T00:00:00.000Z', endTime: '2025-01-01T00:00:00.000Z' });
    const garbage = normalizeSpan(makeOtlpSpan({ startTimeUnixNano: 'soon', endTimeUnixNano: '-5' }), options);
    expect(garbage).toMatchObject({ startTime: '1970-01-01T00:00:00.000Z', durationMs: 0 });
    const huge = normalizeSpan(makeOtlpSpan({ startTimeUnixNano: '9'.repeat(30), endTimeUnixNano: at(0) }), options);
    expect(huge.startTime).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('normalizeSpan: tokens and cost', () => {
  function usage(attributes: Attributes) {
    return normalizeSpan(makeOtlpSpan({ attributes: { 'gen_ai.request.model': 'gpt-4o', ...attributes } }), options);
  }

  it('coerces int64 decimal strings and rejects negative, fractional-garbage and non-numeric values', () => {
    expect(usage({ 'gen_ai.usage.input_tokens': '12345678901' }).inputTokens).toBe(12_345_678_901);
    expect(usage({ 'gen_ai.usage.input_tokens': -3 }).inputTokens).toBeNull();
    expect(usage({ 'gen_ai.usage.input_tokens': '-3' }).inputTokens).toBeNull();
    expect(usage({ 'gen_ai.usage.input_tokens': '' }).inputTokens).toBeNull();
    expect(usage({ 'gen_ai.usage.input_tokens': '12abc' }).inputTokens).toBeNull();
    expect(usage({ 'gen_ai.usage.input_tokens': true }).inputTokens).toBeNull();
    expect(usage({ 'gen_ai.usage.input_tokens': Number.NaN }).inputTokens).toBeNull();
  });

  it('keeps zero counts (a zero is usage, not missing)', () => {
    const span = usage({ 'gen_ai.usage.input_tokens': 0, 'gen_ai.usage.output_tokens': 0 });
    expect(span).toMatchObject({ inputTokens: 0, outputTokens: 0, totalTokens: 0, costUsd: 0 });
  });

  it('computes the total from input and output when only one is known, else null', () => {
    expect(usage({ 'gen_ai.usage.output_tokens': 7 }).totalTokens).toBe(7);
    expect(usage({}).totalTokens).toBeNull();
    expect(usage({ 'gen_ai.usage.input_tokens': 5, 'gen_ai.usage.total_tokens': 9 }).totalTokens).toBe(9);
  });

  it('has no cost without usage, for an unknown model, or for a total alone', () => {
    expect(usage({}).costUsd).toBeNull();
    expect(usage({ 'gen_ai.request.model': 'my-finetune', 'gen_ai.usage.input_tokens': 10 }).costUsd).toBeNull();
    expect(usage({ 'gen_ai.usage.total_tokens': 10 }).costUsd).toBeNull();
  });

  it('uses gen_ai.usage.cost over the table, and the prices passed in options', () => {
    expect(usage({ 'gen_ai.usage.input_tokens': 10, 'gen_ai.usage.cost': '0.5' }).costUsd).toBe(0.5);
    const custom = normalizeSpan(
      makeOtlpSpan({ attributes: { 'gen_ai.request.model': 'my-finetune', 'gen_ai.usage.input_tokens': 10 } }),
      { prices: mergePrices(DEFAULT_PRICES, { 'my-finetune': { inputPerToken: 0.01, outputPerToken: 0.02 } }) },
    );
    expect(custom.costUsd).toBeCloseTo(0.1, 12);
  });
});

describe('normalizeSpan: context', () => {
  it('resolves the environment per key, span before resource', () => {
    const environment = (attributes: Attributes, resourceAttributes: Attributes) =>
      normalizeSpan(makeOtlpSpan({ attributes, resourceAttributes }), options).environment;
    expect(environment({}, { 'deployment.environment.name': 'production' })).toBe('production');
    expect(environment({}, { 'deployment.environment': 'legacy-prod' })).toBe('legacy-prod');
    expect(environment({ 'langfuse.environment': 'staging' }, { 'deployment.environment.name': 'production' })).toBe(
      'staging',
    );
    expect(environment({ 'langfuse.environment': 'staging' }, { 'kaizen.environment': 'canary' })).toBe('canary');
    expect(environment({}, {})).toBeNull();
  });

  it('reads Kaizen prompt linkage and ids over other conventions', () => {
    const span = normalizeSpan(
      makeOtlpSpan({
        attributes: {
          'kaizen.prompt.name': 'support-answer',
          'kaizen.prompt.version': 7,
          'kaizen.session.id': 'k-sess',
          'langfuse.observation.prompt.name': 'other',
          'session.id': 'generic',
        },
      }),
      options,
    );
    expect(span).toMatchObject({ promptName: 'support-answer', promptVersion: '7', sessionId: 'k-sess', userId: null });
  });
});

describe('normalizeSpan: attributes', () => {
  const span = normalizeSpan(
    makeOtlpSpan({
      attributes: { 'custom.flag': true, 'custom.list': ['a', 'b'], 'custom.map': { nested: 1 } },
      resourceAttributes: { 'service.name': 'checkout' },
      scopeName: 'my-tracer',
      scopeVersion: '1.2.3',
      events: [event('retry', { attempt: 2 }, 5)],
    }),
    options,
  );

  it('keeps every raw attribute and adds resource, scope and events under reserved keys', () => {
    expect(span.attributes).toEqual({
      'custom.flag': true,
      'custom.list': ['a', 'b'],
      'custom.map': { nested: 1 },
      [RESERVED_ATTRIBUTE_KEYS.resource]: { 'service.name': 'checkout' },
      [RESERVED_ATTRIBUTE_KEYS.scope]: { name: 'my-tracer', version: '1.2.3' },
      [RESERVED_ATTRIBUTE_KEYS.events]: [
        { name: 'retry', time: '2025-01-01T00:00:00.005Z', attributes: { attempt: 2 } },
      ],
    });
  });

  it('omits scope and events when there are none', () => {
    const bare = normalizeSpan(makeOtlpSpan(), options);
    expect(Object.keys(bare.attributes)).toEqual([RESERVED_ATTRIBUTE_KEYS.resource]);
  });

  it('keeps an attribute named __proto__ as data', () => {
    const hostile: Record<string, string> = {};
    Object.defineProperty(hostile, '__proto__', { value: 'x', enumerable: true });
    const mapped = normalizeSpan(makeOtlpSpan({ attributes: hostile }), options);
    expect(Object.getPrototypeOf(mapped.attributes)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(mapped.attributes, '__proto__')?.value).toBe('x');
  });
});

describe('normalizeSpan: untrusted values', () => {
  it('keeps invalid JSON strings raw instead of throwing', () => {
    const span = normalizeSpan(
      makeOtlpSpan({
        attributes: {
          'gen_ai.input.messages': '[{"role":',
          'gen_ai.output.messages': '{not json',
          'ai.prompt': '{"system":',
          metadata: '{"session_id":',
          'llm.invocation_parameters': 'model=gpt-4o',
          'langfuse.observation.usage_details': 'nope',
          'langfuse.observation.cost_details': '[',
          'tag.tags': '["unterminated',
        },
      }),
      options,
    );
    expect(span).toMatchObject({
      input: '{"system":',
      output: '{not json',
      sessionId: null,
      model: null,
      inputTokens: null,
      costUsd: null,
    });
  });

  it('tolerates wrong types where strings or lists are expected', () => {
    const span = normalizeSpan(
      makeOtlpSpan({
        attributes: {
          'gen_ai.request.model': 42,
          'gen_ai.system': false,
          'gen_ai.input.messages': 17,
          'gen_ai.output.messages': [1, 'two', null],
          'gen_ai.prompt.0.role': ['user'],
          'ai.response.toolCalls': '{"not":"a list"}',
          'session.id': { nested: 'object' },
          'gen_ai.usage.input_tokens': { value: 3 },
        },
      }),
      options,
    );
    expect(span).toMatchObject({
      model: '42',
      provider: null,
      input: '17',
      output: '[1,"two",null]',
      sessionId: null,
      inputTokens: null,
    });
  });

  it('does not treat arrays of non-messages as messages', () => {
    const span = normalizeSpan(
      makeOtlpSpan({ attributes: { 'input.value': '[{"role":"user","content":"Hi"},{"id":7}]' } }),
      options,
    );
    expect(span.input).toBe('[{"role":"user","content":"Hi"},{"id":7}]');
  });
});
