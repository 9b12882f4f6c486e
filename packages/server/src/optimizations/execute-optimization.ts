// One run from its stored row to its end: load the input, build the ports (task model, optimizer model, the
// store-backed answer cache, the checkpoint), run the loop, write the result — or `failed` with the error.
import { type PriceTable, runOptimization } from '@kaizen/core';
import { createEvaluatePort, createOptimizerPort } from '@kaizen/models';
import type { OptimizationRun, Store } from '@kaizen/store';
import type { EvaluatorCompiler } from '../online/compiled-evaluators.js';
import { loadOptimizationInput } from './load-optimization-input.js';
import { defaultResolveModel, type OptimizationOptions } from './optimization-models.js';
import { createOptimizationRecorder, type StopReason } from './record-optimization.js';
import { createStoreAnswerCache } from './store-answer-cache.js';

export interface ExecutionContext {
  readonly store: Store;
  readonly compiler: EvaluatorCompiler;
  readonly options: OptimizationOptions;
  readonly prices?: PriceTable | undefined;
}

export interface RunControl {
  readonly signal: AbortSignal;
  /** Why the signal was aborted; null while it was not. */
  reason(): StopReason | null;
  /** Stops the run (it was cancelled elsewhere). */
  stop(reason: StopReason): void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Never rejects: whatever goes wrong ends as the run's `failed` status and error. */
export async function executeOptimization(
  context: ExecutionContext,
  projectId: string,
  run: OptimizationRun,
  control: RunControl,
): Promise<void> {
  const { store, options } = context;
  try {
    const { input, checklist } = await loadOptimizationInput(store, context.compiler, projectId, run);
    const resolve = options.resolveModel ?? defaultResolveModel;
    const cache = createStoreAnswerCache(store, projectId);
    // Answers are cached under the model string, the key `kaizen eval` uses too, whatever object answers them.
    const common = {
      cache,
      signal: control.signal,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    };
    const evaluate = createEvaluatePort({
      ...common,
      model: resolve(run.model),
      cacheModelKey: run.model,
      checklist,
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      ...(context.prices !== undefined ? { prices: context.prices } : {}),
    });
    const optimizer =
      run.optimizerModel === null
        ? undefined
        : createOptimizerPort({ ...common, model: resolve(run.optimizerModel), cacheModelKey: run.optimizerModel });
    const recorder = createOptimizationRecorder({ store, projectId, run, onStopped: () => control.stop('cancel') });
    const result = await runOptimization(input, {
      evaluate,
      ...(optimizer !== undefined ? { optimizer } : {}),
      onEvent: recorder.onEvent,
      signal: control.signal,
    });
    await recorder.finish(result, control.reason());
  } catch (error) {
    await store.optimizations.update(projectId, run.id, {
      status: 'failed',
      error: messageOf(error),
      finishedAt: new Date().toISOString(),
    });
  }
}
