// `kaizen gate`: release gating for CI. Runs the candidate and the baseline on one dataset with a checklist, prints
// the comparison, exits 0 when the candidate is not significantly worse, 1 when it is, 2 on errors, and can move a
// label to the candidate when the gate passes.
import { userInfo } from 'node:os';
import { KaizenError } from '@kaizen/core';
import type { KaizenApi } from '@kaizen/sdk';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { addConnectionOptions, connect } from '../connect.js';
import { EXIT_ERROR, EXIT_FAILED, EXIT_OK } from '../exit-codes.js';
import { examples } from '../help.js';
import { loadConfigFile } from '../load-config.js';
import { printJson } from '../output.js';
import { resolveSetting, SETTINGS } from '../settings.js';
import { pickChecklist } from './eval.js';
import { formatGate, gateJson, type Promotion } from './gate-format.js';
import { type GateFlags, planGate } from './gate-options.js';
import { type GateRuns, runGate } from './gate-run.js';
import { type GateVerdict, judgeGate } from './gate-verdict.js';

/** Experiments upload many items and read them back whole. */
const GATE_TIMEOUT_MS = 120_000;

const HELP = examples(
  [
    'kaizen gate --prompt extractor --candidate 7 --baseline production --dataset pages --split validation',
    'kaizen gate --prompt extractor --candidate staging --dataset pages --max-regression 2 --promote production --json',
  ],
  "The gate fails when the candidate is significantly worse than the baseline on any criterion's pass rate, the\n" +
    "overall pass rate or the mean score: McNemar's exact p < 0.05 and a paired-bootstrap 95% CI entirely below zero\n" +
    '(the mean score has no p-value: its CI alone), by more than --max-regression percentage points (the score: points\n' +
    'on 0-100). Drops that are not significant, or within the margin, are printed as notes. --candidate and --baseline\n' +
    'take a version number or a label. Both run on the same dataset version, split and checklist, from the response\n' +
    'cache where the answers are there. Progress goes to stderr; with --json, stdout holds one JSON document:\n' +
    '{verdict, reasons, warnings, simulated, alpha, maxRegression, comparison, baseline, candidate, promotion}.\n\n' +
    'Exit codes: 0 gate passed; 1 gate failed; 2 on usage, config or connection errors, an unknown prompt, version,\n' +
    'label, dataset or evaluator, or items whose model call failed (with no regression among the others).',
);

function actor(env: NodeJS.ProcessEnv): string {
  try {
    return env.KAIZEN_ACTOR ?? env.USER ?? userInfo().username;
  } catch {
    return 'cli';
  }
}

/** Moves `label` to the candidate only when the gate passed; a failed move is reported, not thrown. */
async function promote(
  api: KaizenApi,
  runs: GateRuns,
  label: string,
  verdict: GateVerdict,
  by: string,
): Promise<Promotion & { readonly failed: boolean }> {
  const name = runs.details.name;
  const to = runs.candidate.promptVersion;
  const current = runs.details.labels[label] ?? null;
  const unchanged = { label, moved: false, fromVersion: current, toVersion: to, failed: false };
  const where = current === null ? 'unset' : `v${current}`;
  if (verdict.verdict !== 'passed') {
    return { ...unchanged, message: `Not promoted: the gate did not pass; ${label} is unchanged (${where}).` };
  }
  if (current === to) return { ...unchanged, message: `Not moved: ${name} ${label} already points at v${to}.` };
  try {
    const event = await api.prompts.setLabel(name, label, to, {
      actor: `${by} (kaizen gate, experiment ${runs.candidate.run.id})`,
    });
    const was = event.fromVersion === null ? ' (was unset)' : ` (was v${event.fromVersion})`;
    return {
      label,
      moved: true,
      fromVersion: event.fromVersion,
      toVersion: to,
      failed: false,
      message: `Promoted ${name} ${label} → v${to}${was}.`,
    };
  } catch (error) {
    if (!KaizenError.isInstance(error)) throw error;
    return { ...unchanged, failed: true, message: `Not promoted: ${error.message}` };
  }
}

