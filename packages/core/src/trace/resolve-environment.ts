// Finds the deployment environment of a span, on the span or on its resource.
import type { OtlpSpan } from './otlp-span.js';
import { asText, field } from './read-attributes.js';

/** Most specific first: Kaizen's own key, then Langfuse's, then the OTel semconv key and its deprecated name. */
const ENVIRONMENT_KEYS = [
  'kaizen.environment',
  'langfuse.environment',
  'deployment.environment.name',
  'deployment.environment',
] as const;

/**
 * The environment, or null. Each key is looked up on the span, then on the resource, before the next key: an
 * explicit `kaizen.environment` on the resource beats a generic `deployment.environment.name` on the span.
 *
 * @example
 * resolveEnvironment(span); // 'production' from resource attribute deployment.environment.name
 */
export function resolveEnvironment(span: OtlpSpan): string | null {
  for (const key of ENVIRONMENT_KEYS) {
    const value = asText(field(span.attributes, key)) ?? asText(field(span.resourceAttributes, key));
    if (value !== undefined) return value;
  }
  return null;
}
