// `kaizen optimize`: starts (or resumes) an optimization run on the server, follows it with a progress line, prints
// the best prompt's diff and its per-criterion gains, and can move a label to it; `status`, `cancel` and `list`.
import { userInfo } from 'node:os';
import { KaizenError } from '@kaizen/core';
import type { KaizenApi, OptimizationRun } from '@kaizen/sdk';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { addConnectionOptions, connect } from '../connect.js';
import { EXIT_FAILED } from '../exit-codes.js';
import { examples } from '../help.js';
import { loadConfigFile } from '../load-config.js';
import { formatTable, printJson } from '../output.js';
import { resolveSetting, SETTINGS } from '../settings.js';
import { bestIsStart, FINISHED_STATUSES, formatOptimization, summarizeCandidate } from './optimize-format.js';
import { givenRunFlags, type OptimizeFlags, type OptimizePlan, planOptimize } from './optimize-options.js';
import { progressLine, watchOptimization } from './optimize-watch.js';

const POLL_MS = 500;
const SUBCOMMAND_NOTE = 'Also takes --url, --api-key, --config and --json (see `kaizen optimize --help`).';

interface Promotion {
  readonly label: string;
  readonly moved: boolean;
  readonly fromVersion: number | null;
  readonly toVersion: number;
  readonly message: string;
}

function actor(env: NodeJS.ProcessEnv): string {
  try {
    return env.KAIZEN_ACTOR ?? env.USER ?? userInfo().username;
  } catch {
    return 'cli';
  }
}

/** Moves `label` to the best version when it differs from the start; says why not otherwise. */
async function promote(api: KaizenApi, run: OptimizationRun, label: string, by: string): Promise<Promotion> {
  if (bestIsStart(run) || run.bestVersion === null) {
    return {
      label,
      moved: false,
      fromVersion: null,
      toVersion: run.startVersion,
      message: `Not promoted: the best version is the start version (v${run.startVersion}); ${label} is unchanged.`,
    };
  }
  const event = await api.prompts.setLabel(run.promptName, label, run.bestVersion, {
    actor: `${by} (kaizen optimize ${run.id})`,
  });
  return {
    label,
    moved: true,
    fromVersion: event.fromVersion,
    toVersion: run.bestVersion,
    message: `Promoted ${run.promptName} ${label} → v${run.bestVersion}${event.fromVersion === null ? '' : ` (was v${event.fromVersion})`}.`,
  };
}

/** Prints a finished (or stopped) run, its promotion if asked and allowed, and sets the exit code. */
async function report(
  api: KaizenApi,
  run: OptimizationRun,
  flags: { json?: boolean | undefined; promote: string | null },
  context: CommandContext,
): Promise<void> {
  const { items: candidates } = await api.optimizations.candidates(run.id);
  const finished = FINISHED_STATUSES.includes(run.status);
  const promotion =
    flags.promote !== null && finished ? await promote(api, run, flags.promote, actor(context.env)) : null;
  if (flags.json === true) {
    printJson(context.output, { run, candidates: candidates.map(summarizeCandidate), promotion });
  } else {
    context.output.stdout(formatOptimization(run, candidates));
    if (promotion !== null) context.output.stdout(promotion.message);
    else if (flags.promote !== null && run.status !== 'running') {
      context.output.stdout(`Not promoted: the run ended ${run.status}.`);
    }
  }
  if (!finished && run.status !== 'running') context.exitCode = EXIT_FAILED;
}

/** Follows a run until it ends; Ctrl-C asks the server to cancel it and exits 1. */
async function follow(
  api: KaizenApi,
  started: OptimizationRun,
  flags: { json?: boolean | undefined; promote: string | null },
  context: CommandContext,
): Promise<void> {
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  let watched: Awaited<ReturnType<typeof watchOptimization>>;
  try {
    watched = await watchOptimization(api.optimizations, started, {
      intervalMs: POLL_MS,
      signal: controller.signal,
      // Progress goes to stderr, so stdout holds only the JSON document with --json.
      output: context.output,
    });
  } catch (error) {
    if (!KaizenError.isInstance(error)) throw error;
    throw new KaizenError(
      error.code,
      `${error.message} The run goes on on the server: \`kaizen optimize status ${started.id}\`.`,
      { cause: error },
    );
  } finally {
    process.removeListener('SIGINT', interrupt);
  }
  if (watched.cancelled) {
    context.output.stderr(
      `kaizen: interrupted; asked the server to cancel run ${started.id} (resume with \`kaizen optimize --resume ${started.id}\`)`,
    );
    if (flags.json === true) {
      const { items } = await api.optimizations.candidates(started.id);
      printJson(context.output, { run: watched.run, candidates: items.map(summarizeCandidate), promotion: null });
    }
    context.exitCode = EXIT_FAILED;
    return;
  }
  await report(api, watched.run, flags, context);
}

