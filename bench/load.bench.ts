// bench:load — sustained OTLP/JSON ingest with online evaluation on: 2 `kaizen serve --no-work` + 1 `kaizen worker` on
// Postgres, next to 1 `kaizen serve` on SQLite under the same load. Last line: one JSON object with the figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTemporaryPostgres, type TemporaryPostgres } from '../packages/store/test/postgres-harness.js';
import { deployPostgres, deploySqlite } from './load/deploy.js';
import type { ScenarioFigures } from './load/figures.js';
import { killAllNow, stopAll } from './load/kaizen-process.js';
import { formatTable } from './load/print-report.js';
import { EVALUATOR_DEFINITION, type LoadSettings, QUIET_PERIOD_MS, runScenario } from './load/run-scenario.js';

/** `--seconds 30` on the command line, else BENCH_LOAD_SECONDS, else the default. */
function setting(flag: string, variable: string, fallback: number): number {
  const index = process.argv.indexOf(`--${flag}`);
  const raw = index >= 0 ? process.argv[index + 1] : process.env[variable];
  const value = Number(raw ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${flag} / ${variable}: expected a number, got ${raw}`);
  return value;
}

const SETTINGS: LoadSettings = {
  seconds: setting('seconds', 'BENCH_LOAD_SECONDS', 20),
  warmupSeconds: setting('warmup', 'BENCH_LOAD_WARMUP_SECONDS', 2),
  senders: setting('senders', 'BENCH_LOAD_SENDERS', 8),
  shape: {
    tracesPerBatch: setting('traces-per-batch', 'BENCH_LOAD_TRACES_PER_BATCH', 8),
    spansPerTrace: setting('spans-per-trace', 'BENCH_LOAD_SPANS_PER_TRACE', 5),
  },
  drainSeconds: setting('drain', 'BENCH_LOAD_DRAIN_SECONDS', 60),
};
const SERVERS = 2;
const WORKERS = 1;

const cleanups: (() => Promise<void>)[] = [];

async function cleanUp(): Promise<void> {
  await stopAll();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
}

process.once('SIGINT', () => {
  console.error('bench:load interrupted: stopping its processes');
  cleanUp().finally(() => process.exit(130));
});
// Whatever happens, no kaizen process outlives the bench.
process.once('exit', killAllNow);

function printFigures(postgres: ScenarioFigures, sqlite: ScenarioFigures, warnings: readonly string[]): void {
  const ratio = Number((postgres.spansPerSecond / sqlite.spansPerSecond).toFixed(3));
  console.log(formatTable(postgres, sqlite));
  console.log(
    `ratio postgres/sqlite accepted spans/s: ${ratio}; load average ${(loadavg()[0] ?? 0).toFixed(2)} on ${availableParallelism()} cores`,
  );
  if (warnings.length > 0) {
    console.log(`process logs (${warnings.length} lines that look like trouble):`);
    for (const warning of warnings.slice(0, 20)) console.log(`  ${warning}`);
  }
  console.log(
    JSON.stringify({
      bench: 'load',
      cores: availableParallelism(),
      seconds: SETTINGS.seconds,
      senders: SETTINGS.senders,
      spansPerBatch: SETTINGS.shape.tracesPerBatch * SETTINGS.shape.spansPerTrace,
      postgres,
      sqlite,
      ratio,
    }),
  );
}

async function main(): Promise<void> {
  const { tracesPerBatch, spansPerTrace } = SETTINGS.shape;
  console.log(
    `bench:load — ${SETTINGS.seconds} s of OTLP/JSON load per scenario (after ${SETTINGS.warmupSeconds} s of warm-up), ` +
      `${SETTINGS.senders} closed-loop senders, batches of ${tracesPerBatch} traces × ${spansPerTrace} spans, ` +
      `round-robin over the servers; ${availableParallelism()} cores, Node ${process.version}, bench and servers on this machine`,
  );
  console.log(
    `online evaluation on every trace (sampling 1, quiet period ${QUIET_PERIOD_MS / 1000} s): evaluator ` +
      `"${EVALUATOR_DEFINITION.name}" with code checks only (${EVALUATOR_DEFINITION.criteria.map((c) => c.check.kind).join(', ')}), no model`,
  );
  console.log(
    `postgres: throwaway Postgres (fsync on), ${SERVERS} × kaizen serve --no-work + ${WORKERS} × kaizen worker (pg-boss queue); ` +
      'sqlite: 1 × kaizen serve --data (ingest and evaluation in one process)',
  );

  const postgresDb: TemporaryPostgres = await startTemporaryPostgres({ durable: true });
  cleanups.push(() => postgresDb.stop());
  console.log('running postgres…');
  const postgres = await runScenario(await deployPostgres(postgresDb.url, SERVERS, WORKERS), SETTINGS);
  await postgresDb.stop();

  const dataDir = mkdtempSync(join(tmpdir(), 'kaizen-bench-load-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  console.log('running sqlite…');
  const sqlite = await runScenario(await deploySqlite(dataDir), SETTINGS);

  const warnings = [
    ...postgres.warnings.map((line) => `postgres ${line}`),
    ...sqlite.warnings.map((line) => `sqlite ${line}`),
  ];
  printFigures(postgres.figures, sqlite.figures, warnings);
  if (postgres.figures.lostSpans !== 0 || sqlite.figures.lostSpans !== 0) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
