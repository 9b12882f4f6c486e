// The OTLP ingest fuzz plan: families of malformed bodies (JSON, protobuf, compression, headers), how many of each,
// each case rebuilt from (seed, index) alone so that a failure reproduces without the thousands of cases before it.
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import {
  deepArrays,
  jsonDeep,
  jsonEnvelope,
  jsonHuge,
  jsonIds,
  jsonInvalidUtf8,
  jsonOfSize,
  jsonRandom,
  jsonSpanFields,
  jsonTruncate,
} from './fuzz-json.js';
import {
  accept,
  type CaseBody,
  caseSeed,
  type FuzzLimits,
  jsonRequest,
  NO_SPANS,
  protoRequest,
  type Random,
  randomRequest,
  reject,
  seededRandom,
  spansOf,
  utf8,
} from './fuzz-model.js';
import {
  protoDeep,
  protoFieldOverrun,
  protoHuge,
  protoInvalidUtf8,
  protoLengthOverrun,
  protoRandom,
  protoSpanValues,
  protoTruncate,
  protoWireType,
} from './fuzz-protobuf.js';

export type { CaseBody, Expectation, FuzzLimits } from './fuzz-model.js';

const JSON_TYPE = 'application/json';
const PROTOBUF_TYPE = 'application/x-protobuf';
const MIB = 1024 * 1024;

/** A valid request in either format, with its spans (all of them valid). */
function validBody(random: Random, wire: 'json' | 'protobuf') {
  const resources = randomRequest(random);
  const body = wire === 'json' ? utf8(JSON.stringify(jsonRequest(resources))) : protoRequest(resources);
  return { body, spans: spansOf(resources).map((span) => ({ span, rejected: false })) };
}

// Bombs are the same few buffers every time: building them is the slow part, inflating them stops at the limit.
const bombs = new Map<string, Uint8Array>();
function cached(name: string, build: () => Uint8Array): Uint8Array {
  let bomb = bombs.get(name);
  if (bomb === undefined) {
    bomb = build();
    bombs.set(name, bomb);
  }
  return bomb;
}
/** gzip members inflate one after the other: 1 MiB of zeros compresses to 1 KiB, and a few dozen make a bomb. */
const gzipMembers = (first: Uint8Array, members: number) =>
  Buffer.concat([gzipSync(first), ...Array<Buffer>(members).fill(gzipSync(Buffer.alloc(MIB)))]);

function encodingBomb(random: Random, limits: FuzzLimits): CaseBody {
  const over = Math.ceil((limits.maxInflatedBytes * 2) / MIB);
  const contentType = random.pick([JSON_TYPE, PROTOBUF_TYPE]);
  const [encoding, body] = random.pick<readonly [string, () => Uint8Array]>([
    ['gzip', () => cached('gzip zeros', () => gzipMembers(new Uint8Array(0), over * 4))],
    ['gzip', () => cached('gzip json prefix', () => gzipMembers(utf8('{"resourceSpans":['), over))],
    ['deflate', () => cached('zlib zeros', () => deflateSync(Buffer.alloc(over * MIB)))],
    ['deflate', () => cached('raw deflate zeros', () => deflateRawSync(Buffer.alloc(over * MIB)))],
  ]);
  const bytes = body();
  if (bytes.length > limits.maxBodyBytes) throw new Error('a bomb must be small on the wire');
  return { body: bytes, headers: { 'content-type': contentType, 'content-encoding': encoding }, expect: reject(413) };
}

