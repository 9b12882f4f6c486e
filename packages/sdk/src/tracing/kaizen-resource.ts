// The OpenTelemetry resource of a provider init() creates: service name and deployment environment.
import { defaultResource, type Resource, resourceFromAttributes } from '@opentelemetry/resources';

/**
 * The SDK defaults (telemetry.sdk.*, `unknown_service:node`), with the service name from the option or
 * `OTEL_SERVICE_NAME`, and the environment as `deployment.environment.name` for tools other than Kaizen.
 *
 * @example
 * kaizenResource('production', 'checkout-api').attributes['service.name']; // 'checkout-api'
 */
export function kaizenResource(environment: string, serviceName?: string): Resource {
  const name = serviceName ?? process.env.OTEL_SERVICE_NAME;
  return defaultResource().merge(
    resourceFromAttributes({
      'deployment.environment.name': environment,
      ...(name !== undefined && name !== '' ? { 'service.name': name } : {}),
    }),
  );
}
