// Reads protobuf KeyValue / AnyValue (opentelemetry/proto/common/v1/common.proto) into plain attribute values.
import type { AttributeValue } from '@kaizen/core';
import { MAX_ATTRIBUTE_DEPTH, SpanRejection, setAttribute } from './decode-result.js';
import { type WireReader, WireType } from './wire-reader.js';

// KeyValue
const KEY = 1;
const VALUE = 2;
// AnyValue oneof
const STRING_VALUE = 1;
const BOOL_VALUE = 2;
const INT_VALUE = 3;
const DOUBLE_VALUE = 4;
const ARRAY_VALUE = 5;
const KVLIST_VALUE = 6;
const BYTES_VALUE = 7;
// ArrayValue.values and KeyValueList.values
const VALUES = 1;

/** Reads one KeyValue ending at `end` into `target`; a later duplicate key wins. */
export function readKeyValue(
  reader: WireReader,
  end: number,
  target: Record<string, AttributeValue>,
  depth: number,
): void {
  let key = '';
  let value: AttributeValue = null;
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    const wireType = tag & 7;
    if (field === KEY) {
      reader.expect(wireType, WireType.lengthDelimited, 'KeyValue.key');
      key = reader.string(reader.lengthDelimitedEnd(end));
    } else if (field === VALUE) {
      reader.expect(wireType, WireType.lengthDelimited, 'KeyValue.value');
      const valueEnd = reader.lengthDelimitedEnd(end);
      value = readAnyValue(reader, valueEnd, depth);
      reader.pos = valueEnd;
    } else {
      reader.skip(wireType, end);
    }
  }
  reader.endMessage(end);
  setAttribute(target, key, value);
}

/** Reads an AnyValue ending at `end`. Empty means null; int64 is a number when exact, else a decimal string. */
export function readAnyValue(reader: WireReader, end: number, depth: number): AttributeValue {
  let value: AttributeValue = null;
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    const wireType = tag & 7;
    switch (field) {
      case STRING_VALUE:
        reader.expect(wireType, WireType.lengthDelimited, 'AnyValue.string_value');
        value = reader.string(reader.lengthDelimitedEnd(end));
        break;
      case BOOL_VALUE:
        reader.expect(wireType, WireType.varint, 'AnyValue.bool_value');
        value = reader.bool();
        break;
      case INT_VALUE:
        reader.expect(wireType, WireType.varint, 'AnyValue.int_value');
        value = reader.int64();
        break;
      case DOUBLE_VALUE:
        reader.expect(wireType, WireType.fixed64, 'AnyValue.double_value');
        value = reader.double();
        break;
      case ARRAY_VALUE: {
        reader.expect(wireType, WireType.lengthDelimited, 'AnyValue.array_value');
        checkDepth(depth);
        const arrayEnd = reader.lengthDelimitedEnd(end);
        value = readArrayValue(reader, arrayEnd, depth + 1);
        reader.pos = arrayEnd;
        break;
      }
      case KVLIST_VALUE: {
        reader.expect(wireType, WireType.lengthDelimited, 'AnyValue.kvlist_value');
        checkDepth(depth);
        const listEnd = reader.lengthDelimitedEnd(end);
        value = readKeyValueList(reader, listEnd, depth + 1);
        reader.pos = listEnd;
        break;
      }
      case BYTES_VALUE: {
        reader.expect(wireType, WireType.lengthDelimited, 'AnyValue.bytes_value');
        const bytesEnd = reader.lengthDelimitedEnd(end);
        value = reader.base64(reader.pos, bytesEnd);
        reader.pos = bytesEnd;
        break;
      }
      default:
        reader.skip(wireType, end);
    }
  }
  reader.endMessage(end);
  return value;
}

function readArrayValue(reader: WireReader, end: number, depth: number): AttributeValue[] {
  const values: AttributeValue[] = [];
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === VALUES) {
      reader.expect(tag & 7, WireType.lengthDelimited, 'ArrayValue.values');
      const valueEnd = reader.lengthDelimitedEnd(end);
      try {
        values.push(readAnyValue(reader, valueEnd, depth));
      } catch (error) {
        if (error instanceof SpanRejection) throw error.within(`arrayValue.values[${values.length}]`);
        throw error;
      }
      reader.pos = valueEnd;
    } else {
      reader.skip(tag & 7, end);
    }
  }
  reader.endMessage(end);
  return values;
}

function readKeyValueList(reader: WireReader, end: number, depth: number): Record<string, AttributeValue> {
  const values: Record<string, AttributeValue> = {};
  let index = 0;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === VALUES) {
      reader.expect(tag & 7, WireType.lengthDelimited, 'KeyValueList.values');
      const entryEnd = reader.lengthDelimitedEnd(end);
      try {
        readKeyValue(reader, entryEnd, values, depth);
      } catch (error) {
        if (error instanceof SpanRejection) throw error.within(`kvlistValue.values[${index}].value`);
        throw error;
      }
      reader.pos = entryEnd;
      index++;
    } else {
      reader.skip(tag & 7, end);
    }
  }
  reader.endMessage(end);
  return values;
}

function checkDepth(depth: number): void {
  if (depth >= MAX_ATTRIBUTE_DEPTH) {
    throw new SpanRejection('', `attribute values nested deeper than ${MAX_ATTRIBUTE_DEPTH} levels`);
  }
}
