// GET /metrics end to end: a real server, OTLP ingest, API requests and online evaluation counted in the Prometheus
// text format; the optional bearer token; separate registries per server; the label-value limit; and the Grafana
// dashboard, whose queries may only name metrics the server exports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Checklist } from '@kaizen/core';
import { toStoredChecklist } from '@kaizen/store';
import { afterEach, describe, expect, it } from 'vitest';
import { createServerMetrics } from '../src/metrics/server-metrics.js';
import { OTLP_TRACE_PATHS, type ServerOptions, startServer } from '../src/start-server.js';
import { BACKENDS, SQLITE } from './support/backends.js';
import { jsonRequest, jsonSpan, newSpanId, newTraceId, postTraces } from './support/otlp-json.js';
import { createProjectWithKey, useTestServer } from './support/test-server.js';

interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** The samples of a Prometheus text exposition (comments skipped). */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1] ?? ''] = pair[2] ?? '';
    samples.push({ name: match[1] ?? '', labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of the samples named `name` whose labels include `labels`. */
function sumOf(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter(
      (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    )
    .reduce((sum, sample) => sum + sample.value, 0);
}

async function scrape(url: string, headers: Record<string, string> = {}): Promise<Sample[]> {
  const response = await fetch(`${url}/metrics`, { headers });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return parseExposition(text);
}

/** Scrapes until `done` holds: a request is counted when its response closes, a moment after the client has it. */
async function scrapeUntil(url: string, done: (samples: Sample[]) => boolean, what: string): Promise<Sample[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const samples = await scrape(url);
    if (done(samples)) return samples;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** One trace: an agent span and a model span repeating usage over two model calls, and a tool call. */
function agentTrace(traceId: string): string {
  const start = Date.now();
  const agentId = newSpanId();
  const outerId = newSpanId();
  const prompt = { 'kaizen.prompt.name': 'answer', 'kaizen.prompt.version': '3' };
  return jsonRequest(
    [
      jsonSpan({
        traceId,
        spanId: agentId,
        name: 'invoke_agent support',
        startMs: start,
        durationMs: 3000,
        attributes: {
          'gen_ai.operation.name': 'invoke_agent',
          'gen_ai.request.model': 'gpt-4o',
          'gen_ai.usage.input_tokens': 30,
          'gen_ai.usage.output_tokens': 12,
        },
      }),
      jsonSpan({
        traceId,
        spanId: outerId,
        parentSpanId: agentId,
        name: 'chat with retries',
        startMs: start,
        durationMs: 2000,
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.request.model': 'gpt-4o',
          'gen_ai.usage.input_tokens': 30,
          'gen_ai.usage.output_tokens': 12,
          ...prompt,
        },
      }),
      jsonSpan({
        traceId,
        parentSpanId: outerId,
        name: 'chat gpt-4o',
        startMs: start,
        durationMs: 1500,
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.request.model': 'gpt-4o',
          'gen_ai.usage.input_tokens': 10,
          'gen_ai.usage.output_tokens': 4,
          'gen_ai.usage.cost': '0.01',
          ...prompt,
        },
      }),
      jsonSpan({
        traceId,
        parentSpanId: outerId,
        name: 'chat gpt-4o-mini',
        startMs: start + 1500,
        durationMs: 300,
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.request.model': 'gpt-4o-mini',
          'gen_ai.usage.input_tokens': 20,
          'gen_ai.usage.output_tokens': 8,
          'gen_ai.usage.cost': '0.002',
          ...prompt,
        },
      }),
      jsonSpan({
        traceId,
        parentSpanId: agentId,
        name: 'execute_tool search',
        startMs: start + 1800,
        durationMs: 100,
        attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'search' },
      }),
    ],
    { 'deployment.environment.name': 'production' },
  );
}

