// The evaluation API over a real server and store: evaluators, scores, aggregates, labels, agreement, online rules,
// validation (400s) and project isolation, on both backends.
import { makeSpan } from '@kaizen/store/testing';
import { expect, it } from 'vitest';
import { BACKENDS } from './support/backends.js';
import { createProjectWithKey, useTestServer } from './support/test-server.js';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

function client(url: string, key: string) {
  return async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  };
}

const definition = {
  name: 'support',
  description: 'Support answers',
  passThreshold: 0.5,
  criteria: [
    { id: 'json', description: 'JSON only', weight: 2, check: { kind: 'json_valid', mode: 'extract' } },
    { id: 'short', description: 'Short', weight: 1, check: { kind: 'custom', name: 'short' } },
    { id: 'polite', description: 'Polite', weight: 1, check: { kind: 'llm_judge', question: 'Is it polite?' } },
  ],
};

const errorOf = (answer: Answer) => (answer.body.error as { code: string; message: string } | undefined) ?? null;

for (const backend of BACKENDS) {
  backend.describe(`evaluation API (${backend.name})`, () => {
    const context = useTestServer(backend, { logger: () => undefined, onlineEvaluation: false });

    it('registers versions of an evaluator, dedupes identical content, and serves them', async () => {
      const call = client(context().url, context().key);
      const first = await call('POST', '/api/evaluators', { name: 'support', definition, message: 'first' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ created: true, version: { name: 'support', version: 1, message: 'first' } });
      const same = await call('POST', '/api/evaluators', { name: 'support', definition });
      expect(same.status).toBe(200);
      expect(same.body).toMatchObject({ created: false, version: { version: 1 } });
      const second = await call('POST', '/api/evaluators', {
        name: 'support',
        definition: { ...definition, passThreshold: 0.75 },
      });
      expect(second.body).toMatchObject({ created: true, version: { version: 2 } });

      expect((await call('GET', '/api/evaluators')).body.items).toEqual([
        expect.objectContaining({ name: 'support', latestVersion: 2, criteria: 3 }),
      ]);
      const details = await call('GET', '/api/evaluators/support');
      expect(details.body).toMatchObject({
        name: 'support',
        latest: { version: 2, definition: { passThreshold: 0.75 } },
      });
      expect((details.body.versions as { version: number }[]).map((item) => item.version)).toEqual([2, 1]);
      expect((await call('GET', '/api/evaluators/support/versions/1')).body).toMatchObject({
        version: 1,
        definition: { criteria: [{ id: 'json' }, { id: 'short', check: { kind: 'custom', name: 'short' } }, {}] },
      });
      expect((await call('GET', '/api/evaluators/support/versions/3')).status).toBe(404);
      expect((await call('GET', '/api/evaluators/nope')).status).toBe(404);
    });

    it('refuses invalid evaluators with a 400 naming the problem', async () => {
      const call = client(context().url, context().key);
      const bad = async (body: unknown, message: RegExp) => {
        const answer = await call('POST', '/api/evaluators', body);
        expect(answer.status, JSON.stringify(answer.body)).toBe(400);
        expect(errorOf(answer)?.message).toMatch(message);
      };
      await bad({ name: 'bad name!', definition }, /name/);
      await bad({ name: 'x', definition: { ...definition, passThreshold: 2 } }, /passThreshold/);
      await bad({ name: 'x', definition: { ...definition, criteria: [] } }, /at least one criterion/);
      await bad({ name: 'x', definition: { ...definition, extra: 1 } }, /extra/);
      await bad(
        {
          name: 'x',
          definition: {
            ...definition,
            criteria: [{ ...definition.criteria[0], check: { kind: 'regex', pattern: '(' } }],
          },
        },
        /criterion "json".*regular expression|invalid regex|pattern/i,
      );
      await bad(
        {
          name: 'x',
          definition: { ...definition, criteria: [{ ...definition.criteria[0], check: { kind: 'nope' } }] },
        },
        /unknown check kind/,
      );
      await bad(
        {
          name: 'x',
          definition: { ...definition, criteria: [{ ...definition.criteria[1], check: { kind: 'custom', fn: 'x' } }] },
        },
        /custom check is stored as/,
      );
      const unsupported = await fetch(`${context().url}/api/evaluators`, {
        method: 'POST',
        headers: { authorization: `Bearer ${context().key}`, 'content-type': 'text/plain' },
        body: 'name=x',
      });
      expect(unsupported.status).toBe(415);
      expect((await call('POST', '/api/evaluators', '{"name":')).status).toBe(400);
    });

    it('reads a trace scores, aggregates them over a view, and validates the query', async () => {
      const { store, project } = context();
      const call = client(context().url, context().key);
      await call('POST', '/api/evaluators', { name: 'agg', definition: { ...definition, name: 'agg' } });
      const spans = [
        makeSpan({ startTime: '2025-03-01T10:05:00.000Z', environment: 'production', model: 'gpt-4o' }),
        makeSpan({ startTime: '2025-03-01T10:35:00.000Z', environment: 'production', model: 'gpt-4o' }),
        makeSpan({ startTime: '2025-03-02T08:00:00.000Z', environment: 'staging', model: 'gpt-4o' }),
      ];
      await store.insertSpans(project.id, spans);
      const statuses = [
        { json: 'passed', short: 'passed', polite: 'passed' },
        { json: 'failed', short: 'passed', polite: 'errored' },
        { json: 'passed', short: 'failed', polite: 'failed' },
      ] as const;
      for (const [index, span] of spans.entries()) {
        await store.scores.write(project.id, {
          traceId: span.traceId,
          evaluatorName: 'agg',
          evaluatorVersion: 1,
          score: [1, 1 / 3, 0.5][index] ?? null,
          passed: index === 0,
          label: index === 0 ? 'pass' : 'fail',
          results: Object.entries(statuses[index] ?? {}).map(([criterionId, status]) => ({
            criterionId,
            status,
            rationale: null,
          })),
          source: 'online',
          evaluatedAt: new Date().toISOString(),
        });
      }
      const [firstSpan] = spans;
      const scores = await call('GET', `/api/traces/${firstSpan?.traceId.toUpperCase()}/scores`);
      expect(scores.body).toMatchObject({
        traceId: firstSpan?.traceId,
        items: [{ evaluatorName: 'agg', evaluatorVersion: 1, score: 1, passed: true, failedCriteria: [] }],
      });

      const hourly = await call('GET', '/api/scores/timeseries?evaluator=agg&bucket=hour&environment=production');
      expect(hourly.status).toBe(200);
      expect(hourly.body).toMatchObject({ evaluatorName: 'agg', bucket: 'hour', environment: 'production' });
      expect(hourly.body.points).toEqual([
        { bucketStart: '2025-03-01T10:00:00.000Z', count: 2, meanScore: expect.closeTo(2 / 3, 6), passRate: 0.5 },
      ]);
      const daily = await call('GET', '/api/scores/timeseries?evaluator=agg&model=gpt-4o&from=2025-03-02T00:00:00Z');
      expect(daily.body.points).toEqual([
        { bucketStart: '2025-03-02T00:00:00.000Z', count: 1, meanScore: 0.5, passRate: 0 },
      ]);
      const criteria = await call('GET', '/api/scores/criteria?evaluator=agg');
      expect(criteria.body.criteria).toEqual([
        { criterionId: 'json', passed: 2, failed: 1, errored: 0, skipped: 0, passRate: 2 / 3 },
        { criterionId: 'short', passed: 2, failed: 1, errored: 0, skipped: 0, passRate: 2 / 3 },
        { criterionId: 'polite', passed: 1, failed: 1, errored: 1, skipped: 0, passRate: 0.5 },
      ]);

      for (const [query, message] of [
        ['bucket=hour', /evaluator/],
        ['evaluator=agg&bucket=week', /bucket/],
        ['evaluator=agg&modle=x', /unknown modle/],
        ['evaluator=agg&from=yesterday', /from/],
        ['evaluator=agg&from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z', /after "to"/],
        ['evaluator=agg&evaluator=other', /more than once/],
      ] as const) {
        const answer = await call('GET', `/api/scores/timeseries?${query}`);
        expect(answer.status, query).toBe(400);
        expect(errorOf(answer)?.message, query).toMatch(message);
      }
      expect((await call('GET', '/api/traces/xyz/scores')).status).toBe(400);
    });

    it('stores human labels and reports each judged criterion agreement with them', async () => {
      const { store, project } = context();
      const call = client(context().url, context().key);
      await call('POST', '/api/evaluators', { name: 'agree', definition: { ...definition, name: 'agree' } });
      const spans = [makeSpan(), makeSpan(), makeSpan(), makeSpan()];
      await store.insertSpans(project.id, spans);
      // Judge: pass, pass, fail, fail; humans: pass, fail, fail, fail → tp 1, fp 1, tn 2.
      const judge = [true, true, false, false];
      const human = [true, false, false, false];
      for (const [index, span] of spans.entries()) {
        await store.scores.write(project.id, {
          traceId: span.traceId,
          evaluatorName: 'agree',
          evaluatorVersion: 1,
          score: 1,
          passed: true,
          label: 'pass',
          results: [{ criterionId: 'polite', status: judge[index] ? 'passed' : 'failed', rationale: 'judge said so' }],
          source: 'online',
          evaluatedAt: new Date().toISOString(),
        });
        const label = await call('PUT', `/api/traces/${span.traceId}/labels`, {
          evaluator: 'agree',
          criterion: 'polite',
          passed: human[index],
          note: index === 1 ? 'curt' : null,
          author: 'ana',
        });
        expect(label.status).toBe(200);
      }
      const [second] = spans.slice(1);
      const labels = await call('GET', `/api/traces/${second?.traceId}/labels`);
      expect(labels.body.items).toEqual([
        expect.objectContaining({
          evaluatorName: 'agree',
          criterionId: 'polite',
          passed: false,
          note: 'curt',
          author: 'ana',
        }),
      ]);

      const agreement = await call('GET', '/api/evaluators/agree/agreement');
      expect(agreement.body).toMatchObject({ evaluator: 'agree', version: 1 });
      const [polite] = agreement.body.criteria as Record<string, unknown>[];
      expect(polite).toMatchObject({
        criterionId: 'polite',
        n: 4,
        confusion: { tp: 1, fp: 1, fn: 0, tn: 2 },
        accuracy: 0.75,
      });
      expect(polite?.kappa).toBeCloseTo(0.5);
      expect((agreement.body.criteria as unknown[]).length).toBe(1);

      const put = (body: unknown, traceId = second?.traceId) => call('PUT', `/api/traces/${traceId}/labels`, body);
      expect((await put({ evaluator: 'agree', criterion: 'nope', passed: true })).status).toBe(400);
      expect((await put({ evaluator: 'missing', criterion: 'polite', passed: true })).status).toBe(404);
      expect((await put({ evaluator: 'agree', criterion: 'polite', passed: 'yes' })).status).toBe(400);
      expect((await put({ evaluator: 'agree', criterion: 'polite', passed: true }, 'a'.repeat(32))).status).toBe(404);
    });

    it('creates, updates, lists and deletes online evaluators, validating them', async () => {
      const call = client(context().url, context().key);
      await call('POST', '/api/evaluators', { name: 'live', definition: { ...definition, name: 'live' } });
      const created = await call('PUT', '/api/online-evaluators', {
        evaluator: 'live',
        environment: 'production',
        promptName: 'answerer',
        samplingRate: 0.2,
      });
      expect(created.status).toBe(201);
      const rule = created.body.evaluator as { id: string };
      expect(created.body.evaluator).toMatchObject({
        evaluatorName: 'live',
        environment: 'production',
        promptName: 'answerer',
        promptVersion: null,
        samplingRate: 0.2,
        enabled: true,
      });
      const updated = await call('PUT', '/api/online-evaluators', {
        evaluator: 'live',
        environment: 'production',
        promptName: 'answerer',
        samplingRate: 1,
        enabled: false,
      });
      expect(updated.status).toBe(200);
      expect(updated.body.evaluator).toMatchObject({ id: rule.id, samplingRate: 1, enabled: false });
      expect((await call('GET', `/api/online-evaluators/${rule.id}`)).body).toMatchObject({ id: rule.id });
      expect(
        ((await call('GET', '/api/online-evaluators')).body.items as { id: string }[]).map((item) => item.id),
      ).toContain(rule.id);

      for (const body of [
        { evaluator: 'live', samplingRate: 1.5 },
        { evaluator: 'live', samplingRate: -0.1 },
        { evaluator: 'live' },
        { evaluator: 'live', samplingRate: 1, promptVersion: '2' },
        { evaluator: 'live', samplingRate: 1, colour: 'red' },
      ]) {
        expect((await call('PUT', '/api/online-evaluators', body)).status, JSON.stringify(body)).toBe(400);
      }
      expect((await call('PUT', '/api/online-evaluators', { evaluator: 'ghost', samplingRate: 1 })).status).toBe(404);
      expect((await call('GET', '/api/online-evaluators/not-a-uuid')).status).toBe(400);

      expect((await call('DELETE', `/api/online-evaluators/${rule.id}`)).status).toBe(204);
      expect((await call('DELETE', `/api/online-evaluators/${rule.id}`)).status).toBe(404);
      expect((await call('GET', `/api/online-evaluators/${rule.id}`)).status).toBe(404);
    });

    it('keeps every evaluation route inside the key project', async () => {
      const { store, project } = context();
      const mine = client(context().url, context().key);
      const other = await createProjectWithKey(store, 'other');
      const theirs = client(context().url, other.key);
      await mine('POST', '/api/evaluators', { name: 'private', definition: { ...definition, name: 'private' } });
      const span = makeSpan();
      await store.insertSpans(project.id, [span]);
      await store.scores.write(project.id, {
        traceId: span.traceId,
        evaluatorName: 'private',
        evaluatorVersion: 1,
        score: 1,
        passed: true,
        label: 'pass',
        results: [{ criterionId: 'polite', status: 'passed', rationale: null }],
        source: 'manual',
        evaluatedAt: new Date().toISOString(),
      });
      await mine('PUT', `/api/traces/${span.traceId}/labels`, {
        evaluator: 'private',
        criterion: 'polite',
        passed: true,
      });
      const rule = await mine('PUT', '/api/online-evaluators', { evaluator: 'private', samplingRate: 1 });
      const ruleId = (rule.body.evaluator as { id: string }).id;

      expect((await theirs('GET', '/api/evaluators')).body.items).toEqual([]);
      expect((await theirs('GET', '/api/evaluators/private')).status).toBe(404);
      expect((await theirs('GET', '/api/evaluators/private/versions/1')).status).toBe(404);
      expect((await theirs('GET', '/api/evaluators/private/agreement')).status).toBe(404);
      expect((await theirs('GET', `/api/traces/${span.traceId}/scores`)).body.items).toEqual([]);
      expect((await theirs('GET', `/api/traces/${span.traceId}/labels`)).body.items).toEqual([]);
      expect((await theirs('GET', '/api/scores/timeseries?evaluator=private')).body.points).toEqual([]);
      expect((await theirs('GET', '/api/scores/criteria?evaluator=private')).body.criteria).toEqual([]);
      expect((await theirs('GET', '/api/online-evaluators')).body.items).toEqual([]);
      expect((await theirs('GET', `/api/online-evaluators/${ruleId}`)).status).toBe(404);
      expect((await theirs('DELETE', `/api/online-evaluators/${ruleId}`)).status).toBe(404);
      expect(
        (
          await theirs('PUT', `/api/traces/${span.traceId}/labels`, {
            evaluator: 'private',
            criterion: 'polite',
            passed: true,
          })
        ).status,
      ).toBe(404);
      expect((await theirs('PUT', '/api/online-evaluators', { evaluator: 'private', samplingRate: 1 })).status).toBe(
        404,
      );
      expect((await theirs('POST', `/api/traces/${span.traceId}/scores`, { evaluator: 'private' })).status).toBe(404);
      // Unauthenticated: 401 everywhere.
      const anonymous = await fetch(`${context().url}/api/evaluators`);
      expect(anonymous.status).toBe(401);
    });
  });
}
