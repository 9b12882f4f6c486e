// `kaizen prompts …`: push versions, list, show, diff, promote and roll back labels through the server's registry.
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { KaizenError, type PromptVersion } from '@kaizen/core';
import type { PushVersionInput } from '@kaizen/sdk';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { addConnectionOptions, type ConnectionFlags, connect } from '../connect.js';
import { examples } from '../help.js';
import { formatTable, printJson } from '../output.js';
import { parsePositiveInteger } from '../parse-options.js';
import { readPromptFile } from '../read-prompt-file.js';
import { formatPromptDiff, formatPromptVersion } from './format-prompt.js';

interface Flags extends ConnectionFlags {
  json?: boolean;
}

function defaultActor(env: NodeJS.ProcessEnv): string {
  try {
    return env.KAIZEN_ACTOR ?? env.USER ?? userInfo().username;
  } catch {
    return 'cli';
  }
}

export function registerPromptsCommand(program: Command, context: CommandContext): void {
  const prompts = program
    .command('prompts')
    .description('Version, diff and release prompts through environments')
    .addHelpText(
      'after',
      examples([
        'kaizen prompts push extractor --file prompts/extractor.json --message "ask for @context"',
        'kaizen prompts diff extractor 3 4',
        'kaizen prompts promote extractor 4 --to production',
      ]),
    );

  addConnectionOptions(
    prompts.command('push <name>').description('Register a new version (identical content is not duplicated)'),
  )
    .requiredOption(
      '--file <file>',
      'a text template, or JSON: {messages|template, variables, model, params, outputSchema}',
    )
    .option('--message <message>', 'what changed, for the history')
    .option('--author <author>', 'who made it (default: KAIZEN_ACTOR or your user name)')
    .addHelpText(
      'after',
      examples([
        'kaizen prompts push extractor --file prompts/extractor.json --message "ask for @context"',
        'kaizen prompts push greeter --file greeter.txt --json',
      ]),
    )
    .action(async (name: string, options: Flags & { file: string; message?: string; author?: string }) => {
      let text: string;
      try {
        text = readFileSync(options.file, 'utf8');
      } catch (error) {
        throw new KaizenError('invalid_input', `cannot read --file ${options.file}: ${(error as Error).message}`);
      }
      const input: PushVersionInput = {
        ...readPromptFile(text, options.file),
        ...(options.message !== undefined ? { message: options.message } : {}),
        author: options.author ?? defaultActor(context.env),
      };
      const api = await connect(options, context);
      const result = await api.prompts.pushVersion(name, input);
      if (options.json) return printJson(context.output, result);
      context.output.stdout(
        result.created
          ? `Created ${name} version ${result.version.version} (${result.version.hash.slice(0, 12)})`
          : `Unchanged: identical to ${name} version ${result.version.version}`,
      );
    });

  addConnectionOptions(prompts.command('list').description('List prompts with their latest version and labels'))
    .addHelpText('after', examples(['kaizen prompts list', 'kaizen prompts list --json']))
    .action(async (options: Flags) => {
      const api = await connect(options, context);
      const { items } = await api.prompts.list();
      if (options.json) return printJson(context.output, { items });
      if (items.length === 0) return context.output.stdout('No prompts yet: push one with `kaizen prompts push`.');
      const rows = items.map((item) => [
        item.name,
        String(item.latestVersion),
        Object.entries(item.labels)
          .map(([label, version]) => `${label}=${version}`)
          .join(' ') || '-',
        item.updatedAt,
      ]);
      context.output.stdout(formatTable(['NAME', 'LATEST', 'LABELS', 'UPDATED'], rows));
    });

  addConnectionOptions(prompts.command('show <name>').description('Show a prompt, or one version of it'))
    .option('--version <version>', 'a version number')
    .option('--label <label>', 'the version a label points at (production, staging, …)')
    .addHelpText(
      'after',
      examples([
        'kaizen prompts show extractor',
        'kaizen prompts show extractor --label production',
        'kaizen prompts show extractor --version 4 --json',
      ]),
    )
    .action(async (name: string, options: Flags & { version?: string; label?: string }) => {
      const api = await connect(options, context);
      if (options.version !== undefined && options.label !== undefined) {
        throw new KaizenError('invalid_input', 'use --version or --label, not both');
      }
      let version: PromptVersion | null = null;
      if (options.version !== undefined) {
        version = await api.prompts.getVersion(name, parsePositiveInteger(options.version, '--version'));
      } else if (options.label !== undefined) {
        version = await api.prompts.getByLabel(name, options.label);
      }
      if (version !== null) {
        if (options.json) return printJson(context.output, version);
        return context.output.stdout(formatPromptVersion(version));
      }
      const details = await api.prompts.get(name);
      if (options.json) return printJson(context.output, details);
      const rows = details.versions.map((item) => [
        String(item.version),
        item.labels.join(',') || '-',
        item.createdAt,
        item.author ?? '-',
        item.message ?? '',
      ]);
      context.output.stdout(`${name}\n${formatTable(['VERSION', 'LABELS', 'CREATED', 'AUTHOR', 'MESSAGE'], rows)}`);
    });

  addConnectionOptions(
    prompts.command('diff <name> <from> <to>').description('Diff two versions (unified diff + changed settings)'),
  )
    .addHelpText('after', examples(['kaizen prompts diff extractor 3 4', 'kaizen prompts diff extractor 3 4 --json']))
    .action(async (name: string, from: string, to: string, options: Flags) => {
      const api = await connect(options, context);
      const diff = await api.prompts.diff(name, parsePositiveInteger(from, 'FROM'), parsePositiveInteger(to, 'TO'));
      if (options.json) return printJson(context.output, diff);
      context.output.stdout(formatPromptDiff(diff));
    });

  addConnectionOptions(
    prompts.command('promote <name> <version>').description('Point a label (environment) at a version'),
  )
    .requiredOption('--to <label>', 'label to move, e.g. staging or production')
    .option('--actor <actor>', 'who, for the audit log (default: KAIZEN_ACTOR or your user name)')
    .addHelpText(
      'after',
      examples([
        'kaizen prompts promote extractor 4 --to staging',
        'kaizen prompts promote extractor 4 --to production --actor release-bot --json',
      ]),
    )
    .action(async (name: string, version: string, options: Flags & { to: string; actor?: string }) => {
      const api = await connect(options, context);
      const event = await api.prompts.setLabel(name, options.to, parsePositiveInteger(version, 'VERSION'), {
        actor: options.actor ?? defaultActor(context.env),
      });
      if (options.json) return printJson(context.output, event);
      context.output.stdout(`${name}: ${event.label} ${event.fromVersion ?? '(unset)'} → ${event.toVersion}`);
    });

  addConnectionOptions(prompts.command('rollback <name>').description('Move a label back to its previous version'))
    .requiredOption('--label <label>', 'label to roll back, e.g. production')
    .option('--actor <actor>', 'who, for the audit log (default: KAIZEN_ACTOR or your user name)')
    .addHelpText('after', examples(['kaizen prompts rollback extractor --label production']))
    .action(async (name: string, options: Flags & { label: string; actor?: string }) => {
      const api = await connect(options, context);
      const event = await api.prompts.rollback(name, options.label, {
        actor: options.actor ?? defaultActor(context.env),
      });
      if (options.json) return printJson(context.output, event);
      context.output.stdout(`${name}: ${event.label} rolled back ${event.fromVersion} → ${event.toVersion}`);
    });

  addConnectionOptions(prompts.command('history <name>').description('Label moves (the audit log), newest first'))
    .option('--label <label>', 'only this label')
    .addHelpText(
      'after',
      examples(['kaizen prompts history extractor', 'kaizen prompts history extractor --label production --json']),
    )
    .action(async (name: string, options: Flags & { label?: string }) => {
      const api = await connect(options, context);
      const history = await api.prompts.history(name, options.label !== undefined ? { label: options.label } : {});
      if (options.json) return printJson(context.output, history);
      const rows = history.items.map((event) => [
        event.at,
        event.label,
        event.kind,
        `${event.fromVersion ?? '-'} → ${event.toVersion}`,
        event.actor ?? '-',
      ]);
      context.output.stdout(formatTable(['AT', 'LABEL', 'KIND', 'MOVE', 'ACTOR'], rows));
    });
}
