// Malformed OTLP/JSON bodies for the ingest fuzz test: truncations, type confusions, bad ids, invalid UTF-8, nesting.
import {
  accept,
  type CaseBody,
  type FuzzLimits,
  type Json,
  type JsonObject,
  jsonAttributes,
  jsonRequest,
  jsonSpan,
  NO_SPANS,
  type Random,
  randomRequest,
  reject,
  type SpanModel,
  spansOf,
  utf8,
} from './fuzz-model.js';

const JSON_TYPE = { 'content-type': 'application/json' };

/** JSON text spliced in where a placeholder string stands: nesting JSON.stringify itself could not write. */
class RawJson {
  constructor(readonly text: string) {}
}
type Value = Json | RawJson;

function stringify(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (!(item instanceof RawJson)) return item;
    raws.push(item.text);
    return `\u0001raw${raws.length - 1}\u0001`;
  });
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_match, index: string) => raws[Number(index)] ?? 'null');
}

export const deepArrays = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const deepObjects = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const deepAnyArray = (levels: number): string =>
  `${'{"arrayValue":{"values":['.repeat(levels)}{"stringValue":"leaf"}${']}}'.repeat(levels)}`;
const deepKvlist = (levels: number): string =>
  `${'{"kvlistValue":{"values":[{"key":"k","value":'.repeat(levels)}{"stringValue":"leaf"}${'}]}}'.repeat(levels)}`;

// --- span-level mutations: each either refuses its span alone or leaves it valid ----------------------------------

const REMOVE = Symbol('remove');
interface SpanMutation {
  readonly field: string;
  readonly rejects: boolean | ((span: SpanModel) => boolean);
  /** The value carries U+0000 into a text column. */
  readonly nul?: boolean;
  value(span: SpanModel, random: Random): Value | typeof REMOVE;
}

function constants(field: string, rejects: boolean, values: readonly (Value | typeof REMOVE)[]): SpanMutation[] {
  return values.map((value) => ({ field, rejects, value: () => value }));
}
const mutation = (
  field: string,
  rejects: SpanMutation['rejects'],
  value: SpanMutation['value'],
  nul = false,
): SpanMutation => ({ field, rejects, value, nul });
const attribute = (key: string, value: Value): Value => [{ key, value }] as unknown as Value;
const base64Id = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');
const hexOfLength = (random: Random, length: number): string => random.hex(Math.ceil(length / 2) + 1).slice(0, length);

/** Invalid ids, and the odd spellings of valid ones the decoder accepts (uppercase, base64, zero parents). */
export const ID_MUTATIONS: readonly SpanMutation[] = [
  ...constants('traceId', true, [null, 42, [], {}, true, '', REMOVE, '0'.repeat(32)]),
  // Not 22 or 24 characters: those lengths are base64 ids.
  ...[1, 15, 31, 33, 63, 64].map((length) => mutation('traceId', true, (_, random) => hexOfLength(random, length))),
  mutation('traceId', true, (span) => `g${span.traceId.slice(1)}`),
  mutation('traceId', true, (span) => `${span.traceId.slice(0, 16)} ${span.traceId.slice(17)}`),
  mutation('traceId', false, (span) => span.traceId.toUpperCase()),
  mutation('traceId', false, (span) => base64Id(span.traceId)),
  ...constants('spanId', true, [null, 7, [], '', REMOVE, '0'.repeat(16)]),
  ...[1, 7, 15, 17, 32].map((length) => mutation('spanId', true, (_, random) => hexOfLength(random, length))),
  mutation('spanId', true, (span) => `${span.spanId.slice(0, 15)}z`),
  mutation('spanId', false, (span) => span.spanId.toUpperCase()),
  mutation('spanId', false, (span) => base64Id(span.spanId)),
  ...constants('parentSpanId', false, [null, '', '0'.repeat(16), '000']),
  ...constants('parentSpanId', true, [42, 'abc', [], `${'0'.repeat(15)}x`]),
  mutation('parentSpanId', true, (_, random) => hexOfLength(random, 15)),
  mutation('parentSpanId', false, (_, random) => random.hex(8).toUpperCase()),
];

const INT64_MIN = '-9223372036854775808';
const deepMessages = (levels: number) => new RawJson(`{"stringValue":${JSON.stringify(deepArrays(levels))}}`);

