// `kaizen eval`: runs a prompt version over a dataset with a checklist from kaizen.config.ts, with a progress bar,
// then compares it with a baseline experiment or label.
import { type Checklist, KaizenError } from '@kaizen/core';
import { type ComparedExperiments, type ExperimentProgress, runExperiment } from '@kaizen/sdk';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { addConnectionOptions, type ConnectionFlags, connect } from '../connect.js';
import { EXIT_ERROR } from '../exit-codes.js';
import { examples } from '../help.js';
import { loadConfigFile } from '../load-config.js';
import { printJson } from '../output.js';
import { parsePositiveInteger } from '../parse-options.js';
import { createProgress, type Progress } from '../progress.js';
import { resolveSetting, SETTINGS } from '../settings.js';
import { parseSplit } from './datasets-options.js';
import { resolveBaseline } from './eval-baseline.js';
import { formatComparison, formatRun } from './eval-format.js';

interface EvalFlags extends ConnectionFlags {
  prompt: string;
  version: string;
  dataset: string;
  datasetVersion?: string;
  split?: string;
  evaluator?: string;
  model?: string;
  baseline?: string;
  cache: boolean;
  concurrency: string;
  json?: boolean;
}

/** Experiments upload many items and read them back whole. */
const EVAL_TIMEOUT_MS = 120_000;

export function pickChecklist(
  evaluators: Readonly<Record<string, Checklist>> | undefined,
  name: string | undefined,
  prompt: string,
  path: string | null,
): { name: string; checklist: Checklist } {
  const names = Object.keys(evaluators ?? {});
  const chosen = name ?? (names.length === 1 ? names[0] : names.includes(prompt) ? prompt : undefined);
  const checklist = chosen === undefined ? undefined : evaluators?.[chosen];
  if (chosen === undefined || checklist === undefined) {
    throw new KaizenError(
      'invalid_input',
      path === null
        ? 'no config file: kaizen eval reads its checklists from kaizen.config.ts in this folder; pass --config FILE ' +
            'or set KAIZEN_CONFIG'
        : names.length === 0
          ? `no evaluators in ${path}: define checklists under \`evaluators\` (or pass another --config)`
          : `${name === undefined ? 'pick an evaluator with --evaluator' : `no evaluator "${name}"`}; ${path} defines ${names.join(', ')}`,
    );
  }
  return { name: chosen, checklist };
}

