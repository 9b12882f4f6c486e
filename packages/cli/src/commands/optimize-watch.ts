// Follows a running optimization: polls the run, draws its progress on stderr, and on an abort (Ctrl-C) asks the
// server to cancel it.
import type { OptimizationRun, OptimizationsApi } from '@kaizen/sdk';
import type { Output } from '../output.js';

/** How a watch ended: the run finished, or the user stopped it and a cancel was sent. */
export interface WatchResult {
  readonly run: OptimizationRun;
  readonly cancelled: boolean;
}

export interface WatchOptions {
  /** Time between two reads of the run. */
  readonly intervalMs: number;
  /** Aborted on Ctrl-C: the watch asks the server to cancel the run and returns. */
  readonly signal?: AbortSignal;
  /** Where progress goes; null for none (`--json`). */
  readonly output: Output | null;
}

const score = (value: number | null) => (value === null ? '-' : value.toFixed(3));

/**
 * One line of progress: the round going on, candidates tried, the best validation score, and what was spent
 * (against the budget's limits where set).
 *
 * @example
 * progressLine(run); // 'round 2/6 · 9 candidates · best 0.731 (c4) · 96/300 evals · 101 calls · $0.0000'
 */
export function progressLine(run: OptimizationRun): string {
  const { budget, spend, progress } = run;
  const of = (value: number, limit: number | undefined) => (limit === undefined ? `${value}` : `${value}/${limit}`);
  // `round` is the last round that ended; while running, the next one is under way.
  const round = run.status === 'running' ? run.round + 1 : run.round;
  const best =
    progress.bestValidationScore === null
      ? 'best -'
      : `best ${score(progress.bestValidationScore)} (${progress.bestCandidateId ?? '?'})`;
  return [
    `round ${of(round, budget.maxRounds)}`,
    `${progress.candidates} candidates`,
    best,
    `${of(spend.candidateEvals, budget.maxCandidateEvals)} evals`,
    `${of(spend.calls, budget.maxCalls)} calls`,
    `$${spend.costUsd.toFixed(4)}${budget.maxUsd === undefined ? '' : `/$${budget.maxUsd}`}`,
  ].join(' · ');
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Reads the run until it leaves `running`. On a terminal the progress line is redrawn in place; elsewhere a line is
 * printed when the round or the best candidate changes.
 *
 * @example
 * const { run, cancelled } = await watchOptimization(api.optimizations, started, { intervalMs: 500, output, signal });
 */
export async function watchOptimization(
  api: OptimizationsApi,
  started: OptimizationRun,
  options: WatchOptions,
): Promise<WatchResult> {
  const output = options.output;
  let run = started;
  let lastKey = '';
  let lastLine = '';
  const draw = () => {
    if (output === null) return;
    const line = `Optimizing ${progressLine(run)}`;
    if (output.interactive) {
      if (line !== lastLine) output.progress(`\r${line}\u001b[K`);
    } else {
      const key = `${run.round}|${run.progress.bestCandidateId ?? ''}|${run.status}`;
      if (key !== lastKey) output.progress(`${line}\n`);
      lastKey = key;
    }
    lastLine = line;
  };
  draw();
  try {
    while (run.status === 'running') {
      await sleep(options.intervalMs, options.signal);
      if (options.signal?.aborted === true) return { run: await api.cancel(run.id), cancelled: true };
      run = await api.get(run.id);
      draw();
    }
    return { run, cancelled: false };
  } finally {
    // A redrawn line is ended once, whichever way the watch stops, so what follows starts on its own line.
    if (output?.interactive === true && lastLine !== '') output.progress('\n');
  }
}
