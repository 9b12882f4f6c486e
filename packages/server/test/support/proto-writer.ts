// A tiny protobuf writer for tests: builds valid and deliberately broken OTLP payloads field by field.

export type Bytes = Uint8Array;

export function varint(value: number | bigint): number[] {
  let rest = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  while (rest >= 0x80n) {
    out.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  out.push(Number(rest));
  return out;
}

export function concat(...parts: readonly (Bytes | readonly number[])[]): Bytes {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const tag = (field: number, wireType: number) => varint((field << 3) | wireType);

export const varintField = (field: number, value: number | bigint): Bytes => concat(tag(field, 0), varint(value));
export const bytesField = (field: number, payload: Bytes | readonly number[]): Bytes =>
  concat(tag(field, 2), varint(payload.length), payload);
export const stringField = (field: number, text: string): Bytes => bytesField(field, new TextEncoder().encode(text));
export const messageField = (field: number, ...fields: Bytes[]): Bytes => bytesField(field, concat(...fields));

export function fixed64Field(field: number, value: bigint): Bytes {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, value, true);
  return concat(tag(field, 1), bytes);
}

export function doubleField(field: number, value: number): Bytes {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, value, true);
  return concat(tag(field, 1), bytes);
}

export const hexBytes = (hex: string): Bytes => Uint8Array.from(Buffer.from(hex, 'hex'));

/** KeyValue { key = 1; AnyValue value = 2 } around an already encoded AnyValue body. */
export const keyValue = (key: string, anyValue: Bytes): Bytes => concat(stringField(1, key), bytesField(2, anyValue));
export const stringValue = (text: string): Bytes => stringField(1, text);
export const intValue = (value: number | bigint): Bytes => varintField(3, value);

export interface TestSpanFields {
  traceId?: Bytes;
  spanId?: Bytes;
  parentSpanId?: Bytes;
  name?: string;
  kind?: number;
  start?: bigint;
  end?: bigint;
  attributes?: Bytes[];
  extra?: Bytes[];
}

export const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
export const SPAN_ID = 'b7ad6b7169203331';

/** A Span message with sensible defaults, any of which a test can override or break. */
export function span(fields: TestSpanFields = {}): Bytes {
  return concat(
    bytesField(1, fields.traceId ?? hexBytes(TRACE_ID)),
    bytesField(2, fields.spanId ?? hexBytes(SPAN_ID)),
    ...(fields.parentSpanId !== undefined ? [bytesField(4, fields.parentSpanId)] : []),
    stringField(5, fields.name ?? 'chat gpt-4o'),
    varintField(6, fields.kind ?? 3),
    fixed64Field(7, fields.start ?? 1_700_000_000_000_000_000n),
    fixed64Field(8, fields.end ?? 1_700_000_001_500_000_000n),
    ...(fields.attributes ?? []).map((attribute) => bytesField(9, attribute)),
    ...(fields.extra ?? []),
  );
}

/** ExportTraceServiceRequest with one resource and one scope around the given Span messages. */
export function request(spans: Bytes[], resourceAttributes: Bytes[] = []): Bytes {
  const resource = concat(...resourceAttributes.map((attribute) => bytesField(1, attribute)));
  const scope = concat(stringField(1, 'test-scope'), stringField(2, '1.0.0'));
  const scopeSpans = concat(bytesField(1, scope), ...spans.map((item) => bytesField(2, item)));
  return messageField(1, bytesField(1, resource), bytesField(2, scopeSpans));
}
