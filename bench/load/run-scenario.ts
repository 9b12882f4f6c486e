// One bench:load scenario: key, evaluator and online rule set up, warm-up, measured load, drain, read-back, figures.
import { computeFigures, type ScenarioFigures } from './figures.js';
import { childEnv, type KaizenProcess, runKaizen, stopKaizen } from './kaizen-process.js';
import type { BatchShape } from './otlp-batch.js';
import type { StoreReader } from './read-store.js';
import { sendLoad } from './send-load.js';

export const EVALUATOR_NAME = 'bench-load';
/** The server's default quiet period: a trace is scored this long after its last span. */
export const QUIET_PERIOD_MS = 1500;

/** Built-in code checks only: scoring costs Kaizen's own work, no model call. */
export const EVALUATOR_DEFINITION = {
  name: EVALUATOR_NAME,
  passThreshold: 1,
  criteria: [
    { id: 'json', description: 'The answer is valid JSON', weight: 1, check: { kind: 'json_valid' } },
    {
      id: 'day',
      description: 'The answer names a weekday',
      weight: 1,
      check: { kind: 'field_matches', path: '$.answer', pattern: '(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day' },
    },
    { id: 'fast', description: 'Answered within 5 s', weight: 1, check: { kind: 'max_latency_ms', max: 5000 } },
  ],
};

export interface LoadSettings {
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly senders: number;
  readonly shape: BatchShape;
  /** Longest wait for the last scores after the load stopped. */
  readonly drainSeconds: number;
}

/** What a scenario started: its servers' URLs, every process, and how the bench reads the store. */
export interface Deployment {
  readonly targets: readonly string[];
  readonly processes: readonly KaizenProcess[];
  readonly servers: number;
  readonly workers: number;
  readonly key: string;
  openReader(): Promise<StoreReader>;
}

export interface ScenarioResult {
  readonly figures: ScenarioFigures;
  /** Log lines of its processes that look like trouble, and non-zero exits. */
  readonly warnings: readonly string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function registerEvaluator(deployment: Deployment): Promise<void> {
  const url = deployment.targets[0] ?? '';
  const response = await fetch(`${url}/api/evaluators`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${deployment.key}` },
    body: JSON.stringify({ name: EVALUATOR_NAME, definition: EVALUATOR_DEFINITION }),
  });
  if (!response.ok) throw new Error(`POST /api/evaluators answered ${response.status}: ${await response.text()}`);
  await runKaizen(
    ['online', 'enable', '--evaluator', EVALUATOR_NAME],
    childEnv({ KAIZEN_URL: url, KAIZEN_API_KEY: deployment.key }),
  );
}

/** Waits until every acknowledged trace has a score, the count stops moving for 10 s, or the drain time is up. */
async function drain(reader: StoreReader, traces: number, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  let last = -1;
  let movedAt = Date.now();
  while (Date.now() < deadline) {
    const scored = await reader.countScores();
    if (scored >= traces) return;
    if (scored !== last) {
      last = scored;
      movedAt = Date.now();
    } else if (Date.now() - movedAt > 10_000) {
      return;
    }
    await sleep(250);
  }
}

const TROUBLE = /error|fail|drop|behind|warn|unavailable|exception|cannot/i;

function warningsOf(processes: readonly KaizenProcess[], exits: readonly (number | null)[]): string[] {
  const warnings: string[] = [];
  processes.forEach((started, index) => {
    for (const line of started.log().split('\n')) if (TROUBLE.test(line)) warnings.push(`${started.name}: ${line}`);
    if (exits[index] !== 0) warnings.push(`${started.name}: exited with ${exits[index]} after SIGTERM`);
  });
  return warnings;
}

export async function runScenario(deployment: Deployment, settings: LoadSettings): Promise<ScenarioResult> {
  await registerEvaluator(deployment);
  // Every server re-reads the online rules every 5 s; before that, one that did not take the PUT scores nothing.
  await sleep(5500);
  const base = { targets: deployment.targets, key: deployment.key, senders: settings.senders, shape: settings.shape };
  const warmup = await sendLoad({ ...base, durationMs: settings.warmupSeconds * 1000, retryForMs: 10_000 });
  const load = await sendLoad({ ...base, durationMs: settings.seconds * 1000, retryForMs: 30_000 });
  const reader = await deployment.openReader();
  let figures: ScenarioFigures;
  let exits: (number | null)[];
  try {
    await drain(reader, warmup.acknowledgedAt.size + load.acknowledgedAt.size, settings.drainSeconds);
    exits = await Promise.all(deployment.processes.map((started) => stopKaizen(started.child)));
    const stored = await reader.read();
    figures = computeFigures(deployment, load, warmup, stored, QUIET_PERIOD_MS);
  } finally {
    await reader.close();
  }
  return { figures, warnings: warningsOf(deployment.processes, exits) };
}
