// `kaizen datasets …`: create versions from a trace view or a file, list, show and export them.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { KaizenError } from '@kaizen/core';
import type { KaizenApi, TraceViewFilter } from '@kaizen/sdk';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { addConnectionOptions, type ConnectionFlags, connect } from '../connect.js';
import { examples } from '../help.js';
import { printJson } from '../output.js';
import { parsePositiveInteger } from '../parse-options.js';
import { formatDatasetList, formatDatasetVersion, formatItems } from './datasets-format.js';
import {
  formatOfFile,
  parseBoolean,
  parseFormat,
  parseSeed,
  parseSplit,
  parseSplitFractions,
  parseStrategy,
} from './datasets-options.js';

interface Flags extends ConnectionFlags {
  json?: boolean;
}

interface CreateFlags extends Flags {
  prompt: string;
  environment?: string;
  promptVersion?: string;
  model?: string;
  status?: string;
  from?: string;
  to?: string;
  q?: string;
  label?: string;
  passed?: string;
  failedCriterion?: string;
  evaluator?: string;
  sample: string;
  size: string;
  seed: string;
  splits?: string;
  message?: string;
}

/** Building a version from a large view, or uploading a large file, takes longer than a read. */
const DATASET_TIMEOUT_MS = 120_000;

function api(flags: ConnectionFlags, context: CommandContext): Promise<KaizenApi> {
  return connect(flags, context, { timeoutMs: DATASET_TIMEOUT_MS });
}

const versionOf = (value: string | undefined) =>
  value === undefined || value === 'latest' ? ('latest' as const) : parsePositiveInteger(value, '--version');

