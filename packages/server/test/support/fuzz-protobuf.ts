// Malformed OTLP/protobuf bodies for the ingest fuzz test: truncations, wrong wire types, lying lengths, fields that
// overrun their message, invalid UTF-8, bad ids, nesting 10,000 levels deep.
import { INVALID_UTF8 } from './fuzz-json.js';
import {
  accept,
  type CaseBody,
  type FuzzLimits,
  NO_SPANS,
  protoAny,
  protoKeyValue,
  protoRequest,
  protoResourceFields,
  protoSpanFields,
  type Random,
  randomRequest,
  reject,
  type SpanModel,
  spansOf,
  utf8,
} from './fuzz-model.js';
import {
  type Bytes,
  bytesField,
  concat,
  fixed64Field,
  hexBytes,
  stringField,
  varint,
  varintField,
} from './proto-writer.js';

const PROTOBUF_TYPE = { 'content-type': 'application/x-protobuf' };
const tag = (field: number, wireType: number): number[] => varint((field << 3) | wireType);
const fixed32Field = (field: number, value: number): Bytes =>
  concat(tag(field, 5), [value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >>> 24) & 0xff]);
const insertAt = (fields: Bytes[], random: Random, extra: Bytes): Bytes[] => {
  const copy = [...fields];
  copy.splice(random.int(copy.length + 1), 0, extra);
  return copy;
};

/** Cut anywhere but between two top-level fields: what is left always has a field running past the end. */
export function protoTruncate(random: Random): CaseBody {
  const fields = protoResourceFields(randomRequest(random, 4));
  const body = concat(...fields);
  const boundaries = new Set<number>([0]);
  let offset = 0;
  for (const field of fields) {
    offset += field.length;
    boundaries.add(offset);
  }
  let cut = 1 + random.int(body.length - 1);
  while (boundaries.has(cut)) cut--;
  return { body: body.subarray(0, cut), headers: PROTOBUF_TYPE, expect: reject(400) };
}

// --- request-level: a known field with the wrong wire type, a wire type that does not exist, an endless varint ----

const UNSUPPORTED_WIRE_TYPES = [3, 4, 6, 7].map((wireType) => new Uint8Array(tag(99, wireType)));
const BAD_SPAN_FIELDS: readonly Bytes[] = [
  varintField(1, 5),
  fixed32Field(1, 5),
  fixed64Field(2, 1n),
  varintField(4, 1),
  varintField(5, 1),
  bytesField(6, [1]),
  varintField(7, 1),
  bytesField(8, new Uint8Array(8)),
  varintField(9, 1),
  fixed64Field(11, 1n),
  varintField(15, 1),
  bytesField(15, varintField(2, 1)),
  bytesField(15, bytesField(3, [1])),
  bytesField(11, varintField(1, 1)),
  bytesField(11, varintField(2, 1)),
  bytesField(11, varintField(3, 1)),
  concat(tag(6, 0), new Uint8Array(11).fill(0xff), [0x01]),
  bytesField(9, concat(varintField(1, 7), bytesField(2, stringField(1, 'v')))),
  bytesField(9, concat(stringField(1, 'k'), varintField(2, 1))),
  ...[
    varintField(1, 5),
    bytesField(2, [1]),
    fixed64Field(3, 1n),
    varintField(4, 1),
    varintField(5, 1),
    fixed64Field(6, 1n),
    varintField(7, 1),
    bytesField(5, varintField(1, 3)),
    bytesField(6, varintField(1, 3)),
  ].map((anyValue) => bytesField(9, concat(stringField(1, 'k'), bytesField(2, anyValue)))),
  ...UNSUPPORTED_WIRE_TYPES,
];

