// `kaizen labels …`: a human verdict (pass/fail + note) on one criterion of one trace; the reference for judges.
import { userInfo } from 'node:os';
import { KaizenError } from '@kaizen/core';
import type { HumanLabel } from '@kaizen/store';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { addConnectionOptions, type ConnectionFlags } from '../connect.js';
import { examples } from '../help.js';
import { formatTable, printJson } from '../output.js';
import { evaluationApi, segment } from './evaluators-api.js';

interface Flags extends ConnectionFlags {
  json?: boolean;
}

interface SetFlags extends Flags {
  evaluator: string;
  criterion: string;
  pass?: boolean;
  fail?: boolean;
  note?: string;
  author?: string;
}

function author(env: NodeJS.ProcessEnv): string {
  try {
    return env.KAIZEN_ACTOR ?? env.USER ?? userInfo().username;
  } catch {
    return 'cli';
  }
}

export function registerLabelsCommand(program: Command, context: CommandContext): void {
  const labels = program
    .command('labels')
    .description('Human labels per trace and criterion')
    .addHelpText(
      'after',
      examples([
        'kaizen labels set 4bf92f3577b34da6a3ce929d0e0e4736 --evaluator support --criterion polite --pass',
        'kaizen labels list 4bf92f3577b34da6a3ce929d0e0e4736',
      ]),
    );

  addConnectionOptions(labels.command('set <traceId>').description('Label one criterion of a trace as pass or fail'))
    .requiredOption('--evaluator <name>', 'the evaluator the criterion belongs to')
    .requiredOption('--criterion <id>', 'the criterion id')
    .option('--pass', 'the criterion holds')
    .option('--fail', 'the criterion does not hold')
    .option('--note <note>', 'why')
    .option('--author <author>', 'who (default: KAIZEN_ACTOR or your user name)')
    .addHelpText(
      'after',
      examples([
        'kaizen labels set 4bf92f3577b34da6a3ce929d0e0e4736 --evaluator support --criterion polite --fail --note "curt"',
        'kaizen labels set 4bf92f3577b34da6a3ce929d0e0e4736 --evaluator support --criterion polite --pass --json',
      ]),
    )
    .action(async (traceId: string, options: SetFlags) => {
      if (options.pass === options.fail) throw new KaizenError('invalid_input', 'give exactly one of --pass or --fail');
      const call = await evaluationApi(options, context);
      const label = await call<HumanLabel>('PUT', `/api/traces/${segment(traceId)}/labels`, {
        evaluator: options.evaluator,
        criterion: options.criterion,
        passed: options.pass === true,
        author: options.author ?? author(context.env),
        ...(options.note !== undefined ? { note: options.note } : {}),
      });
      if (options.json) return printJson(context.output, label);
      context.output.stdout(
        `Labelled ${label.traceId} ${label.evaluatorName}/${label.criterionId}: ${label.passed ? 'pass' : 'fail'}`,
      );
    });

  addConnectionOptions(labels.command('list <traceId>').description('The human labels of a trace'))
    .addHelpText(
      'after',
      examples([
        'kaizen labels list 4bf92f3577b34da6a3ce929d0e0e4736',
        'kaizen labels list 4bf92f3577b34da6a3ce929d0e0e4736 --json',
      ]),
    )
    .action(async (traceId: string, options: Flags) => {
      const call = await evaluationApi(options, context);
      const answer = await call<{ items: HumanLabel[] }>('GET', `/api/traces/${segment(traceId)}/labels`);
      if (options.json) return printJson(context.output, answer);
      if (answer.items.length === 0) return context.output.stdout('No labels on this trace.');
      const rows = answer.items.map((label) => [
        label.evaluatorName,
        label.criterionId,
        label.passed ? 'pass' : 'fail',
        label.author ?? '-',
        label.note ?? '',
      ]);
      context.output.stdout(formatTable(['EVALUATOR', 'CRITERION', 'LABEL', 'AUTHOR', 'NOTE'], rows));
    });
}
