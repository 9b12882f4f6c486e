// Runs Kaizen's loop on a bench task and records when each candidate was accepted (in evaluations and calls).
import {
  type CandidateRecord,
  type OptimizationOperator,
  type OptimizationResult,
  type OptimizerPort,
  type PromptContent,
  runOptimization,
} from '@kaizen/core';
import type { CountedEvaluate } from './counted-evaluate.js';
import type { BenchTask } from './tasks/bench-task.js';

/** An accepted candidate with the search spend at the moment it was accepted. */
export interface Acceptance {
  readonly candidate: CandidateRecord;
  /** The best it replaced. */
  readonly parent: PromptContent;
  readonly candidateEvals: number;
  readonly searchCalls: number;
}

export interface KaizenRun {
  readonly result: OptimizationResult;
  readonly acceptances: readonly Acceptance[];
}

export interface KaizenOptions {
  readonly start?: PromptContent;
  readonly maxCandidateEvals: number;
  readonly operators?: readonly OptimizationOperator[];
  readonly seed?: number;
  readonly progress?: (line: string) => void;
}

/**
 * @example
 * const run = await runKaizen(task, countedEvaluate(task), optimizer, { maxCandidateEvals: 300 });
 */
export async function runKaizen(
  task: BenchTask,
  counted: CountedEvaluate,
  optimizer: OptimizerPort | null,
  options: KaizenOptions,
): Promise<KaizenRun> {
  const acceptances: Acceptance[] = [];
  const contents = new Map<string, PromptContent>();
  const label = options.start === undefined ? 'kaizen' : 'kaizen/compression';
  const result = await runOptimization(
    {
      start: options.start ?? task.start,
      criteria: task.checklist.criteria,
      items: task.splits,
      budget: { maxCandidateEvals: options.maxCandidateEvals },
      settings: {
        seed: options.seed ?? 0,
        ...(options.operators !== undefined ? { operators: options.operators } : {}),
      },
    },
    {
      evaluate: counted.evaluate,
      ...(optimizer === null ? {} : { optimizer }),
      onEvent(event) {
        if (event.type === 'candidate') {
          const candidate = event.candidate;
          contents.set(candidate.id, candidate.content);
          const known = acceptances.some((acceptance) => acceptance.candidate.id === candidate.id);
          if (candidate.status === 'accepted' && !known) {
            acceptances.push({
              candidate,
              parent: contents.get(candidate.parentId ?? '') ?? task.start,
              candidateEvals: counted.candidateEvals(),
              searchCalls: counted.searchCalls(),
            });
          }
        } else if (event.type === 'optimization-round-end') {
          options.progress?.(
            `${label}: round ${event.round}, best ${event.bestId} validation ${event.bestScore.toFixed(3)}, ` +
              `${event.spend.candidateEvals} candidate evals, ${event.spend.calls} calls`,
          );
        }
      },
    },
  );
  return { result, acceptances };
}
