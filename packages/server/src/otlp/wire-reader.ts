// Reads the protobuf wire format (varints, fixed64, length-delimited fields) from a byte buffer, bounds-checked.
import { isUtf8 } from 'node:buffer';
import { KaizenError } from '@kaizen/core';

export const WireType = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 } as const;

const TWO_POW_32 = 4294967296;
// A value whose high 32 bits are below 2^21 is below 2^53: a double holds it exactly.
const SAFE_HIGH_BITS = 0x200000;
// Below this length a byte loop beats a native call for pure-ASCII strings (most keys and ids).
const SHORT_STRING = 32;

function malformed(message: string): KaizenError {
  return new KaizenError('invalid_input', `invalid protobuf: ${message}`);
}

/**
 * A cursor over one request body. Every read checks the buffer's end, so truncated or hostile input throws
 * `KaizenError('invalid_input')` instead of reading garbage or looping.
 */
export class WireReader {
  pos = 0;
  private readonly buffer: Buffer;
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  private byte(): number {
    const value = this.bytes[this.pos];
    if (value === undefined) throw malformed(`truncated varint at byte ${this.pos}`);
    this.pos++;
    return value;
  }

  /** A varint truncated to its low 32 bits, unsigned (tags, lengths, enums, uint32). */
  uint32(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      result |= (b & 0x7f) << shift;
      if (b < 0x80) return result >>> 0;
    }
    // Bytes 6..10 only carry high bits (a negative int32 enum is sign-extended to 10 bytes): skip them.
    for (let i = 0; i < 5; i++) if (this.byte() < 0x80) return result >>> 0;
    throw malformed(`varint longer than 10 bytes at byte ${this.pos}`);
  }

  /** A varint read as an int64 enum value (a negative enum is sign-extended): the low 32 bits, signed. */
  int32(): number {
    return this.uint32() | 0;
  }

  /** An int64 varint: a number when exactly representable, else a decimal string. */
  int64(): number | string {
    let low = 0;
    let high = 0;
    let b = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      b = this.byte();
      low |= (b & 0x7f) << shift;
      if (b < 0x80) return low >>> 0;
    }
    b = this.byte();
    low |= (b & 0x7f) << 28;
    high = (b & 0x7f) >> 4;
    if (b >= 0x80) {
      let done = false;
      for (let shift = 3; shift < 38; shift += 7) {
        b = this.byte();
        high |= (b & 0x7f) << shift;
        if (b < 0x80) {
          done = true;
          break;
        }
      }
      if (!done) throw malformed(`varint longer than 10 bytes at byte ${this.pos}`);
    }
    return int64FromBits(low >>> 0, high >>> 0);
  }

  bool(): boolean {
    return this.uint32() !== 0;
  }

  double(): number {
    this.need(8);
    const value = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return value;
  }

  /** A fixed64 (nanosecond timestamps) as a decimal string: it does not fit a double. */
  fixed64String(): string {
    this.need(8);
    const low = this.view.getUint32(this.pos, true);
    const high = this.view.getUint32(this.pos + 4, true);
    this.pos += 8;
    if (high < SAFE_HIGH_BITS) return String(high * TWO_POW_32 + low);
    return ((BigInt(high) << 32n) | BigInt(low)).toString();
  }

  /** Reads a length prefix and returns the end offset of the field it announces. */
  lengthDelimitedEnd(limit: number): number {
    const length = this.uint32();
    const end = this.pos + length;
    if (end > limit) throw malformed(`length ${length} at byte ${this.pos} runs past the end of its message`);
    return end;
  }

  /** UTF-8 text between the cursor and `end`; invalid UTF-8 is rejected, never replaced. */
  string(end: number): string {
    const start = this.pos;
    this.pos = end;
    const bytes = this.bytes;
    if (end - start < SHORT_STRING) {
      let text = '';
      for (let i = start; i < end; i++) {
        const c = bytes[i] ?? 0;
        if (c >= 0x80) return this.utf8(start, end);
        text += String.fromCharCode(c);
      }
      return text;
    }
    return this.utf8(start, end);
  }

  private utf8(start: number, end: number): string {
    if (!isUtf8(this.bytes.subarray(start, end))) throw malformed(`invalid UTF-8 in a string at byte ${start}`);
    return this.buffer.toString('utf8', start, end);
  }

  hex(start: number, end: number): string {
    return this.buffer.toString('hex', start, end);
  }

  base64(start: number, end: number): string {
    return this.buffer.toString('base64', start, end);
  }

  /** Skips one field's value of the given wire type, bounded by `limit`. */
  skip(wireType: number, limit: number): void {
    switch (wireType) {
      case WireType.varint:
        this.uint32();
        return;
      case WireType.fixed64:
        this.need(8);
        this.pos += 8;
        return;
      case WireType.lengthDelimited:
        this.pos = this.lengthDelimitedEnd(limit);
        return;
      case WireType.fixed32:
        this.need(4);
        this.pos += 4;
        return;
      default:
        throw malformed(`unsupported wire type ${wireType} at byte ${this.pos}`);
    }
  }

  /**
   * Called after a message's fields are read: a fixed64, varint or tag that started inside the message but ended
   * past `end` read bytes of the next message; only the body's end is checked while reading, so check the message's.
   */
  endMessage(end: number): void {
    if (this.pos > end) throw malformed(`a field runs past the end of its message (byte ${end})`);
  }

  /** Throws unless `wireType` is what the field's type requires. */
  expect(wireType: number, expected: number, field: string): void {
    if (wireType !== expected) {
      throw malformed(`${field} has wire type ${wireType}, expected ${expected} (at byte ${this.pos})`);
    }
  }

  private need(count: number): void {
    if (this.pos + count > this.bytes.length) throw malformed(`truncated fixed-width value at byte ${this.pos}`);
  }
}

function int64FromBits(low: number, high: number): number | string {
  if (high < SAFE_HIGH_BITS) return high * TWO_POW_32 + low;
  if (high >= 0x80000000) {
    // Negative: two's complement of the 64-bit value.
    const negLow = (~low + 1) >>> 0;
    const negHigh = (~high + (negLow === 0 ? 1 : 0)) >>> 0;
    if (negHigh < SAFE_HIGH_BITS) return -(negHigh * TWO_POW_32 + negLow);
  }
  return BigInt.asIntN(64, (BigInt(high) << 32n) | BigInt(low)).toString();
}
