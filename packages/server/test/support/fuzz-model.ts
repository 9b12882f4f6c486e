// A seeded random source and a small OTLP request model, encoded as OTLP/JSON and protobuf, for the ingest fuzz test.
import {
  type Bytes,
  bytesField,
  concat,
  doubleField,
  fixed64Field,
  hexBytes,
  stringField,
  varintField,
} from './proto-writer.js';

export interface Random {
  /** In [0, 1). */
  float(): number;
  /** In [0, max). */
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  bytes(length: number): Uint8Array;
  /** `byteLength` random bytes as hex, never all zeros. */
  hex(byteLength: number): string;
}

/** mulberry32: tiny, fast and good enough to pick fuzz cases; the same seed gives the same cases. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const float = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(float() * max);
  const bytes = (length: number): Uint8Array => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = int(256);
    return out;
  };
  return {
    float,
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    chance: (probability) => float() < probability,
    bytes,
    hex(byteLength) {
      const out = bytes(byteLength);
      out[byteLength - 1] = (out[byteLength - 1] ?? 0) | 1;
      return Buffer.from(out).toString('hex');
    },
  };
}

/** Mixes a run's seed and a case index into the seed of that case, so any one case can be rebuilt alone. */
export function caseSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}

export type AnyModel =
  | { readonly s: string }
  | { readonly i: number }
  | { readonly d: number }
  | { readonly b: boolean }
  | { readonly a: readonly AnyModel[] }
  | { readonly kv: readonly Attribute[] };
export type Attribute = readonly [string, AnyModel];

export interface SpanModel {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly name: string;
  readonly kind: number;
  readonly start: bigint;
  readonly end: bigint;
  readonly attributes: readonly Attribute[];
  readonly events: readonly {
    readonly name: string;
    readonly time: bigint;
    readonly attributes: readonly Attribute[];
  }[];
  readonly status: { readonly code: number; readonly message: string } | null;
}

export interface ResourceModel {
  readonly attributes: readonly Attribute[];
  readonly scopes: readonly { readonly name: string; readonly version: string; readonly spans: readonly SpanModel[] }[];
}

const NAMES = ['chat gpt-4o', 'tool: search', 'agent run', 'résumé ✓', '日本語のスパン', 'emoji 🙂', 'x'];
const BASE_NS = 1_748_779_200_000_000_000n; // 2025-06-01T12:00:00Z

function randomValue(random: Random, depth: number): AnyModel {
  switch (random.int(depth < 2 ? 6 : 4)) {
    case 0:
      return { s: random.pick(['', 'plain', 'ünïcødé', '{"looks":"like json"}', 'line\nbreak']) };
    case 1:
      return { i: random.pick([0, 1, -1, 42, 2 ** 40, -(2 ** 31)]) };
    case 2:
      return { d: random.pick([0.5, -1.25, 1e300, 3.14]) };
    case 3:
      return { b: random.chance(0.5) };
    case 4:
      return { a: Array.from({ length: random.int(3) }, () => randomValue(random, depth + 1)) };
    default:
      return {
        kv: Array.from({ length: random.int(3) }, (_, i) => [`k${i}`, randomValue(random, depth + 1)] as const),
      };
  }
}

function randomAttributes(random: Random, count: number): Attribute[] {
  const attributes: Attribute[] = [];
  if (random.chance(0.5))
    attributes.push(['gen_ai.request.model', { s: random.pick(['gpt-4o', 'claude-sonnet-4-5']) }]);
  if (random.chance(0.3)) attributes.push(['gen_ai.usage.input_tokens', { i: random.int(5000) }]);
  for (let i = 0; i < count; i++) attributes.push([`app.attr${i}`, randomValue(random, 0)]);
  return attributes;
}

export function randomSpan(random: Random): SpanModel {
  const start = BASE_NS + BigInt(random.int(86_400_000)) * 1_000_000n;
  return {
    traceId: random.hex(16),
    spanId: random.hex(8),
    parentSpanId: random.chance(0.3) ? random.hex(8) : null,
    name: random.pick(NAMES),
    kind: random.int(6),
    start,
    end: start + BigInt(random.int(5_000)) * 1_000_000n,
    attributes: randomAttributes(random, random.int(4)),
    events: random.chance(0.2) ? [{ name: 'event', time: start, attributes: randomAttributes(random, 1) }] : [],
    status: random.chance(0.3) ? { code: random.int(3), message: random.pick(['', 'boom']) } : null,
  };
}

