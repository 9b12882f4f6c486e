import { KaizenError } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { type OptimizeFlags, planOptimize } from './optimize-options.js';

const base = { prompt: 'extractor', dataset: 'pages', evaluator: 'extractor' } satisfies OptimizeFlags;

function messageOf(flags: OptimizeFlags): string {
  try {
    planOptimize(flags);
    return 'no error';
  } catch (error) {
    expect(KaizenError.isInstance(error) && error.code === 'invalid_input').toBe(true);
    return (error as Error).message;
  }
}

describe('planOptimize', () => {
  it('turns every flag into the start body', () => {
    const plan = planOptimize({
      ...base,
      label: 'production',
      datasetVersion: '2',
      model: 'sim:schemaorg',
      optimizerModel: 'sim:optimizer',
      budgetEvals: '300',
      budgetCalls: '400',
      budgetUsd: '1.5',
      budgetTokens: '100000',
      rounds: '4',
      seed: '7',
      promote: 'staging',
    });
    expect(plan).toEqual({
      kind: 'start',
      promote: 'staging',
      input: {
        prompt: 'extractor',
        label: 'production',
        dataset: 'pages',
        datasetVersion: 2,
        evaluator: 'extractor',
        model: 'sim:schemaorg',
        optimizerModel: 'sim:optimizer',
        budget: { maxCandidateEvals: 300, maxCalls: 400, maxTokens: 100_000, maxUsd: 1.5, maxRounds: 4 },
        settings: { seed: 7 },
      },
    });
  });

  it('sends only what was given, and "none" as no optimizer model', () => {
    expect(planOptimize({ ...base, version: '3', optimizerModel: 'none' })).toEqual({
      kind: 'start',
      promote: null,
      input: { ...base, version: 3, optimizerModel: null },
    });
  });

  it('says which required flags are missing, and that --resume is the other way', () => {
    expect(messageOf({ prompt: 'x' })).toBe(
      'missing --dataset, --evaluator: kaizen optimize needs --prompt, --dataset and --evaluator (or --resume RUN to go on with a run)',
    );
  });

  it('rejects bad numbers and contradictory flags with the fix', () => {
    expect(messageOf({ ...base, version: '2', label: 'production' })).toMatch(/--version or --label, not both/);
    expect(messageOf({ ...base, budgetEvals: '0' })).toBe('--budget-evals must be a positive integer, got "0"');
    expect(messageOf({ ...base, rounds: '2.5' })).toBe('--rounds must be a positive integer, got "2.5"');
    expect(messageOf({ ...base, budgetUsd: 'lots' })).toBe(
      '--budget-usd must be a positive number, e.g. 0.5, got "lots"',
    );
    expect(messageOf({ ...base, budgetUsd: '-1' })).toMatch(/--budget-usd must be a positive number/);
    expect(messageOf({ ...base, seed: 'x' })).toBe('--seed must be an integer, got "x"');
    expect(messageOf({ ...base, datasetVersion: 'latest' })).toMatch(/--dataset-version must be a positive integer/);
    expect(messageOf({ ...base, promote: ' ' })).toBe('--promote must not be empty');
  });

  it('resumes a run with its own settings, refusing run flags', () => {
    expect(planOptimize({ resume: 'r1', promote: 'staging', json: true })).toEqual({
      kind: 'resume',
      runId: 'r1',
      promote: 'staging',
    });
    expect(messageOf({ resume: 'r1', prompt: 'x', budgetUsd: '1' })).toBe(
      "--resume goes on with the run's own settings: drop --prompt, --budget-usd (or start a new run without --resume)",
    );
  });
});
