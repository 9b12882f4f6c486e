// Maps the OTLP status (and error details found elsewhere on the span) to Kaizen's ok/error.
import { type OtlpSpan, OtlpStatusCode } from './otlp-span.js';
import { firstText } from './read-attributes.js';
import type { SpanStatus } from './span.js';

function exceptionMessage(span: OtlpSpan): string | undefined {
  for (const event of span.events) {
    if (event.name !== 'exception') continue;
    const message = firstText(event.attributes, ['exception.message', 'exception.type']);
    if (message !== undefined) return message;
  }
  return undefined;
}

/**
 * `error` only for status code ERROR (2); UNSET and OK are both `ok`, as OTLP intends. An error's message is the
 * status message, else the `exception` event's message (more telling than a type), else `error.type`, else null.
 * An ok span has no message.
 *
 * @example
 * resolveStatus(span); // { status: 'error', statusMessage: '429 Rate limit reached for gpt-4o-mini' }
 */
export function resolveStatus(span: OtlpSpan): { status: SpanStatus; statusMessage: string | null } {
  if (span.statusCode !== OtlpStatusCode.error) return { status: 'ok', statusMessage: null };
  const ownMessage =
    typeof span.statusMessage === 'string' && span.statusMessage.trim() !== '' ? span.statusMessage : undefined;
  const message = ownMessage ?? exceptionMessage(span) ?? firstText(span.attributes, ['error.type']);
  return { status: 'error', statusMessage: message ?? null };
}
