// `kaizen worker`: takes jobs — online evaluations, optimization runs, experiment and replay runs — from the Postgres
// job queue that `kaizen serve` processes fill, until SIGINT/SIGTERM. No HTTP listener (docs/architecture/jobs.md).
import { DEFAULT_PRICES, KaizenError, mergePrices } from '@kaizen/core';
import { startWorker } from '@kaizen/server';
import { openStore } from '@kaizen/store';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { loadConfigFile } from '../load-config.js';
import { onlineEvaluationFromConfig } from '../online-evaluation-config.js';
import { openJobQueue } from '../open-job-queue.js';
import { parsePositiveInteger } from '../parse-options.js';
import { resolveSetting, resolveStoreSettings, SETTINGS } from '../settings.js';
import { waitForStopSignal } from '../wait-for-stop.js';

interface WorkerOptions {
  config?: string;
  optimizerModel?: string;
  concurrency?: string;
}

export function registerWorkerCommand(program: Command, context: CommandContext): void {
  program
    .command('worker')
    .description(
      'Run queued jobs (online evaluation, optimizations, experiments, replays) for the servers of one Postgres',
    )
    .option(
      '--config <file>',
      'kaizen.config.ts: custom checks, judgeModel, prices (default KAIZEN_CONFIG or ./kaizen.config.ts)',
    )
    .option(
      '--optimizer-model <provider:model>',
      'default optimizer model of runs that name none (default: KAIZEN_OPTIMIZER_MODEL, else optimizerModel in kaizen.config.ts)',
    )
    .option('--concurrency <n>', 'jobs of each kind run at once', '2')
    .addHelpText(
      'after',
      `
Examples:
  KAIZEN_DATABASE_URL=postgres://kaizen@db/kaizen kaizen worker
  KAIZEN_DATABASE_URL=postgres://kaizen@db/kaizen kaizen worker --concurrency 4 --config ./kaizen.config.ts

Needs Postgres (KAIZEN_DATABASE_URL): with the embedded SQLite store, kaizen serve runs every job itself. Start any
number of workers beside any number of "kaizen serve --no-work" processes; a job of a worker that dies is retried by
another once its lease expires (KAIZEN_JOB_LEASE_SECONDS, default 600; optimizations resume from cached answers).

Runs until Ctrl-C (SIGINT) or SIGTERM, then pauses its optimizations (queued again for other workers) and finishes
the jobs in hand; logs go to stderr (no --json: it prints no result). Exit codes: 0 after a clean shutdown; 2 when it
cannot start (no Postgres, bad config).`,
    )
    .action(async (options: WorkerOptions) => {
      const concurrency = parsePositiveInteger(options.concurrency ?? '2', '--concurrency');
      const storeSettings = resolveStoreSettings({}, context.env);
      if (storeSettings.databaseUrl === undefined) {
        throw new KaizenError(
          'invalid_input',
          'kaizen worker needs Postgres: set KAIZEN_DATABASE_URL (with the embedded SQLite store, kaizen serve runs every job itself)',
        );
      }
      const loaded = await loadConfigFile(options.config, context.env, process.cwd());
      if (loaded.path !== null) context.output.stderr(`Config: ${loaded.path}`);
      const config = loaded.config;
      const optimizerModel = resolveSetting(
        SETTINGS.optimizerModel,
        options.optimizerModel,
        context.env,
        loaded,
      )?.value;
      const logger = (line: string) => context.output.stderr(line);
      const store = await openStore(storeSettings);
      try {
        const queue = await openJobQueue(storeSettings, context.env, logger);
        if (queue === null) throw new KaizenError('invalid_input', 'kaizen worker needs Postgres');
        const worker = await startWorker({
          store,
          queue,
          onlineEvaluation: onlineEvaluationFromConfig(config),
          ...(optimizerModel !== undefined ? { optimization: { optimizerModel } } : {}),
          ...(config.prices !== undefined ? { prices: mergePrices(DEFAULT_PRICES, config.prices) } : {}),
          ...(config.redaction !== undefined ? { redaction: config.redaction } : {}),
          concurrency: { onlineEvaluation: concurrency, optimization: concurrency, experiment: concurrency },
          logger,
        }).catch(async (error: unknown) => {
          await queue.close();
          throw error;
        });
        context.output.stderr('Store: postgres');
        await waitForStopSignal();
        context.output.stderr('Shutting down: pausing optimizations, finishing the jobs in hand');
        await worker.close();
      } finally {
        await store.close();
      }
    });
}