export function registerEvalCommand(program: Command, context: CommandContext): void {
  addConnectionOptions(
    program
      .command('eval')
      .description('Run a prompt version over a dataset with a checklist, and compare it with a baseline'),
  )
    .requiredOption('--prompt <name>', 'prompt name')
    .requiredOption('--version <version>', 'prompt version to evaluate')
    .requiredOption('--dataset <name>', 'dataset to run on')
    .option('--dataset-version <version>', 'dataset version (default: latest)')
    .option('--split <split>', 'only this split: train, validation or holdout (default: every item)')
    .option(
      '--evaluator <name>',
      'checklist from kaizen.config.ts `evaluators` (default: the only one, or the prompt’s)',
    )
    .option(
      '--model <provider:model>',
      "model to call (default: the version's model, else KAIZEN_MODEL, else model in kaizen.config.ts)",
    )
    .option('--baseline <experiment|label>', 'compare with this experiment id, or with the version a label points at')
    .option('--no-cache', 'call the model for every item, even when an identical request was answered before')
    .option('--concurrency <n>', 'items in flight at once', '4')
    .addHelpText(
      'after',
      examples(
        [
          'kaizen eval --prompt extractor --version 4 --dataset pages --split validation --baseline production',
          'kaizen eval --prompt extractor --version 4 --dataset pages --baseline 3f0c…-…-… --json',
        ],
        'Checklists and judgeModel come from kaizen.config.ts. Progress goes to stderr; with --json, stdout holds one\n' +
          'JSON document: {experiment, comparison}.\n\n' +
          'Exit codes: 0 when every item ran (failed checks are results, not errors); 2 on usage, config or connection\n' +
          'errors, and when items failed to run (model errors: the results are incomplete). Eval gives no verdict, so\n' +
          'never 1: for a pass/fail verdict in CI use `kaizen gate`.',
      ),
    )
    .action(async (options: EvalFlags) => {
      const loaded = await loadConfigFile(options.config, context.env, process.cwd());
      const config = loaded.config;
      const { name: evaluator, checklist } = pickChecklist(
        config.evaluators,
        options.evaluator,
        options.prompt,
        loaded.path,
      );
      const api = await connect(options, context, { timeoutMs: EVAL_TIMEOUT_MS, loaded });
      const defaultModel = resolveSetting(SETTINGS.defaultModel, undefined, context.env, loaded)?.value;
      const split = options.split === undefined ? null : parseSplit(options.split);
      const concurrency = parsePositiveInteger(options.concurrency, '--concurrency');
      const dataset = await api.datasets.getVersion(
        options.dataset,
        options.datasetVersion === undefined
          ? 'latest'
          : parsePositiveInteger(options.datasetVersion, '--dataset-version'),
      );
      const progress = (label: string) => {
        let bar: Progress | null = null;
        return (state: ExperimentProgress) => {
          bar ??= createProgress(label, state.total, context.output.progress, context.output.interactive);
          const notes = [
            state.cached > 0 ? `${state.cached} cached` : '',
            state.failed > 0 ? `${state.failed} failed` : '',
          ]
            .filter((note) => note !== '')
            .join(', ');
          // Off a terminal the last update already printed the final line.
          const status = notes === '' || !context.output.interactive ? undefined : `(${notes})`;
          if (state.phase === 'saving') bar.finish(status);
          else bar.update(state.done, notes === '' ? '' : `(${notes})`);
        };
      };
      const common = {
        dataset: dataset.name,
        datasetVersion: dataset.version,
        split,
        checklist,
        evaluator,
        ...(options.model !== undefined ? { model: options.model } : {}),
        ...(defaultModel !== undefined ? { defaultModel } : {}),
        ...(config.judgeModel !== undefined ? { judgeModel: config.judgeModel } : {}),
        ...(config.prices !== undefined ? { prices: config.prices } : {}),
        cache: options.cache,
        concurrency,
      };
      const run = await runExperiment(api, {
        ...common,
        promptName: options.prompt,
        promptVersion: parsePositiveInteger(options.version, '--version'),
        onProgress: progress('Evaluating'),
      });

      let compared: ComparedExperiments | null = null;
      let baselineNote = '';
      if (options.baseline !== undefined) {
        const baseline = await resolveBaseline(api, {
          ...common,
          baseline: options.baseline,
          promptName: options.prompt,
          datasetName: dataset.name,
          onProgress: progress('Baseline  '),
        });
        baselineNote =
          baseline.how === 'id'
            ? 'by id'
            : `${baseline.label} = v${baseline.promptVersion}, ${baseline.how === 'reused' ? 'earlier run reused' : 'run now'}`;
        compared = await api.experiments.compare(baseline.experimentId, run.id);
      }

      if (options.json) printJson(context.output, { experiment: run, comparison: compared });
      else {
        context.output.stdout(formatRun(run));
        if (compared !== null) context.output.stdout(`\n${formatComparison(compared, baselineNote)}`);
      }
      const errors = run.summary?.errors ?? 0;
      if (errors > 0) {
        context.output.stderr(
          `kaizen: ${errors} of ${run.summary?.items ?? 0} items failed to run, so the results are incomplete ` +
            `(${options.json ? 'see `error` of experiment.items' : 'see the errors above'}; fix the model or its ` +
            'provider key, then run again: answered items come from the cache)',
        );
        // Not a verdict (eval gives none, and `kaizen gate` treats these the same way): the results are incomplete.
        context.exitCode = EXIT_ERROR;
      }
    });
}
