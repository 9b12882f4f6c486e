// `kaizen online …`: attach evaluators to a view with a sampling rate, so the server scores incoming traces.
import { KaizenError } from '@kaizen/core';
import type { OnlineEvaluator } from '@kaizen/store';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { addConnectionOptions, type ConnectionFlags } from '../connect.js';
import { examples } from '../help.js';
import { formatTable, printJson } from '../output.js';
import { evaluationApi } from './evaluators-api.js';

interface Flags extends ConnectionFlags {
  json?: boolean;
}

interface ViewFlags extends Flags {
  evaluator?: string;
  environment?: string;
  prompt?: string;
  promptVersion?: string;
}

function parseRate(value: string): number {
  const rate = Number(value);
  if (value.trim() === '' || !(rate >= 0 && rate <= 1)) {
    throw new KaizenError('invalid_input', `--sampling must be a number from 0 to 1, got "${value}"`);
  }
  return rate;
}

function viewOf(options: ViewFlags) {
  return {
    environment: options.environment ?? null,
    promptName: options.prompt ?? null,
    promptVersion: options.promptVersion ?? null,
  };
}

function describeView(rule: OnlineEvaluator): string {
  const parts = [
    rule.environment === null ? 'any environment' : `environment ${rule.environment}`,
    rule.promptName === null
      ? null
      : `prompt ${rule.promptName}${rule.promptVersion === null ? '' : ` v${rule.promptVersion}`}`,
  ];
  return parts.filter((part) => part !== null).join(', ');
}

function addViewOptions(command: Command): Command {
  return command
    .option('--environment <env>', 'only traces of this environment (default: any)')
    .option('--prompt <name>', 'only traces using this prompt (default: any)')
    .option('--prompt-version <version>', 'only this version of --prompt');
}

export function registerOnlineCommand(program: Command, context: CommandContext): void {
  const online = program
    .command('online')
    .description('Score incoming traces with evaluators (online evaluation)')
    .addHelpText(
      'after',
      examples([
        'kaizen online enable --evaluator support --environment production --sampling 0.2',
        'kaizen online list',
        'kaizen online disable --evaluator support --environment production',
      ]),
    );

  addViewOptions(
    addConnectionOptions(online.command('enable').description('Score a view of incoming traces with an evaluator')),
  )
    .requiredOption('--evaluator <name>', 'a registered evaluator (kaizen evaluators push)')
    .option('--sampling <rate>', 'share of matching traces to score, 0 to 1', '1')
    .addHelpText(
      'after',
      examples(
        [
          'kaizen online enable --evaluator support --environment production --prompt answerer --sampling 0.2',
          'kaizen online enable --evaluator support --json',
        ],
        'Register the evaluator first (kaizen evaluators push); the server must run with the same kaizen.config.ts\n' +
          'for custom checks and judged criteria (kaizen serve --config kaizen.config.ts).',
      ),
    )
    .action(async (options: ViewFlags & { evaluator: string; sampling: string }) => {
      const samplingRate = parseRate(options.sampling);
      const call = await evaluationApi(options, context);
      const result = await call<{ evaluator: OnlineEvaluator; created: boolean }>('PUT', '/api/online-evaluators', {
        evaluator: options.evaluator,
        ...viewOf(options),
        samplingRate,
        enabled: true,
      });
      if (options.json) return printJson(context.output, result);
      const rule = result.evaluator;
      context.output.stdout(
        `${result.created ? 'Enabled' : 'Updated'} ${rule.evaluatorName} on ${describeView(rule)} at ` +
          `${(rule.samplingRate * 100).toFixed(1)}% sampling (${rule.id})`,
      );
    });

  addViewOptions(
    addConnectionOptions(online.command('disable').description('Stop scoring a view (the rule is kept, disabled)')),
  )
    .option('--evaluator <name>', 'the evaluator of the rule')
    .option('--id <id>', 'the rule id (from kaizen online list)')
    .option('--delete', 'remove the rule instead of disabling it')
    .addHelpText(
      'after',
      examples([
        'kaizen online disable --evaluator support --environment production --prompt answerer',
        'kaizen online disable --id 0b9c…-… --delete --json',
      ]),
    )
    .action(async (options: ViewFlags & { id?: string; delete?: boolean }) => {
      if (options.id === undefined && options.evaluator === undefined) {
        throw new KaizenError('invalid_input', 'give --evaluator (with the view flags it was enabled with) or --id');
      }
      const call = await evaluationApi(options, context);
      const { items } = await call<{ items: OnlineEvaluator[] }>('GET', '/api/online-evaluators');
      const view = viewOf(options);
      const rule =
        options.id !== undefined
          ? items.find((item) => item.id === options.id)
          : items.find(
              (item) =>
                item.evaluatorName === options.evaluator &&
                item.environment === view.environment &&
                item.promptName === view.promptName &&
                item.promptVersion === view.promptVersion,
            );
      if (rule === undefined) throw new KaizenError('not_found', 'no such online evaluator: see `kaizen online list`');
      if (options.delete) {
        await call('DELETE', `/api/online-evaluators/${rule.id}`);
        if (options.json) return printJson(context.output, { deleted: rule.id });
        return context.output.stdout(`Deleted ${rule.evaluatorName} on ${describeView(rule)}`);
      }
      const result = await call<{ evaluator: OnlineEvaluator }>('PUT', '/api/online-evaluators', {
        evaluator: rule.evaluatorName,
        environment: rule.environment,
        promptName: rule.promptName,
        promptVersion: rule.promptVersion,
        samplingRate: rule.samplingRate,
        enabled: false,
      });
      if (options.json) return printJson(context.output, result);
      context.output.stdout(`Disabled ${rule.evaluatorName} on ${describeView(rule)}`);
    });

  addConnectionOptions(online.command('list').description('List online evaluators'))
    .addHelpText('after', examples(['kaizen online list', 'kaizen online list --json']))
    .action(async (options: Flags) => {
      const call = await evaluationApi(options, context);
      const answer = await call<{ items: OnlineEvaluator[] }>('GET', '/api/online-evaluators');
      if (options.json) return printJson(context.output, answer);
      if (answer.items.length === 0) return context.output.stdout('No online evaluators: see `kaizen online enable`.');
      const rows = answer.items.map((rule) => [
        rule.id,
        rule.evaluatorName,
        rule.environment ?? '*',
        rule.promptName === null
          ? '*'
          : `${rule.promptName}${rule.promptVersion === null ? '' : ` v${rule.promptVersion}`}`,
        `${(rule.samplingRate * 100).toFixed(1)}%`,
        rule.enabled ? 'on' : 'off',
      ]);
      context.output.stdout(formatTable(['ID', 'EVALUATOR', 'ENVIRONMENT', 'PROMPT', 'SAMPLING', 'STATE'], rows));
    });
}
