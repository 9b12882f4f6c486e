// The ax GEPA peer for bench:optimize: run GEPA on Kaizen's models and checklist, score its instruction on holdout.
import type { AxGepaItem, AxGepaResult, RunAxGepaOptions } from './ax-gepa-types.js';
import { type BenchGepaInput, type BenchGepaRun, isBenchGepaInput, runAxGepaForBench } from './bench-adapter.js';
import { runGepaSearch } from './run-ax-gepa.js';

export * from './ax-gepa-types.js';
export * from './bench-adapter.js';
export * from './evaluate-instruction.js';
export { GEPA_MINIBATCH_SIZE, runGepaSearch } from './run-ax-gepa.js';
export { taskMessages } from './task-messages.js';
export { modelTaskRunner, taskRunnerOf } from './task-runner.js';

/**
 * GEPA on the bench's task and counted evaluate port (`GepaInput` of ../gepa-hook.ts), or on explicit options.
 * @example
 * const run = await runAxGepa(gepaInput); // { best, optimizerCalls, validationScore, … }
 * const result = await runAxGepa({ startSystem, userTemplate, taskModel, evaluate, train, validation, criteria,
 *   optimizerModel, maxMetricCalls: 300, seed: 1 }); // { instruction, taskModelCalls, reflectionCalls, … }
 */
export function runAxGepa(input: BenchGepaInput): Promise<BenchGepaRun>;
export function runAxGepa<Item extends AxGepaItem>(options: RunAxGepaOptions<Item>): Promise<AxGepaResult>;
export function runAxGepa<Item extends AxGepaItem>(
  input: BenchGepaInput | RunAxGepaOptions<Item>,
): Promise<BenchGepaRun | AxGepaResult> {
  return isBenchGepaInput(input) ? runAxGepaForBench(input) : runGepaSearch(input);
}