/** Resumes a run; a finished one cannot be, and the message says what to do instead. */
async function resume(api: KaizenApi, runId: string): Promise<OptimizationRun> {
  try {
    return await api.optimizations.resume(runId);
  } catch (error) {
    if (!KaizenError.isInstance(error) || error.code !== 'conflict') throw error;
    throw new KaizenError(
      'conflict',
      `${error.message} To improve its best version further, start a new run (kaizen optimize --prompt … --version N).`,
      { cause: error },
    );
  }
}

/**
 * A new run's optimizer model: --optimizer-model, else KAIZEN_OPTIMIZER_MODEL, else optimizerModel in the config,
 * else none sent (the server's default, from `kaizen serve`'s own settings).
 */
async function withOptimizerModel(plan: OptimizePlan, flags: OptimizeFlags, context: CommandContext) {
  if (plan.kind !== 'start' || plan.input.optimizerModel !== undefined) return plan;
  const fallback =
    resolveSetting(SETTINGS.optimizerModel, undefined, context.env) ??
    resolveSetting(
      SETTINGS.optimizerModel,
      undefined,
      context.env,
      await loadConfigFile(flags.config, context.env, process.cwd()),
    );
  if (fallback === undefined) return plan;
  const optimizerModel = fallback.value === 'none' ? null : fallback.value;
  return { ...plan, input: { ...plan.input, optimizerModel } };
}

function rejectRunFlags(flags: OptimizeFlags, command: string): void {
  const extra = [...givenRunFlags(flags), ...(flags.resume !== undefined ? ['--resume'] : [])];
  if (flags.promote !== undefined) extra.push('--promote');
  if (extra.length > 0) {
    throw new KaizenError('invalid_input', `kaizen optimize ${command} takes a run id only: drop ${extra.join(', ')}`);
  }
}

