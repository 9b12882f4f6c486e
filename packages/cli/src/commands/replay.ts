// `kaizen replay`: runs a candidate prompt version on real production inputs, into the shadow view.
import { createKaizenApi, init, type ReplaySummary, replayPrompt } from '@kaizen/sdk';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { addConnectionOptions, type ConnectionFlags, serverSettings } from '../connect.js';
import { EXIT_FAILED } from '../exit-codes.js';
import { examples } from '../help.js';
import { loadConfigFile } from '../load-config.js';
import { formatTable, printJson } from '../output.js';
import { parsePositiveInteger } from '../parse-options.js';
import { createProgress } from '../progress.js';
import { resolveSetting, SETTINGS, type ServerSettings } from '../settings.js';

interface ReplayFlags extends ConnectionFlags {
  prompt: string;
  candidate: string;
  from: string;
  limit: string;
  since?: string;
  model?: string;
  concurrency: string;
  json?: boolean;
}

function formatSummary(summary: ReplaySummary): string {
  const cost = summary.costUsd === null ? '-' : `$${summary.costUsd.toFixed(6)}`;
  const lines = [
    `Replayed ${summary.promptName} v${summary.candidateVersion} on ${summary.total} ${summary.from} traces into the shadow view`,
    `model ${summary.model}${summary.simulated ? ' (SIMULATED: outputs show the machinery, not a real model)' : ''}`,
    formatTable(
      ['OK', 'FAILED', 'SKIPPED', 'INPUT TOKENS', 'OUTPUT TOKENS', 'COST'],
      [
        [
          String(summary.replayed),
          String(summary.failed),
          String(summary.skipped),
          String(summary.inputTokens),
          String(summary.outputTokens),
          cost,
        ],
      ],
    ),
  ];
  const problems = summary.items.filter((item) => item.status !== 'ok').slice(0, 10);
  for (const item of problems) lines.push(`${item.status} ${item.sourceTraceId}: ${item.reason ?? ''}`);
  lines.push(
    `See them: kaizen traces list --environment shadow --prompt ${summary.promptName} --prompt-version ${summary.candidateVersion}`,
  );
  return lines.join('\n');
}

/**
 * The model to replay with: --model, else the candidate's own, else KAIZEN_MODEL, else `model` in the config (the
 * same order as `kaizen eval`). The version is read only when a default could apply.
 */
async function replayModel(
  options: ReplayFlags,
  settings: ServerSettings,
  context: CommandContext,
  version: number,
): Promise<string | undefined> {
  if (options.model !== undefined) return options.model;
  const fallback =
    resolveSetting(SETTINGS.defaultModel, undefined, context.env) ??
    resolveSetting(
      SETTINGS.defaultModel,
      undefined,
      context.env,
      await loadConfigFile(options.config, context.env, process.cwd()),
    );
  if (fallback === undefined) return undefined;
  const api = createKaizenApi({ url: settings.url, apiKey: settings.apiKey });
  const candidate = await api.prompts.getVersion(options.prompt, version);
  return candidate.model ?? fallback.value;
}

export function registerReplayCommand(program: Command, context: CommandContext): void {
  addConnectionOptions(
    program.command('replay').description('Run a candidate prompt version on production inputs, into the shadow view'),
  )
    .requiredOption('--prompt <name>', 'prompt name')
    .requiredOption('--candidate <version>', 'prompt version to try')
    .option('--from <environment>', 'environment whose traces supply the inputs', 'production')
    .option('--limit <n>', 'most recent traces to replay', '50')
    .option('--since <iso>', 'only traces that started at or after this time')
    .option(
      '--model <provider:model>',
      "model to call (default: the candidate version's model, else KAIZEN_MODEL, else model in kaizen.config.ts)",
    )
    .option('--concurrency <n>', 'model calls in flight at once', '4')
    .addHelpText(
      'after',
      examples(
        [
          'kaizen replay --prompt extractor --candidate 5 --from production --limit 200',
          'kaizen replay --prompt extractor --candidate 5 --model sim:schemaorg --json',
        ],
        'Progress goes to stderr. Exit codes: 0 when at least one trace was replayed (or there was none to replay);\n' +
          '1 when every replay failed; 2 on usage or connection errors.',
      ),
    )
    .action(async (options: ReplayFlags) => {
      const settings = await serverSettings(options, context);
      const candidateVersion = parsePositiveInteger(options.candidate, '--candidate');
      const model = await replayModel(options, settings, context, candidateVersion);
      const client = init({
        url: settings.url,
        apiKey: settings.apiKey,
        environment: 'shadow',
        serviceName: 'kaizen-replay',
      });
      const newBar = (total: number) =>
        createProgress('Replaying', total, context.output.progress, context.output.interactive);
      try {
        let total = 0;
        let bar = newBar(0);
        const summary = await replayPrompt(client, {
          promptName: options.prompt,
          candidateVersion,
          from: options.from,
          limit: parsePositiveInteger(options.limit, '--limit'),
          concurrency: parsePositiveInteger(options.concurrency, '--concurrency'),
          ...(options.since !== undefined ? { since: options.since } : {}),
          ...(model !== undefined ? { model } : {}),
          onProgress: (state) => {
            if (state.total !== total) {
              total = state.total;
              bar = newBar(total);
            }
            bar.update(
              state.done,
              state.failed + state.skipped > 0 ? `(${state.failed} failed, ${state.skipped} skipped)` : '',
            );
          },
        });
        bar.finish();
        if (options.json) printJson(context.output, summary);
        else context.output.stdout(formatSummary(summary));
        // Every call failed: a negative outcome of the run, not an error of the command.
        if (summary.total > 0 && summary.replayed === 0) context.exitCode = EXIT_FAILED;
      } finally {
        await client.shutdown();
      }
    });
}
