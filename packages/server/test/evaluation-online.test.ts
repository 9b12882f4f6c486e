// Online evaluation end to end: a real server, traces over OTLP, scored after their quiet period by the rules that
// match and sample them, with the config's custom checks and a judge; the start-up catch-up of unscored traces.
import type { Checklist, ModelPort, ModelPortRequest } from '@kaizen/core';
import { type Store, type TraceScore, toStoredChecklist } from '@kaizen/store';
import { makeSpan } from '@kaizen/store/testing';
import { expect, it } from 'vitest';
import { startServer } from '../src/index.js';
import { BACKENDS } from './support/backends.js';
import { jsonRequest, jsonSpan, newSpanId, newTraceId, postTraces } from './support/otlp-json.js';
import { useTestServer } from './support/test-server.js';

const QUIET_MS = 150;

const support: Checklist = {
  name: 'support',
  passThreshold: 0.5,
  criteria: [
    { id: 'json', description: 'JSON answer', weight: 2, check: { kind: 'json_valid', mode: 'extract' } },
    {
      id: 'short',
      description: 'Short answer',
      weight: 1,
      check: {
        kind: 'custom',
        fn: (subject) => ({ passed: subject.output.length < 100, rationale: `${subject.output.length} characters` }),
      },
    },
    { id: 'polite', description: 'Polite', weight: 1, check: { kind: 'llm_judge', question: 'Is the answer polite?' } },
  ],
};

