// Registers a provider globally with only the pieces the app lacks, and undoes exactly that on shutdown.
import { context, createContextKey, propagation, ROOT_CONTEXT, type TracerProvider, trace } from '@opentelemetry/api';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { currentGlobalProvider } from './global-provider.js';

const OWNED = Symbol.for('kaizen.registeredProvider');

interface Ownership {
  readonly contextManager: boolean;
  readonly propagator: boolean;
}

const PROBE = createContextKey('kaizen.probe');

/** The no-op context manager ignores `with`: a value set there is only seen back when a real manager is active. */
function hasContextManager(): boolean {
  return context.with(ROOT_CONTEXT.setValue(PROBE, true), () => context.active().getValue(PROBE) === true);
}

/**
 * Registers `provider` as the global tracer provider, plus an AsyncLocalStorage context manager (parent/child
 * spans across `await`) and W3C propagators when the app has none. Registering over existing ones would fail
 * anyway (the API refuses duplicates) and leak an enabled context manager.
 *
 * @example
 * registerProvider(new NodeTracerProvider({ spanProcessors: [processor] }));
 */
export function registerProvider(provider: NodeTracerProvider): void {
  const owned: Ownership = { contextManager: !hasContextManager(), propagator: propagation.fields().length === 0 };
  // Left out: register the default; null: leave the existing one alone.
  provider.register({
    ...(owned.contextManager ? {} : { contextManager: null }),
    ...(owned.propagator ? {} : { propagator: null }),
  });
  (provider as { [OWNED]?: Ownership })[OWNED] = owned;
}

/**
 * Undoes registerProvider for a provider it registered (and does nothing for any other): the global provider,
 * the context manager and propagator it added, then shuts the provider down.
 */
export async function unregisterProvider(provider: TracerProvider): Promise<void> {
  const holder = provider as { [OWNED]?: Ownership };
  const owned = holder[OWNED];
  if (owned === undefined) return;
  delete holder[OWNED];
  if (currentGlobalProvider() === provider) trace.disable();
  if (owned.contextManager) context.disable();
  if (owned.propagator) propagation.disable();
  await (provider as NodeTracerProvider).shutdown();
}
