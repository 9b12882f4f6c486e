// The online evaluation worker: scores traces a quiet period after their last span, off the ingest request path.
import {
  type Checklist,
  KaizenError,
  type ModelPort,
  type Span,
  summarizeTrace,
  type TraceSummary,
} from '@kaizen/core';
import type { Store, TraceScore, TraceScoreInput } from '@kaizen/store';
import { createEvaluatorCompiler, type EvaluatorCompiler } from './compiled-evaluators.js';
import { customChecksFromConfig } from './custom-checks.js';
import { createOnlineRules } from './online-rules.js';
import { createQuietPeriodQueue } from './quiet-period-queue.js';
import { createRunQueue } from './run-queue.js';
import { isSampled } from './sample-trace.js';
import { evaluateTraceScore, scoreTrace, traceSubject } from './score-trace.js';
import { matchesView, traceViewFacts } from './trace-view.js';

export interface OnlineEvaluationOptions {
  /** The evaluators of the server's kaizen.config.ts: where custom checks find their code. */
  readonly evaluators?: Readonly<Record<string, Checklist>>;
  /** Answers `llm_judge` criteria; without it they are errored with a reason. */
  readonly judge?: ModelPort;
  /** A trace is scored once it has gone this long without new spans. Default 1500 ms. */
  readonly quietPeriodMs?: number;
  /** Traces evaluated at once. Default 4. */
  readonly concurrency?: number;
  /** How often the enabled rules (and latest evaluator versions) are read again. Default 5000 ms. */
  readonly refreshMs?: number;
  /** Traces waiting, and traces queued, at most; past it the oldest waiting / newest due are dropped. Default 100 000. */
  readonly maxPending?: number;
  /** At start, traces that started this recently and lack a rule's score are scored. Default 24 h; 0 turns it off. */
  readonly catchUpWindowMs?: number;
  /** Traces per rule the start-up catch-up takes, newest first. Default 1000. */
  readonly catchUpLimit?: number;
  /** How long close() waits for evaluations in flight (a judge call can be slow). Default 5000 ms. */
  readonly closeTimeoutMs?: number;
  /** Told after each score the worker writes (the metrics); the summary is the trace's. Must not throw. */
  readonly onScored?: (projectId: string, trace: TraceSummary, score: TraceScore) => void;
  /**
   * Where due traces go when several processes share the work (docs/architecture/jobs.md): given, due traces are
   * handed to it in batches gathered for 250 ms (a job on the durable queue) instead of scored here; a worker scores
   * them with `evaluateNow`. Without it, this process scores what it ingested.
   */
  readonly dispatch?: (projectId: string, traceIds: readonly string[]) => Promise<void>;
}

export interface OnlineEvaluationStats {
  /** Traces waiting for their quiet period. */
  readonly waiting: number;
  /** Due traces waiting for a free slot. */
  readonly queued: number;
  readonly running: number;
  readonly scored: number;
  readonly failed: number;
  readonly dropped: number;
}

export interface OnlineEvaluation {
  /** The ingest path's only call: O(traces of the batch), no I/O. */
  notify(projectId: string, traceIds: readonly string[]): void;
  /**
   * Scores these traces now with the project's rules, resolving when all are done (a worker's job). Failures are
   * counted and logged like the background ones; it rejects only when the rules cannot be read.
   */
  evaluateNow(projectId: string, traceIds: readonly string[]): Promise<void>;
  /** Re-reads the rules and forgets cached latest versions; resolves when the new rules apply. */
  configurationChanged(): Promise<void>;
  /** Loads the rules, then catches up in the background. Without it the worker stays idle (scoring on demand works). */
  start(): Promise<void>;
  close(): Promise<void>;
  stats(): OnlineEvaluationStats;
  /** The compiler the worker uses, for scoring on demand through the API. */
  readonly compiler: EvaluatorCompiler;
}

const SEPARATOR = '\u0000';

/** A score computed by evaluateNow, waiting for its batch to be written. */
interface Pending {
  readonly input: TraceScoreInput;
  readonly summary: TraceSummary;
}
/** Traces per dispatched job: one queue row per batch, not per trace. */
const DISPATCH_BATCH = 200;
/**
 * Due traces are gathered this long before they are sent, so a job carries many traces (a job costs a worker a few
 * queries whatever its size); small next to the quiet period they already waited.
 */
const DISPATCH_DELAY_MS = 250;
/** Traces of one `evaluateNow` scored at once. */
const EVALUATE_NOW_CONCURRENCY = 4;

