// Decodes an OTLP/protobuf ExportTraceServiceRequest (trace/v1/trace.proto) into wire-neutral spans.
import { type Attributes, type AttributeValue, KaizenError, type OtlpEvent, type OtlpSpan } from '@kaizen/core';
import {
  type DecodeResult,
  joinPath,
  NO_ATTRIBUTES,
  NO_EVENTS,
  rejectedSpan,
  SpanRejection,
  spanPath,
} from './decode-result.js';
import { readKeyValue } from './protobuf-any-value.js';
import { spanKindFromNumber, statusCodeFromNumber } from './span-enums.js';
import { checkBinaryId, isAllZero } from './span-ids.js';
import { checkSpanTimes } from './unix-nanos.js';
import { WireReader, WireType } from './wire-reader.js';

// Field numbers, from opentelemetry-proto. ExportTraceServiceRequest / TracesData:
const RESOURCE_SPANS = 1;
// ResourceSpans (1000 held `instrumentation_library_spans` during the 0.15–0.19 deprecation, same layout):
const RESOURCE = 1;
const SCOPE_SPANS = 2;
const INSTRUMENTATION_LIBRARY_SPANS = 1000;
// Resource, InstrumentationScope:
const RESOURCE_ATTRIBUTES = 1;
const SCOPE_NAME = 1;
const SCOPE_VERSION = 2;
// ScopeSpans:
const SCOPE = 1;
const SPANS = 2;
// Span:
const TRACE_ID = 1;
const SPAN_ID = 2;
const PARENT_SPAN_ID = 4;
const NAME = 5;
const KIND = 6;
const START_TIME = 7;
const END_TIME = 8;
const ATTRIBUTES = 9;
const EVENTS = 11;
const STATUS = 15;
// Span.Event:
const EVENT_TIME = 1;
const EVENT_NAME = 2;
const EVENT_ATTRIBUTES = 3;
// Status (field 1 is reserved: the deprecated code):
const STATUS_MESSAGE = 2;
const STATUS_CODE = 3;

interface ScopeContext {
  readonly resourceAttributes: Attributes;
  scopeName: string;
  scopeVersion: string;
}

/**
 * Wire errors (truncation, bad lengths, invalid UTF-8) fail the request with `KaizenError('invalid_input')`;
 * a span with invalid ids or times is rejected alone.
 *
 * @example
 * const { spans, rejected } = decodeOtlpProtobuf(new Uint8Array(body));
 */
export function decodeOtlpProtobuf(bytes: Uint8Array): DecodeResult {
  const reader = new WireReader(bytes);
  const result: DecodeResult = { spans: [], rejected: [] };
  const end = reader.length;
  let index = 0;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === RESOURCE_SPANS) {
      reader.expect(tag & 7, WireType.lengthDelimited, 'resource_spans');
      const resourceEnd = reader.lengthDelimitedEnd(end);
      readResourceSpans(reader, resourceEnd, index++, result);
      reader.pos = resourceEnd;
    } else {
      reader.skip(tag & 7, end);
    }
  }
  return result;
}

function readResourceSpans(reader: WireReader, end: number, r: number, result: DecodeResult): void {
  // Fields may come in any order and scope spans need the resource: note their ranges, decode them after.
  const scopeRanges: number[] = [];
  let resourceAttributes: Attributes = NO_ATTRIBUTES;
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === RESOURCE) {
      reader.expect(tag & 7, WireType.lengthDelimited, 'resource');
      const resourceEnd = reader.lengthDelimitedEnd(end);
      resourceAttributes = readResource(reader, resourceEnd, r);
      reader.pos = resourceEnd;
    } else if (field === SCOPE_SPANS || field === INSTRUMENTATION_LIBRARY_SPANS) {
      reader.expect(tag & 7, WireType.lengthDelimited, 'scope_spans');
      const scopeEnd = reader.lengthDelimitedEnd(end);
      scopeRanges.push(reader.pos, scopeEnd);
      reader.pos = scopeEnd;
    } else {
      reader.skip(tag & 7, end);
    }
  }
  reader.endMessage(end);
  for (let i = 0; i < scopeRanges.length; i += 2) {
    reader.pos = scopeRanges[i] ?? 0;
    readScopeSpans(reader, scopeRanges[i + 1] ?? 0, r, i / 2, resourceAttributes, result);
  }
}