export function protoWireType(random: Random): CaseBody {
  const resources = randomRequest(random);
  const where = random.int(6);
  const bad = random.pick([...BAD_SPAN_FIELDS, ...UNSUPPORTED_WIRE_TYPES]);
  const target = random.pick(spansOf(resources));
  const body = protoRequest(resources, {
    ...(where === 0
      ? {
          span: (span) =>
            concat(...(span === target ? insertAt(protoSpanFields(span), random, bad) : protoSpanFields(span))),
        }
      : {}),
    ...(where === 1
      ? {
          resource: () => random.pick([varintField(1, 1), bytesField(1, varintField(1, 3)), ...UNSUPPORTED_WIRE_TYPES]),
        }
      : {}),
    ...(where === 2
      ? { scope: () => random.pick([varintField(1, 1), fixed64Field(2, 1n), ...UNSUPPORTED_WIRE_TYPES]) }
      : {}),
    ...(where === 3
      ? { scopeSpansExtra: () => random.pick([varintField(1, 1), varintField(2, 1), ...UNSUPPORTED_WIRE_TYPES]) }
      : {}),
    ...(where === 4
      ? {
          resourceSpansExtra: () =>
            random.pick([varintField(1, 1), fixed64Field(2, 1n), varintField(1000, 1), ...UNSUPPORTED_WIRE_TYPES]),
        }
      : {}),
  });
  const topLevel =
    where === 5 ? random.pick([varintField(1, 1), fixed64Field(1, 1n), ...UNSUPPORTED_WIRE_TYPES]) : null;
  return {
    body: topLevel === null ? body : random.chance(0.5) ? concat(topLevel, body) : concat(body, topLevel),
    headers: PROTOBUF_TYPE,
    expect: reject(400),
  };
}

// --- span-level: bad ids and times refuse the span alone; odd but valid values keep it -------------------------------

interface ProtoSpanMutation {
  /** The span field it changes: a span gets at most one mutation per field, so none undoes another. */
  readonly field: number;
  readonly rejects: boolean;
  apply(fields: Bytes[], span: SpanModel, random: Random): Bytes[];
}
const replaceField =
  (fieldTag: number, replacement: (span: SpanModel, random: Random) => Bytes | null) =>
  (fields: Bytes[], span: SpanModel, random: Random): Bytes[] => {
    const value = replacement(span, random);
    const kept = fields.filter((field) => field[0] !== fieldTag);
    return value === null ? kept : [value, ...kept];
  };
/** An AnyValue `levels` arrays deep: ArrayValue.values (1) inside AnyValue.array_value (5), from the inside out. */
const deepAnyValue = (levels: number): Bytes =>
  nest(
    stringField(1, 'leaf'),
    Array.from({ length: levels * 2 }, (_, i) => (i % 2 === 0 ? 1 : 5)),
  );
/** An AnyValue `levels` kvlists deep: KeyValue.value (2), KeyValueList.values (1), AnyValue.kvlist_value (6). */
const deepKvlist = (levels: number): Bytes =>
  nest(
    stringField(1, 'leaf'),
    Array.from({ length: levels * 3 }, (_, i) => [2, 1, 6][i % 3] ?? 1),
  );

export const PROTO_SPAN_MUTATIONS: readonly ProtoSpanMutation[] = [
  ...[0, 1, 15, 17, 32].map((length) => ({
    field: 1,
    rejects: true,
    apply: replaceField(0x0a, (_, random: Random) => bytesField(1, random.bytes(length))),
  })),
  { field: 1, rejects: true, apply: replaceField(0x0a, () => bytesField(1, new Uint8Array(16))) },
  { field: 1, rejects: true, apply: replaceField(0x0a, () => null) },
  ...[0, 1, 7, 9, 16].map((length) => ({
    field: 2,
    rejects: true,
    apply: replaceField(0x12, (_, random: Random) => bytesField(2, random.bytes(length))),
  })),
  { field: 2, rejects: true, apply: replaceField(0x12, () => bytesField(2, new Uint8Array(8))) },
  { field: 2, rejects: true, apply: replaceField(0x12, () => null) },
  { field: 4, rejects: false, apply: replaceField(0x22, () => bytesField(4, new Uint8Array(8))) },
  { field: 4, rejects: false, apply: replaceField(0x22, () => bytesField(4, new Uint8Array(3))) },
  { field: 4, rejects: true, apply: replaceField(0x22, () => bytesField(4, hexBytes('0102'))) },
  { field: 5, rejects: true, apply: replaceField(0x2a, () => null) },
  { field: 5, rejects: true, apply: replaceField(0x2a, () => stringField(5, '')) },
  { field: 5, rejects: false, apply: replaceField(0x2a, () => stringField(5, 'y'.repeat(20_000))) },
  { field: 6, rejects: false, apply: replaceField(0x30, () => varintField(6, 99)) },
  { field: 6, rejects: false, apply: replaceField(0x30, () => varintField(6, -1)) },
  { field: 7, rejects: true, apply: replaceField(0x39, () => null) },
  { field: 7, rejects: true, apply: replaceField(0x39, () => fixed64Field(7, 0n)) },
  { field: 8, rejects: true, apply: replaceField(0x41, () => null) },
  { field: 8, rejects: true, apply: replaceField(0x41, (span) => fixed64Field(8, span.start - 1n)) },
  ...[varintField(99, 1), fixed32Field(99, 1), bytesField(99, [1, 2, 3]), varintField(536_870_911, 1)].map((extra) => ({
    field: 99,
    rejects: false,
    apply: (fields: Bytes[], _span: SpanModel, random: Random) => insertAt(fields, random, extra),
  })),
  { field: 5, rejects: false, apply: (fields: Bytes[]) => [...fields, stringField(5, 'second name wins')] },
  ...[2n ** 63n - 1n, -1n, -(2n ** 63n)].map((value) => ({
    field: 9,
    rejects: false,
    apply: (fields: Bytes[]) => [
      ...fields,
      bytesField(9, concat(stringField(1, 'app.int'), bytesField(2, varintField(3, value)))),
    ],
  })),
  {
    field: 9,
    rejects: false,
    apply: (fields: Bytes[]) => [...fields, bytesField(9, concat(stringField(1, 'empty'), bytesField(2, [])))],
  },
  { field: 15, rejects: false, apply: (fields: Bytes[]) => [...fields, bytesField(15, varintField(3, 7))] },
  { field: 11, rejects: false, apply: (fields: Bytes[]) => [...fields, bytesField(11, stringField(2, 'no time'))] },
  {
    field: 9,
    rejects: true,
    apply: (fields: Bytes[]) => [
      ...fields,
      bytesField(9, concat(stringField(1, 'deep'), bytesField(2, deepAnyValue(40)))),
    ],
  },
];

