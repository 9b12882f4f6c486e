import { KaizenError } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import {
  bytesField,
  concat,
  doubleField,
  fixed64Field,
  hexBytes,
  intValue,
  keyValue,
  messageField,
  request,
  SPAN_ID,
  span,
  stringField,
  stringValue,
  TRACE_ID,
  varint,
  varintField,
} from '../../test/support/proto-writer.js';
import { decodeOtlpProtobuf } from './decode-otlp-protobuf.js';

function decodeError(bytes: Uint8Array): KaizenError {
  try {
    decodeOtlpProtobuf(bytes);
  } catch (error) {
    if (KaizenError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected decodeOtlpProtobuf to throw');
}

describe('decodeOtlpProtobuf', () => {
  it('decodes ids to lowercase hex, times to decimal strings, scope and resource', () => {
    const body = request([span()], [keyValue('service.name', stringValue('checkout'))]);
    const { spans, rejected } = decodeOtlpProtobuf(body);
    expect(rejected).toEqual([]);
    expect(spans).toEqual([
      {
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        parentSpanId: null,
        name: 'chat gpt-4o',
        kind: 3,
        startTimeUnixNano: '1700000000000000000',
        endTimeUnixNano: '1700000001500000000',
        attributes: {},
        events: [],
        statusCode: 0,
        statusMessage: '',
        resourceAttributes: { 'service.name': 'checkout' },
        scopeName: 'test-scope',
        scopeVersion: '1.0.0',
      },
    ]);
  });

  it('decodes every AnyValue type; int64 is a number when exact and a decimal string otherwise', () => {
    const attributes = [
      keyValue('s', stringValue('héllo ✓')),
      keyValue('b', varintField(2, 1)),
      keyValue('small', intValue(42)),
      keyValue('safe', intValue(2 ** 53 - 1)),
      keyValue('big', intValue(2n ** 60n + 1n)),
      keyValue('negative', intValue(-5)),
      keyValue('min', intValue(-(2n ** 63n))),
      keyValue('d', doubleField(4, 0.25)),
      keyValue('arr', messageField(5, bytesField(1, stringValue('x')), bytesField(1, intValue(7)))),
      keyValue('kv', messageField(6, bytesField(1, keyValue('inner', stringValue('y'))))),
      keyValue('raw', bytesField(7, [1, 2, 3])),
      keyValue('empty', new Uint8Array(0)),
    ];
    const [decoded] = decodeOtlpProtobuf(request([span({ attributes })])).spans;
    expect(decoded?.attributes).toEqual({
      s: 'héllo ✓',
      b: true,
      small: 42,
      safe: 2 ** 53 - 1,
      big: '1152921504606846977',
      negative: -5,
      min: '-9223372036854775808',
      d: 0.25,
      arr: ['x', 7],
      kv: { inner: 'y' },
      raw: 'AQID',
      empty: null,
    });
  });

  it('decodes events, status, parents, and skips unknown fields (flags, links, future fields)', () => {
    const event = concat(
      fixed64Field(1, 1_700_000_000_500_000_000n),
      stringField(2, 'gen_ai.user.message'),
      bytesField(3, keyValue('content', stringValue('hi'))),
    );
    const extra = [
      bytesField(11, event),
      messageField(15, stringField(2, 'boom'), varintField(3, 2)),
      concat([0x85, 0x01], [1, 0, 0, 0]), // field 16 fixed32 flags
      messageField(13, bytesField(1, hexBytes(TRACE_ID))), // a link
      varintField(99, 12345),
    ];
    const [decoded] = decodeOtlpProtobuf(request([span({ parentSpanId: hexBytes('00f067aa0ba902b7'), extra })])).spans;
    expect(decoded?.parentSpanId).toBe('00f067aa0ba902b7');
    expect(decoded?.statusCode).toBe(2);
    expect(decoded?.statusMessage).toBe('boom');
    expect(decoded?.events).toEqual([
      { name: 'gen_ai.user.message', timeUnixNano: '1700000000500000000', attributes: { content: 'hi' } },
    ]);
  });

  it('reads fields in any order: the resource after its scope spans, the scope after its spans', () => {
    const resource = bytesField(1, bytesField(1, keyValue('deployment.environment', stringValue('prod'))));
    const scopeSpans = concat(bytesField(2, span()), bytesField(1, stringField(1, 'late-scope')));
    const body = messageField(1, bytesField(2, scopeSpans), resource);
    const [decoded] = decodeOtlpProtobuf(body).spans;
    expect(decoded?.scopeName).toBe('late-scope');
    expect(decoded?.resourceAttributes).toEqual({ 'deployment.environment': 'prod' });
  });

  it('reads the pre-1.0 instrumentation_library_spans field (1000)', () => {
    const library = concat(bytesField(1, stringField(1, 'old-lib')), bytesField(2, span()));
    const body = messageField(1, bytesField(1000, library));
    expect(decodeOtlpProtobuf(body).spans[0]?.scopeName).toBe('old-lib');
  });

  it('treats a root span sent with an all-zero parent id as a root, and a sign-extended negative kind as unspecified', () => {
    const [decoded] = decodeOtlpProtobuf(
      request([span({ parentSpanId: new Uint8Array(8), extra: [concat([0x30], varint(-1))] })]),
    ).spans;
    expect(decoded?.parentSpanId).toBeNull();
    expect(decoded?.kind).toBe(0);
  });

  it('rejects invalid spans one by one and keeps the valid ones (partial success)', () => {
    const nested = (depth: number): Uint8Array =>
      depth === 0 ? stringValue('leaf') : messageField(5, bytesField(1, nested(depth - 1)));
    const { spans, rejected } = decodeOtlpProtobuf(
      request([
        span({ name: 'valid' }),
        span({ traceId: hexBytes('0af7') }),
        span({ spanId: new Uint8Array(8) }),
        span({ name: '' }),
        span({ start: 0n }),
        span({ start: 5n, end: 4n }),
        span({ parentSpanId: hexBytes('00f067') }),
        span({ attributes: [keyValue('deep', nested(40))] }),
      ]),
    );
    expect(spans.map((item) => item.name)).toEqual(['valid']);
    const at = (index: number) => `resourceSpans[0].scopeSpans[0].spans[${index}]`;
    expect(rejected).toEqual([
      { path: `${at(1)}.traceId`, reason: 'expected 16 bytes, got 2' },
      { path: `${at(2)}.spanId`, reason: 'must not be all zeros' },
      { path: `${at(3)}.name`, reason: 'required (a non-empty string)' },
      { path: `${at(4)}.startTimeUnixNano`, reason: 'required' },
      { path: `${at(5)}.endTimeUnixNano`, reason: 'is before startTimeUnixNano' },
      { path: `${at(6)}.parentSpanId`, reason: 'expected 8 bytes, got 3' },
      {
        path: expect.stringMatching(
          /^resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[7\]\.attributes\[0\]\.value\.arrayValue/,
        ),
        reason: 'attribute values nested deeper than 32 levels',
      },
    ]);
  });

  it('keeps an attribute named __proto__ as data, never as the prototype', () => {
    const attributes = [keyValue('__proto__', messageField(6))];
    const decoded = decodeOtlpProtobuf(request([span({ attributes })])).spans[0]?.attributes ?? {};
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.keys(decoded)).toEqual(['__proto__']);
  });

  it('returns no spans for an empty body (an empty export request is valid)', () => {
    expect(decodeOtlpProtobuf(new Uint8Array(0))).toEqual({ spans: [], rejected: [] });
  });

  describe('fails the whole request on broken wire data', () => {
    const valid = request([span()]);

    it('truncated varint', () => {
      const error = decodeError(concat(valid, [0x10, 0xff]));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/truncated varint/);
    });

    it('a length beyond the buffer', () => {
      expect(decodeError(concat([0x0a], varint(1000), [1, 2, 3])).message).toMatch(/runs past the end/);
    });

    it('a length beyond its enclosing message', () => {
      const inner = concat([0x12], varint(50), [0]);
      expect(decodeError(concat([0x0a], varint(inner.length), inner)).message).toMatch(/runs past the end/);
    });

    it('a truncated fixed64', () => {
      const broken = concat(bytesField(1, hexBytes(TRACE_ID)), [0x39, 1, 2]);
      expect(decodeError(request([broken])).message).toMatch(/truncated fixed-width value/);
    });

    it('invalid UTF-8 in a string', () => {
      const badName = concat([0x2a, 3], [0x61, 0xc3, 0x28]);
      expect(decodeError(request([concat(span(), badName)])).message).toMatch(/invalid UTF-8/);
    });

    it('a deprecated group wire type', () => {
      expect(decodeError(Uint8Array.from([0x13])).message).toMatch(/unsupported wire type 3/);
    });

    it('a field with the wrong wire type', () => {
      expect(decodeError(Uint8Array.from([0x08, 0x01])).message).toMatch(/resource_spans has wire type 0/);
    });

    it('random bytes', () => {
      const random = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256);
      expect(decodeError(random).code).toBe('invalid_input');
    });
  });
});