for (const backend of BACKENDS) {
  backend.describe(`GET /metrics (${backend.name})`, () => {
    const context = useTestServer(backend, { onlineEvaluation: false });

    it('serves the Prometheus text format, open without a token, with every kaizen metric family described', async () => {
      const response = await fetch(`${context().url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      const text = await response.text();
      for (const name of [
        'kaizen_ingested_spans_total',
        'kaizen_ingest_requests_total',
        'kaizen_http_request_duration_seconds',
        'kaizen_llm_tokens_total',
        'kaizen_llm_cost_usd_total',
        'kaizen_llm_latency_seconds',
        'kaizen_evaluation_items_total',
        'kaizen_evaluation_score',
        'kaizen_evaluation_criterion_total',
        'kaizen_project_info',
        'kaizen_metrics_label_overflow_total',
      ]) {
        expect(text).toMatch(new RegExp(`^# TYPE ${name} (counter|histogram|gauge)$`, 'm'));
      }
      // No process metrics unless asked for, and no GPU metrics without --gpu-metrics.
      expect(text).not.toContain('process_cpu');
      expect(text).not.toContain('kaizen_gpu_');
    });

    it('counts spans, and tokens, cost and latency of each model call once, labelled by project, prompt, version, environment and model', async () => {
      const { url, key, project } = context();
      const body = agentTrace(newTraceId());
      expect((await postTraces(url, key, body)).status).toBe(200);
      const samples = await scrapeUntil(
        url,
        (items) => sumOf(items, 'kaizen_ingest_requests_total', { status: '200' }) >= 1,
        'the export request',
      );
      const llm = { project: project.id, prompt: 'answer', version: '3', environment: 'production' };
      expect(sumOf(samples, 'kaizen_ingested_spans_total', { project: project.id })).toBe(5);
      // The agent span and the model span wrapping the two calls repeat their usage: neither is counted.
      expect(sumOf(samples, 'kaizen_llm_tokens_total', { project: project.id, direction: 'input' })).toBe(30);
      expect(sumOf(samples, 'kaizen_llm_tokens_total', { project: project.id, direction: 'output' })).toBe(12);
      expect(sumOf(samples, 'kaizen_llm_tokens_total', { ...llm, model: 'gpt-4o', direction: 'input' })).toBe(10);
      expect(sumOf(samples, 'kaizen_llm_tokens_total', { ...llm, model: 'gpt-4o-mini', direction: 'output' })).toBe(8);
      expect(sumOf(samples, 'kaizen_llm_cost_usd_total', { ...llm, model: 'gpt-4o' })).toBeCloseTo(0.01, 10);
      expect(sumOf(samples, 'kaizen_llm_cost_usd_total', { ...llm, model: 'gpt-4o-mini' })).toBeCloseTo(0.002, 10);
      const latency = { project: project.id, prompt: 'answer', environment: 'production', model: 'gpt-4o' };
      expect(sumOf(samples, 'kaizen_llm_latency_seconds_count', latency)).toBe(1);
      expect(sumOf(samples, 'kaizen_llm_latency_seconds_sum', latency)).toBeCloseTo(1.5, 6);
      expect(sumOf(samples, 'kaizen_llm_latency_seconds_bucket', { ...latency, le: '1' })).toBe(0);
      expect(sumOf(samples, 'kaizen_llm_latency_seconds_bucket', { ...latency, le: '2' })).toBe(1);
      expect(sumOf(samples, 'kaizen_project_info', { project: project.id, name: project.name })).toBe(1);

      // An exporter retry stores nothing new and counts nothing again.
      expect((await postTraces(url, key, body)).status).toBe(200);
      const after = await scrapeUntil(
        url,
        (items) => sumOf(items, 'kaizen_ingest_requests_total', { status: '200' }) >= 2,
        'the retry',
      );
      expect(sumOf(after, 'kaizen_ingested_spans_total', { project: project.id })).toBe(5);
      expect(sumOf(after, 'kaizen_llm_tokens_total', { project: project.id })).toBe(42);
      expect(sumOf(after, 'kaizen_llm_latency_seconds_count', { project: project.id })).toBe(2);
    });

    it('times requests by route pattern, method and status, and counts OTLP exports by status', async () => {
      const { url, key } = context();
      const traceId = newTraceId();
      expect((await postTraces(url, 'kz_wrong', jsonRequest([jsonSpan()]))).status).toBe(401);
      expect((await postTraces(url, key, jsonRequest([jsonSpan({ traceId })]))).status).toBe(200);
      const auth = { authorization: `Bearer ${key}` };
      expect((await fetch(`${url}/api/traces/${traceId}`, { headers: auth })).status).toBe(200);
      expect((await fetch(`${url}/api/traces/${newTraceId()}`, { headers: auth })).status).toBe(404);
      expect((await fetch(`${url}/api/traces/${traceId}`)).status).toBe(401);
      expect((await fetch(`${url}/api/no/such/route`, { headers: auth })).status).toBe(404);
      expect((await fetch(`${url}/health`)).status).toBe(200);
      const samples = await scrapeUntil(
        url,
        (items) => sumOf(items, 'kaizen_http_request_duration_seconds_count', { route: '/health', method: 'GET' }) >= 1,
        'the health check',
      );
      const count = (labels: Record<string, string>) =>
        sumOf(samples, 'kaizen_http_request_duration_seconds_count', labels);
      const trace = { route: '/api/traces/:traceId', method: 'GET' };
      expect(count({ ...trace, status: '200' })).toBe(1);
      expect(count({ ...trace, status: '404' })).toBe(1);
      expect(count({ ...trace, status: '401' })).toBe(1);
      expect(count({ route: 'unmatched', method: 'GET', status: '404' })).toBe(1);
      expect(count({ route: '/v1/traces', method: 'POST', status: '401' })).toBe(1);
      expect(sumOf(samples, 'kaizen_ingest_requests_total', { status: '401' })).toBe(1);
      // Never the raw path: no trace id in any label.
      expect(samples.some((sample) => Object.values(sample.labels).some((value) => value.includes(traceId)))).toBe(
        false,
      );
      const histogram = samples.filter(
        (sample) => sample.name === 'kaizen_http_request_duration_seconds_bucket' && sample.labels.route === '/health',
      );
      expect(histogram.map((sample) => sample.labels.le)).toContain('+Inf');
    });
  });
}