export function protoSpanValues(random: Random): CaseBody {
  const resources = randomRequest(random);
  const outcomes = new Map<SpanModel, boolean>();
  const body = protoRequest(resources, {
    span(span) {
      let fields = protoSpanFields(span);
      let rejected = false;
      const count = random.chance(0.3) ? 0 : 1 + random.int(2);
      const used = new Set<number>();
      for (let i = 0; i < count; i++) {
        const chosen = random.pick(PROTO_SPAN_MUTATIONS);
        if (used.has(chosen.field)) continue;
        used.add(chosen.field);
        fields = chosen.apply(fields, span, random);
        rejected ||= chosen.rejects;
      }
      outcomes.set(span, rejected);
      return concat(...fields);
    },
  });
  return {
    body,
    headers: PROTOBUF_TYPE,
    expect: accept([...outcomes].map(([span, rejected]) => ({ span, rejected }))),
  };
}

// --- invalid UTF-8 in any string field fails the request ----------------------------------------------------------

function invalidText(random: Random): Bytes {
  const ascii = () => utf8('abcdefghij'.repeat(5).slice(0, random.int(40)));
  return concat(ascii(), random.pick(INVALID_UTF8), ascii());
}

export function protoInvalidUtf8(random: Random): CaseBody {
  const resources = randomRequest(random);
  const target = random.pick(spansOf(resources));
  const bad = invalidText(random);
  const kv = (key: Bytes, value: Bytes) => concat(bytesField(1, key), bytesField(2, value));
  const inSpan = random.pick<(fields: Bytes[]) => Bytes[]>([
    (fields) => [...fields.filter((field) => field[0] !== 0x2a), bytesField(5, bad)],
    (fields) => [...fields, bytesField(9, kv(bad, stringField(1, 'v')))],
    (fields) => [...fields, bytesField(9, kv(utf8('k'), bytesField(1, bad)))],
    (fields) => [...fields, bytesField(9, kv(utf8('k'), bytesField(5, bytesField(1, bytesField(1, bad)))))],
    (fields) => [...fields, bytesField(9, kv(utf8('k'), bytesField(6, bytesField(1, kv(bad, stringField(1, 'v'))))))],
    (fields) => [...fields, bytesField(15, bytesField(2, bad))],
    (fields) => [...fields, bytesField(11, concat(fixed64Field(1, 1n), bytesField(2, bad)))],
    (fields) => [...fields, bytesField(11, bytesField(3, kv(bad, stringField(1, 'v'))))],
  ]);
  const where = random.int(4);
  const body = protoRequest(resources, {
    span: (span) => concat(...(where === 0 && span === target ? inSpan(protoSpanFields(span)) : protoSpanFields(span))),
    ...(where === 1 ? { scope: () => concat(bytesField(random.pick([1, 2]), bad)) } : {}),
    ...(where === 2 ? { resource: () => bytesField(1, kv(bad, stringField(1, 'v'))) } : {}),
    ...(where === 3 ? { resource: () => bytesField(1, kv(utf8('service.name'), bytesField(1, bad))) } : {}),
  });
  return { body, headers: PROTOBUF_TYPE, expect: reject(400) };
}

