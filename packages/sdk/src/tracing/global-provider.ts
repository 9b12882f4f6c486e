// Reads the globally registered tracer provider through the public OpenTelemetry API.
import { ProxyTracerProvider, type TracerProvider, trace } from '@opentelemetry/api';

/**
 * The provider behind the global proxy: the app's SDK provider when one is registered, else the API's no-op.
 *
 * @example
 * processorListOf(currentGlobalProvider()); // the app's processors, when it registered an SDK provider
 */
export function currentGlobalProvider(): TracerProvider {
  const global = trace.getTracerProvider();
  return global instanceof ProxyTracerProvider ? global.getDelegate() : global;
}

/**
 * True when nothing is registered. An empty proxy hands out the API's no-op singleton, so a fresh proxy's
 * delegate is exactly what an unregistered global returns.
 */
export function isNothingRegistered(provider: TracerProvider): boolean {
  return provider === new ProxyTracerProvider().getDelegate();
}
