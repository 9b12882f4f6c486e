// Puts Kaizen's span processor where the app's spans flow: into its tracer provider, or a new registered one.

import type { Tracer, TracerProvider } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { KaizenLogger } from '../logger.js';
import { currentGlobalProvider, isNothingRegistered } from './global-provider.js';
import { kaizenResource } from './kaizen-resource.js';
import { KaizenSpanProcessor } from './kaizen-span-processor.js';
import { processorListOf, removeProcessor } from './provider-processors.js';
import { registerProvider, unregisterProvider } from './register-provider.js';

export const TRACER_NAME = '@kaizen/sdk';
export const TRACER_VERSION = '0.1.0';

/**
 * How init reached the app's spans (`client.tracing`).
 *
 * `registered`: no provider existed, init made one and registered it globally. `attached`: the app's provider
 * got Kaizen's processor next to its own. `manual`: a provider Kaizen cannot reach is registered; prompt spans
 * still go to Kaizen (through a private provider) and `client.spanProcessor` is for the app to add itself.
 *
 * @example
 * if (kaizen.tracing === 'manual') myProvider.addSpanProcessor?.(kaizen.spanProcessor);
 */
export type TracingMode = 'registered' | 'attached' | 'manual';

export interface InstalledTracing {
  readonly mode: TracingMode;
  readonly tracer: Tracer;
  /** Removes what installTracing added and shuts the processor down (flushing it). */
  uninstall(): Promise<void>;
}

export interface InstallOptions {
  readonly environment: string;
  readonly serviceName?: string;
  readonly logger: KaizenLogger;
}

function attach(
  provider: TracerProvider,
  processors: SpanProcessorList,
  processor: KaizenSpanProcessor,
  logger: KaizenLogger,
): Tracer {
  const previous = processors.findIndex((item) => KaizenSpanProcessor.isInstance(item) && item !== processor);
  if (previous === -1) processors.push(processor);
  else {
    // A second init() (hot reload, tests, a library calling it too) must not export every span twice.
    processors[previous] = processor;
    logger.warn('init() was called again: the new client replaces the previous one as the exporter of spans to Kaizen');
  }
  return provider.getTracer(TRACER_NAME, TRACER_VERSION);
}

type SpanProcessorList = NonNullable<ReturnType<typeof processorListOf>>;

/** Removes the processor; when it was the last Kaizen processor of a provider init registered, unregisters it. */
async function detach(provider: TracerProvider, processors: SpanProcessorList, processor: KaizenSpanProcessor) {
  removeProcessor(processors, processor);
  await processor.shutdown();
  if (!processors.some((item) => KaizenSpanProcessor.isInstance(item))) await unregisterProvider(provider);
}

/**
 * @example
 * const tracing = installTracing(processor, { environment: 'production', logger: consoleLogger });
 * tracing.mode; // 'attached' when the app had already registered an SDK tracer provider
 */
export function installTracing(processor: KaizenSpanProcessor, options: InstallOptions): InstalledTracing {
  const existing = currentGlobalProvider();
  const processors = processorListOf(existing);
  if (processors !== undefined) {
    const tracer = attach(existing, processors, processor, options.logger);
    return { mode: 'attached', tracer, uninstall: () => detach(existing, processors, processor) };
  }
  const provider = new NodeTracerProvider({
    resource: kaizenResource(options.environment, options.serviceName),
    spanProcessors: [processor],
  });
  const own = processorListOf(provider);
  if (isNothingRegistered(existing) && own !== undefined) {
    registerProvider(provider);
    const tracer = provider.getTracer(TRACER_NAME, TRACER_VERSION);
    return { mode: 'registered', tracer, uninstall: () => detach(provider, own, processor) };
  }
  options.logger.warn(
    'an OpenTelemetry tracer provider is registered that Kaizen cannot add its span processor to: prompt spans go ' +
      'to Kaizen, other spans only once you add client.spanProcessor to your provider',
  );
  return {
    mode: 'manual',
    tracer: provider.getTracer(TRACER_NAME, TRACER_VERSION),
    uninstall: () => provider.shutdown(),
  };
}