describe('GET /metrics options', () => {
  const servers: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
    delete process.env.KAIZEN_METRICS_TOKEN;
  });

  async function serve(options: Partial<ServerOptions> = {}) {
    const opened = await SQLITE.open();
    const server = await startServer({
      store: opened.store,
      port: 0,
      ingestWorkers: 0,
      onlineEvaluation: false,
      webRoot: null,
      ...options,
    });
    servers.push({
      async close() {
        await server.close();
        await opened.dispose();
      },
    });
    return { server, store: opened.store };
  }

  it('asks for the bearer token when one is configured, from the options or KAIZEN_METRICS_TOKEN', async () => {
    const { server } = await serve({ metrics: { token: 'scrape-secret' } });
    const missing = await fetch(`${server.url}/metrics`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="kaizen-metrics"');
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    await scrape(server.url, { authorization: 'Bearer scrape-secret' });

    process.env.KAIZEN_METRICS_TOKEN = 'from-env';
    const fromEnv = (await serve()).server;
    expect((await fetch(`${fromEnv.url}/metrics`)).status).toBe(401);
    await scrape(fromEnv.url, { authorization: 'Bearer from-env' });
  });

  it('serves nothing at /metrics when turned off, and adds process metrics when asked', async () => {
    const off = (await serve({ metrics: { enabled: false } })).server;
    const response = await fetch(`${off.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('kaizen_');
    const withProcess = (await serve({ metrics: { processMetrics: true } })).server;
    const text = await (await fetch(`${withProcess.url}/metrics`)).text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('keeps one registry per server: two servers in one process count apart', async () => {
    const first = await serve();
    const second = await serve();
    const { key, project } = await createProjectWithKey(first.store, 'apart');
    expect((await postTraces(first.server.url, key, jsonRequest([jsonSpan(), jsonSpan()]))).status).toBe(200);
    await scrapeUntil(
      first.server.url,
      (samples) => sumOf(samples, 'kaizen_ingested_spans_total', { project: project.id }) === 2,
      'the first server to count',
    );
    const other = await scrape(second.server.url);
    expect(sumOf(other, 'kaizen_ingested_spans_total')).toBe(0);
    expect(sumOf(other, 'kaizen_ingest_requests_total')).toBe(0);
  });

  it('bounds label cardinality: past maxLabelValues distinct models, the model label reads "other"', async () => {
    const { server, store } = await serve({ metrics: { maxLabelValues: 2 } });
    const { key, project } = await createProjectWithKey(store, 'bounded');
    const spans = ['model-a', 'model-b', 'model-c', 'model-d', 'model-a'].map((model) =>
      jsonSpan({ attributes: { 'gen_ai.request.model': model, 'gen_ai.usage.input_tokens': 1 } }),
    );
    expect((await postTraces(server.url, key, jsonRequest(spans))).status).toBe(200);
    const samples = await scrapeUntil(
      server.url,
      (items) => sumOf(items, 'kaizen_ingested_spans_total', { project: project.id }) === 5,
      'the batch',
    );
    const models = new Set(
      samples.filter((sample) => sample.name === 'kaizen_llm_tokens_total').map((sample) => sample.labels.model),
    );
    expect([...models].sort()).toEqual(['model-a', 'model-b', 'other']);
    const input = (model: string) =>
      sumOf(samples, 'kaizen_llm_tokens_total', { project: project.id, model, direction: 'input' });
    expect([input('model-a'), input('model-b'), input('other')]).toEqual([2, 1, 2]);
    expect(sumOf(samples, 'kaizen_metrics_label_overflow_total', { family: 'llm', label: 'model' })).toBeGreaterThan(0);
  });
});

describe('online evaluation metrics', () => {
  const checklist: Checklist = {
    name: 'answer-quality',
    passThreshold: 1,
    criteria: [
      { id: 'json', description: 'JSON answer', weight: 1, check: { kind: 'json_valid', mode: 'extract' } },
      { id: 'paris', description: 'Names Paris', weight: 1, check: { kind: 'contains', values: ['Paris'] } },
    ],
  };
  const context = useTestServer(SQLITE, {
    onlineEvaluation: { quietPeriodMs: 50, refreshMs: 60_000, catchUpWindowMs: 0 },
  });

  async function call(method: string, path: string, body: unknown) {
    const response = await fetch(`${context().url}${path}`, {
      method,
      headers: { authorization: `Bearer ${context().key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.ok, await response.text()).toBe(true);
  }

  it('counts results, scores and criterion outcomes per evaluator, prompt, version and environment', async () => {
    const { url, key, project } = context();
    await call('POST', '/api/evaluators', { name: checklist.name, definition: toStoredChecklist(checklist) });
    await call('PUT', '/api/online-evaluators', { evaluator: checklist.name, samplingRate: 1, environment: 'prod' });
    const answer = (output: string) =>
      jsonRequest(
        [
          jsonSpan({
            traceId: newTraceId(),
            startMs: Date.now(),
            attributes: {
              'gen_ai.request.model': 'gpt-4o',
              'kaizen.prompt.name': 'capital',
              'kaizen.prompt.version': '7',
              'output.value': output,
            },
          }),
        ],
        { 'kaizen.environment': 'prod' },
      );
    for (const output of ['{"answer":"Paris"}', '{"answer":"Lyon"}']) {
      expect((await postTraces(url, key, answer(output))).status).toBe(200);
    }
    const labels = {
      project: project.id,
      evaluator: checklist.name,
      prompt: 'capital',
      version: '7',
      environment: 'prod',
    };
    const samples = await scrapeUntil(
      url,
      (items) => sumOf(items, 'kaizen_evaluation_items_total', labels) === 2,
      'both traces to be scored',
    );
    expect(sumOf(samples, 'kaizen_evaluation_items_total', { ...labels, result: 'pass' })).toBe(1);
    expect(sumOf(samples, 'kaizen_evaluation_items_total', { ...labels, result: 'fail' })).toBe(1);
    expect(sumOf(samples, 'kaizen_evaluation_score_count', labels)).toBe(2);
    expect(sumOf(samples, 'kaizen_evaluation_score_sum', labels)).toBeCloseTo(1.5, 10);
    expect(sumOf(samples, 'kaizen_evaluation_score_bucket', { ...labels, le: '0.5' })).toBe(1);
    const criterion = (id: string, status: string) =>
      sumOf(samples, 'kaizen_evaluation_criterion_total', { ...labels, criterion: id, status });
    expect([criterion('json', 'passed'), criterion('paris', 'passed'), criterion('paris', 'failed')]).toEqual([
      2, 1, 1,
    ]);
  });
});

// biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, meant literally.
const DATASOURCE_UID = '${DS_PROMETHEUS}';

describe('deploy/grafana/kaizen-dashboard.json', () => {
  const root = join(import.meta.dirname, '..', '..', '..', 'deploy');
  const dashboard = JSON.parse(readFileSync(join(root, 'grafana', 'kaizen-dashboard.json'), 'utf8')) as {
    panels: Panel[];
    templating: { list: { name: string; type: string; query?: unknown; definition?: string }[] };
  };
  interface Panel {
    id: number;
    type: string;
    title: string;
    datasource?: { uid?: string };
    targets?: { expr: string; datasource?: { uid?: string } }[];
    panels?: Panel[];
  }
  const panels = dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);
  const queries = [
    ...panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr)),
    ...dashboard.templating.list.flatMap((variable) =>
      variable.definition === undefined ? [] : [variable.definition],
    ),
  ];

  /** Every series name the server exports, read from the registry: histograms add _bucket, _sum and _count. */
  async function exportedNames(): Promise<Set<string>> {
    const metrics = createServerMetrics(
      { gpu: { intervalMs: 60_000, run: async () => '' } },
      { ingestPaths: OTLP_TRACE_PATHS, env: {}, logger: () => {} },
    );
    const names = new Set<string>();
    for (const metric of await metrics.registry.getMetricsAsJSON()) {
      names.add(metric.name);
      if (String(metric.type) === 'histogram')
        for (const suffix of ['_bucket', '_sum', '_count']) names.add(metric.name + suffix);
    }
    metrics.close();
    return names;
  }

  it('queries only metrics the server exports, and uses every one of its families', async () => {
    const exported = await exportedNames();
    const used = new Set(queries.flatMap((query) => query.match(/\bkaizen_\w+/g) ?? []));
    expect([...used].filter((name) => !exported.has(name))).toEqual([]);
    const families = [...exported].filter(
      (name) => !/_(bucket|sum|count)$/.test(name) || !exported.has(name.replace(/_(bucket|sum|count)$/, '')),
    );
    const unused = families.filter((family) => ![...used].some((name) => name.startsWith(family)));
    expect(unused).toEqual([]);
  });

  it('has the panels the issue asks for, each on the DS_PROMETHEUS datasource variable', () => {
    const titles = panels.filter((panel) => panel.type !== 'row').map((panel) => panel.title);
    for (const wanted of [
      'Ingested spans / s',
      'Request latency p50 / p95 / p99',
      'Tokens / s by model (input, output)',
      'Cost per hour by model (USD)',
      'LLM latency p95 by model',
      'Pass rate by prompt version',
      'Score distribution',
      'GPU utilisation',
      'GPU memory used',
      'GPU power',
      'GPU temperature',
    ]) {
      expect(titles).toContain(wanted);
    }
    for (const panel of panels.filter((item) => item.type !== 'row')) {
      expect(panel.datasource?.uid, panel.title).toBe(DATASOURCE_UID);
      for (const target of panel.targets ?? []) expect(target.datasource?.uid, panel.title).toBe(DATASOURCE_UID);
    }
    expect(new Set(panels.map((panel) => panel.id)).size).toBe(panels.length);
  });

  it('defines every variable its queries use: the datasource, project, prompt, environment and model', () => {
    const variables = new Map(dashboard.templating.list.map((variable) => [variable.name, variable.type]));
    expect(variables.get('DS_PROMETHEUS')).toBe('datasource');
    for (const name of ['project', 'prompt', 'environment', 'model']) expect(variables.get(name)).toBe('query');
    const referenced = new Set(queries.flatMap((query) => [...query.matchAll(/\$(\w+)/g)].map((match) => match[1])));
    const builtIn = new Set(['__rate_interval', '__range', '__interval']);
    expect([...referenced].filter((name) => name !== undefined && !builtIn.has(name) && !variables.has(name))).toEqual(
      [],
    );
  });
});