export function registerOptimizeCommand(program: Command, context: CommandContext): void {
  const optimize = addConnectionOptions(
    program
      .command('optimize')
      .description('Improve a prompt against a dataset and checklist on the server; show the best diff and its gains'),
  )
    .option('--prompt <name>', 'the prompt to improve')
    .option('--version <n>', 'start version (default: the latest)')
    .option('--label <label>', 'start from the version this label points at')
    .option('--dataset <name>', 'dataset: train items to search, validation to accept, holdout to confirm')
    .option('--dataset-version <n>', 'dataset version (default: the latest)')
    .option('--evaluator <name>', 'registered checklist to score with (see `kaizen evaluators push`)')
    .option('--model <provider:model>', "task model (default: the start version's model)")
    .option(
      '--optimizer-model <provider:model>',
      'model that proposes edits by reflection; "none" for rule-based only (default: KAIZEN_OPTIMIZER_MODEL, else ' +
        "optimizerModel in kaizen.config.ts, else the server's)",
    )
    .option('--budget-evals <n>', 'most (candidate, item) evaluations in the search')
    .option('--budget-calls <n>', 'most model calls of every kind')
    .option('--budget-usd <x>', 'most dollars spent')
    .option('--budget-tokens <n>', 'most tokens, input + output')
    .option('--rounds <n>', 'most rounds (server default 6)')
    .option('--seed <n>', 'seed of every sampling decision (default 0)')
    .option('--promote <label>', 'when the run finishes with a better version, move this label (e.g. staging) to it')
    .option('--resume <run>', 'go on with a cancelled or interrupted run from its last checkpoint')
    .addHelpText(
      'after',
      examples(
        [
          'kaizen optimize --prompt extractor --label production --dataset pages --evaluator extractor \\',
          '  --budget-evals 300 --budget-usd 2 --promote staging',
          'kaizen optimize --resume 6f1c…-…',
          'kaizen optimize status 6f1c…-…',
        ],
        'Progress goes to stderr; with --json, stdout holds one JSON document: {run, candidates, promotion}.\n' +
          'Ctrl-C asks the server to cancel the run (resume it with --resume).\n\n' +
          'Exit codes: 0 when the run finished (completed, plateau, budget-exhausted); 1 when it failed, was cancelled\n' +
          'or interrupted; 2 on usage or connection errors.',
      ),
    )
    .action(async (flags: OptimizeFlags) => {
      const planned = planOptimize(flags);
      const api = await connect(flags, context);
      const plan = await withOptimizerModel(planned, flags, context);
      const started = plan.kind === 'start' ? await api.optimizations.start(plan.input) : await resume(api, plan.runId);
      context.output.stderr(
        `Run ${started.id}: ${started.promptName} v${started.startVersion} on ${started.datasetName} v${started.datasetVersion}`,
      );
      await follow(api, started, { json: flags.json, promote: plan.promote }, context);
    });

  optimize
    .command('status <run>')
    .description('Print a run: its progress while it runs, its report once it ended')
    .option('--watch', 'follow the run until it ends, as `kaizen optimize` does')
    .addHelpText(
      'after',
      examples(
        ['kaizen optimize status 6f1c…-…', 'kaizen optimize status 6f1c…-… --watch --json'],
        `${SUBCOMMAND_NOTE}\nExit codes as for \`kaizen optimize\`: 1 when the run failed or was cancelled.`,
      ),
    )
    .action(async (runId: string, _options: unknown, command: Command) => {
      const flags = command.optsWithGlobals<OptimizeFlags & { watch?: boolean }>();
      rejectRunFlags(flags, 'status');
      const api = await connect(flags, context);
      const run = await api.optimizations.get(runId);
      if (flags.watch === true) return follow(api, run, { json: flags.json, promote: null }, context);
      if (run.status !== 'running') return report(api, run, { json: flags.json, promote: null }, context);
      if (flags.json === true) return printJson(context.output, { run, candidates: [], promotion: null });
      context.output.stdout(`Optimization ${run.id}: running · ${progressLine(run)}`);
    });

  optimize
    .command('cancel <run>')
    .description('Ask a running run to stop at its next step (it can be resumed)')
    .addHelpText(
      'after',
      examples(['kaizen optimize cancel 6f1c…-…', 'kaizen optimize cancel 6f1c…-… --json'], SUBCOMMAND_NOTE),
    )
    .action(async (runId: string, _options: unknown, command: Command) => {
      const flags = command.optsWithGlobals<OptimizeFlags>();
      rejectRunFlags(flags, 'cancel');
      const api = await connect(flags, context);
      const run = await api.optimizations.cancel(runId);
      if (flags.json === true) return printJson(context.output, run);
      context.output.stdout(
        run.status === 'running'
          ? `Cancel requested: run ${run.id} stops at its next step.`
          : `Run ${run.id} is ${run.status}.`,
      );
    });

  optimize
    .command('list')
    .description('Optimization runs of the project, newest first (of one prompt with --prompt)')
    .addHelpText(
      'after',
      examples(['kaizen optimize list', 'kaizen optimize list --prompt extractor --json'], SUBCOMMAND_NOTE),
    )
    .action(async (_options: unknown, command: Command) => {
      const { prompt, ...flags } = command.optsWithGlobals<OptimizeFlags>();
      rejectRunFlags(flags, 'list');
      const api = await connect(flags, context);
      const answer = await api.optimizations.list(prompt !== undefined ? { promptName: prompt } : {});
      if (flags.json === true) return printJson(context.output, answer);
      if (answer.items.length === 0) return context.output.stdout('No optimization runs.');
      const rows = answer.items.map((run) => [
        run.id,
        run.status,
        run.promptName,
        `v${run.startVersion} → ${run.bestVersion === null ? '-' : `v${run.bestVersion}`}`,
        `${run.datasetName} v${run.datasetVersion}`,
        String(run.round),
        run.progress.bestValidationScore === null ? '-' : run.progress.bestValidationScore.toFixed(3),
        `${run.model}${run.simulated ? ' [SIMULATED]' : ''}`,
        run.createdAt,
      ]);
      context.output.stdout(
        formatTable(['ID', 'STATUS', 'PROMPT', 'VERSIONS', 'DATASET', 'ROUND', 'BEST', 'MODEL', 'CREATED'], rows),
      );
    });
}