/** Answers every judged question "yes"; counts its calls. */
function stubJudge(): ModelPort & { calls: ModelPortRequest[] } {
  const calls: ModelPortRequest[] = [];
  return {
    calls,
    async generate(request) {
      calls.push(request);
      const user = request.messages.at(-1)?.content ?? '';
      // buildJudgeMessages numbers the questions: `1. id "polite": Is the answer polite?`
      const ids = [...user.matchAll(/^\d+\. id "([^"]+)":/gm)].map((match) => match[1] as string);
      const answers = ids.map((id) => ({ id, answer: 'yes', rationale: 'courteous' }));
      return { text: JSON.stringify({ answers }), usage: { inputTokens: 10, outputTokens: 5 } };
    },
  };
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function traceRequest(traceId: string, attributes: Record<string, string>, name = 'answer'): string {
  return jsonRequest([
    jsonSpan({
      traceId,
      spanId: newSpanId(),
      name,
      startMs: Date.now(),
      attributes: {
        'gen_ai.request.model': 'gpt-4o',
        'input.value': 'What is the capital of France?',
        'output.value': '{"answer":"Paris"}',
        ...attributes,
      },
    }),
  ]);
}

for (const backend of BACKENDS) {
  backend.describe(`online evaluation (${backend.name})`, () => {
    const judge = stubJudge();
    const logs: string[] = [];
    const context = useTestServer(backend, {
      logger: (line) => logs.push(line),
      onlineEvaluation: {
        evaluators: { support },
        judge,
        quietPeriodMs: QUIET_MS,
        refreshMs: 60_000,
        catchUpWindowMs: 0,
      },
    });

    async function call(method: string, path: string, body?: unknown) {
      const response = await fetch(`${context().url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${context().key}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      expect(response.ok, `${method} ${path}: ${text}`).toBe(true);
      return text === '' ? null : (JSON.parse(text) as Record<string, unknown>);
    }

    async function register(name: string, checklist: Checklist = support) {
      await call('POST', '/api/evaluators', { name, definition: toStoredChecklist({ ...checklist, name }) });
    }

    async function enable(evaluator: string, view: Record<string, unknown>, samplingRate = 1) {
      await call('PUT', '/api/online-evaluators', { evaluator, samplingRate, ...view });
    }

    async function ingest(body: string) {
      const response = await postTraces(context().url, context().key, body);
      expect(response.status).toBe(200);
    }

    const scoresOf = async (traceId: string) =>
      ((await call('GET', `/api/traces/${traceId}/scores`)) as { items: TraceScore[] }).items;

    it('scores an ingested trace once its quiet period has passed, with custom checks and one judge call', async () => {
      await register('support');
      await enable('support', { environment: 'env-1' });
      const traceId = newTraceId();
      const judgeCalls = judge.calls.length;
      const sent = Date.now();
      await ingest(traceRequest(traceId, { 'kaizen.environment': 'env-1' }));
      const [score] = await waitFor(
        () => scoresOf(traceId),
        (items) => items.length > 0,
        'the online score',
      );
      expect(score).toMatchObject({
        traceId,
        evaluatorName: 'support',
        evaluatorVersion: 1,
        source: 'online',
        score: 1,
        passed: true,
        label: 'pass',
        failedCriteria: [],
        errors: 0,
      });
      expect(score?.results).toEqual([
        { criterionId: 'json', status: 'passed', rationale: null },
        { criterionId: 'short', status: 'passed', rationale: '18 characters' },
        { criterionId: 'polite', status: 'passed', rationale: 'courteous' },
      ]);
      // Scored after the quiet period, never on the request path.
      expect(Date.parse(score?.evaluatedAt ?? '')).toBeGreaterThanOrEqual(sent + QUIET_MS - 5);
      expect(judge.calls.length - judgeCalls).toBe(1);
    });

    it('waits for spans that keep arriving, and scores the trace once with all of them', async () => {
      await register('assembled');
      await enable('assembled', { environment: 'env-2' });
      const traceId = newTraceId();
      const rootId = newSpanId();
      // A child whose output is not JSON, then its root with the JSON answer, within the quiet period.
      await ingest(
        jsonRequest([
          jsonSpan({
            traceId,
            parentSpanId: rootId,
            name: 'draft',
            startMs: Date.now(),
            attributes: { 'kaizen.environment': 'env-2', 'output.value': 'thinking…' },
          }),
        ]),
      );
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS / 3));
      await ingest(
        jsonRequest([
          jsonSpan({
            traceId,
            spanId: rootId,
            name: 'agent',
            startMs: Date.now() - 10,
            durationMs: 50,
            attributes: { 'kaizen.environment': 'env-2', 'output.value': '{"answer":"Paris"}' },
          }),
        ]),
      );
      const [score] = await waitFor(
        () => scoresOf(traceId),
        (items) => items.length > 0,
        'the online score',
      );
      expect(score?.results[0]).toMatchObject({ criterionId: 'json', status: 'passed' });
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS * 2));
      expect(await scoresOf(traceId)).toHaveLength(1);
    });

    it('scores only traces in a rule view and sample: sampling 0, other environments and prompt versions are left alone', async () => {
      for (const name of ['never', 'elsewhere', 'prompt-v2', 'witness']) await register(name);
      await enable('never', { environment: 'env-3' }, 0);
      await enable('elsewhere', { environment: 'staging-3' });
      await enable('prompt-v2', { promptName: 'answerer', promptVersion: '2' });
      // Enabled last, so it is evaluated last: once its score is there, the trace is done.
      await enable('witness', { environment: 'env-3' });

      const v1 = newTraceId();
      const v2 = newTraceId();
      await ingest(
        traceRequest(v1, {
          'kaizen.environment': 'env-3',
          'kaizen.prompt.name': 'answerer',
          'kaizen.prompt.version': '1',
        }),
      );
      await ingest(
        traceRequest(v2, {
          'kaizen.environment': 'env-3',
          'kaizen.prompt.name': 'answerer',
          'kaizen.prompt.version': '2',
        }),
      );
      const names = async (traceId: string) =>
        (
          await waitFor(
            () => scoresOf(traceId),
            (items) => items.some((item) => item.evaluatorName === 'witness'),
            'the witness',
          )
        )
          .map((item) => item.evaluatorName)
          .sort();
      expect(await names(v1)).toEqual(['witness']);
      expect(await names(v2)).toEqual(['prompt-v2', 'witness']);
    });

    it('records a custom check the server has no code for as errored, with the reason, not as a failure', async () => {
      await register('uncoded', {
        name: 'uncoded',
        passThreshold: 1,
        criteria: [
          { id: 'json', description: 'JSON', weight: 1, check: { kind: 'json_valid', mode: 'extract' } },
          { id: 'absent', description: 'Not in the config', weight: 1, check: { kind: 'custom', fn: () => true } },
        ],
      });
      await enable('uncoded', { environment: 'env-4' });
      const traceId = newTraceId();
      await ingest(traceRequest(traceId, { 'kaizen.environment': 'env-4' }));
      const [score] = await waitFor(
        () => scoresOf(traceId),
        (items) => items.length > 0,
        'the online score',
      );
      expect(score).toMatchObject({ label: 'error', passed: false, score: 1, errors: 1, failedCriteria: [] });
      expect(score?.results[1]).toMatchObject({ criterionId: 'absent', status: 'errored' });
      expect(score?.results[1]?.reason).toMatch(/no implementation on this server.*kaizen serve --config/);
    });

    it('scores a trace on demand through the API, as a manual score', async () => {
      // No rule watches env-5: only the request scores it.
      await register('support');
      const traceId = newTraceId();
      await ingest(traceRequest(traceId, { 'kaizen.environment': 'env-5' }));
      const score = await call('POST', `/api/traces/${traceId}/scores`, { evaluator: 'support', version: 1 });
      expect(score).toMatchObject({ traceId, evaluatorName: 'support', source: 'manual', passed: true, label: 'pass' });
      expect(await scoresOf(traceId)).toEqual([score]);
    });

    it('catches up at start on recent traces stored while no worker ran', async () => {
      const { store, project } = context();
      await register('catch-up');
      await enable('catch-up', { environment: 'env-6' });
      const span = makeSpan({ startTime: new Date().toISOString(), environment: 'env-6' });
      // Straight into the store: no ingest request, so no worker was told.
      await store.insertSpans(project.id, [span]);
      const second = await startServer({
        store,
        port: 0,
        logger: () => undefined,
        onlineEvaluation: { evaluators: { 'catch-up': support }, judge, quietPeriodMs: 10 },
      });
      try {
        const scores = await waitFor(
          () => (store as Store).scores.listForTrace(project.id, span.traceId),
          (items) => items.length > 0,
          'the catch-up score',
        );
        expect(scores[0]).toMatchObject({ evaluatorName: 'catch-up', source: 'online' });
      } finally {
        await second.close();
      }
      expect(logs.filter((line) => line.includes('online'))).toEqual([]);
    });
  });
}
