// The wire-neutral form of one OTLP span: what the JSON and protobuf decoders both produce and the normaliser reads.

/**
 * An OTLP AnyValue, decoded. 64-bit integers become numbers when they fit in a double exactly, and decimal
 * strings otherwise (protobuf `int64`, JSON strings); bytes become base64 strings; kvlists become plain objects.
 */
export type AttributeValue =
  | string
  | number
  | boolean
  | null
  | readonly AttributeValue[]
  | { readonly [key: string]: AttributeValue };

export type Attributes = Readonly<Record<string, AttributeValue>>;

/** OTLP SpanKind enum values. */
export const OtlpSpanKind = {
  unspecified: 0,
  internal: 1,
  server: 2,
  client: 3,
  producer: 4,
  consumer: 5,
} as const;

/** OTLP Status.code enum values. */
export const OtlpStatusCode = { unset: 0, ok: 1, error: 2 } as const;

export interface OtlpEvent {
  readonly name: string;
  /** Nanoseconds since the Unix epoch, as a decimal string (it does not fit a double). */
  readonly timeUnixNano: string;
  readonly attributes: Attributes;
}

export interface OtlpSpan {
  /** 32 lowercase hex characters. */
  readonly traceId: string;
  /** 16 lowercase hex characters. */
  readonly spanId: string;
  /** 16 lowercase hex characters, or null for a root span. */
  readonly parentSpanId: string | null;
  readonly name: string;
  /** OtlpSpanKind value. */
  readonly kind: number;
  /** Nanoseconds since the Unix epoch, as a decimal string. */
  readonly startTimeUnixNano: string;
  readonly endTimeUnixNano: string;
  readonly attributes: Attributes;
  readonly events: readonly OtlpEvent[];
  /** OtlpStatusCode value. */
  readonly statusCode: number;
  readonly statusMessage: string;
  readonly resourceAttributes: Attributes;
  readonly scopeName: string;
  readonly scopeVersion: string;
}
