import { KaizenError } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { decodeOtlpJson } from './decode-otlp-json.js';

const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const SPAN_ID = 'eee19b7ec3c1b174';

function body(spans: unknown[], resource: unknown = { attributes: [] }): string {
  return JSON.stringify({
    resourceSpans: [{ resource, scopeSpans: [{ scope: { name: 'ai', version: '6.0.0' }, spans }] }],
  });
}

function jsonSpan(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    traceId: TRACE_ID,
    spanId: SPAN_ID,
    name: 'ai.generateText',
    kind: 1,
    startTimeUnixNano: '1544712660000000000',
    endTimeUnixNano: '1544712661000000000',
    ...overrides,
  };
}

function decodeError(input: string | Uint8Array): KaizenError {
  try {
    decodeOtlpJson(input);
  } catch (error) {
    if (KaizenError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected decodeOtlpJson to throw');
}

describe('decodeOtlpJson', () => {
  it('decodes the OTLP/JSON spec example shape (string int64, enum names, upper-case hex)', () => {
    const input = body(
      [
        jsonSpan({
          traceId: TRACE_ID.toUpperCase(),
          parentSpanId: '',
          kind: 'SPAN_KIND_CLIENT',
          attributes: [
            { key: 'gen_ai.usage.input_tokens', value: { intValue: '30' } },
            { key: 'gen_ai.request.temperature', value: { doubleValue: 0.5 } },
            { key: 'gen_ai.response.finish_reasons', value: { arrayValue: { values: [{ stringValue: 'stop' }] } } },
            { key: 'big', value: { intValue: '9007199254740993' } },
            { key: 'nan', value: { doubleValue: 'NaN' } },
            { key: 'map', value: { kvlistValue: { values: [{ key: 'a', value: { boolValue: true } }] } } },
            { key: 'bytes', value: { bytesValue: 'AQID' } },
            { key: 'empty', value: {} },
          ],
          events: [{ timeUnixNano: 1544712660500000000, name: 'gen_ai.choice', attributes: [] }],
          status: { code: 'STATUS_CODE_ERROR', message: 'rate limited' },
        }),
      ],
      { attributes: [{ key: 'service.name', value: { stringValue: 'web' } }] },
    );
    const { spans, rejected } = decodeOtlpJson(new TextEncoder().encode(input));
    expect(rejected).toEqual([]);
    expect(spans[0]).toEqual({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      parentSpanId: null,
      name: 'ai.generateText',
      kind: 3,
      startTimeUnixNano: '1544712660000000000',
      endTimeUnixNano: '1544712661000000000',
      attributes: {
        'gen_ai.usage.input_tokens': 30,
        'gen_ai.request.temperature': 0.5,
        'gen_ai.response.finish_reasons': ['stop'],
        big: '9007199254740993',
        nan: Number.NaN,
        map: { a: true },
        bytes: 'AQID',
        empty: null,
      },
      events: [{ name: 'gen_ai.choice', timeUnixNano: '1544712660500000000', attributes: {} }],
      statusCode: 2,
      statusMessage: 'rate limited',
      resourceAttributes: { 'service.name': 'web' },
      scopeName: 'ai',
      scopeVersion: '6.0.0',
    });
  });

  it('accepts base64 ids, which generic protobuf JSON encoders send, when the length says so', () => {
    const traceId = Buffer.from(TRACE_ID, 'hex').toString('base64');
    const spanId = Buffer.from(SPAN_ID, 'hex').toString('base64');
    const [decoded] = decodeOtlpJson(body([jsonSpan({ traceId, spanId })])).spans;
    expect(decoded?.traceId).toBe(TRACE_ID);
    expect(decoded?.spanId).toBe(SPAN_ID);
  });

  it('reads the pre-1.0 instrumentationLibrarySpans name', () => {
    const input = JSON.stringify({
      resourceSpans: [
        { instrumentationLibrarySpans: [{ instrumentationLibrary: { name: 'old' }, spans: [jsonSpan()] }] },
      ],
    });
    expect(decodeOtlpJson(input).spans[0]?.scopeName).toBe('old');
  });

  it('rejects invalid spans with the path and the problem, keeping the valid ones', () => {
    let deep: unknown = { stringValue: 'leaf' };
    for (let level = 0; level < 40; level++) deep = { arrayValue: { values: [deep] } };
    const { spans, rejected } = decodeOtlpJson(
      body([
        jsonSpan({ name: 'kept' }),
        jsonSpan({ traceId: 'abc' }),
        jsonSpan({ spanId: '0000000000000000' }),
        jsonSpan({ name: undefined }),
        jsonSpan({ startTimeUnixNano: 'yesterday' }),
        jsonSpan({ attributes: [{ key: 'tokens', value: { intValue: 'many' } }] }),
        jsonSpan({ attributes: [{ key: 'deep', value: deep }] }),
        'not a span',
        jsonSpan({ kind: 'SPAN_KIND_SIDEWAYS' }),
      ]),
    );
    expect(spans.map((span) => span.name)).toEqual(['kept']);
    const at = (index: number) => `resourceSpans[0].scopeSpans[0].spans[${index}]`;
    expect(rejected).toEqual([
      { path: `${at(1)}.traceId`, reason: 'expected 32 hex characters, got "abc"' },
      { path: `${at(2)}.spanId`, reason: 'must not be all zeros' },
      { path: `${at(3)}.name`, reason: 'required (a non-empty string)' },
      { path: `${at(4)}.startTimeUnixNano`, reason: 'expected a decimal string of nanoseconds' },
      { path: `${at(5)}.attributes[0].value.intValue`, reason: 'expected an integer' },
      {
        path: expect.stringMatching(
          /^resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[6\]\.attributes\[0\]\.value\.arrayValue/,
        ),
        reason: 'attribute values nested deeper than 32 levels',
      },
      { path: at(7), reason: 'expected a span object' },
      { path: `${at(8)}.kind`, reason: 'expected a SpanKind number or SPAN_KIND_* name' },
    ]);
  });

  it('keeps an attribute named __proto__ as data, never as the prototype', () => {
    const input = body([jsonSpan({ attributes: [{ key: '__proto__', value: { kvlistValue: { values: [] } } }] })]);
    const attributes = decodeOtlpJson(input).spans[0]?.attributes ?? {};
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.keys(attributes)).toEqual(['__proto__']);
  });

  it('returns no spans for an empty request', () => {
    expect(decodeOtlpJson('{}')).toEqual({ spans: [], rejected: [] });
    expect(decodeOtlpJson('{"resourceSpans":[]}')).toEqual({ spans: [], rejected: [] });
  });

  describe('fails the whole request on a malformed body', () => {
    it('invalid JSON, naming the parser problem', () => {
      const error = decodeError('{"resourceSpans": [');
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/^invalid JSON: /);
    });

    it('invalid UTF-8', () => {
      expect(decodeError(Uint8Array.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d])).message).toMatch(/not valid UTF-8/);
    });

    it('a root that is not an object', () => {
      expect(decodeError('[1, 2]').message).toMatch(/expected an ExportTraceServiceRequest object/);
    });

    it('resourceSpans of the wrong type', () => {
      expect(decodeError('{"resourceSpans": {}}').message).toBe('resourceSpans: expected an array');
    });

    it('scopeSpans of the wrong type', () => {
      expect(decodeError('{"resourceSpans": [{"scopeSpans": 3}]}').message).toBe(
        'resourceSpans[0].scopeSpans: expected an array',
      );
    });

    it('broken resource attributes', () => {
      expect(decodeError('{"resourceSpans": [{"resource": {"attributes": [{"key": 1}]}}]}').message).toBe(
        'resourceSpans[0].resource.attributes[0]: expected {key: string, value: AnyValue}',
      );
    });
  });
});