export const SPAN_MUTATIONS: readonly SpanMutation[] = [
  ...ID_MUTATIONS,
  ...constants('*', true, [null, 'span', 42, [], true]),
  ...constants('name', true, [null, '', 42, [], {}, REMOVE]),
  ...constants('name', false, ['x'.repeat(20_000), '\ud800 lone surrogate', 'a\u202ertl', '\ufeffbom']),
  mutation('name', false, () => 'nul\u0000inside', true),
  ...constants('kind', true, ['3', 3.5, [], {}, true]),
  ...constants('kind', false, [99, -1, 'SPAN_KIND_CLIENT', null, 2 ** 40]),
  ...constants('startTimeUnixNano', true, [
    null,
    REMOVE,
    '',
    'abc',
    -5,
    1.5,
    '1e18',
    '0',
    '99999999999999999999',
    '1'.repeat(21),
  ]),
  // Leading zeros, up to the 20 digits a uint64 can have.
  mutation('startTimeUnixNano', false, (span) => `0${span.start}`),
  mutation(
    'startTimeUnixNano',
    (span) => BigInt(Number(span.start)) > span.end,
    (span) => Number(span.start),
  ),
  ...constants('endTimeUnixNano', true, [null, 'abc', '0', {}, true]),
  mutation('endTimeUnixNano', true, (span) => String(span.start - 1n)),
  ...constants('attributes', true, ['str', {}, 1, [null], [{ key: 1, value: {} }], [{ value: { stringValue: 'x' } }]]),
  ...constants('attributes', false, [null, []]),
  ...[
    'str',
    [],
    { intValue: 1.5 },
    { intValue: '12a' },
    { intValue: '99999999999999999999' },
    { intValue: true },
    { doubleValue: 'abc' },
    { boolValue: 'true' },
    { stringValue: 5 },
    { arrayValue: [] },
    { arrayValue: { values: 'x' } },
    { kvlistValue: [] },
    { kvlistValue: { values: 'x' } },
    { kvlistValue: { values: [{ key: 5 }] } },
    { bytesValue: 5 },
  ].map((value) => mutation('attributes', true, () => attribute('k', value as Json))),
  ...[
    { intValue: INT64_MIN },
    { doubleValue: 'NaN' },
    { doubleValue: 'Infinity' },
    { doubleValue: '1e400' },
    { arrayValue: { values: null } },
    { bytesValue: '!!not base64' },
    { unknownValue: 1 },
    {},
    null,
  ].map((value) => mutation('attributes', false, () => attribute('k', value))),
  // Keys and values the normaliser reads: prototype names, hostile numbers, JSON that is not, JSON nested 10k deep.
  ...['__proto__', 'constructor', 'toString', 'hasOwnProperty'].flatMap((name) => [
    mutation('attributes', false, () => attribute(name, { stringValue: 'x' })),
    mutation('attributes', false, () => attribute('gen_ai.request.model', { stringValue: name })),
  ]),
  // Not 1.5 or 1e308: the store cannot hold those token counts and refuses the whole batch (see the fuzz test).
  ...[
    { stringValue: 'abc' },
    { doubleValue: 12 },
    { stringValue: '7' },
    { doubleValue: -5 },
    { doubleValue: 'Infinity' },
    { intValue: INT64_MIN },
    { doubleValue: 'NaN' },
  ].map((value) => mutation('attributes', false, () => attribute('gen_ai.usage.input_tokens', value))),
  mutation('attributes', false, () => attribute('gen_ai.input.messages', { stringValue: '[{"role":"user","parts":' })),
  ...['gen_ai.input.messages', 'gen_ai.output.messages', 'input.value', 'ai.prompt.messages'].map((key) =>
    mutation('attributes', false, () => attribute(key, deepMessages(10_000))),
  ),
  mutation('attributes', false, () => attribute('langfuse.observation.input', { stringValue: deepObjects(10_000) })),
  ...['gen_ai.prompt', 'gen_ai.completion', 'llm.input_messages', 'llm.output_messages'].map((prefix) =>
    mutation('attributes', false, () => attribute(`${prefix}.${'0.'.repeat(5_000)}content`, { stringValue: 'x' })),
  ),
  mutation('attributes', false, () => attribute('gen_ai.prompt.__proto__.polluted', { stringValue: 'x' })),
  mutation('attributes', false, () => attribute('gen_ai.request.model', { stringValue: 'nul\u0000model' }), true),
  ...constants('events', true, ['x', [1], [{ timeUnixNano: 'abc' }], [{ attributes: 'x' }], {}]),
  ...constants('events', false, [[{}], null, [{ name: 5 }]]),
  ...constants('status', true, [{ code: 'bad' }, { code: 2.5 }]),
  ...constants('status', false, ['x', [], { code: 'STATUS_CODE_ERROR' }, { message: 5 }, { code: 99 }]),
  mutation('junk', false, () => new RawJson(deepArrays(10_000))),
  ...constants('junk', false, [null, { nested: [1, 'two'] }]),
];

interface MutatedSpan {
  readonly span: SpanModel;
  readonly rejected: boolean;
  readonly json: Value;
}