function readResource(reader: WireReader, end: number, r: number): Attributes {
  let attributes: Record<string, AttributeValue> | null = null;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === RESOURCE_ATTRIBUTES) {
      reader.expect(tag & 7, WireType.lengthDelimited, 'resource.attributes');
      const entryEnd = reader.lengthDelimitedEnd(end);
      attributes ??= {};
      try {
        readKeyValue(reader, entryEnd, attributes, 0);
      } catch (error) {
        // No single span to reject: a broken resource fails the request.
        if (error instanceof SpanRejection) throw requestError(`resourceSpans[${r}].resource.attributes`, error);
        throw error;
      }
      reader.pos = entryEnd;
    } else {
      reader.skip(tag & 7, end);
    }
  }
  reader.endMessage(end);
  return attributes ?? NO_ATTRIBUTES;
}

function readScopeSpans(
  reader: WireReader,
  end: number,
  r: number,
  s: number,
  resourceAttributes: Attributes,
  result: DecodeResult,
): void {
  const spanRanges: number[] = [];
  const context: ScopeContext = { resourceAttributes, scopeName: '', scopeVersion: '' };
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === SCOPE) {
      reader.expect(tag & 7, WireType.lengthDelimited, 'scope');
      const scopeEnd = reader.lengthDelimitedEnd(end);
      readScope(reader, scopeEnd, context);
      reader.pos = scopeEnd;
    } else if (field === SPANS) {
      reader.expect(tag & 7, WireType.lengthDelimited, 'spans');
      const spanEnd = reader.lengthDelimitedEnd(end);
      spanRanges.push(reader.pos, spanEnd);
      reader.pos = spanEnd;
    } else {
      reader.skip(tag & 7, end);
    }
  }
  reader.endMessage(end);
  for (let i = 0; i < spanRanges.length; i += 2) {
    const spanEnd = spanRanges[i + 1] ?? 0;
    reader.pos = spanRanges[i] ?? 0;
    try {
      result.spans.push(readSpan(reader, spanEnd, context));
    } catch (error) {
      if (!(error instanceof SpanRejection)) throw error;
      result.rejected.push(rejectedSpan(spanPath(r, s, i / 2), error));
    }
    reader.pos = spanEnd;
  }
}

function readScope(reader: WireReader, end: number, context: ScopeContext): void {
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === SCOPE_NAME) {
      reader.expect(tag & 7, WireType.lengthDelimited, 'scope.name');
      context.scopeName = reader.string(reader.lengthDelimitedEnd(end));
    } else if (field === SCOPE_VERSION) {
      reader.expect(tag & 7, WireType.lengthDelimited, 'scope.version');
      context.scopeVersion = reader.string(reader.lengthDelimitedEnd(end));
    } else {
      reader.skip(tag & 7, end);
    }
  }
  reader.endMessage(end);
}

