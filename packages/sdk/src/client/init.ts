// init(): one call that sends the app's OpenTelemetry spans to Kaizen and returns the client prompts use.
import { KaizenError, LABEL_PATTERN } from '@kaizen/core';
import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { BatchSpanProcessor, type BufferConfig, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createKaizenApi, type KaizenApi } from '../api/create-kaizen-api.js';
import { consoleLogger, type KaizenLogger } from '../logger.js';
import { PromptCache, type PromptCacheOptions } from '../prompt/prompt-cache.js';
import type { PromptClient } from '../prompt/prompt-client.js';
import { installTracing, type TracingMode } from '../tracing/install-tracing.js';
import { KaizenSpanProcessor } from '../tracing/kaizen-span-processor.js';
import { ReportingExporter } from '../tracing/reporting-exporter.js';

/**
 * @example
 * const options: InitOptions = { url: 'http://127.0.0.1:4318', apiKey: 'kz_…', environment: 'staging', promptCache: { ttlMs: 10_000 } };
 */
export interface InitOptions {
  /** The Kaizen server, e.g. `http://127.0.0.1:4318`; spans go to `${url}/v1/traces`. */
  readonly url: string;
  readonly apiKey: string;
  /** Stamped on every span as `kaizen.environment`, and the label prompts resolve: `production`, `staging`, … */
  readonly environment: string;
  /** `service.name` of the provider init creates (ignored when the app has its own provider). */
  readonly serviceName?: string;
  /** Used by the API client (prompts, traces); the span exporter uses Node's http. */
  readonly fetch?: typeof fetch;
  /** Per API request; default 10 000 ms. */
  readonly timeoutMs?: number;
  /** Prompt resolution cache: TTL (default 60 s), fetch deadline (default 3 s), clock. */
  readonly promptCache?: PromptCacheOptions;
  /** Batching of exported spans (queue size, delay); the OpenTelemetry defaults otherwise. */
  readonly batch?: BufferConfig;
  readonly logger?: KaizenLogger;
}

/**
 * What init returns: the API client, the tracer prompt spans use, and the lifecycle of what init installed.
 *
 * @example
 * const kaizen = init({ url, apiKey, environment: 'production' });
 * process.on('SIGTERM', () => void kaizen.shutdown());
 */
export interface KaizenClient extends PromptClient {
  readonly api: KaizenApi;
  readonly tracer: Tracer;
  readonly environment: string;
  readonly promptCache: PromptCache;
  readonly logger: KaizenLogger;
  /** How init reached the app's spans (see TracingMode). */
  readonly tracing: TracingMode;
  /** Kaizen's processor; add it to your provider yourself when `tracing` is `manual`. */
  readonly spanProcessor: SpanProcessor;
  /** Sends the spans waiting in Kaizen's batch now; resolves even when Kaizen is down (the logger says so). */
  flush(): Promise<void>;
  /** Flushes, then removes everything init added (processor, and the global provider if init registered it). */
  shutdown(): Promise<void>;
}

function checkOptions(options: InitOptions): void {
  if (!/^https?:\/\/\S+$/.test(options.url)) {
    throw new KaizenError('invalid_input', `init: url must be http(s)://host[:port], got "${options.url}"`);
  }
  if (options.apiKey.trim() === '')
    throw new KaizenError('invalid_input', 'init: apiKey is empty (set KAIZEN_API_KEY)');
  if (!LABEL_PATTERN.test(options.environment)) {
    throw new KaizenError('invalid_input', `init: environment "${options.environment}" must match ${LABEL_PATTERN}`);
  }
}

/**
 * Wires OpenTelemetry tracing to Kaizen in one call. If the app already registered an OpenTelemetry SDK tracer
 * provider, Kaizen's processor is added to it (its own exporters keep working); otherwise init creates and
 * registers one. Call `shutdown()` before the process exits so the last spans are sent.
 *
 * @example
 * import { init } from '@kaizen/sdk';
 * const kaizen = init({ url: process.env.KAIZEN_URL ?? 'http://127.0.0.1:4318', apiKey: process.env.KAIZEN_API_KEY ?? '', environment: 'production' });
 * // … generate with prompts, or any OpenTelemetry-instrumented code …
 * await kaizen.shutdown();
 */
export function init(options: InitOptions): KaizenClient {
  checkOptions(options);
  const url = options.url.replace(/\/+$/, '');
  const logger = options.logger ?? consoleLogger;
  const exporter = new OTLPTraceExporter({
    url: `${url}/v1/traces`,
    headers: { Authorization: `Bearer ${options.apiKey}` },
  });
  const reporting = new ReportingExporter(exporter, url, logger);
  const processor = new KaizenSpanProcessor(new BatchSpanProcessor(reporting, options.batch), options.environment);
  const tracing = installTracing(processor, {
    environment: options.environment,
    logger,
    ...(options.serviceName !== undefined ? { serviceName: options.serviceName } : {}),
  });
  let shutdown: Promise<void> | undefined;
  return {
    api: createKaizenApi({
      url,
      apiKey: options.apiKey,
      ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    }),
    tracer: tracing.tracer,
    environment: options.environment,
    promptCache: new PromptCache(options.promptCache),
    logger,
    tracing: tracing.mode,
    spanProcessor: processor,
    flush: () => processor.forceFlush(),
    shutdown() {
      shutdown ??= tracing.uninstall();
      return shutdown;
    },
  };
}