// --- lengths that lie ---------------------------------------------------------------------------------------------

/** A length-delimited field claiming `extra` more bytes than it holds; placed last in its parent, it overruns it. */
function lying(field: number, payload: Bytes, extra: number): Bytes {
  return concat(tag(field, 2), varint(Math.min(payload.length + extra, 2 ** 32 - 1)), payload);
}

export function protoLengthOverrun(random: Random): CaseBody {
  const resources = randomRequest(random);
  const target = random.pick(spansOf(resources));
  const extra = random.pick([1, 2, 100, 2 ** 31, 2 ** 32 - 1]);
  const payload = random.pick([utf8('name'), protoAny({ s: 'value' }), new Uint8Array(0)]);
  const where = random.int(7);
  const spanTail = random.pick<() => Bytes>([
    () => lying(5, payload, extra),
    () => lying(9, protoKeyValue(['k', { s: 'v' }]), extra),
    () => bytesField(9, concat(stringField(1, 'k'), lying(2, payload, extra))),
    () => bytesField(9, concat(stringField(1, 'k'), bytesField(2, lying(5, bytesField(1, payload), extra)))),
    () => lying(99, payload, extra),
    () => lying(11, fixed64Field(1, 1n), extra),
    () => bytesField(15, lying(2, payload, extra)),
  ]);
  const body = protoRequest(resources, {
    span: (span) => concat(...protoSpanFields(span), where === 0 && span === target ? spanTail() : new Uint8Array(0)),
    ...(where === 1 ? { scope: () => lying(1, payload, extra) } : {}),
    ...(where === 2 ? { resource: () => lying(1, protoKeyValue(['k', { s: 'v' }]), extra) } : {}),
    ...(where === 3 ? { scopeSpansExtra: () => lying(2, payload, extra) } : {}),
    ...(where === 4 ? { resourceSpansExtra: () => lying(random.pick([1, 2, 50]), payload, extra) } : {}),
  });
  return {
    body: where >= 5 ? concat(body, lying(where === 5 ? 1 : 77, payload, extra)) : body,
    headers: PROTOBUF_TYPE,
    expect: reject(400),
  };
}

/**
 * A fixed64, varint or tag that starts inside its message and ends in the bytes after it. The message is followed by
 * another one, so the body itself does not end there: only the message's own length tells the field is cut.
 */
export function protoFieldOverrun(random: Random): CaseBody {
  const resources = randomRequest(random, 2);
  const spans = spansOf(resources);
  const target = random.pick(spans);
  const cut = (field: Bytes, keep: number): Bytes => field.subarray(0, Math.min(keep, field.length - 1));
  const straddling = random.pick<() => Bytes[]>([
    () => [cut(fixed64Field(8, target.end), 1 + random.int(8))],
    () => [cut(varintField(6, 2n ** 60n), 1 + random.int(8))],
    () => [new Uint8Array([0x98])],
    () => [
      bytesField(11, concat(stringField(2, 'e'), cut(fixed64Field(1, 1n), 1 + random.int(8)))),
      stringField(5, 'after'),
    ],
    () => [bytesField(15, cut(varintField(3, 2n ** 60n), 2 + random.int(7))), stringField(5, 'after')],
    () => [
      bytesField(9, concat(stringField(1, 'k'), bytesField(2, cut(fixed64Field(4, 1n), 1 + random.int(8))))),
      stringField(5, 'after'),
    ],
  ])();
  const body = protoRequest(resources, {
    span: (span) => concat(...protoSpanFields(span), ...(span === target ? straddling : [])),
    // A valid span after every scope's spans, so the straddled bytes are never the body's last.
    scopeSpansExtra: () => bytesField(2, concat(...protoSpanFields({ ...target, traceId: '0f'.repeat(16) }))),
  });
  return { body, headers: PROTOBUF_TYPE, expect: reject(400) };
}

export function protoRandom(random: Random): CaseBody {
  if (random.chance(0.5)) return { body: random.bytes(random.int(2_000)), headers: PROTOBUF_TYPE, expect: NO_SPANS };
  // Random fields of random wire types: well-formed more often than random bytes, to get past the first tag.
  const fields = Array.from({ length: random.int(30) }, () => {
    const field = 1 + random.int(20);
    switch (random.int(4)) {
      case 0:
        return varintField(field, random.int(1_000_000));
      case 1:
        return fixed64Field(field, BigInt(random.int(1_000_000)));
      case 2:
        return fixed32Field(field, random.int(1_000_000));
      default:
        return bytesField(field, random.bytes(random.int(40)));
    }
  });
  return { body: concat(...fields), headers: PROTOBUF_TYPE, expect: NO_SPANS };
}