function viewOf(options: CreateFlags): TraceViewFilter {
  if (options.status !== undefined && options.status !== 'ok' && options.status !== 'error') {
    throw new KaizenError('invalid_input', `--status must be ok or error, got "${options.status}"`);
  }
  const status = options.status as 'ok' | 'error' | undefined;
  return {
    promptName: options.prompt,
    ...(options.environment !== undefined ? { environment: options.environment } : {}),
    ...(options.promptVersion !== undefined ? { promptVersion: options.promptVersion } : {}),
    ...(options.model !== undefined ? { model: options.model } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    ...(options.q !== undefined ? { q: options.q } : {}),
    ...(options.label !== undefined ? { label: options.label } : {}),
    ...(options.passed !== undefined ? { passed: parseBoolean(options.passed, '--passed') } : {}),
    ...(options.failedCriterion !== undefined ? { failedCriterion: options.failedCriterion } : {}),
    ...(options.evaluator !== undefined ? { evaluator: options.evaluator } : {}),
  };
}

function splitSettings(seed: number, fractions: string | undefined) {
  if (fractions === undefined) return { seed };
  const [train, validation, holdout] = parseSplitFractions(fractions);
  return { seed, train, validation, holdout };
}

export function registerDatasetsCommand(program: Command, context: CommandContext): void {
  const datasets = program
    .command('datasets')
    .description('Versioned datasets from production traces or files, split into train/validation/holdout')
    .addHelpText(
      'after',
      examples([
        'kaizen datasets create failures --environment production --prompt extractor --label fail --size 200',
        'kaizen datasets import pages --file pages.jsonl',
        'kaizen datasets export pages --split holdout > holdout.jsonl',
      ]),
    );

  addConnectionOptions(datasets.command('create <name>').description('Create a version from a trace view'))
    .requiredOption('--prompt <name>', 'the prompt whose inputs become items')
    .option('--environment <environment>', 'only traces of this environment (e.g. production)')
    .option('--prompt-version <version>', 'only traces of this prompt version')
    .option('--model <model>', 'only traces that used this model')
    .option('--status <status>', 'only traces with this status (ok or error)')
    .option('--from <iso>', 'only traces that started at or after this time')
    .option('--to <iso>', 'only traces that started before this time')
    .option('--q <text>', 'only traces whose inputs or outputs contain this text')
    .option('--label <label>', 'only traces whose latest score has this label (e.g. fail)')
    .option('--passed <true|false>', 'only traces whose latest score passed (or not)')
    .option('--failed-criterion <id>', 'only traces whose latest score failed this criterion')
    .option('--evaluator <name>', 'whose scores the score filters and strata read')
    .option('--sample <strategy>', 'random, recent, stratified-label or stratified-criterion', 'random')
    .option('--size <n>', 'items to draw', '100')
    .option('--seed <n>', 'seed of the random sample and of the splits', '0')
    .option('--splits <fractions>', 'train,validation,holdout fractions', '0.6,0.2,0.2')
    .option('--message <message>', 'why this version, for the history')
    .addHelpText(
      'after',
      examples([
        'kaizen datasets create failures --environment production --prompt extractor --label fail --sample stratified-criterion --size 200',
        'kaizen datasets create recent --environment production --prompt extractor --sample recent --size 50 --json',
      ]),
    )
    .action(async (name: string, options: CreateFlags) => {
      const seed = parseSeed(options.seed);
      const client = await api(options, context);
      const version = await client.datasets.createFromTraces(name, {
        filter: viewOf(options),
        sample: {
          strategy: parseStrategy(options.sample),
          size: parsePositiveInteger(options.size, '--size'),
          seed,
        },
        splits: splitSettings(seed, options.splits),
        ...(options.message !== undefined ? { message: options.message } : {}),
      });
      if (options.json) return printJson(context.output, version);
      context.output.stdout(`Created ${formatDatasetVersion(version)}`);
    });

  addConnectionOptions(datasets.command('import <name>').description('Create a version from a JSONL, CSV or JSON file'))
    .requiredOption(
      '--file <file>',
      'JSONL ({id, input, expected, metadata} per line), CSV (columns are variables) or JSON',
    )
    .option('--format <format>', 'jsonl, csv or json (default: from the extension)')
    .option('--seed <n>', 'seed of the splits', '0')
    .option('--splits <fractions>', 'train,validation,holdout fractions', '0.6,0.2,0.2')
    .option('--message <message>', 'why this version, for the history')
    .addHelpText(
      'after',
      examples(
        [
          'kaizen datasets import pages --file pages.jsonl --seed 7',
          'kaizen datasets import tickets --file tickets.csv --splits 0.8,0.1,0.1 --json',
        ],
        'CSV: columns become input variables; `expected` (JSON or text) or `expected.<field>` columns hold the expected\n' +
          'output, `metadata.<key>` columns the metadata, `id` the item id, `split` a fixed split.',
      ),
    )
    .action(
      async (
        name: string,
        options: Flags & { file: string; format?: string; seed: string; splits?: string; message?: string },
      ) => {
        const format = formatOfFile(options.file, options.format);
        let content: string;
        try {
          content = readFileSync(options.file, 'utf8');
        } catch (error) {
          throw new KaizenError('invalid_input', `cannot read --file ${options.file}: ${(error as Error).message}`);
        }
        const client = await api(options, context);
        const version = await client.datasets.importFile(name, {
          content,
          format,
          seed: parseSeed(options.seed),
          ...(options.splits !== undefined ? { fractions: parseSplitFractions(options.splits) } : {}),
          ...(options.message !== undefined ? { message: options.message } : {}),
          file: basename(options.file),
        });
        if (options.json) return printJson(context.output, version);
        context.output.stdout(`Created ${formatDatasetVersion(version)}`);
      },
    );

  addConnectionOptions(datasets.command('list').description('List datasets with their latest version'))
    .addHelpText('after', examples(['kaizen datasets list', 'kaizen datasets list --json']))
    .action(async (options: Flags) => {
      const client = await api(options, context);
      const { items } = await client.datasets.list();
      if (options.json) return printJson(context.output, { items });
      context.output.stdout(formatDatasetList(items));
    });

  addConnectionOptions(datasets.command('show <name>').description('Show a version, its splits and its first items'))
    .option('--version <version>', 'version number (default: latest)')
    .option('--split <split>', 'only items of this split: train, validation or holdout')
    .option('--limit <n>', 'items to show', '20')
    .addHelpText(
      'after',
      examples(['kaizen datasets show pages', 'kaizen datasets show pages --version 2 --split holdout --json']),
    )
    .action(async (name: string, options: Flags & { version?: string; split?: string; limit: string }) => {
      const client = await api(options, context);
      const version = await client.datasets.getVersion(name, versionOf(options.version));
      const split = options.split === undefined ? undefined : parseSplit(options.split);
      const page = await client.datasets.listItems(name, version.version, {
        limit: Math.min(parsePositiveInteger(options.limit, '--limit'), 1000),
        ...(split !== undefined ? { split } : {}),
      });
      if (options.json)
        return printJson(context.output, { ...version, items: page.items, nextCursor: page.nextCursor });
      const shown = page.nextCursor === null ? '' : ` (first ${page.items.length}; --limit for more)`;
      context.output.stdout(`${formatDatasetVersion(version)}\n\n${formatItems(page.items)}${shown}`);
    });

  addConnectionOptions(datasets.command('export <name>').description('Write a version as JSONL, CSV or JSON'))
    .option('--version <version>', 'version number (default: latest)')
    .option('--split <split>', 'only items of this split')
    .option('--format <format>', 'jsonl, csv or json (--json is short for --format json)', 'jsonl')
    .option('--output <file>', 'write to this file instead of stdout')
    .addHelpText(
      'after',
      examples(
        [
          'kaizen datasets export pages --format csv --output pages.csv',
          'kaizen datasets export pages --version 2 --split holdout > holdout.jsonl',
          'kaizen datasets export pages --json',
        ],
        'JSONL round-trips every item exactly; CSV writes non-text values as JSON text. With --output, stdout stays\n' +
          'empty and a notice goes to stderr.',
      ),
    )
    .action(
      async (
        name: string,
        options: Flags & { version?: string; split?: string; format: string; output?: string },
        command: Command,
      ) => {
        const split = options.split === undefined ? undefined : parseSplit(options.split);
        if (options.json && command.getOptionValueSource('format') === 'cli' && options.format !== 'json') {
          throw new KaizenError('invalid_input', `--json exports JSON: drop it, or drop --format ${options.format}`);
        }
        const format = options.json ? 'json' : parseFormat(options.format);
        const client = await api(options, context);
        const text = await client.datasets.exportFile(name, versionOf(options.version), {
          format,
          ...(split !== undefined ? { split } : {}),
        });
        if (options.output === undefined) {
          context.output.stdout(text === '' ? '' : text.replace(/\r?\n$/, ''));
          return;
        }
        writeFileSync(options.output, text);
        context.output.stderr(`Wrote ${options.output}`);
      },
    );
}
