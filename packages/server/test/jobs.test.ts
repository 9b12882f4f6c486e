// Split roles over one Postgres through the durable job queue: a server that takes no jobs ingests and answers the API,
// a worker (no HTTP) scores the traces it queued and runs optimizations in lease-sized slices, paying each call once.
import type { Checklist } from '@kaizen/core';
import { openStore, type Store, type TraceScore, toStoredChecklist } from '@kaizen/store';
import { createTestDatabase, describePostgres, dropTestDatabase } from '@kaizen/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createPgBossJobQueue,
  JOB_QUEUES,
  type JobQueue,
  type RunningServer,
  type RunningWorker,
  startServer,
  startWorker,
} from '../src/index.js';
import {
  CountingModels,
  candidates,
  client,
  finished,
  ITEMS,
  type Run,
  setUp,
  start,
} from './support/optimization-setup.js';
import { jsonRequest, jsonSpan, newSpanId, newTraceId, postTraces } from './support/otlp-json.js';
import { createProjectWithKey } from './support/test-server.js';

const QUIET_MS = 150;

const answers: Checklist = {
  name: 'answers',
  passThreshold: 1,
  criteria: [{ id: 'json', description: 'JSON answer', weight: 1, check: { kind: 'json_valid', mode: 'extract' } }],
};

interface Sent {
  readonly queue: string;
  readonly data: Record<string, unknown>;
}

