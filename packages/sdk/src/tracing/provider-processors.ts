// Reaches the span processor list of an OpenTelemetry SDK tracer provider, which has no public way to add one.
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * OTel JS 2.x takes processors in the constructor only. Its TracerProvider keeps them in
 * `_activeSpanProcessor._spanProcessors` (a MultiSpanProcessor that every tracer of the provider calls, reading
 * the array on each span); 1.x named the field `activeSpanProcessor` around the same list. Both are private, so
 * this is checked structurally and every caller has a fallback for when it is absent.
 */
interface MultiSpanProcessorShape {
  readonly _spanProcessors: SpanProcessor[];
}

function isProcessorList(value: unknown): value is MultiSpanProcessorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { _spanProcessors?: unknown })._spanProcessors)
  );
}

/**
 * The live processor array of an SDK provider, or undefined when the provider does not have that shape (another
 * SDK, a future OTel version, a wrapper). Mutating it changes what the provider's tracers call.
 *
 * @example
 * const processors = processorListOf(provider);
 * if (processors) processors.push(kaizenProcessor);
 */
export function processorListOf(provider: unknown): SpanProcessor[] | undefined {
  if (typeof provider !== 'object' || provider === null) return undefined;
  const holder = provider as { _activeSpanProcessor?: unknown; activeSpanProcessor?: unknown };
  const active = holder._activeSpanProcessor ?? holder.activeSpanProcessor;
  return isProcessorList(active) ? active._spanProcessors : undefined;
}

/**
 * Removes one processor in place (the array is shared with the provider, so it must not be replaced).
 *
 * @example
 * removeProcessor(processorListOf(provider) ?? [], kaizenProcessor);
 */
export function removeProcessor(processors: SpanProcessor[], processor: SpanProcessor): boolean {
  const index = processors.indexOf(processor);
  if (index === -1) return false;
  processors.splice(index, 1);
  return true;
}
