// `kaizen serve`: the OTLP collector and the API over the configured store, until SIGINT/SIGTERM.
import { DEFAULT_PRICES, KaizenError, mergePrices } from '@kaizen/core';
import { createModelPort } from '@kaizen/models';
import { startServer } from '@kaizen/server';
import { openStore } from '@kaizen/store';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { loadConfigFile } from '../load-config.js';
import { onlineEvaluationFromConfig } from '../online-evaluation-config.js';
import { openJobQueue } from '../open-job-queue.js';
import { parsePort, parsePositiveInteger, parsePositiveNumber } from '../parse-options.js';
import { resolveSetting, resolveStoreSettings, SETTINGS } from '../settings.js';
import { waitForStopSignal } from '../wait-for-stop.js';

interface ServeOptions {
  host: string;
  port: string;
  data?: string;
  maxBodyMb?: string;
  config?: string;
  optimizerModel?: string;
  /** true without a value: the default interval. */
  gpuMetrics?: string | boolean;
  retentionDays?: string;
  /** false with --no-work: take no jobs (Postgres only). */
  work: boolean;
}

/** Seconds between nvidia-smi samples when --gpu-metrics names none. */
const DEFAULT_GPU_INTERVAL_SECONDS = 10;

/** A listen error the user can fix, said as such; anything else unchanged. */
function startError(error: unknown, host: string, port: number): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return new KaizenError(
      'conflict',
      `${host}:${port} is in use (another kaizen serve?): stop it, or pass another --port`,
      { cause: error },
    );
  }
  if (code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    return new KaizenError('invalid_input', `cannot listen on ${host}:${port} (${code}): check --host and --port`, {
      cause: error,
    });
  }
  return error;
}

export function registerServeCommand(program: Command, context: CommandContext): void {
  program
    .command('serve')
    .description('Run the OTLP trace collector and the Kaizen API')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (4318 is the OTLP/HTTP default)', '4318')
    .option('--data <dir>', 'data folder of the embedded SQLite store (default ./.kaizen, or KAIZEN_DATA_DIR)')
    .option('--max-body-mb <mb>', 'largest accepted OTLP request body, in MiB', '8')
    .option(
      '--config <file>',
      'kaizen.config.ts: custom checks and judgeModel for online evaluation (default KAIZEN_CONFIG or ./kaizen.config.ts)',
    )
    .option(
      '--optimizer-model <provider:model>',
      'default optimizer model of optimization runs that name none (default: KAIZEN_OPTIMIZER_MODEL, else optimizerModel in kaizen.config.ts)',
    )
    .option(
      '--gpu-metrics [seconds]',
      `export GPU utilisation, memory, power and temperature at /metrics, from nvidia-smi every <seconds> (default ${DEFAULT_GPU_INTERVAL_SECONDS})`,
    )
    .option(
      '--retention-days <days>',
      'delete traces older than <days> whole days besides today, at start and hourly (default: KAIZEN_RETENTION_DAYS, else kept forever)',
    )
    .option('--no-work', 'take no jobs: only ingest and answer the API, leaving jobs to kaizen worker (Postgres only)')
    .addHelpText(
      'after',
      `
Examples:
  kaizen serve
  kaizen serve --port 4318 --data ./.kaizen
  KAIZEN_DATABASE_URL=postgres://kaizen@localhost/kaizen kaizen serve --host 0.0.0.0
  kaizen serve --gpu-metrics 5
  kaizen serve --retention-days 30
  KAIZEN_DATABASE_URL=postgres://kaizen@db/kaizen kaizen serve --no-work   # beside one or more kaizen worker

With Postgres, online evaluations and optimization runs go through a job queue in the same database, so several
servers and workers share them (docs/architecture/jobs.md); with SQLite this one process runs them.

Runs until Ctrl-C (SIGINT) or SIGTERM, then finishes in-flight requests; logs go to stderr (no --json: it prints
no result). Exit codes: 0 after a clean shutdown; 2 when it cannot start (port in use, bad store or config).

Point any OpenTelemetry exporter at it:
  OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318
  OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer <key from kaizen keys create>"`,
    )
    .action(async (options: ServeOptions) => {
      const port = parsePort(options.port, '--port');
      const maxBodyMb = parsePositiveNumber(options.maxBodyMb ?? '8', '--max-body-mb');
      const gpuIntervalSeconds =
        options.gpuMetrics === undefined || options.gpuMetrics === false
          ? null
          : options.gpuMetrics === true
            ? DEFAULT_GPU_INTERVAL_SECONDS
            : parsePositiveInteger(options.gpuMetrics, '--gpu-metrics');
      const storeSettings = resolveStoreSettings(options, context.env);
      const retention = resolveSetting(SETTINGS.retentionDays, options.retentionDays, context.env);
      const retentionDays = retention === undefined ? undefined : parsePositiveInteger(retention.value, retention.from);
      if (!options.work && storeSettings.databaseUrl === undefined) {
        throw new KaizenError(
          'invalid_input',
          '--no-work needs Postgres (KAIZEN_DATABASE_URL) and a kaizen worker beside it: with the embedded SQLite store one process runs every job',
        );
      }
      // Online evaluation runs custom checks from the config and asks its judge model; without one, those criteria
      // are errored with a reason, never failed.
      const loaded = await loadConfigFile(options.config, context.env, process.cwd());
      const config = loaded.config;
      if (loaded.path !== null) context.output.stderr(`Config: ${loaded.path}`);
      const optimizerModel = resolveSetting(
        SETTINGS.optimizerModel,
        options.optimizerModel,
        context.env,
        loaded,
      )?.value;
      const logger = (line: string) => context.output.stderr(line);
      const store = await openStore(storeSettings);
      const queue = await openJobQueue(storeSettings, context.env, logger).catch(async (error: unknown) => {
        await store.close();
        throw error;
      });
      const server = await startServer({
        store,
        host: options.host,
        port,
        maxBodyBytes: Math.round(maxBodyMb * 1024 * 1024),
        ...(retentionDays !== undefined ? { retentionDays } : {}),
        logger,
        ...(queue !== null ? { jobs: { queue, work: options.work } } : {}),
        ...(config.prices !== undefined ? { prices: mergePrices(DEFAULT_PRICES, config.prices) } : {}),
        ...(config.redaction !== undefined ? { redaction: config.redaction } : {}),
        // Root-cause narratives: their own model when configured, else the judge's; none → statistics only.
        ...((config.narrativeModel ?? config.judgeModel) !== undefined
          ? { narrativePort: createModelPort((config.narrativeModel ?? config.judgeModel) as string) }
          : {}),
        ...(optimizerModel !== undefined ? { optimization: { optimizerModel } } : {}),
        ...(gpuIntervalSeconds !== null ? { metrics: { gpu: { intervalMs: gpuIntervalSeconds * 1000 } } } : {}),
        onlineEvaluation: onlineEvaluationFromConfig(config),
      }).catch(async (error: unknown) => {
        await queue?.close();
        await store.close();
        throw startError(error, options.host, port);
      });
      const where =
        storeSettings.databaseUrl !== undefined ? 'postgres' : `sqlite in ${storeSettings.dataDir ?? '.kaizen'}`;
      context.output.stderr(
        `Store: ${where}${queue === null ? '' : options.work ? ', taking jobs' : ', taking no jobs'}`,
      );
      await waitForStopSignal();
      context.output.stderr('Shutting down: finishing in-flight requests');
      await server.close();
      await store.close();
    });
}