function readSpan(reader: WireReader, end: number, context: ScopeContext): OtlpSpan {
  let traceStart = 0;
  let traceEnd = 0;
  let spanStart = 0;
  let spanEnd = 0;
  let parentStart = 0;
  let parentEnd = 0;
  let name = '';
  let kind = 0;
  let startTimeUnixNano = '0';
  let endTimeUnixNano = '0';
  let attributes: Record<string, AttributeValue> | null = null;
  let attributeCount = 0;
  let events: OtlpEvent[] | null = null;
  let statusCode = 0;
  let statusMessage = '';
  while (reader.pos < end) {
    const tag = reader.uint32();
    const wireType = tag & 7;
    switch (tag >>> 3) {
      case TRACE_ID:
        reader.expect(wireType, WireType.lengthDelimited, 'trace_id');
        traceEnd = reader.lengthDelimitedEnd(end);
        traceStart = reader.pos;
        reader.pos = traceEnd;
        break;
      case SPAN_ID:
        reader.expect(wireType, WireType.lengthDelimited, 'span_id');
        spanEnd = reader.lengthDelimitedEnd(end);
        spanStart = reader.pos;
        reader.pos = spanEnd;
        break;
      case PARENT_SPAN_ID:
        reader.expect(wireType, WireType.lengthDelimited, 'parent_span_id');
        parentEnd = reader.lengthDelimitedEnd(end);
        parentStart = reader.pos;
        reader.pos = parentEnd;
        break;
      case NAME:
        reader.expect(wireType, WireType.lengthDelimited, 'name');
        name = reader.string(reader.lengthDelimitedEnd(end));
        break;
      case KIND:
        reader.expect(wireType, WireType.varint, 'kind');
        kind = spanKindFromNumber(reader.int32());
        break;
      case START_TIME:
        reader.expect(wireType, WireType.fixed64, 'start_time_unix_nano');
        startTimeUnixNano = reader.fixed64String();
        break;
      case END_TIME:
        reader.expect(wireType, WireType.fixed64, 'end_time_unix_nano');
        endTimeUnixNano = reader.fixed64String();
        break;
      case ATTRIBUTES: {
        reader.expect(wireType, WireType.lengthDelimited, 'attributes');
        const entryEnd = reader.lengthDelimitedEnd(end);
        attributes ??= {};
        try {
          readKeyValue(reader, entryEnd, attributes, 0);
        } catch (error) {
          if (error instanceof SpanRejection) throw error.within(`attributes[${attributeCount}].value`);
          throw error;
        }
        attributeCount++;
        reader.pos = entryEnd;
        break;
      }
      case EVENTS: {
        reader.expect(wireType, WireType.lengthDelimited, 'events');
        const eventEnd = reader.lengthDelimitedEnd(end);
        events ??= [];
        try {
          events.push(readEvent(reader, eventEnd));
        } catch (error) {
          if (error instanceof SpanRejection) throw error.within(`events[${events.length}]`);
          throw error;
        }
        reader.pos = eventEnd;
        break;
      }
      case STATUS: {
        reader.expect(wireType, WireType.lengthDelimited, 'status');
        const statusEnd = reader.lengthDelimitedEnd(end);
        while (reader.pos < statusEnd) {
          const statusTag = reader.uint32();
          if (statusTag >>> 3 === STATUS_CODE) {
            reader.expect(statusTag & 7, WireType.varint, 'status.code');
            statusCode = statusCodeFromNumber(reader.int32());
          } else if (statusTag >>> 3 === STATUS_MESSAGE) {
            reader.expect(statusTag & 7, WireType.lengthDelimited, 'status.message');
            statusMessage = reader.string(reader.lengthDelimitedEnd(statusEnd));
          } else {
            reader.skip(statusTag & 7, statusEnd);
          }
        }
        reader.endMessage(statusEnd);
        break;
      }
      default:
        reader.skip(wireType, end);
    }
  }
  reader.endMessage(end);
  checkBinaryId(reader.bytes, traceStart, traceEnd, 16, 'traceId');
  checkBinaryId(reader.bytes, spanStart, spanEnd, 8, 'spanId');
  let parentSpanId: string | null = null;
  if (parentEnd > parentStart && !isAllZero(reader.bytes, parentStart, parentEnd)) {
    checkBinaryId(reader.bytes, parentStart, parentEnd, 8, 'parentSpanId');
    parentSpanId = reader.hex(parentStart, parentEnd);
  }
  if (name === '') throw new SpanRejection('name', 'required (a non-empty string)');
  checkSpanTimes(startTimeUnixNano, endTimeUnixNano);
  return {
    traceId: reader.hex(traceStart, traceEnd),
    spanId: reader.hex(spanStart, spanEnd),
    parentSpanId,
    name,
    kind,
    startTimeUnixNano,
    endTimeUnixNano,
    attributes: attributes ?? NO_ATTRIBUTES,
    events: events ?? NO_EVENTS,
    statusCode,
    statusMessage,
    resourceAttributes: context.resourceAttributes,
    scopeName: context.scopeName,
    scopeVersion: context.scopeVersion,
  };
}

function readEvent(reader: WireReader, end: number): OtlpEvent {
  let timeUnixNano = '0';
  let name = '';
  let attributes: Record<string, AttributeValue> | null = null;
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === EVENT_TIME) {
      reader.expect(tag & 7, WireType.fixed64, 'event.time_unix_nano');
      timeUnixNano = reader.fixed64String();
    } else if (field === EVENT_NAME) {
      reader.expect(tag & 7, WireType.lengthDelimited, 'event.name');
      name = reader.string(reader.lengthDelimitedEnd(end));
    } else if (field === EVENT_ATTRIBUTES) {
      reader.expect(tag & 7, WireType.lengthDelimited, 'event.attributes');
      const entryEnd = reader.lengthDelimitedEnd(end);
      attributes ??= {};
      try {
        readKeyValue(reader, entryEnd, attributes, 0);
      } catch (error) {
        if (error instanceof SpanRejection) throw error.within('attributes');
        throw error;
      }
      reader.pos = entryEnd;
    } else {
      reader.skip(tag & 7, end);
    }
  }
  reader.endMessage(end);
  return { name, timeUnixNano, attributes: attributes ?? NO_ATTRIBUTES };
}

function requestError(path: string, error: SpanRejection): Error {
  return new KaizenError('invalid_input', `${joinPath(path, error.field)}: ${error.problem}`);
}
