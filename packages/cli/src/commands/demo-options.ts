// The demo's flags and environment turned into one plan: where the data goes, which port, which models (simulated
// unless KAIZEN_MODEL names a real one), how much traffic, and the notice every simulated output carries.
import { KaizenError } from '@kaizen/core';
import { resolveModel } from '@kaizen/models';
import { parsePort, parsePositiveInteger } from '../parse-options.js';
import { resolveSetting, SETTINGS } from '../settings.js';

export interface DemoFlags {
  data?: string;
  temp?: boolean;
  fresh?: boolean;
  port?: string;
  /** `--no-serve` sets it false. */
  serve: boolean;
  json?: boolean;
  calls?: string;
}

export interface DemoPlan {
  readonly data?: string;
  readonly temp: boolean;
  readonly fresh: boolean;
  readonly port?: number;
  readonly serve: boolean;
  readonly json: boolean;
  readonly calls: number;
  readonly taskModel: string;
  readonly optimizerModel: string;
  readonly simulated: boolean;
  /** Printed first, and in every summary, when a simulated model is used; null otherwise. */
  readonly notice: string | null;
}

export const SIMULATED_TASK_MODEL = 'sim:schemaorg';
export const SIMULATED_OPTIMIZER_MODEL = 'sim:optimizer';
/** A day of traffic with the simulated model; a real model's calls cost money, so fewer by default. */
const DEFAULT_CALLS = { simulated: 240, real: 60 } as const;
const MAX_CALLS = 5000;

/** Fails early, with the provider's message, when a real model cannot be used (unknown provider, no API key). */
function checkModel(spec: string, from: string): void {
  try {
    resolveModel(spec);
  } catch (error) {
    throw new KaizenError('invalid_input', `${from}=${spec} cannot be used: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * @example
 * planDemo({ serve: false, json: true, data: '/tmp/demo' }, process.env);
 * // { taskModel: 'sim:schemaorg', optimizerModel: 'sim:optimizer', simulated: true, calls: 240, … }
 */
export function planDemo(flags: DemoFlags, env: NodeJS.ProcessEnv): DemoPlan {
  if (flags.temp === true && flags.data !== undefined) {
    throw new KaizenError('invalid_input', 'give --data DIR or --temp, not both');
  }
  // The environment only: the demo is self-contained and reads no kaizen.config.ts.
  const real = resolveSetting(SETTINGS.defaultModel, undefined, env);
  const optimizer = resolveSetting(SETTINGS.optimizerModel, undefined, env) ?? real;
  const taskModel = real?.value.trim() ?? SIMULATED_TASK_MODEL;
  const optimizerModel = optimizer?.value.trim() ?? SIMULATED_OPTIMIZER_MODEL;
  if (real !== undefined) checkModel(taskModel, real.from);
  if (optimizer !== undefined) checkModel(optimizerModel, optimizer.from);
  const simulatedModels = [taskModel, optimizerModel].filter((model) => model.startsWith('sim:'));
  const simulated = simulatedModels.length > 0;
  const calls =
    flags.calls === undefined
      ? DEFAULT_CALLS[taskModel.startsWith('sim:') ? 'simulated' : 'real']
      : parsePositiveInteger(flags.calls, '--calls');
  if (calls > MAX_CALLS) throw new KaizenError('invalid_input', `--calls must be at most ${MAX_CALLS}`);
  return {
    ...(flags.data !== undefined ? { data: flags.data } : {}),
    temp: flags.temp === true,
    fresh: flags.fresh === true,
    ...(flags.port !== undefined ? { port: parsePort(flags.port, '--port') } : {}),
    serve: flags.serve,
    json: flags.json === true,
    calls,
    taskModel,
    optimizerModel,
    simulated,
    notice: simulated
      ? `SIMULATED model (${simulatedModels.join(', ')}): Kaizen's deterministic offline stand-in for an LLM. ` +
        "Every score, cause and gain below measures Kaizen's machinery, not real-model quality. " +
        "Set KAIZEN_MODEL (and the provider's API key) to run the demo with a real model."
      : null,
  };
}
