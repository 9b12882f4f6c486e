import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@kaizen/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeExperimentRun } from '../experiments/execute-experiment-run.js';
import { createEvaluatorCompiler } from '../online/compiled-evaluators.js';
import { experimentJobs } from './experiment-jobs.js';
import { JOB_QUEUES, type JobQueue } from './job-queue.js';

describe('experiment jobs', () => {
  let dataDir: string;
  let store: Store;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kaizen-experiment-jobs-'));
    store = await openStore({ dataDir });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('drops a job whose experiment does not exist instead of failing it into retries, and queues nothing', async () => {
    const sent: unknown[] = [];
    const queue = { send: async (...args: unknown[]) => void sent.push(args) } as unknown as JobQueue;
    const logged: string[] = [];
    const project = await store.createProject('p');
    const deps = {
      store,
      compiler: createEvaluatorCompiler({ store, customChecks: () => undefined, judge: undefined, latestTtlMs: 0 }),
    };
    const jobs = experimentJobs(
      JOB_QUEUES.experiment,
      (input) => executeExperimentRun(deps, input),
      queue,
      (line) => logged.push(line),
    );
    await expect(
      jobs.handler(
        { projectId: project.id, experimentId: 'exp_missing', chain: 'c', slice: 0 },
        { id: 'j', leaseSeconds: 60 },
      ),
    ).resolves.toBeUndefined();
    expect(sent).toEqual([]);
    expect(logged.join('\n')).toMatch(/kaizen-experiment job for exp_missing dropped: .*not found/);
  });
});
