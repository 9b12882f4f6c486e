// A tracer whose spans happen at another time: the demo replays "a day of production" in seconds, so each call's
// spans are stamped as if it ran at its planned moment of the last 24 hours. Durations stay the real ones.
import type {
  Attributes,
  AttributeValue,
  Context,
  Exception,
  Link,
  Span,
  SpanContext,
  SpanOptions,
  SpanStatus,
  TimeInput,
  Tracer,
} from '@opentelemetry/api';

type Clock = () => number;

const isTime = (value: unknown): value is TimeInput =>
  typeof value === 'number' || value instanceof Date || Array.isArray(value);

/**
 * Delegates to the SDK's span; end, event and exception times default to the shifted clock, because a span
 * started at an explicit time stamps them with the wall clock otherwise.
 */
class ShiftedSpan implements Span {
  constructor(
    private readonly span: Span,
    private readonly now: Clock,
  ) {}
  spanContext(): SpanContext {
    return this.span.spanContext();
  }
  setAttribute(key: string, value: AttributeValue): this {
    this.span.setAttribute(key, value);
    return this;
  }
  setAttributes(attributes: Attributes): this {
    this.span.setAttributes(attributes);
    return this;
  }
  addEvent(name: string, attributesOrTime?: Attributes | TimeInput, time?: TimeInput): this {
    if (isTime(attributesOrTime)) this.span.addEvent(name, attributesOrTime);
    else this.span.addEvent(name, attributesOrTime ?? {}, time ?? this.now());
    return this;
  }
  addLink(link: Link): this {
    this.span.addLink(link);
    return this;
  }
  addLinks(links: Link[]): this {
    this.span.addLinks(links);
    return this;
  }
  setStatus(status: SpanStatus): this {
    this.span.setStatus(status);
    return this;
  }
  updateName(name: string): this {
    this.span.updateName(name);
    return this;
  }
  end(endTime?: TimeInput): void {
    this.span.end(endTime ?? this.now());
  }
  isRecording(): boolean {
    return this.span.isRecording();
  }
  recordException(exception: Exception, time?: TimeInput): void {
    this.span.recordException(exception, time ?? this.now());
  }
}

/**
 * Spans started through the result begin `offsetMs` away from now (negative: in the past), and so do their ends
 * and events. Parents and children link as usual: the active context holds the SDK's own span.
 *
 * @example
 * const tracer = shiftTracer(kaizen.tracer, plannedAt - Date.now());
 * await extractor.generate({ ...client, tracer }, variables); // its trace starts at plannedAt
 */
export function shiftTracer(tracer: Tracer, offsetMs: number): Tracer {
  // Epoch milliseconds with the sub-millisecond part of the monotonic clock, so short spans keep their order.
  const now: Clock = () => performance.timeOrigin + performance.now() + offsetMs;
  const shifted = (options: SpanOptions | undefined): SpanOptions => ({
    ...options,
    startTime: options?.startTime ?? now(),
  });
  function startActiveSpan<F extends (span: Span) => unknown>(name: string, ...rest: unknown[]): ReturnType<F> {
    const fn = rest.pop() as F;
    const [options, context] = rest as [SpanOptions | undefined, Context | undefined];
    const wrapped = ((span: Span) => fn(new ShiftedSpan(span, now))) as F;
    return context === undefined
      ? tracer.startActiveSpan(name, shifted(options), wrapped)
      : tracer.startActiveSpan(name, shifted(options), context, wrapped);
  }
  return {
    startSpan: (name, options, context) => new ShiftedSpan(tracer.startSpan(name, shifted(options), context), now),
    startActiveSpan: startActiveSpan as Tracer['startActiveSpan'],
  };
}