function mutateSpan(span: SpanModel, random: Random, table: readonly SpanMutation[], limits: FuzzLimits): MutatedSpan {
  const json: Record<string, Value> = jsonSpan(span);
  const count = random.chance(0.3) ? 0 : 1 + random.int(2);
  const used = new Set<string>();
  let rejected = false;
  let whole: Value | undefined;
  for (let i = 0; i < count; i++) {
    const chosen = random.pick(table);
    if (used.has(chosen.field) || (chosen.nul === true && !limits.nulInText)) continue;
    used.add(chosen.field);
    const value = chosen.value(span, random);
    rejected ||= typeof chosen.rejects === 'function' ? chosen.rejects(span) : chosen.rejects;
    if (chosen.field === '*') whole = value === REMOVE ? null : value;
    else if (value === REMOVE) delete json[chosen.field];
    else json[chosen.field] = value;
  }
  return { span, rejected, json: whole !== undefined ? whole : (json as Json) };
}

function spanFieldsCase(random: Random, limits: FuzzLimits, table: readonly SpanMutation[]): CaseBody {
  const resources = randomRequest(random);
  const mutated = new Map(spansOf(resources).map((span) => [span, mutateSpan(span, random, table, limits)]));
  const request = jsonRequest(resources, (span) => mutated.get(span)?.json as Json);
  return { body: utf8(stringify(request)), headers: JSON_TYPE, expect: accept([...mutated.values()]) };
}

export const jsonSpanFields = (random: Random, limits: FuzzLimits): CaseBody =>
  spanFieldsCase(random, limits, SPAN_MUTATIONS);
export const jsonIds = (random: Random, limits: FuzzLimits): CaseBody => spanFieldsCase(random, limits, ID_MUTATIONS);

// --- request-level: the request as a whole is refused, whatever valid spans it also carries ------------------------

/** A strict prefix of a JSON object's text is never valid JSON: its closing brace is missing. */
export function jsonTruncate(random: Random): CaseBody {
  const text = utf8(JSON.stringify(jsonRequest(randomRequest(random, 4))));
  return { body: text.subarray(0, random.int(text.length)), headers: JSON_TYPE, expect: reject(400) };
}

type Envelope = { resourceSpans: JsonObject[] };
const ENVELOPE_MUTATIONS: readonly ((request: Envelope, random: Random) => string)[] = [
  (request, random) => JSON.stringify(random.pick<Json>([null, [], 'x', 1, true, [request as unknown as Json]])),
  (request, random) =>
    JSON.stringify({ ...request, resourceSpans: random.pick<Json>(['x', 1, true, {}, { 0: {} }, -0.5]) }),
  (request, random) => {
    request.resourceSpans.splice(
      random.int(request.resourceSpans.length + 1),
      0,
      random.pick<Json>([null, 'x', 1, [], true, [[]]]) as JsonObject,
    );
    return JSON.stringify(request);
  },
  (request, random) => {
    random.pick(request.resourceSpans).resource = random.pick<Json>(['x', 1, [], true]);
    return JSON.stringify(request);
  },
  (request, random) => {
    random.pick(request.resourceSpans).resource = {
      attributes: random.pick<Json>([
        'x',
        {},
        1,
        [{ key: 1 }],
        [{ key: 'k', value: 's' }],
        [{ key: 'k', value: { intValue: 'x' } }],
        [null],
        [{ value: { stringValue: 'no key' } }],
      ]),
    };
    return JSON.stringify(request);
  },
  (request, random) => {
    const resource = random.pick(request.resourceSpans);
    delete resource.scopeSpans;
    resource[random.pick(['scopeSpans', 'instrumentationLibrarySpans'])] = random.pick<Json>(['x', 1, {}, true]);
    return JSON.stringify(request);
  },
  (request, random) => {
    const scopes = random.pick(request.resourceSpans).scopeSpans as Json[];
    scopes.splice(random.int(scopes.length + 1), 0, random.pick<Json>([null, 'x', [], 1, true]));
    return JSON.stringify(request);
  },
  (request, random) => {
    const scope = random.pick(random.pick(request.resourceSpans).scopeSpans as JsonObject[]);
    scope.spans = random.pick<Json>(['x', {}, 1, true, { length: 1, 0: {} }]);
    return JSON.stringify(request);
  },
  // Duplicate keys: the last one wins.
  (request) => `${JSON.stringify(request).slice(0, -1)},"resourceSpans":"late"}`,
];

export function jsonEnvelope(random: Random): CaseBody {
  const request = jsonRequest(randomRequest(random, 4)) as Envelope;
  return { body: utf8(random.pick(ENVELOPE_MUTATIONS)(request, random)), headers: JSON_TYPE, expect: reject(400) };
}