describe('deploy/otel-collector.yaml', () => {
  const config = readFileSync(join(import.meta.dirname, '..', '..', '..', 'deploy', 'otel-collector.yaml'), 'utf8');

  it('sends the traces pipeline to Kaizen, with the project key as a bearer token, and to the existing backend', () => {
    expect(config).toMatch(/^ {6}exporters: \[otlphttp\/kaizen, otlp\/existing\]$/m);
    expect(config).toMatch(/^ {6}receivers: \[otlp\]$/m);
    const kaizen = /^ {2}otlphttp\/kaizen:\n((?: {4}.*\n)+)/m.exec(config)?.[1] ?? '';
    /** The collector's `${env:NAME}` reference. */
    const env = (name: string) => `$${'{'}env:${name}}`;
    expect(kaizen).toContain(`endpoint: ${env('KAIZEN_OTLP_ENDPOINT')}`);
    expect(kaizen).toContain(`Authorization: Bearer ${env('KAIZEN_API_KEY')}`);
    expect(config).toMatch(/^ {2}otlp\/existing:\n {4}endpoint: \$\{env:EXISTING_OTLP_ENDPOINT\}$/m);
    // otlphttp posts to <endpoint>/v1/traces.
    expect(OTLP_TRACE_PATHS.has('/v1/traces')).toBe(true);
  });
});
