// The flags of `kaizen optimize`, checked and turned into the body of POST /api/optimizations (or a run to resume).
import { KaizenError } from '@kaizen/core';
import type { OptimizationBudget, OptimizationStartInput } from '@kaizen/sdk';
import type { ConnectionFlags } from '../connect.js';
import { parsePositiveInteger } from '../parse-options.js';
import { parseSeed } from './datasets-options.js';

export interface OptimizeFlags extends ConnectionFlags {
  prompt?: string;
  version?: string;
  label?: string;
  dataset?: string;
  datasetVersion?: string;
  evaluator?: string;
  model?: string;
  optimizerModel?: string;
  budgetEvals?: string;
  budgetCalls?: string;
  budgetUsd?: string;
  budgetTokens?: string;
  rounds?: string;
  seed?: string;
  promote?: string;
  resume?: string;
  json?: boolean;
}

/** What the command does: start a run from flags, or go on with one. */
export type OptimizePlan =
  | { readonly kind: 'start'; readonly input: OptimizationStartInput; readonly promote: string | null }
  | { readonly kind: 'resume'; readonly runId: string; readonly promote: string | null };

/** Flags that describe a new run; a resumed run keeps its own. */
const RUN_FLAGS = {
  prompt: '--prompt',
  version: '--version',
  label: '--label',
  dataset: '--dataset',
  datasetVersion: '--dataset-version',
  evaluator: '--evaluator',
  model: '--model',
  optimizerModel: '--optimizer-model',
  budgetEvals: '--budget-evals',
  budgetCalls: '--budget-calls',
  budgetUsd: '--budget-usd',
  budgetTokens: '--budget-tokens',
  rounds: '--rounds',
  seed: '--seed',
} as const satisfies Partial<Record<keyof OptimizeFlags, string>>;

/** The run flags given on the command line, by flag name. */
export function givenRunFlags(flags: OptimizeFlags): string[] {
  return Object.entries(RUN_FLAGS)
    .filter(([key]) => flags[key as keyof typeof RUN_FLAGS] !== undefined)
    .map(([, flag]) => flag);
}

function usage(message: string): KaizenError {
  return new KaizenError('invalid_input', message);
}

function parsePositiveNumber(value: string, flag: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0) {
    throw usage(`${flag} must be a positive number, e.g. 0.5, got "${value}"`);
  }
  return number;
}

function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && value.trim() === '') throw usage(`${flag} must not be empty`);
  return value;
}

function budgetOf(flags: OptimizeFlags): OptimizationBudget {
  const integer = (value: string | undefined, flag: string) =>
    value === undefined ? undefined : parsePositiveInteger(value, flag);
  const entries = {
    maxCandidateEvals: integer(flags.budgetEvals, '--budget-evals'),
    maxCalls: integer(flags.budgetCalls, '--budget-calls'),
    maxTokens: integer(flags.budgetTokens, '--budget-tokens'),
    maxUsd: flags.budgetUsd === undefined ? undefined : parsePositiveNumber(flags.budgetUsd, '--budget-usd'),
    maxRounds: integer(flags.rounds, '--rounds'),
  };
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

/**
 * Checks the flags and says what to do; every problem is an `invalid_input` error (exit 2) that names the fix.
 *
 * @example
 * planOptimize({ prompt: 'extractor', dataset: 'pages', evaluator: 'extractor', budgetEvals: '300' });
 * // { kind: 'start', input: { prompt: 'extractor', dataset: 'pages', evaluator: 'extractor',
 * //   budget: { maxCandidateEvals: 300 } }, promote: null }
 */
export function planOptimize(flags: OptimizeFlags): OptimizePlan {
  const promote = nonEmpty(flags.promote, '--promote') ?? null;
  if (flags.resume !== undefined) {
    const runId = nonEmpty(flags.resume, '--resume') ?? '';
    const extra = givenRunFlags(flags);
    if (extra.length > 0) {
      throw usage(
        `--resume goes on with the run's own settings: drop ${extra.join(', ')} (or start a new run without --resume)`,
      );
    }
    return { kind: 'resume', runId, promote };
  }
  const missing = (['prompt', 'dataset', 'evaluator'] as const).filter((key) => flags[key] === undefined);
  if (missing.length > 0) {
    throw usage(
      `missing ${missing.map((key) => RUN_FLAGS[key]).join(', ')}: kaizen optimize needs --prompt, --dataset and ` +
        '--evaluator (or --resume RUN to go on with a run)',
    );
  }
  if (flags.version !== undefined && flags.label !== undefined) {
    throw usage('give --version or --label, not both: they both pick the start version');
  }
  const prompt = nonEmpty(flags.prompt, '--prompt') ?? '';
  const dataset = nonEmpty(flags.dataset, '--dataset') ?? '';
  const evaluator = nonEmpty(flags.evaluator, '--evaluator') ?? '';
  const label = nonEmpty(flags.label, '--label');
  const model = nonEmpty(flags.model, '--model');
  const optimizerModel = nonEmpty(flags.optimizerModel, '--optimizer-model');
  const budget = budgetOf(flags);
  const seed = flags.seed === undefined ? undefined : parseSeed(flags.seed);
  const input: OptimizationStartInput = {
    prompt,
    ...(flags.version !== undefined ? { version: parsePositiveInteger(flags.version, '--version') } : {}),
    ...(label !== undefined ? { label } : {}),
    dataset,
    ...(flags.datasetVersion !== undefined
      ? { datasetVersion: parsePositiveInteger(flags.datasetVersion, '--dataset-version') }
      : {}),
    evaluator,
    ...(model !== undefined ? { model } : {}),
    // `none`: the deterministic operators only, no reflection by a model.
    ...(optimizerModel !== undefined ? { optimizerModel: optimizerModel === 'none' ? null : optimizerModel } : {}),
    ...(Object.keys(budget).length > 0 ? { budget } : {}),
    ...(seed !== undefined ? { settings: { seed } } : {}),
  };
  return { kind: 'start', input, promote };
}