export function registerGateCommand(program: Command, context: CommandContext): void {
  addConnectionOptions(
    program
      .command('gate')
      .description(
        'Release gate for CI: fail when a candidate prompt version is significantly worse than the baseline',
      ),
  )
    .requiredOption('--prompt <name>', 'prompt name')
    .requiredOption('--candidate <version|label>', 'the version to release, or the label pointing at it')
    .option('--baseline <version|label>', 'what it must not be worse than', 'production')
    .requiredOption('--dataset <name>', 'dataset both run on')
    .option('--dataset-version <version>', 'dataset version (default: latest, read once for both runs)')
    .option('--split <split>', 'only this split: train, validation or holdout (default: every item)')
    .option(
      '--evaluator <name>',
      'checklist from kaizen.config.ts `evaluators` (default: the only one, or the prompt’s)',
    )
    .option(
      '--model <provider:model>',
      "model both run on (default: each version's own, else KAIZEN_MODEL, else model in kaizen.config.ts)",
    )
    .option('--max-regression <pp>', 'percentage points a significant drop may reach and still pass', '0')
    .option('--promote <label>', 'move this label (e.g. staging) to the candidate when the gate passes')
    .option('--no-cache', 'call the model for every item, even when an identical request was answered before')
    .option('--concurrency <n>', 'items in flight at once', '4')
    .addHelpText('after', HELP)
    .action(async (options: GateFlags) => {
      const plan = planGate(options);
      const loaded = await loadConfigFile(options.config, context.env, process.cwd());
      const config = loaded.config;
      const { name: evaluator, checklist } = pickChecklist(
        config.evaluators,
        options.evaluator,
        options.prompt,
        loaded.path,
      );
      const api = await connect(options, context, { timeoutMs: GATE_TIMEOUT_MS, loaded });
      const defaultModel = resolveSetting(SETTINGS.defaultModel, undefined, context.env, loaded)?.value;
      const runs = await runGate(
        api,
        {
          promptName: options.prompt,
          candidate: plan.candidate,
          baseline: plan.baseline,
          dataset: options.dataset,
          datasetVersion: plan.datasetVersion,
          split: plan.split,
          checklist,
          evaluator,
          ...(options.model !== undefined ? { model: options.model } : {}),
          ...(defaultModel !== undefined ? { defaultModel } : {}),
          ...(config.judgeModel !== undefined ? { judgeModel: config.judgeModel } : {}),
          ...(config.prices !== undefined ? { prices: config.prices } : {}),
          cache: options.cache,
          concurrency: plan.concurrency,
        },
        context.output,
      );
      const judged = judgeGate({
        comparison: runs.compared.comparison,
        baselineErrors: runs.baseline.run.summary?.errors ?? 0,
        candidateErrors: runs.candidate.run.summary?.errors ?? 0,
        maxRegression: plan.maxRegression,
      });
      const same = runs.baseline.promptVersion === runs.candidate.promptVersion;
      const verdict: GateVerdict = same
        ? {
            ...judged,
            warnings: [
              `the candidate is the baseline's version (v${runs.candidate.promptVersion}): it was compared with itself`,
              ...judged.warnings,
            ],
          }
        : judged;
      const moved = plan.promote === null ? null : await promote(api, runs, plan.promote, verdict, actor(context.env));
      const promotion: Promotion | null =
        moved === null
          ? null
          : {
              label: moved.label,
              moved: moved.moved,
              fromVersion: moved.fromVersion,
              toVersion: moved.toVersion,
              message: moved.message,
            };

      if (options.json) printJson(context.output, gateJson(runs, verdict, promotion, plan.maxRegression));
      else context.output.stdout(formatGate(runs, verdict, promotion));
      if (verdict.verdict === 'error') {
        context.output.stderr(
          `kaizen: the gate cannot judge the candidate: ${verdict.reasons.join('; ')}. Run it again once the model ` +
            'answers every item (answers already given come from the cache).',
        );
      }
      if (moved?.failed === true) context.output.stderr(`kaizen: ${moved.message}`);
      context.exitCode =
        verdict.verdict === 'failed'
          ? EXIT_FAILED
          : verdict.verdict === 'error' || moved?.failed === true
            ? EXIT_ERROR
            : EXIT_OK;
    });
}