/** 1–2 resources of 1–2 scopes of 1–`maxSpans` spans each. */
export function randomRequest(random: Random, maxSpans = 3): ResourceModel[] {
  return Array.from({ length: 1 + random.int(2) }, () => ({
    attributes: random.chance(0.5) ? [['service.name', { s: 'fuzz' }] as const] : [],
    scopes: Array.from({ length: 1 + random.int(2) }, () => ({
      name: 'fuzz-scope',
      version: '1.0.0',
      spans: Array.from({ length: 1 + random.int(maxSpans) }, () => randomSpan(random)),
    })),
  }));
}

export function spansOf(resources: readonly ResourceModel[]): SpanModel[] {
  return resources.flatMap((resource) => resource.scopes.flatMap((scope) => scope.spans));
}

// --- OTLP/JSON --------------------------------------------------------------------------------------------------

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function jsonAny(value: AnyModel): JsonObject {
  if ('s' in value) return { stringValue: value.s };
  if ('i' in value) return { intValue: String(value.i) };
  if ('d' in value) return { doubleValue: value.d };
  if ('b' in value) return { boolValue: value.b };
  if ('a' in value) return { arrayValue: { values: value.a.map(jsonAny) } };
  return { kvlistValue: { values: jsonAttributes(value.kv) } };
}

export function jsonAttributes(attributes: readonly Attribute[]): JsonObject[] {
  return attributes.map(([key, value]) => ({ key, value: jsonAny(value) }));
}

export function jsonSpan(span: SpanModel): JsonObject {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    ...(span.parentSpanId !== null ? { parentSpanId: span.parentSpanId } : {}),
    name: span.name,
    kind: span.kind,
    startTimeUnixNano: String(span.start),
    endTimeUnixNano: String(span.end),
    attributes: jsonAttributes(span.attributes),
    ...(span.events.length > 0
      ? {
          events: span.events.map((event) => ({
            name: event.name,
            timeUnixNano: String(event.time),
            attributes: jsonAttributes(event.attributes),
          })),
        }
      : {}),
    ...(span.status !== null ? { status: { code: span.status.code, message: span.status.message } } : {}),
  };
}

/** The request as a plain object; `span` lets a caller substitute any span's JSON (a mutation). */
export function jsonRequest(
  resources: readonly ResourceModel[],
  span: (model: SpanModel) => Json = jsonSpan,
): JsonObject {
  return {
    resourceSpans: resources.map((resource) => ({
      resource: { attributes: jsonAttributes(resource.attributes) },
      scopeSpans: resource.scopes.map((scope) => ({
        scope: { name: scope.name, version: scope.version },
        spans: scope.spans.map(span),
      })),
    })),
  };
}

// --- OTLP/protobuf ----------------------------------------------------------------------------------------------

export function protoAny(value: AnyModel): Bytes {
  if ('s' in value) return stringField(1, value.s);
  if ('b' in value) return varintField(2, value.b ? 1 : 0);
  if ('i' in value) return varintField(3, BigInt(value.i));
  if ('d' in value) return doubleField(4, value.d);
  if ('a' in value) return bytesField(5, concat(...value.a.map((item) => bytesField(1, protoAny(item)))));
  return bytesField(6, concat(...value.kv.map((entry) => bytesField(1, protoKeyValue(entry)))));
}

export function protoKeyValue([key, value]: Attribute): Bytes {
  return concat(stringField(1, key), bytesField(2, protoAny(value)));
}

