// The hook to the GEPA comparison: when `bench/optimize/ax-gepa/index.ts` (written apart) is there, its `runAxGepa`
// runs ax's AxGEPA on the bench task's counted evaluate port; the bench measures the result on holdout itself.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OptimizationPorts, PromptContent } from '@kaizen/core';
import { countedEvaluate } from './counted-evaluate.js';
import type { BenchTask, SimulatedModel } from './tasks/bench-task.js';

/**
 * The part of the adapter's bench input the bench fills (structural: the adapter's own types are not imported). The
 * adapter runs every task-model call through `evaluate`, the same counted, caching port every other method gets.
 */
interface AxGepaBenchCall {
  readonly task: BenchTask;
  readonly evaluate: OptimizationPorts['evaluate'];
  readonly optimizerModel: SimulatedModel;
  readonly maxCandidateEvals: number;
  readonly seed: number;
  readonly progress: (line: string) => void;
}

/** The part of the adapter's result the bench reads. */
interface AxGepaBenchOutcome {
  readonly best: PromptContent;
  readonly optimizerCalls: number;
  readonly candidateEvals: number;
  readonly validationScore?: number;
  readonly counters?: { readonly taskModelCalls: number; readonly distinctTaskModelCalls: number };
}

export interface GepaInput {
  readonly task: BenchTask;
  readonly optimizerModel: SimulatedModel;
  readonly maxCandidateEvals: number;
  readonly seed: number;
  readonly progress: (line: string) => void;
}

/**
 * What GEPA found and spent. Its task-model calls go through a counted evaluate port with its own answer cache, as
 * Kaizen's and the baselines' do: a (prompt, item) pair it runs again is not paid twice.
 */
export interface GepaRun {
  readonly best: PromptContent;
  readonly candidateEvals: number;
  readonly taskModelCalls: number;
  readonly optimizerCalls: number;
  readonly validationScore: number | null;
  /** Task-model calls ax made, repeats of a (prompt, item) pair included (what an uncached runner would pay). */
  readonly uncachedTaskModelCalls: number | null;
}

export type GepaAdapter = (input: GepaInput) => Promise<GepaRun>;

const ADAPTER = new URL('./ax-gepa/index.ts', import.meta.url);

/** A GEPA adapter over `runAxGepa` of `bench/optimize/ax-gepa/index.ts`, or null while that file is not there. */
export async function loadGepaAdapter(): Promise<GepaAdapter | null> {
  if (!existsSync(fileURLToPath(ADAPTER))) return null;
  const module = (await import(ADAPTER.href)) as { runAxGepa?: unknown };
  if (typeof module.runAxGepa !== 'function') {
    throw new Error('bench/optimize/ax-gepa/index.ts must export runAxGepa(options)');
  }
  const runAxGepa = module.runAxGepa as (input: AxGepaBenchCall) => Promise<AxGepaBenchOutcome>;
  return async ({ task, optimizerModel, maxCandidateEvals, seed, progress }) => {
    // The same port as every method's: the task model at temperature 0 and seed 0, a memory cache, counted alike.
    const counted = countedEvaluate(task);
    const outcome = await runAxGepa({
      task,
      evaluate: counted.evaluate,
      optimizerModel,
      maxCandidateEvals,
      seed,
      progress,
    });
    return {
      best: outcome.best,
      candidateEvals: outcome.candidateEvals,
      taskModelCalls: counted.searchCalls(),
      optimizerCalls: outcome.optimizerCalls,
      validationScore: outcome.validationScore ?? null,
      uncachedTaskModelCalls: outcome.counters?.taskModelCalls ?? null,
    };
  };
}
