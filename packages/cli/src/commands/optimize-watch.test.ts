import type { OptimizationRun, OptimizationsApi } from '@kaizen/sdk';
import { describe, expect, it } from 'vitest';
import type { Output } from '../output.js';
import { progressLine, watchOptimization } from './optimize-watch.js';

const spend = {
  calls: 0,
  paidCalls: 0,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
  candidateEvals: 0,
  optimizerCalls: 0,
};

function state(round: number, best: string | null, status: OptimizationRun['status'] = 'running'): OptimizationRun {
  return {
    id: 'r1',
    status,
    promptName: 'p',
    startVersion: 1,
    bestVersion: null,
    datasetName: 'd',
    datasetVersion: 1,
    evaluatorName: 'e',
    evaluatorVersion: 1,
    model: 'sim:schemaorg',
    optimizerModel: null,
    simulated: true,
    budget: { maxRounds: 4, maxCandidateEvals: 100, maxUsd: 1 },
    settings: {},
    round,
    spend: { ...spend, candidateEvals: round * 10, calls: round * 12, costUsd: round / 100 },
    progress: {
      bestCandidateId: best,
      bestValidationScore: best === null ? null : 0.5 + round / 10,
      candidates: round * 3,
    },
    result: null,
    error: null,
    createdAt: '',
    updatedAt: '',
    finishedAt: null,
  };
}

/** An API whose `get` answers the given states in turn (the last one again once they run out). */
function fakeApi(states: OptimizationRun[]) {
  const calls: string[] = [];
  let index = 0;
  const api = {
    get: async (id: string) => {
      calls.push(`get ${id}`);
      const next = states[Math.min(index, states.length - 1)];
      index += 1;
      if (next === undefined) throw new Error('no state');
      return next;
    },
    cancel: async (id: string) => {
      calls.push(`cancel ${id}`);
      return state(1, 'c0');
    },
  } as unknown as OptimizationsApi;
  return { api, calls };
}

function capture(interactive: boolean) {
  let text = '';
  const output: Output = { stdout: () => {}, stderr: () => {}, progress: (chunk) => (text += chunk), interactive };
  return { output, text: () => text };
}

describe('progressLine', () => {
  it('shows the round under way, candidates, best and spend against the limits', () => {
    expect(progressLine(state(1, 'c2'))).toBe(
      'round 2/4 · 3 candidates · best 0.600 (c2) · 10/100 evals · 12 calls · $0.0100/$1',
    );
    expect(progressLine(state(0, null))).toBe('round 1/4 · 0 candidates · best - · 0/100 evals · 0 calls · $0.0000/$1');
  });
});

describe('watchOptimization', () => {
  it('prints a line when the round or the best changes, off a terminal', async () => {
    const { api, calls } = fakeApi([state(0, 'c0'), state(1, 'c0'), state(1, 'c0'), state(2, 'c3', 'completed')]);
    const out = capture(false);
    const result = await watchOptimization(api, state(0, null), { intervalMs: 1, output: out.output });
    expect(result).toMatchObject({ cancelled: false, run: { status: 'completed', round: 2 } });
    expect(calls).toEqual(['get r1', 'get r1', 'get r1', 'get r1']);
    const lines = out
      .text()
      .split('\n')
      .filter((line) => line !== '');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Optimizing round 1\/4 · 0 candidates · best -/);
    expect(lines.at(-1)).toMatch(/^Optimizing round 2\/4 · 6 candidates · best 0\.700 \(c3\)/);
  });

  it('redraws one line on a terminal and ends it', async () => {
    const { api } = fakeApi([state(1, 'c0'), state(2, 'c1', 'plateau')]);
    const out = capture(true);
    await watchOptimization(api, state(0, null), { intervalMs: 1, output: out.output });
    expect(out.text().startsWith('\rOptimizing round 1/4')).toBe(true);
    expect(out.text().match(/\r/g)).toHaveLength(3);
    expect(out.text().endsWith('\u001b[K\n')).toBe(true);
  });

  it('asks the server to cancel when aborted, without reading the run again', async () => {
    const { api, calls } = fakeApi([state(1, 'c0')]);
    const controller = new AbortController();
    const watching = watchOptimization(api, state(0, null), {
      intervalMs: 60_000,
      output: null,
      signal: controller.signal,
    });
    controller.abort();
    expect(await watching).toMatchObject({ cancelled: true });
    expect(calls).toEqual(['cancel r1']);
  });
});