/** A Span message as its fields, in order, so a mutation can replace, drop or append one. */
export function protoSpanFields(span: SpanModel): Bytes[] {
  return [
    bytesField(1, hexBytes(span.traceId)),
    bytesField(2, hexBytes(span.spanId)),
    ...(span.parentSpanId !== null ? [bytesField(4, hexBytes(span.parentSpanId))] : []),
    stringField(5, span.name),
    varintField(6, span.kind),
    fixed64Field(7, span.start),
    fixed64Field(8, span.end),
    ...span.attributes.map((attribute) => bytesField(9, protoKeyValue(attribute))),
    ...span.events.map((event) =>
      bytesField(
        11,
        concat(
          fixed64Field(1, event.time),
          stringField(2, event.name),
          ...event.attributes.map((attribute) => bytesField(3, protoKeyValue(attribute))),
        ),
      ),
    ),
    ...(span.status !== null
      ? [bytesField(15, concat(stringField(2, span.status.message), varintField(3, span.status.code)))]
      : []),
  ];
}

export interface ProtoParts {
  /** Span message bodies; default: the model's fields. */
  readonly span?: (model: SpanModel) => Bytes;
  /** Resource message bodies; default: the model's attributes. */
  readonly resource?: (model: ResourceModel) => Bytes;
  /** InstrumentationScope message bodies; default: name and version. */
  readonly scope?: () => Bytes;
  /** Appended to every ResourceSpans body. */
  readonly resourceSpansExtra?: () => Bytes;
  /** Appended to every ScopeSpans body. */
  readonly scopeSpansExtra?: () => Bytes;
}

/** Each ResourceSpans as a top-level field, separately, so callers know where the request's top-level fields end. */
export function protoResourceFields(resources: readonly ResourceModel[], parts: ProtoParts = {}): Bytes[] {
  const span = parts.span ?? ((model: SpanModel) => concat(...protoSpanFields(model)));
  const resource =
    parts.resource ??
    ((model: ResourceModel) => concat(...model.attributes.map((attribute) => bytesField(1, protoKeyValue(attribute)))));
  const scope = parts.scope ?? (() => concat(stringField(1, 'fuzz-scope'), stringField(2, '1.0.0')));
  const none = () => new Uint8Array(0);
  const scopeSpansExtra = parts.scopeSpansExtra ?? none;
  const resourceSpansExtra = parts.resourceSpansExtra ?? none;
  return resources.map((model) =>
    bytesField(
      1,
      concat(
        bytesField(1, resource(model)),
        ...model.scopes.map((item) =>
          bytesField(
            2,
            concat(
              bytesField(1, scope()),
              ...item.spans.map((spanModel) => bytesField(2, span(spanModel))),
              scopeSpansExtra(),
            ),
          ),
        ),
        resourceSpansExtra(),
      ),
    ),
  );
}

export function protoRequest(resources: readonly ResourceModel[], parts: ProtoParts = {}): Bytes {
  return concat(...protoResourceFields(resources, parts));
}

// --- what a case expects ----------------------------------------------------------------------------------------

export type Expectation =
  /** Refused as a whole with one of `statuses`, nothing stored. */
  | { readonly kind: 'reject'; readonly statuses: readonly number[] }
  /** Random input: a 4xx, or 200 should it happen to decode as a request without spans; nothing stored either way. */
  | { readonly kind: 'no-spans' }
  /**
   * A well-formed request: 200, exactly `traceIds` stored (one span each) and `rejected` spans refused one by one in
   * the OTLP partial-success answer.
   */
  | { readonly kind: 'accept'; readonly traceIds: readonly string[]; readonly rejected: number };

export interface CaseBody {
  readonly body: Uint8Array;
  /** Content-Type, Content-Encoding. */
  readonly headers: Readonly<Record<string, string>>;
  readonly expect: Expectation;
}

export interface FuzzLimits {
  readonly maxBodyBytes: number;
  readonly maxInflatedBytes: number;
  /** Whether accepted text may hold U+0000 (SQLite stores it; Postgres text cannot hold it and refuses the batch). */
  readonly nulInText: boolean;
}

export const reject = (...statuses: number[]): Expectation => ({ kind: 'reject', statuses });
export const NO_SPANS: Expectation = { kind: 'no-spans' };

/** The spans of a request, each accepted or refused alone. */
export function accept(spans: readonly { readonly span: SpanModel; readonly rejected: boolean }[]): Expectation {
  return {
    kind: 'accept',
    traceIds: spans.filter((item) => !item.rejected).map((item) => item.span.traceId),
    rejected: spans.filter((item) => item.rejected).length,
  };
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
