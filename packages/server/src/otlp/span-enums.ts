// Span kind and status code: integers on the wire; OTLP/JSON may also spell them as enum names.
import { OtlpSpanKind, OtlpStatusCode } from '@kaizen/core';
import { SpanRejection } from './decode-result.js';

const KIND_NAMES: Readonly<Record<string, number>> = {
  SPAN_KIND_UNSPECIFIED: OtlpSpanKind.unspecified,
  SPAN_KIND_INTERNAL: OtlpSpanKind.internal,
  SPAN_KIND_SERVER: OtlpSpanKind.server,
  SPAN_KIND_CLIENT: OtlpSpanKind.client,
  SPAN_KIND_PRODUCER: OtlpSpanKind.producer,
  SPAN_KIND_CONSUMER: OtlpSpanKind.consumer,
};

const STATUS_NAMES: Readonly<Record<string, number>> = {
  STATUS_CODE_UNSET: OtlpStatusCode.unset,
  STATUS_CODE_OK: OtlpStatusCode.ok,
  STATUS_CODE_ERROR: OtlpStatusCode.error,
};

/** Proto3 keeps unknown enum values; we read them as unspecified rather than drop the span. */
export function spanKindFromNumber(value: number): number {
  return value >= OtlpSpanKind.unspecified && value <= OtlpSpanKind.consumer ? value : OtlpSpanKind.unspecified;
}

export function statusCodeFromNumber(value: number): number {
  return value >= OtlpStatusCode.unset && value <= OtlpStatusCode.error ? value : OtlpStatusCode.unset;
}

export function jsonSpanKind(value: unknown): number {
  if (value === undefined || value === null) return OtlpSpanKind.unspecified;
  if (typeof value === 'number' && Number.isInteger(value)) return spanKindFromNumber(value);
  if (typeof value === 'string') {
    const kind = KIND_NAMES[value];
    if (kind !== undefined) return kind;
  }
  throw new SpanRejection('kind', 'expected a SpanKind number or SPAN_KIND_* name');
}

export function jsonStatusCode(value: unknown): number {
  if (value === undefined || value === null) return OtlpStatusCode.unset;
  if (typeof value === 'number' && Number.isInteger(value)) return statusCodeFromNumber(value);
  if (typeof value === 'string') {
    const code = STATUS_NAMES[value];
    if (code !== undefined) return code;
  }
  throw new SpanRejection('status.code', 'expected a StatusCode number or STATUS_CODE_* name');
}
