// What both OTLP decoders return: the valid spans, and the spans rejected one by one (OTLP partial success).
import type { Attributes, AttributeValue, OtlpEvent, OtlpSpan } from '@kaizen/core';

export interface RejectedSpan {
  /** The span and the offending field, e.g. `resourceSpans[0].scopeSpans[1].spans[3].traceId`. */
  readonly path: string;
  /** What is wrong with it: `expected 32 hex characters`. */
  readonly reason: string;
}

export interface DecodeResult {
  readonly spans: OtlpSpan[];
  readonly rejected: RejectedSpan[];
}

/** AnyValue nesting deeper than this is hostile or broken; no instrumentation nests attributes that far. */
export const MAX_ATTRIBUTE_DEPTH = 32;

/** Shared by every span without events, so a batch of plain spans allocates no empty arrays. */
export const NO_EVENTS: readonly OtlpEvent[] = Object.freeze([]);

/** Shared by spans and events without attributes. */
export const NO_ATTRIBUTES: Attributes = Object.freeze({});

/**
 * Sets an attribute on a plain object. A key named `__proto__` (hostile or not) must stay a data property instead
 * of replacing the object's prototype; the check costs one comparison per attribute.
 */
export function setAttribute(target: Record<string, AttributeValue>, key: string, value: AttributeValue): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/**
 * Thrown inside one span's decoding for a problem that invalidates that span only; the decoder catches it,
 * records the span as rejected and goes on with the next one. Problems with the request as a whole throw
 * `KaizenError('invalid_input')` instead and fail the request. The field path is built on the way out (see
 * `within`), so the hot path never formats paths for valid input.
 */
export class SpanRejection extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }

  /** The same problem, one level further out: `within('attributes[2]')` turns `value` into `attributes[2].value`. */
  within(prefix: string): SpanRejection {
    return new SpanRejection(joinPath(prefix, this.field), this.problem);
  }
}

/** `a` + `b` as a field path: `attributes` + `[2].value` is `attributes[2].value`. */
export function joinPath(a: string, b: string): string {
  if (b === '') return a;
  if (a === '') return b;
  return b.startsWith('[') ? `${a}${b}` : `${a}.${b}`;
}

export function rejectedSpan(path: string, error: SpanRejection): RejectedSpan {
  return { path: joinPath(path, error.field), reason: error.problem };
}

/** `resourceSpans[0].scopeSpans[1].spans[3]` */
export function spanPath(resourceIndex: number, scopeIndex: number, spanIndex: number): string {
  return `resourceSpans[${resourceIndex}].scopeSpans[${scopeIndex}].spans[${spanIndex}]`;
}

const MAX_REASONS_IN_MESSAGE = 5;

/** The `error_message` of a partial success: how many, and the first few reasons with their paths. */
export function describeRejections(rejected: readonly RejectedSpan[]): string {
  const shown = rejected.slice(0, MAX_REASONS_IN_MESSAGE).map((span) => `${span.path}: ${span.reason}`);
  const more = rejected.length > shown.length ? `; and ${rejected.length - shown.length} more` : '';
  const noun = rejected.length === 1 ? 'span' : 'spans';
  return `${rejected.length} ${noun} rejected: ${shown.join('; ')}${more}`;
}
