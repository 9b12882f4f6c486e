// Encodes OTLP/HTTP responses: ExportTraceServiceResponse (with partial_success) and google.rpc.Status errors.

const encoder = new TextEncoder();

export interface PartialSuccess {
  readonly rejectedSpans: number;
  readonly errorMessage: string;
}

/** OTLP/JSON: `{}` on full success; int64 `rejectedSpans` as a decimal string, per the protobuf JSON mapping. */
export function exportResponseJson(partial: PartialSuccess | null): string {
  if (partial === null || partial.rejectedSpans === 0) return '{}';
  return JSON.stringify({
    partialSuccess: { rejectedSpans: String(partial.rejectedSpans), errorMessage: partial.errorMessage },
  });
}

/** ExportTraceServiceResponse { ExportTracePartialSuccess partial_success = 1 { int64 rejected_spans = 1; string error_message = 2 } } */
export function exportResponseProtobuf(partial: PartialSuccess | null): Uint8Array {
  if (partial === null || partial.rejectedSpans === 0) return new Uint8Array(0);
  const inner = concat([
    [0x08, ...varint(partial.rejectedSpans)],
    lengthDelimited(0x12, encoder.encode(partial.errorMessage)),
  ]);
  return lengthDelimited(0x0a, inner);
}

/** google.rpc.Status as JSON, which OTLP/HTTP uses for error bodies. */
export function statusJson(code: number, message: string): string {
  return JSON.stringify({ code, message });
}

/** google.rpc.Status { int32 code = 1; string message = 2; } */
export function statusProtobuf(code: number, message: string): Uint8Array {
  return concat([[0x08, ...varint(code)], lengthDelimited(0x12, encoder.encode(message))]);
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = Math.max(0, Math.trunc(value));
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

function lengthDelimited(tag: number, payload: Uint8Array): Uint8Array {
  return concat([[tag, ...varint(payload.length)], payload]);
}

function concat(parts: readonly (Uint8Array | readonly number[])[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
