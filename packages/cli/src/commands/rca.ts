// `kaizen rca`: computes a root-cause report over a view of scored traces (or a dataset, or an experiment) and prints
// its causes ranked by lost score, with their strongest drivers and one evidence trace.
import { KaizenError } from '@kaizen/core';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { addConnectionOptions, type ConnectionFlags } from '../connect.js';
import { examples } from '../help.js';
import { formatTable, printJson } from '../output.js';
import { parsePositiveInteger } from '../parse-options.js';
import { type ApiCall, evaluationApi, percent } from './evaluators-api.js';

interface Flags extends ConnectionFlags {
  prompt: string;
  promptVersion?: string;
  environment?: string;
  dataset?: string;
  experiment?: string;
  evaluator?: string;
  from?: string;
  to?: string;
  drivers: string;
  json?: boolean;
}

interface Driver {
  readonly feature: string;
  readonly value: string;
  readonly lift: number;
  readonly qValue: number;
}

interface Cause {
  readonly id: string;
  readonly criteria: readonly string[];
  readonly failureRate: number;
  readonly lostScoreShare: number;
  readonly drivers: readonly Driver[];
  readonly evidence: { readonly failing: readonly { readonly traceId: string }[] };
}

interface Insight {
  readonly id: string;
  readonly traceCount: number;
  readonly report: {
    readonly causes: readonly Cause[];
    readonly notes?: readonly string[];
    /** A model's hypothesis per top cause, or why it was dropped; absent without a narrative model. */
    readonly narratives?: Readonly<Record<string, { readonly text?: string; readonly dropped?: string }>>;
  };
}

function driverText(driver: Driver): string {
  const q = driver.qValue < 0.001 ? driver.qValue.toExponential(1) : driver.qValue.toFixed(3);
  return `${driver.feature}=${driver.value} (lift ${driver.lift.toFixed(2)}, q ${q})`;
}

/** The evaluator to read: the flag, else the project's only one. */
async function evaluatorOf(call: ApiCall, flags: Flags): Promise<string | undefined> {
  if (flags.evaluator !== undefined || flags.experiment !== undefined) return flags.evaluator;
  const { items } = await call<{ items: { name: string }[] }>('GET', '/api/evaluators');
  const only = items.length === 1 ? items[0] : undefined;
  if (only !== undefined) return only.name;
  throw new KaizenError(
    'invalid_input',
    items.length === 0
      ? 'no evaluator is registered: register one (kaizen evaluators push) and score traces first'
      : `--evaluator is required: this project has ${items.map((item) => item.name).join(', ')}`,
  );
}

export function formatInsight(insight: Insight, maxDrivers: number): string {
  const lines = [`${insight.traceCount} scored items · report ${insight.id}`];
  const causes = insight.report.causes;
  if (causes.length === 0) lines.push('No failures in this view.');
  else {
    lines.push(
      formatTable(
        ['#', 'cause', 'failure rate', 'lost score', 'top drivers', 'evidence'],
        causes.map((cause, index) => [
          String(index + 1),
          cause.criteria.join(' + '),
          percent(cause.failureRate),
          percent(cause.lostScoreShare),
          cause.drivers.length === 0 ? '-' : cause.drivers.slice(0, maxDrivers).map(driverText).join('; '),
          cause.evidence.failing[0]?.traceId ?? '-',
        ]),
      ),
    );
  }
  causes.forEach((cause, index) => {
    const narrative = insight.report.narratives?.[cause.id];
    if (narrative?.text !== undefined) lines.push(`#${index + 1} ${cause.criteria.join(' + ')}: ${narrative.text}`);
    else if (narrative?.dropped !== undefined) lines.push(`#${index + 1} narrative dropped: ${narrative.dropped}`);
  });
  if (causes.length > 0 && causes.every((cause) => cause.drivers.length === 0)) {
    lines.push('No significant driver: the data is too small, or no feature raises a failure rate.');
  }
  for (const note of insight.report.notes ?? []) lines.push(`Note: ${note}`);
  return lines.join('\n');
}

export function registerRcaCommand(program: Command, context: CommandContext): void {
  addConnectionOptions(
    program.command('rca').description('Root causes of failures over scored traces, a dataset or an experiment'),
  )
    .requiredOption('--prompt <name>', 'the prompt whose traces are analysed')
    .option('--prompt-version <version>', 'only traces of this prompt version')
    .option('--environment <environment>', 'production traces of this environment')
    .option('--dataset <name>', "the dataset's source traces instead (its latest version)")
    .option('--experiment <id>', "an experiment's items instead")
    .option('--evaluator <name>', 'whose scores to read (default: the only registered evaluator)')
    .option('--from <iso>', 'only traces that started at or after this time (production traces only)')
    .option('--to <iso>', 'only traces that started before this time (production traces only)')
    .option('--drivers <n>', 'drivers shown per cause', '3')
    .addHelpText(
      'after',
      examples([
        'kaizen rca --prompt extractor --environment production --evaluator extractor',
        'kaizen rca --prompt extractor --dataset pages',
        'kaizen rca --prompt extractor --experiment 6f1c…-… --json',
      ]),
    )
    .action(async (flags: Flags) => {
      const chosen = [flags.environment, flags.dataset, flags.experiment].filter((value) => value !== undefined);
      if (chosen.length > 1) {
        throw new KaizenError('invalid_input', 'give one of --environment, --dataset and --experiment');
      }
      const drivers = parsePositiveInteger(flags.drivers, '--drivers');
      const call = await evaluationApi(flags, context);
      const evaluatorName = await evaluatorOf(call, flags);
      const view =
        flags.experiment !== undefined
          ? { experimentId: flags.experiment }
          : flags.dataset !== undefined
            ? { datasetName: flags.dataset }
            : {
                promptName: flags.prompt,
                ...(flags.promptVersion !== undefined ? { promptVersion: flags.promptVersion } : {}),
                ...(flags.environment !== undefined ? { environment: flags.environment } : {}),
                ...(flags.from !== undefined ? { from: flags.from } : {}),
                ...(flags.to !== undefined ? { to: flags.to } : {}),
              };
      const body = { ...(evaluatorName !== undefined ? { evaluatorName } : {}), ...view };
      const insight = await call<Insight>('POST', '/api/insights', body);
      if (flags.json === true) printJson(context.output, insight);
      else context.output.stdout(formatInsight(insight, drivers));
    });
}