/** Bodies whose Content-Encoding or Content-Type does not say what they are. */
function encodingMismatch(random: Random): CaseBody {
  const wire = random.pick(['json', 'protobuf'] as const);
  const contentType = wire === 'json' ? JSON_TYPE : PROTOBUF_TYPE;
  const { body } = validBody(random, wire);
  const cases: (() => CaseBody)[] = [
    () => ({ body, headers: { 'content-type': contentType, 'content-encoding': 'gzip' }, expect: reject(400) }),
    () => ({ body: gzipSync(body), headers: { 'content-type': contentType }, expect: reject(400) }),
    () => ({
      body: deflateSync(body),
      headers: { 'content-type': contentType, 'content-encoding': 'gzip' },
      expect: reject(400),
    }),
    () => ({
      body: gzipSync(body),
      headers: { 'content-type': contentType, 'content-encoding': 'deflate' },
      expect: reject(400),
    }),
    () => ({
      body: gzipSync(gzipSync(body)),
      headers: { 'content-type': contentType, 'content-encoding': 'gzip' },
      expect: reject(400),
    }),
    () => {
      const compressed = random.chance(0.5) ? gzipSync(body) : deflateSync(body);
      return {
        body: compressed.subarray(0, 1 + random.int(compressed.length - 1)),
        headers: { 'content-type': contentType, 'content-encoding': compressed[0] === 0x1f ? 'gzip' : 'deflate' },
        expect: reject(400),
      };
    },
    // Trailing bytes after the gzip member that are neither zeros nor another member.
    () => ({
      body: Buffer.concat([gzipSync(body), Buffer.from([1 + random.int(0x1e), ...random.bytes(random.int(20))])]),
      headers: { 'content-type': contentType, 'content-encoding': 'gzip' },
      expect: reject(400),
    }),
    () => ({
      body: new Uint8Array(0),
      headers: { 'content-type': contentType, 'content-encoding': 'gzip' },
      expect: reject(400),
    }),
    // The other format's body.
    () => ({ body, headers: { 'content-type': wire === 'json' ? PROTOBUF_TYPE : JSON_TYPE }, expect: reject(400) }),
  ];
  if (wire === 'json') {
    // Two gzip members of a JSON body inflate to two JSON texts back to back; raw inflate of JSON text is garbage.
    cases.push(
      () => ({
        body: Buffer.concat([gzipSync(body), gzipSync(body)]),
        headers: { 'content-type': JSON_TYPE, 'content-encoding': 'gzip' },
        expect: reject(400),
      }),
      () => ({ body, headers: { 'content-type': JSON_TYPE, 'content-encoding': 'deflate' }, expect: reject(400) }),
    );
  } else {
    cases.push(() => ({
      body,
      headers: { 'content-type': PROTOBUF_TYPE, 'content-encoding': 'deflate' },
      expect: NO_SPANS,
    }));
  }
  return random.pick(cases)();
}

const UNSUPPORTED_TYPES = [
  'text/plain',
  'application/grpc',
  'application/json-seq',
  'application/jsonx',
  'multipart/form-data; boundary=x',
  'application/x-protobuf+json',
  'application/x-www-form-urlencoded',
];
const UNSUPPORTED_ENCODINGS = ['br', 'zstd', 'compress', 'gzip, gzip', 'gzip;q=1', 'x-deflate', 'identity, gzip'];

/** Valid bodies under a Content-Type or Content-Encoding OTLP does not define: 415, and nothing stored. */
function encodingUnsupported(random: Random): CaseBody {
  const wire = random.pick(['json', 'protobuf'] as const);
  const { body } = validBody(random, wire);
  const contentType = wire === 'json' ? JSON_TYPE : PROTOBUF_TYPE;
  const headers: Record<string, string> = random.chance(0.5)
    ? random.chance(0.2)
      ? {}
      : { 'content-type': random.pick(UNSUPPORTED_TYPES) }
    : { 'content-type': contentType, 'content-encoding': random.pick(UNSUPPORTED_ENCODINGS) };
  return { body, headers, expect: reject(415) };
}

/** Bodies that inflate to just under (stored) or just over (413) the inflated-size limit. */
function encodingHuge(random: Random, limits: FuzzLimits): CaseBody {
  const over = random.chance(0.5);
  const size = over ? limits.maxInflatedBytes + 1 + random.int(1_000) : limits.maxInflatedBytes - random.int(1_000);
  const { body, span } = jsonOfSize(random, size);
  const gzip = random.chance(0.5);
  return {
    body: gzip ? gzipSync(body) : deflateSync(body),
    headers: { 'content-type': JSON_TYPE, 'content-encoding': gzip ? 'gzip' : 'deflate' },
    expect: over ? reject(413) : accept([{ span, rejected: false }]),
  };
}

