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
 * Sets a data property. An attribute named `__proto__` must stay data, not replace the object's prototype; any other
 * key becomes an own data property when assigned (Object.prototype has no other setter).
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/**
 * The span's attributes (unknown keys included) less `leftOut`, with resource, scope and events added under
 * RESERVED_ATTRIBUTE_KEYS. `leftOut` lists the content attributes whose whole content the span's input or output
 * holds (see Content), so that it is stored once.
 *
 * @example
 * spanAttributes(span)['kaizen.resource']; // { 'service.name': 'checkout', … }
 */
export function spanAttributes(span: OtlpSpan, leftOut: readonly string[] = []): Readonly<Record<string, unknown>> {
  const attributes: Record<string, unknown> = {};
  const skip = leftOut.length > 0 ? new Set(leftOut) : undefined;
  const source = span.attributes;
  for (const key of Object.keys(source)) {
    if (skip === undefined || !skip.has(key)) setOwn(attributes, key, source[key] satisfies AttributeValue | undefined);
  }
  setOwn(attributes, RESERVED_ATTRIBUTE_KEYS.resource, span.resourceAttributes);
  if (span.scopeName !== '') {
    setOwn(attributes, RESERVED_ATTRIBUTE_KEYS.scope, { name: span.scopeName, version: span.scopeVersion });
  }
  if (span.events.length > 0) {
    const events: NormalizedEvent[] = span.events.map((event) => ({
      name: event.name,
      time: nanosToIso(event.timeUnixNano),
      attributes: event.attributes,
    }));
    setOwn(attributes, RESERVED_ATTRIBUTE_KEYS.events, events);
  }
  return attributes;
}
