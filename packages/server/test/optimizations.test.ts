// Optimization runs over a real server and store, with the simulated schema.org model: a weak prompt improved on
// fixture pages, candidates as prompt versions with diffs, cancel, validation before any row exists, budgets, and a
// run stopped with its server and resumed on a new one over the same database without repeating a model call.
import type { Store } from '@kaizen/store';
import { describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/index.js';
import { BACKENDS, SQLITE } from './support/backends.js';
import {
  type Candidate,
  CountingModels,
  candidates,
  client,
  finished,
  ITEMS,
  type Run,
  START,
  setUp,
  start,
  WEAK,
} from './support/optimization-setup.js';
import { createProjectWithKey, useTestServer } from './support/test-server.js';

for (const backend of BACKENDS) {
  backend.describe(`optimization runs over ${backend.name}`, () => {
    const context = useTestServer(backend, { logger: () => undefined });

    it('improves a weak prompt: candidates become prompt versions with diffs, within the budget', async () => {
      const call = client(context().url, context().key);
      await setUp(call);
      const started = await start(call, { model: 'sim:schemaorg', budget: { maxCandidateEvals: 200, maxRounds: 4 } });
      expect(started).toMatchObject({ status: 'running', startVersion: 1, simulated: true, round: 0 });
      expect(started.budget).toEqual({ maxCandidateEvals: 200, maxRounds: 4 });

      const run = await finished(call, started.id);
      expect(run.error).toBeNull();
      expect(['completed', 'plateau', 'budget-exhausted']).toContain(run.status);
      const result = run.result;
      if (result === null) throw new Error('a finished run has a result');
      expect(result.status).toBe(run.status);
      expect(result.spend.candidateEvals).toBeLessThanOrEqual(200);
      expect(run.spend).toEqual(result.spend);
      expect(result.rounds).toBeLessThanOrEqual(4);
      expect(result.validation.after.score).toBeGreaterThan(result.validation.before.score);
      expect(result.holdout?.after.n).toBe(4);
      expect(run.progress.bestCandidateId).toBe(result.bestId);
      expect(run.round).toBe(result.rounds);

      const items = await candidates(call, run.id);
      expect(items.length).toBe(run.progress.candidates);
      expect(items.map((item) => item.id)).toEqual(items.map((_, index) => `c${index}`));
      const [first, ...rest] = items;
      expect(first).toMatchObject({ id: 'c0', parentId: null, status: 'start', promptVersion: 1, edit: null });
      expect(first?.diffFromParent).toBeNull();
      expect(rest.length).toBeGreaterThan(0);
      for (const candidate of rest) {
        expect(candidate.promptVersion).toBeGreaterThan(1);
        expect(candidate.edit?.operator).toBeTruthy();
        expect(candidate.diffFromParent).toMatch(/^--- extractor v\d+ \(c\d+\)\n\+\+\+ extractor v\d+ \(c\d+\)\n@@/);
      }
      const best = items.find((item) => item.id === result.bestId);
      expect(best?.status).toBe('accepted');
      expect(run.bestVersion).toBe(best?.promptVersion);
      expect(best?.diffFromStart).toContain(`+++ extractor v${run.bestVersion} (${result.bestId})`);
      expect(best?.diffFromStart).toContain(`\n ${WEAK}\n`);
      expect(best?.diffFromStart).toMatch(/^\+[^+]/m);

      // The registry holds each candidate's version, saying which run and edit made it.
      const version = await call('GET', `/api/prompts/extractor/versions/${run.bestVersion}`);
      expect(version.body.message).toMatch(
        new RegExp(`^kaizen optimize ${run.id} ${result.bestId} \\(${best?.edit?.operator}`),
      );
      const listed = await call('GET', '/api/optimizations?promptName=extractor');
      expect((listed.body.items as Run[]).map((item) => item.id)).toContain(run.id);
      expect((await call('GET', '/api/optimizations?status=running')).body.items).toEqual([]);
      await expect(call('POST', `/api/optimizations/${run.id}/cancel`, {})).resolves.toMatchObject({ status: 409 });
      await expect(call('POST', `/api/optimizations/${run.id}/resume`, {})).resolves.toMatchObject({ status: 409 });

      // Another project sees none of it.
      const other = client(context().url, (await createProjectWithKey(context().store, 'other')).key);
      for (const [method, path] of [
        ['GET', `/api/optimizations/${run.id}`],
        ['GET', `/api/optimizations/${run.id}/candidates`],
        ['POST', `/api/optimizations/${run.id}/cancel`],
        ['POST', `/api/optimizations/${run.id}/resume`],
      ] as const) {
        expect((await other(method, path, method === 'POST' ? {} : undefined)).status).toBe(404);
      }
      expect((await other('GET', '/api/optimizations')).body.items).toEqual([]);
    });
  });
}

describe('optimization runs: validation, cancel, budgets, resume', () => {
  const models = new CountingModels();
  const context = useTestServer(SQLITE, { logger: () => undefined, optimization: { resolveModel: models.resolve } });
  const project = async (options: { model?: string | null } = {}) => {
    const call = client(context().url, (await createProjectWithKey(context().store, 'optimize')).key);
    await setUp(call, options);
    return call;
  };

  it('refuses a bad request with a clear message before any run exists', async () => {
    const call = await project({ model: null });
    const refused = async (body: Record<string, unknown>, status: number, message: RegExp) => {
      const answer = await call('POST', '/api/optimizations', { ...START, model: 'sim:schemaorg', ...body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      expect(answer.body.error?.message).toMatch(message);
    };
    await refused({ prompt: 'nope' }, 404, /prompt "nope" not found/);
    await refused({ version: 7 }, 404, /prompt "extractor" has no version 7/);
    await refused({ label: 'production' }, 404, /no label "production"/);
    await refused({ version: 1, label: 'production' }, 400, /label: give a version or a label, not both/);
    await refused({ dataset: 'nope' }, 404, /dataset "nope" not found/);
    await refused({ datasetVersion: 3 }, 404, /dataset "pages" has no version 3/);
    await refused({ evaluator: 'nope' }, 404, /evaluator "nope" not found/);
    await refused({ model: undefined }, 400, /model: prompt "extractor" version 1 names no model/);
    await refused({ model: 'sim:nope' }, 400, /model: unknown simulated task/);
    await refused({ model: 'nonsense' }, 400, /model: invalid model "nonsense"/);
    await refused({ settings: { operators: ['reflect'] } }, 400, /"reflect" needs an optimizerModel/);
    await refused({ budget: { maxUsd: -1 } }, 400, /budget.maxUsd/);
    await refused({ settings: { alpha: 2 } }, 400, /settings.alpha/);
    await refused({ extra: true }, 400, /unrecognized|extra/i);

    const trainOnly = ITEMS.map((item) => ({ ...item, split: 'train' }));
    expect((await call('POST', '/api/datasets/train-only/versions', { items: trainOnly })).status).toBe(201);
    await refused({ dataset: 'train-only' }, 400, /has no validation items/);
    expect((await call('GET', '/api/optimizations')).body.items).toEqual([]);
    expect((await call('GET', '/api/optimizations/not-a-uuid')).status).toBe(400);
    expect((await call('GET', '/api/optimizations/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  it('stops within its call budget', async () => {
    const call = await project();
    const before = models.delivered;
    const run = await finished(call, (await start(call, { budget: { maxCalls: 60 } })).id);
    expect(run.status).toBe('budget-exhausted');
    expect(run.spend.calls).toBeLessThanOrEqual(60);
    expect(models.delivered - before).toBeLessThanOrEqual(60);
  });

  it('cancels a running run between steps, then resumes it to the end', async () => {
    const call = await project();
    const reached = models.holdAt(models.delivered + 20);
    const started = await start(call);
    await reached;
    const cancelling = call('POST', `/api/optimizations/${started.id}/cancel`, {});
    // The held call answers after the abort: the loop stops at its next step.
    setTimeout(() => models.release(), 20);
    const cancelled = await cancelling;
    expect([200, 202]).toContain(cancelled.status);
    const run = await finished(call, started.id);
    expect(run.status).toBe('cancelled');
    expect(run.result?.status).toBe('cancelled');
    expect((await call('POST', `/api/optimizations/${run.id}/cancel`, {})).status).toBe(409);

    const resumed = await call('POST', `/api/optimizations/${run.id}/resume`, {});
    expect(resumed.status).toBe(202);
    expect(resumed.body).toMatchObject({ id: run.id, status: 'running', error: null, result: null });
    expect((await call('POST', `/api/optimizations/${run.id}/resume`, {})).status).toBe(409);
    const done = await finished(call, run.id);
    expect(['completed', 'plateau', 'budget-exhausted']).toContain(done.status);
  });
});

describe('optimization runs: a server stopped mid-run', () => {
  it('resumes on a new server over the same database and repeats no model call', async () => {
    const models = new CountingModels();
    const opened = await SQLITE.open();
    const servers: RunningServer[] = [];
    const serve = async (store: Store) => {
      const server = await startServer({
        store,
        port: 0,
        logger: () => undefined,
        // The server's default optimizer model, for runs that name none.
        optimization: { resolveModel: models.resolve, optimizerModel: 'sim:optimizer' },
      });
      servers.push(server);
      return server;
    };
    try {
      const first = await serve(opened.store);
      const reference = await createProjectWithKey(opened.store, 'reference');
      const stopped = await createProjectWithKey(opened.store, 'stopped');
      // Projects do not share cached answers: each pays for every call once.
      const referenceCall = client(first.url, reference.key);
      await setUp(referenceCall);
      const reflecting = { optimizerModel: undefined };
      const whole = await finished(referenceCall, (await start(referenceCall, reflecting)).id);
      expect(whole).toMatchObject({ optimizerModel: 'sim:optimizer', simulated: true });
      expect(whole.result?.spend.optimizerCalls).toBeGreaterThan(0);
      // Task and optimizer calls alike.
      const calls = models.delivered;
      expect(calls).toBeGreaterThan(20);

      let call = client(first.url, stopped.key);
      await setUp(call);
      models.delivered = 0;
      const reached = models.holdAt(Math.floor(calls / 2));
      const started = await start(call, reflecting);
      await reached;
      const closing = first.close();
      models.release();
      await closing;
      const beforeCrash = models.delivered;
      expect(beforeCrash).toBeLessThan(calls);
      const interrupted = await opened.store.optimizations.get(stopped.project.id, started.id);
      expect(interrupted).toMatchObject({ status: 'interrupted', error: expect.stringMatching(/server stopped/) });
      expect(interrupted?.progress.candidates).toBeGreaterThan(0);
      // As a crashed process would have left it.
      await opened.store.optimizations.update(stopped.project.id, started.id, { status: 'running', error: null });

      const second = await serve(opened.store);
      call = client(second.url, stopped.key);
      expect((await call('GET', `/api/optimizations/${started.id}`)).body).toMatchObject({ status: 'interrupted' });
      expect((await call('POST', `/api/optimizations/${started.id}/resume`, {})).status).toBe(202);
      const resumed = await finished(call, started.id);

      expect(models.delivered).toBe(calls);
      expect(resumed.status).toBe(whole.status);
      // The same run, answer for answer; only which answers were paid for differs (the resumed half found many cached).
      const unpaid = (run: Run) =>
        JSON.parse(JSON.stringify(run.result), (key, value) => (key === 'paidCalls' ? 0 : value));
      expect(unpaid(resumed)).toEqual(unpaid(whole));
      const shape = (items: Candidate[]) =>
        items.map(({ id, parentId, status, validation, edit }) => ({ id, parentId, status, validation, edit }));
      expect(shape(await candidates(call, started.id))).toEqual(
        shape(await candidates(client(second.url, reference.key), whole.id)),
      );
    } finally {
      for (const server of servers) await server.close().catch(() => undefined);
      await opened.dispose();
    }
  });
});
