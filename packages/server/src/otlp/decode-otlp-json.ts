// Decodes an OTLP/JSON ExportTraceServiceRequest into wire-neutral spans, rejecting invalid spans one by one.
import { type Attributes, KaizenError, type OtlpEvent, type OtlpSpan } from '@kaizen/core';
import {
  type DecodeResult,
  joinPath,
  NO_ATTRIBUTES,
  NO_EVENTS,
  rejectedSpan,
  SpanRejection,
  spanPath,
} from './decode-result.js';
import { isJsonObject, jsonAttributes } from './json-any-value.js';
import { jsonSpanKind, jsonStatusCode } from './span-enums.js';
import { jsonId, jsonParentId } from './span-ids.js';
import { checkSpanTimes, jsonUnixNano } from './unix-nanos.js';

type JsonObject = Record<string, unknown>;

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

function invalid(message: string): KaizenError {
  return new KaizenError('invalid_input', message);
}

/**
 * @example
 * const { spans, rejected } = decodeOtlpJson('{"resourceSpans":[…]}');
 */
export function decodeOtlpJson(body: Uint8Array | string): DecodeResult {
  let text: string;
  if (typeof body === 'string') {
    text = body;
  } else {
    try {
      text = fatalUtf8.decode(body);
    } catch {
      throw invalid('invalid JSON: the body is not valid UTF-8');
    }
  }
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch (error) {
    throw invalid(`invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isJsonObject(request)) throw invalid('invalid OTLP/JSON: expected an ExportTraceServiceRequest object');
  const result: DecodeResult = { spans: [], rejected: [] };
  const resourceSpans = request.resourceSpans;
  if (resourceSpans === undefined || resourceSpans === null) return result;
  if (!Array.isArray(resourceSpans)) throw invalid('resourceSpans: expected an array');
  for (let r = 0; r < resourceSpans.length; r++) decodeResourceSpans(resourceSpans[r], r, result);
  return result;
}

function decodeResourceSpans(value: unknown, r: number, result: DecodeResult): void {
  const path = `resourceSpans[${r}]`;
  if (!isJsonObject(value)) throw invalid(`${path}: expected an object`);
  let resourceAttributes: Attributes = NO_ATTRIBUTES;
  const resource = value.resource;
  if (resource !== undefined && resource !== null) {
    if (!isJsonObject(resource)) throw invalid(`${path}.resource: expected an object`);
    resourceAttributes = requestLevel(`${path}.resource.attributes`, () => jsonAttributes(resource.attributes, 0));
  }
  // `instrumentationLibrarySpans` is the pre-1.0 name of `scopeSpans` (same shape), still sent by old SDKs.
  const scopeSpans = value.scopeSpans ?? value.instrumentationLibrarySpans;
  if (scopeSpans === undefined || scopeSpans === null) return;
  if (!Array.isArray(scopeSpans)) throw invalid(`${path}.scopeSpans: expected an array`);
  for (let s = 0; s < scopeSpans.length; s++) {
    const scopeSpan: unknown = scopeSpans[s];
    const scopePath = `${path}.scopeSpans[${s}]`;
    if (!isJsonObject(scopeSpan)) throw invalid(`${scopePath}: expected an object`);
    const scope = scopeSpan.scope ?? scopeSpan.instrumentationLibrary;
    let scopeName = '';
    let scopeVersion = '';
    if (isJsonObject(scope)) {
      if (typeof scope.name === 'string') scopeName = scope.name;
      if (typeof scope.version === 'string') scopeVersion = scope.version;
    }
    const spans = scopeSpan.spans;
    if (spans === undefined || spans === null) continue;
    if (!Array.isArray(spans)) throw invalid(`${scopePath}.spans: expected an array`);
    const context: SpanContext = { resourceAttributes, scopeName, scopeVersion };
    for (let i = 0; i < spans.length; i++) {
      try {
        result.spans.push(decodeSpan(spans[i], context));
      } catch (error) {
        if (!(error instanceof SpanRejection)) throw error;
        result.rejected.push(rejectedSpan(spanPath(r, s, i), error));
      }
    }
  }
}

interface SpanContext {
  readonly resourceAttributes: Attributes;
  readonly scopeName: string;
  readonly scopeVersion: string;
}

function decodeSpan(span: unknown, context: SpanContext): OtlpSpan {
  if (!isJsonObject(span)) throw new SpanRejection('', 'expected a span object');
  const traceId = jsonId(span.traceId, 16, 'traceId');
  const spanId = jsonId(span.spanId, 8, 'spanId');
  const parentSpanId = jsonParentId(span.parentSpanId, 'parentSpanId');
  const name = span.name;
  if (typeof name !== 'string' || name === '') throw new SpanRejection('name', 'required (a non-empty string)');
  const startTimeUnixNano = jsonUnixNano(span.startTimeUnixNano, 'startTimeUnixNano');
  const endTimeUnixNano = jsonUnixNano(span.endTimeUnixNano, 'endTimeUnixNano');
  checkSpanTimes(startTimeUnixNano, endTimeUnixNano);
  let attributes: Attributes;
  try {
    attributes = jsonAttributes(span.attributes, 0);
  } catch (error) {
    if (error instanceof SpanRejection) throw error.within('attributes');
    throw error;
  }
  let statusCode = 0;
  let statusMessage = '';
  const status = span.status;
  if (isJsonObject(status)) {
    statusCode = jsonStatusCode(status.code);
    if (typeof status.message === 'string') statusMessage = status.message;
  }
  return {
    traceId,
    spanId,
    parentSpanId,
    name,
    kind: jsonSpanKind(span.kind),
    startTimeUnixNano,
    endTimeUnixNano,
    attributes,
    events: decodeEvents(span.events),
    statusCode,
    statusMessage,
    resourceAttributes: context.resourceAttributes,
    scopeName: context.scopeName,
    scopeVersion: context.scopeVersion,
  };
}

function decodeEvents(events: unknown): readonly OtlpEvent[] {
  if (events === undefined || events === null) return NO_EVENTS;
  if (!Array.isArray(events)) throw new SpanRejection('events', 'expected an array');
  if (events.length === 0) return NO_EVENTS;
  const result: OtlpEvent[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const event: unknown = events[i];
    if (!isJsonObject(event)) throw new SpanRejection(`events[${i}]`, 'expected an object');
    try {
      result[i] = decodeEvent(event);
    } catch (error) {
      if (error instanceof SpanRejection) throw error.within(`events[${i}]`);
      throw error;
    }
  }
  return result;
}

function decodeEvent(event: JsonObject): OtlpEvent {
  const timeUnixNano = jsonUnixNano(event.timeUnixNano, 'timeUnixNano');
  let attributes: Attributes;
  try {
    attributes = jsonAttributes(event.attributes, 0);
  } catch (error) {
    if (error instanceof SpanRejection) throw error.within('attributes');
    throw error;
  }
  return { name: typeof event.name === 'string' ? event.name : '', timeUnixNano, attributes };
}

/** Resource attributes belong to no single span: a problem there fails the request. */
function requestLevel<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SpanRejection) {
      throw invalid(`${joinPath(path, error.field)}: ${error.problem}`);
    }
    throw error;
  }
}
