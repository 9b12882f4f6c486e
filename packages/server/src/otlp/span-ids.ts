// Trace and span ids: OTLP/JSON sends hex, protobuf sends bytes; both become lowercase hex, all-zero ids are invalid.
import { SpanRejection } from './decode-result.js';

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const ALL_ZERO = /^0+$/;

/**
 * Reads a JSON id of `byteLength` bytes. The OTLP/JSON spec says hex; some encoders (generic protobuf JSON
 * mappers) send base64, which we accept when the length says so, since a hex id never has that length.
 */
export function jsonId(value: unknown, byteLength: number, field: string): string {
  const hexLength = byteLength * 2;
  if (typeof value !== 'string') throw new SpanRejection(field, `expected a string of ${hexLength} hex characters`);
  let hex: string | null = null;
  if (value.length === hexLength && HEX.test(value)) {
    hex = value.toLowerCase();
  } else if (value.length === base64Length(byteLength, true) || value.length === base64Length(byteLength, false)) {
    if (BASE64.test(value)) {
      const bytes = Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64');
      if (bytes.length === byteLength) hex = bytes.toString('hex');
    }
  }
  if (hex === null) throw new SpanRejection(field, `expected ${hexLength} hex characters, got ${describe(value)}`);
  if (ALL_ZERO.test(hex)) throw new SpanRejection(field, `must not be all zeros`);
  return hex;
}

/** A parent span id: absent, empty or all zeros means a root span. */
export function jsonParentId(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && ALL_ZERO.test(value)) return null;
  return jsonId(value, 8, field);
}

/** Checks a protobuf id's byte range; the caller turns it into hex. */
export function checkBinaryId(bytes: Uint8Array, start: number, end: number, byteLength: number, field: string): void {
  if (end - start !== byteLength) {
    throw new SpanRejection(field, `expected ${byteLength} bytes, got ${end - start}`);
  }
  if (isAllZero(bytes, start, end)) throw new SpanRejection(field, `must not be all zeros`);
}

export function isAllZero(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] !== 0) return false;
  return true;
}

function base64Length(byteLength: number, padded: boolean): number {
  return padded ? Math.ceil(byteLength / 3) * 4 : Math.ceil((byteLength * 4) / 3);
}

function describe(value: string): string {
  return value.length > 40 ? `${value.length} characters` : JSON.stringify(value);
}
