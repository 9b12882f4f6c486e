// The compression scenario: Kaizen's loop with the ablation operator from a strong but verbose schemaorg prompt.
import type { OptimizerPort } from '@kaizen/core';
import { countedEvaluate } from './counted-evaluate.js';
import type { CompressionFigures } from './figures.js';
import { runKaizen } from './run-kaizen.js';
import type { BenchTask } from './tasks/bench-task.js';
import { schemaorgVerboseStart } from './tasks/schemaorg-verbose-prompt.js';

/**
 * @example
 * const figures = await runCompression(schemaorgTask(), optimizer, 300, progress);
 */
export async function runCompression(
  task: BenchTask,
  optimizer: OptimizerPort | null,
  maxCandidateEvals: number,
  progress: (line: string) => void,
): Promise<CompressionFigures> {
  const counted = countedEvaluate(task);
  const { result } = await runKaizen(task, counted, optimizer, {
    start: schemaorgVerboseStart(),
    maxCandidateEvals,
    operators: ['ablate', 'merge'],
    progress: (line) => progress(`${task.name}: ${line}`),
  });
  const start = result.candidates.find((candidate) => candidate.id === result.startId);
  const best = result.candidates.find((candidate) => candidate.id === result.bestId);
  if (start === undefined || best === undefined || result.holdout === null) {
    throw new Error('compression: the loop returned no start, best or holdout report');
  }
  return {
    task: task.name,
    status: result.status,
    candidateEvals: counted.candidateEvals(),
    promptTokensBefore: start.promptTokens,
    promptTokensAfter: best.promptTokens,
    holdoutBefore: result.holdout.before.score,
    holdoutAfter: result.holdout.after.score,
    validationBefore: result.validation.before.score,
    validationAfter: result.validation.after.score,
  };
}
