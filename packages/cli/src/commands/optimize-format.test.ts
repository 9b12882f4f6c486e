import type { CriterionChange, SplitScore } from '@kaizen/core';
import type { OptimizationCandidate, OptimizationRun, SplitReport } from '@kaizen/sdk';
import { describe, expect, it } from 'vitest';
import { formatOptimization, formatSplit } from './optimize-format.js';

const cost = { calls: 0, paidCalls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
const spend = {
  ...cost,
  calls: 130,
  paidCalls: 120,
  inputTokens: 5000,
  outputTokens: 900,
  candidateEvals: 96,
  optimizerCalls: 4,
};

const split = (score: number, passRate: number, json: number): SplitScore => ({
  score,
  passRate,
  n: 10,
  criteria: { json: { passRate: json, n: 10 } },
});

const change = (criterionId: string, before: number, after: number, regressed = false): CriterionChange => ({
  criterionId,
  before,
  after,
  n: 10,
  broke: regressed ? 3 : 0,
  fixed: regressed ? 0 : 5,
  pValue: regressed ? 0.125 : 0.0312,
  regressed,
});

const report = (criteria: CriterionChange[]): SplitReport => ({
  before: split(0.4, 0.2, 0.3),
  after: split(0.8, 0.6, 0.8),
  criteria,
  itemsBroken: 1,
  itemsFixed: 5,
});

const run: OptimizationRun = {
  id: 'run-1',
  status: 'completed',
  promptName: 'extractor',
  startVersion: 1,
  bestVersion: 3,
  datasetName: 'pages',
  datasetVersion: 1,
  evaluatorName: 'extractor',
  evaluatorVersion: 2,
  model: 'sim:schemaorg',
  optimizerModel: null,
  simulated: true,
  budget: { maxRounds: 3 },
  settings: {},
  round: 3,
  spend,
  progress: { bestCandidateId: 'c2', bestValidationScore: 0.8, candidates: 5 },
  result: {
    status: 'completed',
    rounds: 3,
    startId: 'c0',
    bestId: 'c2',
    paretoFront: ['c2'],
    validation: report([change('json', 0.3, 0.8), change('type', 0.9, 0.6, true)]),
    holdout: null,
    spend,
  },
  error: null,
  createdAt: '2025-06-01T00:00:00.000Z',
  updatedAt: '2025-06-01T00:01:00.000Z',
  finishedAt: '2025-06-01T00:01:00.000Z',
};

const candidate = (id: string, parentId: string | null, version: number | null, operator: string | null) =>
  ({
    id,
    parentId,
    round: Number(id.slice(1)),
    promptVersion: version,
    status: 'accepted',
    edit: operator === null ? null : { part: 'system', operator, description: `${operator} edit` },
    promptTokens: 40,
    minibatch: null,
    validation: null,
    acceptance: null,
    cost,
    contentHash: id,
    createdAt: '',
    updatedAt: '',
    diffFromParent: null,
    diffFromStart: id === 'c2' ? '--- v1\n+++ v3\n@@ -1 +1,2 @@\n Give me JSON.\n+Respond with raw JSON only.\n' : null,
  }) satisfies OptimizationCandidate;

const candidates = [
  candidate('c0', null, 1, null),
  candidate('c1', 'c0', 2, 'few-shot'),
  candidate('c2', 'c1', 3, 'criterion-to-instruction'),
];

describe('formatOptimization', () => {
  it('prints the status, the simulated notice, the accepted edits, the diff, the tables and the spend', () => {
    const text = formatOptimization(run, candidates);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Optimization run-1: completed after 3 rounds');
    expect(lines[1]).toBe(
      'extractor v1 on pages v1, checklist extractor v2; model sim:schemaorg, optimizer none (deterministic edits only)',
    );
    expect(lines[2]).toMatch(/^SIMULATED model \(sim:schemaorg\): .*not real-model quality\.$/);
    expect(text).toContain('Best candidate c2 = extractor v3 (start v1).');
    expect(text).toContain('  c1 round 1 few-shot: few-shot edit\n  c2 round 2 criterion-to-instruction:');
    expect(text).toContain('+Respond with raw JSON only.');
    expect(text).toContain('Validation (10 items): score 0.400 → 0.800 (Δ +0.400), pass rate 20.0% → 60.0%');
    expect(text).toMatch(/json\s+30\.0%\s+80\.0%\s+\+50\.0 pp\s+0\.0312\s+5\s+0\n/);
    expect(text).toMatch(/type\s+90\.0%\s+60\.0%\s+-30\.0 pp\s+0\.1250\s+0\s+3\s+✗ regressed/);
    expect(text).toContain('Holdout: none (the dataset version has no holdout items)');
    expect(lines.at(-1)).toBe(
      'Spent: 3 rounds, 5 candidates, 96 candidate evals, 130 model calls (120 paid, 4 optimizer), 5000 tokens in, 900 out, $0.0000',
    );
  });

  it('says when nothing beat the start, and how to go on with a stopped run', () => {
    const stopped: OptimizationRun = {
      ...run,
      status: 'cancelled',
      simulated: false,
      model: 'openai:gpt-4o-mini',
      bestVersion: null,
      result: null,
      round: 1,
      progress: { bestCandidateId: 'c0', bestValidationScore: 0.4, candidates: 2 },
    };
    const text = formatOptimization(stopped, candidates);
    expect(text).toContain('Optimization run-1: cancelled after 1 round\n');
    expect(text).not.toContain('SIMULATED');
    expect(text).toContain('No candidate beat the start prompt: extractor v1 stays best.');
    expect(text).not.toContain('Validation');
    expect(text.split('\n').at(-1)).toBe('Go on from the last checkpoint with: kaizen optimize --resume run-1');
  });

  it('flags a simulated optimizer model even when the task model is real', () => {
    const text = formatOptimization({ ...run, model: 'openai:gpt-4o', optimizerModel: 'sim:optimizer' }, candidates);
    expect(text).toContain('SIMULATED model (sim:optimizer)');
  });
});

describe('formatSplit', () => {
  it('shows - for a criterion with no rate on one side', () => {
    const text = formatSplit('Holdout', report([{ ...change('json', 0.5, 0.5), after: null }]));
    expect(text).toMatch(/json\s+50\.0%\s+-\s+-\s+0\.0312/);
  });
});