export function createOnlineEvaluation(
  store: Store,
  options: OnlineEvaluationOptions,
  logger: (line: string) => void,
): OnlineEvaluation {
  const maxPending = options.maxPending ?? 100_000;
  const refreshMs = options.refreshMs ?? 5000;
  const compiler = createEvaluatorCompiler({
    store,
    customChecks: customChecksFromConfig(options.evaluators),
    judge: options.judge,
    latestTtlMs: refreshMs,
  });
  const rules = createOnlineRules(store);
  const counts = { scored: 0, failed: 0, dropped: 0 };
  const logged = new Set<string>();
  let started = false;
  let closed = false;
  let refreshTimer: ReturnType<typeof setInterval> | null = null;
  let catchingUp: Promise<void> | null = null;

  function logOnce(key: string, line: string): void {
    if (closed || logged.has(key)) return;
    logged.add(key);
    logger(line);
  }

  function drop(): void {
    counts.dropped += 1;
    logOnce('dropped', `online evaluation is behind: traces dropped (more than ${maxPending} waiting)`);
  }

  /**
   * Scores one trace with every rule that samples and matches it. With `batch`, the scores are only computed and
   * collected there (evaluateNow writes a batch in one transaction); without, each is written at once.
   */
  async function evaluate(
    key: string,
    batch?: Pending[],
    prefetched?: ReadonlyMap<string, readonly Span[]>,
  ): Promise<void> {
    const [projectId = '', traceId = ''] = key.split(SEPARATOR);
    const sampled = (rules.of(projectId) ?? []).filter((rule) => isSampled(traceId, rule.samplingRate));
    if (sampled.length === 0) return;
    const spans =
      prefetched === undefined ? await store.getTraceSpans(projectId, traceId) : (prefetched.get(traceId) ?? []);
    if (spans.length === 0) return;
    const summary = summarizeTrace(spans);
    const facts = traceViewFacts(spans, summary.environment);
    const names = new Set(sampled.filter((rule) => matchesView(rule, facts)).map((rule) => rule.evaluatorName));
    if (names.size === 0) return;
    const subject = traceSubject(spans);
    for (const name of names) {
      if (closed) return;
      try {
        const evaluator = await compiler.latest(projectId, name);
        if (evaluator === null) {
          logOnce(`${projectId}${SEPARATOR}${name}`, `online evaluator "${name}" is not registered in its project`);
          continue;
        }
        if (batch !== undefined) {
          batch.push({ input: await evaluateTraceScore(subject, evaluator, 'online'), summary });
          continue;
        }
        const score = await scoreTrace(store, projectId, subject, evaluator, 'online');
        counts.scored += 1;
        options.onScored?.(projectId, summary, score);
      } catch (error) {
        counts.failed += 1;
        logOnce(
          `${projectId}${SEPARATOR}${name}`,
          `online evaluator "${name}" failed (logged once per evaluator): ${(error as Error).message}`,
        );
      }
    }
  }

  /**
   * One transaction for the whole batch: on Postgres one commit (one WAL flush) instead of one per score, which is
   * what a worker's throughput hangs on. A store that is away rejects (the job is retried); a batch refused for one
   * of its scores (an evaluator version deleted meanwhile) is written score by score, so the others still land.
   */
  async function writeBatch(projectId: string, batch: readonly Pending[]): Promise<void> {
    if (batch.length === 0) return;
    let written: readonly (TraceScore | null)[];
    try {
      written = await store.scores.writeMany(
        projectId,
        batch.map((pending) => pending.input),
      );
    } catch (error) {
      if (!KaizenError.isInstance(error) || error.code === 'unavailable') throw error;
      written = await Promise.all(
        batch.map((pending) =>
          store.scores.write(projectId, pending.input).catch((single: unknown) => {
            counts.failed += 1;
            logOnce(
              `${projectId}${SEPARATOR}${pending.input.evaluatorName}`,
              `online evaluator "${pending.input.evaluatorName}" failed (logged once per evaluator): ${(single as Error).message}`,
            );
            return null;
          }),
        ),
      );
    }
    written.forEach((score, index) => {
      if (score === null) return;
      counts.scored += 1;
      options.onScored?.(projectId, (batch[index] as Pending).summary, score);
    });
  }

  const running = createRunQueue({
    concurrency: Math.max(1, options.concurrency ?? 4),
    maxQueued: maxPending,
    onDrop: drop,
    run: (key) =>
      evaluate(key).catch((error: unknown) => {
        counts.failed += 1;
        logOnce('evaluate', `online evaluation failed: ${(error as Error).message}`);
      }),
  });

  const dispatch = options.dispatch;
  /** Due traces per project, sent as one job per batch on the next turn of the event loop. */
  const outgoing = new Map<string, string[]>();
  let sending: ReturnType<typeof setTimeout> | null = null;

  function sendOutgoing(): void {
    if (sending !== null) clearTimeout(sending);
    sending = null;
    if (dispatch === undefined) return;
    for (const [projectId, traceIds] of outgoing) {
      for (let start = 0; start < traceIds.length; start += DISPATCH_BATCH) {
        const batch = traceIds.slice(start, start + DISPATCH_BATCH);
        dispatch(projectId, batch).catch((error: unknown) => {
          counts.dropped += batch.length;
          logOnce('dispatch', `online evaluation could not queue traces (dropped): ${(error as Error).message}`);
        });
      }
    }
    outgoing.clear();
  }

  function due(key: string): void {
    if (dispatch === undefined) {
      running.enqueue(key);
      return;
    }
    const [projectId = '', traceId = ''] = key.split(SEPARATOR);
    const list = outgoing.get(projectId) ?? [];
    if (list.length === 0) outgoing.set(projectId, list);
    list.push(traceId);
    if (list.length >= DISPATCH_BATCH) {
      sendOutgoing();
      return;
    }
    if (sending === null) {
      sending = setTimeout(sendOutgoing, DISPATCH_DELAY_MS);
      // Like the quiet-period timer: pending work must not keep a finished process alive; close() sends it.
      sending.unref?.();
    }
  }

  const waiting = createQuietPeriodQueue({
    quietPeriodMs: options.quietPeriodMs ?? 1500,
    maxPending,
    onDue: due,
    onDrop: drop,
  });

  /** Recent traces of each rule's view without its score (stored while no worker ran), straight to the queue. */
  async function catchUp(): Promise<void> {
    const windowMs = options.catchUpWindowMs ?? 24 * 3600 * 1000;
    if (windowMs <= 0) return;
    const since = new Date(Date.now() - windowMs).toISOString();
    for (const projectRules of [...rules.all()]) {
      for (const rule of projectRules) {
        if (closed) return;
        const traceIds = await store.scores.unscoredTraces(rule.projectId, {
          evaluatorName: rule.evaluatorName,
          environment: rule.environment,
          promptName: rule.promptName,
          promptVersion: rule.promptVersion,
          since,
          limit: options.catchUpLimit ?? 1000,
        });
        for (const traceId of traceIds) {
          if (isSampled(traceId, rule.samplingRate)) running.enqueue(`${rule.projectId}${SEPARATOR}${traceId}`);
        }
      }
    }
  }

  return {
    compiler,
    notify(projectId, traceIds) {
      // Projects without enabled rules (most, often all) cost one Map lookup per stored batch.
      if (closed || rules.of(projectId) === undefined) return;
      for (const traceId of traceIds) waiting.touch(`${projectId}${SEPARATOR}${traceId}`);
    },
    async evaluateNow(projectId, traceIds) {
      // A worker that has not loaded the rules yet (or whose refresh failed) reads them before scoring.
      if (rules.of(projectId) === undefined) await rules.refresh();
      const keys = traceIds.map((traceId) => `${projectId}${SEPARATOR}${traceId}`);
      // One read for the job's spans instead of one per trace (on Postgres each probes every daily partition).
      const spans = await store.getSpansOfTraces(projectId, traceIds);
      const batch: Pending[] = [];
      let next = 0;
      const lane = async (): Promise<void> => {
        while (next < keys.length && !closed) {
          const key = keys[next++] as string;
          await evaluate(key, batch, spans).catch((error: unknown) => {
            counts.failed += 1;
            logOnce('evaluate', `online evaluation failed: ${(error as Error).message}`);
          });
        }
      };
      await Promise.all(Array.from({ length: Math.min(EVALUATE_NOW_CONCURRENCY, keys.length) }, lane));
      await writeBatch(projectId, batch);
      // Closed before every trace was scored: fail the job so that it is retried whole (scores are upserts).
      if (closed && next < keys.length) throw new Error('online evaluation closed mid-job: it is retried');
    },
    async configurationChanged() {
      compiler.invalidate();
      if (started && !closed) await rules.refresh();
    },
    async start() {
      started = true;
      try {
        await rules.refresh();
      } catch (error) {
        // The server still starts; the timer below retries.
        logOnce('refresh', `online evaluation cannot read its rules: ${(error as Error).message}`);
      }
      refreshTimer = setInterval(() => {
        compiler.invalidate();
        rules
          .refresh()
          .catch((error: unknown) =>
            logOnce('refresh', `online evaluation cannot read its rules: ${(error as Error).message}`),
          );
      }, refreshMs);
      refreshTimer.unref?.();
      catchingUp = catchUp().catch((error: unknown) =>
        logOnce('catch-up', `online evaluation catch-up failed: ${(error as Error).message}`),
      );
    },
    async close() {
      closed = true;
      if (refreshTimer !== null) clearInterval(refreshTimer);
      waiting.clear();
      // Due traces not sent yet go now: the queue is still open when close() runs.
      sendOutgoing();
      await Promise.allSettled([catchingUp, rules.pending]);
      await running.close(options.closeTimeoutMs ?? 5000);
    },
    stats: () => ({ waiting: waiting.size, queued: running.queued, running: running.running, ...counts }),
  };
}