/** Sequences that are invalid UTF-8 wherever they stand between ASCII bytes. */
export const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xff],
  [0xfe],
  [0x80],
  [0xbf],
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xe0, 0x80, 0x80],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf5, 0x80, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xc3],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
];

export function jsonInvalidUtf8(random: Random): CaseBody {
  const text = utf8(JSON.stringify(jsonRequest(randomRequest(random))));
  let at = random.int(text.length + 1);
  // Between two ASCII bytes, so the sequence cannot complete a character around it.
  while (at > 0 && ((text[at - 1] ?? 0) >= 0x80 || (text[at] ?? 0) >= 0x80)) at--;
  const body = new Uint8Array([...text.subarray(0, at), ...random.pick(INVALID_UTF8), ...text.subarray(at)]);
  return { body, headers: JSON_TYPE, expect: reject(400) };
}

const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"resourceSpans"',
  '"scopeSpans"',
  '"spans"',
  '"traceId"',
  'null',
  '1',
  '"x"',
  'true',
  ' ',
];

export function jsonRandom(random: Random): CaseBody {
  const body = random.chance(0.5)
    ? random.bytes(random.int(2_000))
    : utf8(Array.from({ length: random.int(200) }, () => random.pick(TOKENS)).join(''));
  return { body, headers: JSON_TYPE, expect: NO_SPANS };
}

/** 10,000 levels (more where it fits), where the decoder must stop early or never look. */
export function jsonDeep(random: Random): CaseBody {
  const resources = randomRequest(random, 2);
  const spans = spansOf(resources);
  const target = random.pick(spans);
  const levels = random.pick([10_000, 10_000, 20_000]);
  const withAttribute =
    (value: RawJson) =>
    (span: SpanModel): Json =>
      span === target ? ({ ...jsonSpan(span), attributes: attribute('deep', value) } as Json) : jsonSpan(span);
  const all = spans.map((span) => ({ span, rejected: false }));
  const onlyTarget = spans.map((span) => ({ span, rejected: span === target }));
  switch (random.int(6)) {
    case 0:
      return { body: utf8(`{"resourceSpans":${deepArrays(levels)}}`), headers: JSON_TYPE, expect: reject(400) };
    case 1:
      return {
        body: utf8(stringify(jsonRequest(resources, withAttribute(new RawJson(deepAnyArray(levels / 2)))))),
        headers: JSON_TYPE,
        expect: accept(onlyTarget),
      };
    case 2:
      return {
        body: utf8(stringify(jsonRequest(resources, withAttribute(new RawJson(deepKvlist(levels / 4)))))),
        headers: JSON_TYPE,
        expect: accept(onlyTarget),
      };
    case 3: {
      const request = jsonRequest(resources) as Envelope;
      const first = request.resourceSpans[0] as JsonObject;
      first.resource = {
        attributes: [{ key: 'deep', value: new RawJson(deepAnyArray(levels / 2)) as unknown as Json }],
      };
      return { body: utf8(stringify(request)), headers: JSON_TYPE, expect: reject(400) };
    }
    case 4:
      return {
        body: utf8(
          stringify(
            jsonRequest(resources, (span) =>
              span === target
                ? ({ ...jsonSpan(span), junk: new RawJson(deepObjects(levels)) } as unknown as Json)
                : jsonSpan(span),
            ),
          ),
        ),
        headers: JSON_TYPE,
        expect: accept(all),
      };
    default:
      return {
        body: utf8(`{"junk":${deepArrays(levels)},${JSON.stringify(jsonRequest(resources)).slice(1)}`),
        headers: JSON_TYPE,
        expect: accept(all),
      };
  }
}

/** One span padded to `size` bytes of body in all, give or take nothing. */
export function jsonOfSize(random: Random, size: number): { body: Uint8Array; span: SpanModel } {
  const [span] = spansOf(randomRequest(random, 1));
  if (span === undefined) throw new Error('randomRequest made no span');
  const build = (padding: number) =>
    utf8(
      JSON.stringify(
        jsonRequest([{ attributes: [], scopes: [{ name: 's', version: '1', spans: [span] }] }], (model) => ({
          ...jsonSpan(model),
          attributes: jsonAttributes([['app.padding', { s: 'x'.repeat(padding) }]]),
        })),
      ),
    );
  const overhead = build(0).length;
  return { body: build(Math.max(0, size - overhead)), span };
}

export function jsonHuge(random: Random, limits: FuzzLimits): CaseBody {
  const over = random.chance(0.5);
  const size = over ? limits.maxBodyBytes + 1 + random.int(1_000) : limits.maxBodyBytes - random.int(1_000);
  const { body, span } = jsonOfSize(random, size);
  return { body, headers: JSON_TYPE, expect: over ? reject(413) : accept([{ span, rejected: false }]) };
}
