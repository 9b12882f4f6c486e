// Reads OTLP/JSON AnyValue and KeyValue lists into plain attribute values.
import type { Attributes, AttributeValue } from '@kaizen/core';
import { MAX_ATTRIBUTE_DEPTH, NO_ATTRIBUTES, SpanRejection, setAttribute } from './decode-result.js';

type JsonObject = Record<string, unknown>;

const INTEGER = /^-?\d{1,20}$/;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `[{key, value}]` list as an object; a later duplicate key wins. Throws SpanRejection naming the entry. */
export function jsonAttributes(list: unknown, depth: number): Attributes {
  if (list === undefined || list === null) return NO_ATTRIBUTES;
  if (!Array.isArray(list)) throw new SpanRejection('', 'expected an array of {key, value}');
  if (list.length === 0) return NO_ATTRIBUTES;
  const result: Record<string, AttributeValue> = {};
  for (let i = 0; i < list.length; i++) {
    const entry: unknown = list[i];
    if (!isJsonObject(entry) || typeof entry.key !== 'string') {
      throw new SpanRejection(`[${i}]`, 'expected {key: string, value: AnyValue}');
    }
    try {
      setAttribute(result, entry.key, jsonAnyValue(entry.value, depth));
    } catch (error) {
      if (error instanceof SpanRejection) throw error.within(`[${i}].value`);
      throw error;
    }
  }
  return result;
}

/** One AnyValue: `{stringValue}`, `{intValue}`, … An empty or unknown-shaped value is null (unknown fields are ignored). */
export function jsonAnyValue(value: unknown, depth: number): AttributeValue {
  if (value === undefined || value === null) return null;
  if (!isJsonObject(value)) throw new SpanRejection('', 'expected an AnyValue object');
  const text = value.stringValue;
  if (text !== undefined && text !== null) {
    if (typeof text !== 'string') throw new SpanRejection('stringValue', 'expected a string');
    return text;
  }
  const integer = value.intValue;
  if (integer !== undefined && integer !== null) return jsonInt(integer);
  const double = value.doubleValue;
  if (double !== undefined && double !== null) return jsonDouble(double);
  const bool = value.boolValue;
  if (bool !== undefined && bool !== null) {
    if (typeof bool !== 'boolean') throw new SpanRejection('boolValue', 'expected a boolean');
    return bool;
  }
  if (depth >= MAX_ATTRIBUTE_DEPTH) {
    if (value.arrayValue !== undefined || value.kvlistValue !== undefined) {
      throw new SpanRejection('', `attribute values nested deeper than ${MAX_ATTRIBUTE_DEPTH} levels`);
    }
  }
  const array = value.arrayValue;
  if (array !== undefined && array !== null) return jsonArray(array, depth + 1);
  const kvlist = value.kvlistValue;
  if (kvlist !== undefined && kvlist !== null) {
    if (!isJsonObject(kvlist)) throw new SpanRejection('kvlistValue', 'expected {values: [...]}');
    try {
      return jsonAttributes(kvlist.values, depth + 1);
    } catch (error) {
      if (error instanceof SpanRejection) throw error.within('kvlistValue.values');
      throw error;
    }
  }
  const bytes = value.bytesValue;
  if (bytes !== undefined && bytes !== null) {
    // OTLP/JSON bytes are base64 already, which is how we keep them.
    if (typeof bytes !== 'string') throw new SpanRejection('bytesValue', 'expected a base64 string');
    return bytes;
  }
  return null;
}

function jsonArray(array: unknown, depth: number): AttributeValue {
  if (!isJsonObject(array)) throw new SpanRejection('arrayValue', 'expected {values: [...]}');
  const values = array.values;
  if (values === undefined || values === null) return [];
  if (!Array.isArray(values)) throw new SpanRejection('arrayValue.values', 'expected an array');
  const result: AttributeValue[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    try {
      result[i] = jsonAnyValue(values[i], depth);
    } catch (error) {
      if (error instanceof SpanRejection) throw error.within(`arrayValue.values[${i}]`);
      throw error;
    }
  }
  return result;
}

/** int64 arrives as a JSON number (most JS exporters) or a decimal string (the spec): a number when exact. */
function jsonInt(value: unknown): number | string {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new SpanRejection('intValue', 'expected an integer');
    return value;
  }
  if (typeof value === 'string' && INTEGER.test(value)) {
    const number = Number(value);
    if (Number.isSafeInteger(number)) return number;
    const big = BigInt(value);
    if (big > 9223372036854775807n || big < -9223372036854775808n)
      throw new SpanRejection('intValue', 'exceeds 64 bits');
    return big.toString();
  }
  throw new SpanRejection('intValue', 'expected an integer');
}

/** Protobuf JSON writes non-finite doubles as the strings "NaN", "Infinity" and "-Infinity". */
function jsonDouble(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (value === 'NaN') return Number.NaN;
    if (value === 'Infinity') return Number.POSITIVE_INFINITY;
    if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
    const number = Number(value);
    if (value.trim() !== '' && !Number.isNaN(number)) return number;
  }
  throw new SpanRejection('doubleValue', 'expected a number');
}
