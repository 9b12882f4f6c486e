// Builds the raw `attributes` of a normalised span: every span attribute as received, plus resource, scope, events.
import { nanosToIso } from './format-time.js';
import type { Attributes, AttributeValue, OtlpSpan } from './otlp-span.js';

/**
 * Keys under which the normaliser stores what is not a span attribute. They live in Kaizen's own `kaizen.` namespace,
 * which no other instrumentation writes, so they cannot collide with real attributes of other conventions; Kaizen's
 * SDK never sets them on spans. If an incoming span does carry one of them, the normaliser's value replaces it.
 */
export const RESERVED_ATTRIBUTE_KEYS = {
  /** The resource attributes object (service.name, deployment.environment.name, …). Always present. */
  resource: 'kaizen.resource',
  /** `{ name, version }` of the instrumentation scope; present when the scope has a name. */
  scope: 'kaizen.scope',
  /** `[{ name, time (ISO), attributes }]` of the span events; present when there are events. */
  events: 'kaizen.events',
} as const;

export interface NormalizedEvent {
  readonly name: string;
  readonly time: string;
  readonly attributes: Attributes;
}

/**
 * The span's attributes untouched (unknown keys included), with resource, scope and events added under
 * RESERVED_ATTRIBUTE_KEYS.
 *
 * @example
 * spanAttributes(span)['kaizen.resource']; // { 'service.name': 'checkout', … }
 */
export function spanAttributes(span: OtlpSpan): Readonly<Record<string, unknown>> {
  const attributes: Record<string, unknown> = {};
  // defineProperty: an attribute named `__proto__` must stay data, not replace the object's prototype.
  const set = (key: string, value: unknown): void => {
    Object.defineProperty(attributes, key, { value, enumerable: true, writable: true, configurable: true });
  };
  for (const [key, value] of Object.entries(span.attributes)) set(key, value satisfies AttributeValue);
  set(RESERVED_ATTRIBUTE_KEYS.resource, span.resourceAttributes);
  if (span.scopeName !== '') {
    set(RESERVED_ATTRIBUTE_KEYS.scope, { name: span.scopeName, version: span.scopeVersion });
  }
  if (span.events.length > 0) {
    const events: NormalizedEvent[] = span.events.map((event) => ({
      name: event.name,
      time: nanosToIso(event.timeUnixNano),
      attributes: event.attributes,
    }));
    set(RESERVED_ATTRIBUTE_KEYS.events, events);
  }
  return attributes;
}
