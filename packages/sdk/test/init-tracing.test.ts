// init(): registering a provider, joining the app's own, init called twice, the manual fallback, shutdown.
// Against a stand-in OTLP receiver: these tests read spans as exported, and need Kaizen to refuse spans on demand.
import { context, createContextKey, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { init } from '../src/index.js';
import { currentGlobalProvider, isNothingRegistered } from '../src/tracing/global-provider.js';
import { processorListOf } from '../src/tracing/provider-processors.js';
import { attribute, recordingLogger, resetOtelGlobals } from './support/otel-globals.js';
import { type OtlpReceiver, startOtlpReceiver } from './support/otlp-receiver.js';

let receiver: OtlpReceiver;
beforeEach(async () => {
  resetOtelGlobals();
  receiver = await startOtlpReceiver();
});
afterEach(async () => {
  resetOtelGlobals();
  await receiver.close();
});

const names = () => receiver.spans.map((span) => span.name).sort();

describe('init', () => {
  it('registers a provider when the app has none, nests spans, and removes it all on shutdown', async () => {
    const logger = recordingLogger();
    const client = init({
      url: receiver.url,
      apiKey: receiver.apiKey,
      environment: 'staging',
      serviceName: 'checkout',
      logger,
    });
    expect(client.tracing).toBe('registered');
    trace.getTracer('app').startActiveSpan('outer', (outer) => {
      client.tracer.startSpan('inner').end();
      outer.end();
    });
    await client.flush();
    expect(names()).toEqual(['inner', 'outer']);
    const [inner, outer] = [
      receiver.spans.find((s) => s.name === 'inner'),
      receiver.spans.find((s) => s.name === 'outer'),
    ];
    expect(inner?.parentSpanId).toBe(outer?.spanId);
    expect(attribute(inner, 'kaizen.environment')).toBe('staging');
    expect(inner?.resourceAttributes['service.name']).toBe('checkout');
    expect(logger.warnings).toEqual([]);

    await client.shutdown();
    expect(isNothingRegistered(currentGlobalProvider())).toBe(true);
    const probe = createContextKey('probe');
    expect(context.with(ROOT_CONTEXT.setValue(probe, 1), () => context.active().getValue(probe))).toBeUndefined();
  });

  it("joins the app's provider: the app's exporter keeps its spans and Kaizen gets them too", async () => {
    const appExporter = new InMemorySpanExporter();
    const appProvider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(appExporter)] });
    appProvider.register();
    const client = init({ url: receiver.url, apiKey: receiver.apiKey, environment: 'production' });
    expect(client.tracing).toBe('attached');
    trace.getTracer('app').startSpan('checkout').end();
    trace
      .getTracer('app')
      .startSpan('replayed', { attributes: { 'kaizen.environment': 'shadow' } })
      .end();
    await client.flush();
    expect(names()).toEqual(['checkout', 'replayed']);
    expect(appExporter.getFinishedSpans().map((span) => span.name)).toEqual(['checkout', 'replayed']);
    // Stamped at start, so the app's own exporter sees the environment too; an explicit one is kept.
    expect(appExporter.getFinishedSpans().map((span) => span.attributes['kaizen.environment'])).toEqual([
      'production',
      'shadow',
    ]);

    await client.shutdown();
    expect(currentGlobalProvider()).toBe(appProvider);
    expect(processorListOf(appProvider)).toHaveLength(1);
    trace.getTracer('app').startSpan('after').end();
    expect(appExporter.getFinishedSpans().map((span) => span.name)).toContain('after');
    expect(names()).toEqual(['checkout', 'replayed']);
    await appProvider.shutdown();
  });

  it('a second init replaces the first as exporter instead of sending every span twice', async () => {
    const logger = recordingLogger();
    const first = init({ url: receiver.url, apiKey: receiver.apiKey, environment: 'production', logger });
    const second = init({ url: receiver.url, apiKey: receiver.apiKey, environment: 'staging', logger });
    expect([first.tracing, second.tracing]).toEqual(['registered', 'attached']);
    expect(logger.warnings).toEqual([expect.stringContaining('init() was called again')]);
    trace.getTracer('app').startSpan('once').end();
    await Promise.all([first.flush(), second.flush()]);
    expect(receiver.spans.map((span) => [span.name, attribute(span, 'kaizen.environment')])).toEqual([
      ['once', 'staging'],
    ]);

    await first.shutdown();
    expect(isNothingRegistered(currentGlobalProvider())).toBe(false);
    trace.getTracer('app').startSpan('still').end();
    await second.shutdown();
    expect(names()).toEqual(['once', 'still']);
    expect(isNothingRegistered(currentGlobalProvider())).toBe(true);
  });

  it('falls back to a private provider and warns when the registered one cannot take a processor', async () => {
    const hidden = new BasicTracerProvider();
    trace.setGlobalTracerProvider({ getTracer: (name, version) => hidden.getTracer(name, version) });
    const logger = recordingLogger();
    const client = init({ url: receiver.url, apiKey: receiver.apiKey, environment: 'production', logger });
    expect(client.tracing).toBe('manual');
    expect(logger.warnings).toEqual([expect.stringContaining('add client.spanProcessor to your provider')]);
    client.tracer.startSpan('prompt span').end();
    await client.shutdown();
    expect(names()).toEqual(['prompt span']);
  });

  it('shutdown sends what is still waiting in the batch', async () => {
    const client = init({
      url: receiver.url,
      apiKey: receiver.apiKey,
      environment: 'production',
      batch: { scheduledDelayMillis: 60_000 },
    });
    client.tracer.startSpan('late').end();
    expect(receiver.spans).toHaveLength(0);
    await client.shutdown();
    await client.shutdown();
    expect(names()).toEqual(['late']);
  });

  it('says once that spans are dropped while Kaizen refuses them, and when they flow again', async () => {
    const logger = recordingLogger();
    const client = init({ url: receiver.url, apiKey: receiver.apiKey, environment: 'production', logger });
    receiver.rejectSpansWith = 400;
    client.tracer.startSpan('dropped').end();
    await client.flush();
    client.tracer.startSpan('dropped too').end();
    await client.flush();
    expect(logger.warnings).toEqual([
      expect.stringMatching(/^spans could not be sent to http:\/\/127\.0\.0\.1:\d+ \(/),
    ]);
    receiver.rejectSpansWith = null;
    client.tracer.startSpan('kept').end();
    await client.shutdown();
    expect(logger.warnings.at(-1)).toMatch(/^spans are reaching http:\/\/127\.0\.0\.1:\d+ again$/);
    expect(names()).toEqual(['kept']);
  });

  it('refuses options that cannot work', () => {
    expect(() => init({ url: 'localhost:4318', apiKey: 'k', environment: 'production' })).toThrow(/url must be/);
    expect(() => init({ url: receiver.url, apiKey: ' ', environment: 'production' })).toThrow(/apiKey is empty/);
    expect(() => init({ url: receiver.url, apiKey: 'k', environment: 'Prod' })).toThrow(/environment "Prod"/);
  });
});