/** A queue that remembers what was sent through it (the follow-up slices of a run). */
function recording(queue: JobQueue): JobQueue & { sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    ...queue,
    sent,
    async send(name, data, options) {
      sent.push({ queue: name, data: { ...data } });
      await queue.send(name, data, options);
    },
  };
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describePostgres('split roles through the job queue (postgres)', () => {
  let databaseUrl: string;
  let store: Store;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    store = await openStore({ databaseUrl });
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await store?.close();
    if (databaseUrl !== undefined) await dropTestDatabase(databaseUrl);
  });

  /** A queue with short leases and maintenance, so a slice is short and an expired lease is noticed in a second. */
  async function queue(
    leaseSeconds = 60,
  ): Promise<JobQueue & { sent: { queue: string; data: Record<string, unknown> }[] }> {
    const opened = await createPgBossJobQueue({
      connectionString: databaseUrl,
      leaseSeconds: { [JOB_QUEUES.optimization]: leaseSeconds },
      maintenanceIntervalSeconds: 1,
      logger: () => undefined,
    });
    return recording(opened);
  }

  async function apiServer(models?: CountingModels, leaseSeconds = 60): Promise<RunningServer> {
    const server = await startServer({
      store,
      port: 0,
      logger: () => undefined,
      onlineEvaluation: { evaluators: { answers }, quietPeriodMs: QUIET_MS, refreshMs: 200, catchUpWindowMs: 0 },
      ...(models !== undefined ? { optimization: { resolveModel: models.resolve } } : {}),
      jobs: { queue: await queue(leaseSeconds), work: false },
    });
    closers.push(() => server.close());
    return server;
  }

  async function worker(models: CountingModels, leaseSeconds: number): Promise<RunningWorker & { sent: Sent[] }> {
    const jobs = await queue(leaseSeconds);
    const running = await startWorker({
      store,
      queue: jobs,
      onlineEvaluation: { evaluators: { answers }, refreshMs: 200, catchUpWindowMs: 0 },
      optimization: { resolveModel: models.resolve },
      logger: () => undefined,
    });
    closers.push(() => running.close());
    return { ...running, sent: jobs.sent };
  }

  it('a server that takes no jobs queues due traces; a worker scores them', async () => {
    const models = new CountingModels();
    const server = await apiServer();
    const scorer = await worker(models, 60);
    try {
      const { key } = await createProjectWithKey(store, 'online');
      const call = client(server.url, key);
      expect(
        (await call('POST', '/api/evaluators', { name: 'answers', definition: toStoredChecklist(answers) })).status,
      ).toBe(201);
      expect(
        (await call('PUT', '/api/online-evaluators', { evaluator: 'answers', samplingRate: 1 })).status,
      ).toBeLessThan(300);
      // The server reads its rules every 200 ms: wait until it knows this project has one.
      await new Promise((resolve) => setTimeout(resolve, 400));

      const traceIds = Array.from({ length: 12 }, () => newTraceId());
      for (const [index, traceId] of traceIds.entries()) {
        const output = index % 3 === 0 ? 'no json here' : '{"answer":"Paris"}';
        const body = jsonRequest([
          jsonSpan({ traceId, spanId: newSpanId(), startMs: Date.now(), attributes: { 'output.value': output } }),
        ]);
        expect((await postTraces(server.url, key, body)).status).toBe(200);
      }
      const scores = await waitFor(
        async () =>
          Promise.all(
            traceIds.map(
              async (traceId) => ((await call('GET', `/api/traces/${traceId}/scores`)).body.items as TraceScore[])[0],
            ),
          ),
        (items) => items.every((score) => score !== undefined),
        'every trace scored',
      );
      expect(scores.map((score) => score?.passed)).toEqual(traceIds.map((_, index) => index % 3 !== 0));
      // Scored by the worker, none by the server.
      expect(server.onlineEvaluation.stats().scored).toBe(0);
      expect(scorer.stats().scored).toBe(12);
    } finally {
      await scorer.close();
    }
  }, 60_000);

  it('runs an optimization on a worker in lease-sized slices, each call paid once, with the same result', async () => {
    const models = new CountingModels();
    // Reference: the same run in one piece, in a server without a queue (its own project: no shared cached answers).
    const plain = await startServer({
      store,
      port: 0,
      logger: () => undefined,
      optimization: { resolveModel: models.resolve },
    });
    const reference = await createProjectWithKey(store, 'reference');
    const referenceCall = client(plain.url, reference.key);
    await setUp(referenceCall);
    const whole = await finished(referenceCall, (await start(referenceCall)).id);
    const referenceCandidates = await candidates(referenceCall, whole.id);
    await plain.close();
    // Completed, or stopped by the plateau rule: an end either way, which the split run must reach too.
    expect(['running', 'failed', 'cancelled', 'interrupted']).not.toContain(whole.status);
    const calls = models.delivered;

    // A 2 s lease: slices of 1 s, and 100 ms per answer make the run last several, each resuming from cached answers.
    models.delivered = 0;
    models.delayMs = 100;
    const server = await apiServer(models, 2);
    const slicing = await worker(models, 2);
    const sliced = await createProjectWithKey(store, 'sliced');
    const call = client(server.url, sliced.key);
    await setUp(call);
    const run = await finished(call, (await start(call)).id);
    await slicing.close();
    const followUps = slicing.sent.filter((sent) => sent.queue === JOB_QUEUES.optimization);
    expect(followUps.length).toBeGreaterThan(0);
    expect(run.status).toBe(whole.status);
    expect(models.delivered).toBe(calls);
    const unpaid = (value: Run) =>
      JSON.parse(JSON.stringify(value.result), (key, field) => (key === 'paidCalls' ? 0 : field));
    expect(unpaid(run)).toEqual(unpaid(whole));
    const shape = (items: Awaited<ReturnType<typeof candidates>>) =>
      items.map(({ id, parentId, status, validation }) => ({ id, parentId, status, validation }));
    expect(shape(await candidates(call, run.id))).toEqual(shape(referenceCandidates));

    // A worker stopped (SIGTERM) mid-run: the run stays `running`, its follow-up job waits in the queue, and the next
    // worker finishes it — with a lease long enough that no slice ends on its own.
    models.delivered = 0;
    const steady = await apiServer(models, 600);
    const handedOver = await createProjectWithKey(store, 'handed-over');
    const handedCall = client(steady.url, handedOver.key);
    await setUp(handedCall);
    const stopping = await worker(models, 600);
    const id = (await start(handedCall)).id;
    await waitFor(
      async () => models.delivered,
      (delivered) => delivered >= calls / 3,
      'a third of the calls',
    );
    await stopping.close();
    expect(((await handedCall('GET', `/api/optimizations/${id}`)).body as unknown as Run).status).toBe('running');
    expect(stopping.sent.filter((sent) => sent.queue === JOB_QUEUES.optimization)).toHaveLength(1);
    expect(models.delivered).toBeLessThan(calls);
    const next = await worker(models, 600);
    const resumed = await finished(handedCall, id);
    await next.close();
    expect(resumed.status).toBe(whole.status);
    expect(models.delivered).toBe(calls);
    expect(unpaid(resumed)).toEqual(unpaid(whole));
  }, 120_000);
  it('a server that takes no jobs hands experiment and replay runs to a worker, which completes them', async () => {
    const models = new CountingModels();
    const server = await apiServer(models);
    const runner = await worker(models, 60);
    try {
      const { key } = await createProjectWithKey(store, 'runs');
      const call = client(server.url, key);
      await setUp(call);
      const pages = ITEMS.slice(0, 3);
      const spans = pages.map((page, index) =>
        jsonSpan({
          traceId: newTraceId(),
          spanId: newSpanId(),
          name: 'prompt extractor',
          startMs: Date.now() - 60_000 + index,
          attributes: {
            'kaizen.prompt.name': 'extractor',
            'kaizen.prompt.version': 1,
            'kaizen.environment': 'production',
            'kaizen.prompt.variables': JSON.stringify(page.input),
          },
        }),
      );
      expect((await postTraces(server.url, key, jsonRequest(spans))).status).toBe(200);

      const experiment = await call('POST', '/api/experiments/runs', {
        prompt: { name: 'extractor' },
        dataset: { name: 'pages' },
        evaluator: { name: 'extractor' },
        model: 'sim:schemaorg',
      });
      expect(experiment.status, JSON.stringify(experiment.body)).toBe(202);
      const replay = await call('POST', '/api/replays', { prompt: { name: 'extractor' } });
      expect(replay.status, JSON.stringify(replay.body)).toBe(202);
      const ended = async (id: unknown) =>
        waitFor(
          async () => (await call('GET', `/api/experiments/${String(id)}`)).body,
          (body) => body.status !== 'running',
          `experiment ${String(id)} to end`,
        );
      const experimentEnd = await ended(experiment.body.id);
      expect(experimentEnd.status).toBe('completed');
      expect(experimentEnd.items).toHaveLength(ITEMS.length);
      const replayEnd = await ended(replay.body.id);
      expect(replayEnd.status).toBe('completed');
      expect(replayEnd.items).toHaveLength(pages.length);
      const shadow = (await call('GET', '/api/traces?environment=shadow')).body.items as unknown[];
      expect(shadow).toHaveLength(pages.length);
    } finally {
      await runner.close();
    }
  }, 60_000);
});
