// Applies the trace retention now and every hour, and keeps the store's upcoming span partitions made: for
// `kaizen serve`, and for any other long-running process over the same store.
import { KaizenError } from '@kaizen/core';
import type { RetentionResult, Store } from '@kaizen/store';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface RetentionOptions {
  /** Traces are kept at least this many whole UTC days, besides today; a positive integer. */
  readonly retentionDays: number;
  /** Where a run that deleted something, or failed, is reported. Default: nowhere. */
  readonly logger?: (line: string) => void;
  /** Between runs. Default one hour. */
  readonly intervalMs?: number;
  /** For tests. Default Date.now. */
  readonly now?: () => number;
}

export interface RunningRetention {
  /** No run starts after this; resolves once the one in flight (if any) has finished. */
  stop(): Promise<void>;
}

/** Throws `invalid_input` unless `days` is a positive integer. */
export function checkRetentionDays(days: number): number {
  if (!Number.isSafeInteger(days) || days <= 0) {
    throw new KaizenError('invalid_input', `retentionDays must be a positive integer, got ${days}`);
  }
  return days;
}

/**
 * Midnight UTC `retentionDays` days before today's: whole days, so Postgres drops whole partitions and deletes few
 * rows one by one.
 *
 * @example
 * retentionCutoff(7, Date.parse('2026-01-10T15:00:00Z')); // 2026-01-03T00:00:00.000Z
 */
export function retentionCutoff(retentionDays: number, now: number): Date {
  return new Date((Math.floor(now / DAY_MS) - retentionDays) * DAY_MS);
}

function describe(result: RetentionResult): string {
  const partitions = result.droppedPartitions > 0 ? `, ${result.droppedPartitions} span partition(s) dropped` : '';
  return `${result.deletedTraces} trace(s), ${result.deletedSpans} span(s) and ${result.deletedScores} score(s) deleted${partitions}`;
}

/**
 * Runs once right away (without delaying the caller), then every `intervalMs`; never two runs at once. Errors are
 * logged and the next run tries again. The timer does not keep the process alive.
 *
 * @example
 * const retention = startRetention(store, { retentionDays: 30, logger: console.error });
 * // … at shutdown, before store.close():
 * await retention.stop();
 */
export function startRetention(store: Store, options: RetentionOptions): RunningRetention {
  const retentionDays = checkRetentionDays(options.retentionDays);
  const logger = options.logger ?? (() => {});
  const now = options.now ?? Date.now;
  let running: Promise<void> | null = null;
  let stopped = false;

  async function run(): Promise<void> {
    try {
      // Partitions first: a run whose deletes fail still leaves tomorrow's partition made.
      await store.retention.preparePartitions();
      const cutoff = retentionCutoff(retentionDays, now());
      const result = await store.retention.deleteTracesBefore(cutoff);
      if (result.deletedTraces > 0 || result.deletedSpans > 0 || result.droppedPartitions > 0) {
        logger(`retention: traces before ${cutoff.toISOString()}: ${describe(result)}`);
      }
    } catch (error) {
      logger(`retention failed (retried in the next run): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function tick(): void {
    if (stopped || running !== null) return;
    running = run().finally(() => {
      running = null;
    });
  }

  const timer = setInterval(tick, options.intervalMs ?? HOUR_MS);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
