// `kaizen evaluators …`: register the checklists of kaizen.config.ts on the server, list and show them, agreement.
import { userInfo } from 'node:os';
import { KaizenError } from '@kaizen/core';
import { type EvaluatorSummary, type EvaluatorVersion, type StoredChecklist, toStoredChecklist } from '@kaizen/store';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { addConnectionOptions, type ConnectionFlags } from '../connect.js';
import { examples } from '../help.js';
import { loadConfigFile } from '../load-config.js';
import { formatTable, printJson } from '../output.js';
import { parsePositiveInteger } from '../parse-options.js';
import { evaluationApi, percent, segment } from './evaluators-api.js';

interface Flags extends ConnectionFlags {
  json?: boolean;
}

interface PushResult {
  readonly version: EvaluatorVersion;
  readonly created: boolean;
}

interface Agreement {
  readonly criterionId: string;
  readonly description: string;
  readonly n: number;
  readonly confusion: { tp: number; fp: number; fn: number; tn: number };
  readonly accuracy: number | null;
  readonly kappa: number | null;
}

function actor(env: NodeJS.ProcessEnv): string {
  try {
    return env.KAIZEN_ACTOR ?? env.USER ?? userInfo().username;
  } catch {
    return 'cli';
  }
}

function describeCheck(check: StoredChecklist['criteria'][number]['check']): string {
  if (check.kind === 'custom') return `custom (${check.name})`;
  if (check.kind === 'llm_judge') return `llm_judge: ${check.question}`;
  return check.kind;
}

export function registerEvaluatorsCommand(program: Command, context: CommandContext): void {
  const evaluators = program
    .command('evaluators')
    .description('Register the checklists of kaizen.config.ts on the server (versioned), list, show, agreement')
    .addHelpText(
      'after',
      examples(['kaizen evaluators push', 'kaizen evaluators list', 'kaizen evaluators agreement support']),
    );

  addConnectionOptions(evaluators.command('push').description('Register every evaluator of kaizen.config.ts'))
    .option('--only <name>', 'push this evaluator only')
    .option('--message <message>', 'what changed, kept with each new version')
    .addHelpText(
      'after',
      examples(
        [
          'kaizen evaluators push --config kaizen.config.ts',
          'kaizen evaluators push --only support --message "stricter tone" --json',
        ],
        'Custom code checks are registered by name (their criterion id); their code stays in the config, so\n' +
          'start the server with the same config for online evaluation: kaizen serve --config kaizen.config.ts',
      ),
    )
    .action(async (options: Flags & { only?: string; message?: string }) => {
      const loaded = await loadConfigFile(options.config, context.env, process.cwd());
      const entries = Object.entries(loaded.config.evaluators ?? {}).filter(
        ([name]) => options.only === undefined || name === options.only,
      );
      if (entries.length === 0) {
        throw new KaizenError(
          'invalid_input',
          loaded.path === null
            ? 'no config file: kaizen evaluators push reads kaizen.config.ts in this folder; pass --config FILE or ' +
                'set KAIZEN_CONFIG'
            : options.only === undefined
              ? `${loaded.path} defines no evaluators: add them under \`evaluators\``
              : `${loaded.path} has no evaluator "${options.only}"`,
        );
      }
      const call = await evaluationApi(options, context);
      const items: { name: string; version: number; created: boolean }[] = [];
      for (const [name, checklist] of entries) {
        const result = await call<PushResult>('POST', '/api/evaluators', {
          name,
          definition: toStoredChecklist(checklist),
          author: actor(context.env),
          ...(options.message !== undefined ? { message: options.message } : {}),
        });
        items.push({ name, version: result.version.version, created: result.created });
      }
      if (options.json) return printJson(context.output, { items });
      for (const item of items) {
        context.output.stdout(
          item.created
            ? `Created ${item.name} version ${item.version}`
            : `Unchanged: ${item.name} is version ${item.version}`,
        );
      }
    });

  addConnectionOptions(evaluators.command('list').description('List registered evaluators'))
    .addHelpText('after', examples(['kaizen evaluators list', 'kaizen evaluators list --json']))
    .action(async (options: Flags) => {
      const call = await evaluationApi(options, context);
      const { items } = await call<{ items: EvaluatorSummary[] }>('GET', '/api/evaluators');
      if (options.json) return printJson(context.output, { items });
      if (items.length === 0) return context.output.stdout('No evaluators yet: run `kaizen evaluators push`.');
      const rows = items.map((item) => [item.name, String(item.latestVersion), String(item.criteria), item.updatedAt]);
      context.output.stdout(formatTable(['NAME', 'LATEST', 'CRITERIA', 'UPDATED'], rows));
    });

  addConnectionOptions(evaluators.command('show <name>').description('Show an evaluator version (default: latest)'))
    .option('--version <version>', 'a version number')
    .addHelpText(
      'after',
      examples(['kaizen evaluators show support', 'kaizen evaluators show support --version 2 --json']),
    )
    .action(async (name: string, options: Flags & { version?: string }) => {
      const call = await evaluationApi(options, context);
      const found =
        options.version === undefined
          ? (await call<{ latest: EvaluatorVersion }>('GET', `/api/evaluators/${segment(name)}`)).latest
          : await call<EvaluatorVersion>(
              'GET',
              `/api/evaluators/${segment(name)}/versions/${parsePositiveInteger(options.version, '--version')}`,
            );
      if (options.json) return printJson(context.output, found);
      const definition = found.definition;
      const rows = definition.criteria.map((criterion) => [
        criterion.id,
        String(criterion.weight),
        describeCheck(criterion.check),
        criterion.description,
      ]);
      context.output.stdout(
        `${found.name} version ${found.version} (${found.hash.slice(0, 12)}), pass threshold ${definition.passThreshold}\n` +
          formatTable(['CRITERION', 'WEIGHT', 'CHECK', 'DESCRIPTION'], rows),
      );
    });

  addConnectionOptions(
    evaluators
      .command('agreement <name>')
      .description("Agreement of each judged criterion with human labels (accuracy, Cohen's kappa, confusion)"),
  )
    .addHelpText(
      'after',
      examples(
        ['kaizen evaluators agreement support', 'kaizen evaluators agreement support --json'],
        'Label traces first: kaizen labels set TRACE_ID --evaluator E --criterion C --pass|--fail',
      ),
    )
    .action(async (name: string, options: Flags) => {
      const call = await evaluationApi(options, context);
      const answer = await call<{ evaluator: string; version: number; criteria: Agreement[] }>(
        'GET',
        `/api/evaluators/${segment(name)}/agreement`,
      );
      if (options.json) return printJson(context.output, answer);
      if (answer.criteria.length === 0) {
        return context.output.stdout(`${name} has no judged (llm_judge) criteria.`);
      }
      const rows = answer.criteria.map((item) => [
        item.criterionId,
        String(item.n),
        percent(item.accuracy),
        item.kappa === null ? '-' : item.kappa.toFixed(2),
        `${item.confusion.tp}/${item.confusion.fp}/${item.confusion.fn}/${item.confusion.tn}`,
      ]);
      context.output.stdout(
        `${answer.evaluator} version ${answer.version}: judge vs human labels\n` +
          `${formatTable(['CRITERION', 'N', 'ACCURACY', 'KAPPA', 'TP/FP/FN/TN'], rows)}\n` +
          'Label traces with `kaizen labels set TRACE_ID --evaluator E --criterion C --pass|--fail`.',
      );
    });
}