/** Valid requests in every accepted spelling: they keep the run honest (a broken key would make everything 401). */
function control(random: Random): CaseBody {
  const wire = random.pick(['json', 'protobuf'] as const);
  const { body, spans } = validBody(random, wire);
  const contentType =
    wire === 'json'
      ? random.pick(['application/json', 'application/json; charset=utf-8', 'Application/JSON'])
      : random.pick(['application/x-protobuf', 'application/protobuf']);
  const [encoding, encoded] = random.pick<readonly [string | null, () => Uint8Array]>([
    [null, () => body],
    ['gzip', () => gzipSync(body)],
    ['x-gzip', () => gzipSync(body)],
    ['deflate', () => deflateSync(body)],
    ['deflate', () => deflateRawSync(body)],
    ['identity', () => body],
  ]);
  return {
    body: encoded(),
    headers: { 'content-type': contentType, ...(encoding !== null ? { 'content-encoding': encoding } : {}) },
    expect: accept(spans),
  };
}

/** Deep nesting compressed: 200,000 levels on the wire in a few hundred bytes. */
function encodingDeep(): CaseBody {
  const body = cached('gzip deep json', () => gzipSync(utf8(`{"resourceSpans":${deepArrays(200_000)}}`)));
  return { body, headers: { 'content-type': JSON_TYPE, 'content-encoding': 'gzip' }, expect: reject(400) };
}

export const FAMILIES = {
  'json-truncate': jsonTruncate,
  'json-envelope': jsonEnvelope,
  'json-span-fields': jsonSpanFields,
  'json-ids': jsonIds,
  'json-invalid-utf8': jsonInvalidUtf8,
  'json-random': jsonRandom,
  'json-deep': jsonDeep,
  'json-huge': jsonHuge,
  'proto-truncate': protoTruncate,
  'proto-wire-type': protoWireType,
  'proto-span-values': protoSpanValues,
  'proto-invalid-utf8': protoInvalidUtf8,
  'proto-length-overrun': protoLengthOverrun,
  'proto-field-overrun': protoFieldOverrun,
  'proto-random': protoRandom,
  'proto-deep': protoDeep,
  'proto-huge': protoHuge,
  'encoding-bomb': encodingBomb,
  'encoding-mismatch': encodingMismatch,
  'encoding-unsupported': encodingUnsupported,
  'encoding-huge': encodingHuge,
  'encoding-deep': encodingDeep,
  control,
} satisfies Record<string, (random: Random, limits: FuzzLimits) => CaseBody>;

export type Family = keyof typeof FAMILIES;
export type FuzzPlan = Readonly<Record<Family, number>>;

/** 10,000+ cases; the big ones (deep, huge, bombs) are few because each costs milliseconds, not microseconds. */
export const FULL_PLAN: FuzzPlan = {
  'json-truncate': 1_400,
  'json-envelope': 800,
  'json-span-fields': 1_400,
  'json-ids': 500,
  'json-invalid-utf8': 500,
  'json-random': 600,
  'json-deep': 60,
  'json-huge': 30,
  'proto-truncate': 1_400,
  'proto-wire-type': 800,
  'proto-span-values': 800,
  'proto-invalid-utf8': 600,
  'proto-length-overrun': 500,
  'proto-field-overrun': 300,
  'proto-random': 500,
  'proto-deep': 60,
  'proto-huge': 30,
  'encoding-bomb': 150,
  'encoding-mismatch': 300,
  'encoding-unsupported': 150,
  'encoding-huge': 12,
  'encoding-deep': 4,
  control: 100,
};

/** The same plan scaled down (at least one case of each family). */
export function scalePlan(plan: FuzzPlan, factor: number): FuzzPlan {
  return Object.fromEntries(
    Object.entries(plan).map(([family, count]) => [family, Math.max(1, Math.round(count * factor))]),
  ) as FuzzPlan;
}

export interface FuzzCase extends CaseBody {
  readonly index: number;
  readonly family: Family;
}

/** Every case's family, shuffled with the seed, so concurrent requests mix small and large, valid and not. */
export function schedule(seed: number, plan: FuzzPlan): Family[] {
  const order = (Object.entries(plan) as [Family, number][]).flatMap(([family, count]) =>
    Array<Family>(count).fill(family),
  );
  const random = seededRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j] as Family, order[i] as Family];
  }
  return order;
}

/** Case `index` of a run: its body depends only on the seed, the index and the family. */
export function buildCase(seed: number, index: number, family: Family, limits: FuzzLimits): FuzzCase {
  return { index, family, ...FAMILIES[family](seededRandom(caseSeed(seed, index)), limits) };
}