/**
 * Nested length-delimited fields, built from the inside out in linear time: `fields` lists the field numbers from
 * the innermost wrapper outwards.
 */
export function nest(leaf: Bytes, fields: readonly number[]): Bytes {
  const prefixes: number[][] = [];
  let size = leaf.length;
  for (const field of fields) {
    const prefix = [...tag(field, 2), ...varint(size)];
    prefixes.push(prefix);
    size += prefix.length;
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (let i = prefixes.length - 1; i >= 0; i--) {
    const prefix = prefixes[i] ?? [];
    out.set(prefix, offset);
    offset += prefix.length;
  }
  out.set(leaf, offset);
  return out;
}

export function protoDeep(random: Random): CaseBody {
  const resources = randomRequest(random, 2);
  const spans = spansOf(resources);
  const target = random.pick(spans);
  const levels = random.pick([10_000, 10_000, 50_000]);
  const all = spans.map((span) => ({ span, rejected: false }));
  const deepAttribute = (value: Bytes) => bytesField(9, concat(stringField(1, 'deep'), bytesField(2, value)));
  const withSpanExtra = (extra: Bytes) =>
    protoRequest(resources, {
      span: (span) => concat(...protoSpanFields(span), span === target ? extra : new Uint8Array(0)),
    });
  switch (random.int(5)) {
    case 0:
      return {
        body: withSpanExtra(deepAttribute(deepAnyValue(levels / 2))),
        headers: PROTOBUF_TYPE,
        expect: accept(spans.map((span) => ({ span, rejected: span === target }))),
      };
    case 1:
      return {
        body: withSpanExtra(deepAttribute(deepKvlist(Math.floor(levels / 3)))),
        headers: PROTOBUF_TYPE,
        expect: accept(spans.map((span) => ({ span, rejected: span === target }))),
      };
    case 2:
      return {
        body: protoRequest(resources, {
          resource: () => bytesField(1, concat(stringField(1, 'deep'), bytesField(2, deepAnyValue(levels / 2)))),
        }),
        headers: PROTOBUF_TYPE,
        expect: reject(400),
      };
    case 3:
      // Unknown fields are skipped by length, never descended into.
      return {
        body: withSpanExtra(nest(varintField(1, 1), Array(levels).fill(99))),
        headers: PROTOBUF_TYPE,
        expect: accept(all),
      };
    default:
      return {
        body: concat(nest(new Uint8Array(0), Array(levels).fill(42)), protoRequest(resources)),
        headers: PROTOBUF_TYPE,
        expect: accept(all),
      };
  }
}

/** One span padded to exactly `size` bytes of body. */
export function protoOfSize(random: Random, size: number): { body: Uint8Array; span: SpanModel } {
  const [span] = spansOf(randomRequest(random, 1));
  if (span === undefined) throw new Error('randomRequest made no span');
  const build = (padding: number) =>
    protoRequest([{ attributes: [], scopes: [{ name: 's', version: '1', spans: [span] }] }], {
      span: (model) =>
        concat(...protoSpanFields(model), bytesField(9, protoKeyValue(['app.padding', { s: 'x'.repeat(padding) }]))),
    });
  // Each length prefix grows by a byte now and then as the padding grows: converge on the exact size.
  let padding = Math.max(0, size - build(0).length);
  for (let i = 0; i < 8; i++) {
    const body = build(padding);
    if (body.length === size) return { body, span };
    padding = Math.max(0, padding + size - body.length);
  }
  return { body: build(padding), span };
}

export function protoHuge(random: Random, limits: FuzzLimits): CaseBody {
  const over = random.chance(0.5);
  const size = over ? limits.maxBodyBytes + 1 + random.int(1_000) : limits.maxBodyBytes - random.int(1_000);
  const { body, span } = protoOfSize(random, size);
  if (over ? body.length <= limits.maxBodyBytes : body.length > limits.maxBodyBytes)
    throw new Error(`size ${body.length}`);
  return { body, headers: PROTOBUF_TYPE, expect: over ? reject(413) : accept([{ span, rejected: false }]) };
}
