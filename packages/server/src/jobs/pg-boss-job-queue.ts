// JobQueue over pg-boss 10: jobs live in Postgres (schema `kaizen_jobs`), fetched with SKIP LOCKED, leased for a
// fixed time and retried when a lease expires — so a worker killed with -9 loses no job, it only delays it.
import PgBoss from 'pg-boss';
import { jobIdFor } from './job-key.js';
import { JOB_QUEUES, type JobHandler, type JobQueue, type JobQueueName } from './job-queue.js';

export interface PgBossJobQueueOptions {
  readonly connectionString: string;
  /** Default `kaizen_jobs`. */
  readonly schema?: string;
  /**
   * How long a fetched job is leased, per queue, in seconds. A killed worker's job is retried once its lease has
   * expired and maintenance has noticed it. Defaults: online evaluation 120, the others 600.
   */
  readonly leaseSeconds?: Partial<Record<JobQueueName, number>>;
  /** How often expired leases are looked for. Default 30 s. */
  readonly maintenanceIntervalSeconds?: number;
  /** How often an idle worker slot asks for jobs. Default 0.5 s; a slot that just finished a job asks again at once. */
  readonly pollingIntervalSeconds?: number;
  /** Attempts after the first, per job. Default 5. */
  readonly retryLimit?: number;
  /** Connections of this process's pool. Default 10. */
  readonly maxConnections?: number;
  readonly logger: (line: string) => void;
}

export const DEFAULT_LEASE_SECONDS: Readonly<Record<JobQueueName, number>> = {
  [JOB_QUEUES.onlineEvaluation]: 120,
  [JOB_QUEUES.optimization]: 600,
  [JOB_QUEUES.experiment]: 600,
  [JOB_QUEUES.replay]: 600,
};

const STOP_TIMEOUT_MS = 30_000;

/**
 * @example
 * const queue = await createPgBossJobQueue({ connectionString: process.env.KAIZEN_DATABASE_URL, logger: console.log });
 * await queue.send(JOB_QUEUES.optimization, { projectId, runId });
 */
export async function createPgBossJobQueue(options: PgBossJobQueueOptions): Promise<JobQueue> {
  const lease = { ...DEFAULT_LEASE_SECONDS, ...options.leaseSeconds };
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema ?? 'kaizen_jobs',
    max: options.maxConnections ?? 10,
    application_name: 'kaizen-jobs',
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    // Queue sizes are read on demand (counts), not polled.
    monitorStateIntervalSeconds: 3600,
    // Done jobs are kept a day (to look into), then deleted.
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 1,
    schedule: false,
  });
  let lastError = '';
  boss.on('error', (error) => {
    // A database outage makes every poll fail: say it once per distinct message, not twice a second.
    if (error.message === lastError) return;
    lastError = error.message;
    options.logger(`job queue: ${error.message}`);
  });
  await boss.start();
  for (const name of Object.values(JOB_QUEUES)) {
    const settings = {
      name,
      policy: 'standard' as const,
      retryLimit: options.retryLimit ?? 5,
      retryDelay: 1,
      retryBackoff: true,
      expireInSeconds: lease[name],
    };
    // create_queue is a no-op for an existing queue; the update applies this process's settings to it.
    await boss.createQueue(name, settings);
    await boss.updateQueue(name, settings);
  }

  const pollMs = (options.pollingIntervalSeconds ?? 0.5) * 1000;
  const loops: Promise<void>[] = [];
  /** Wakes the idle loops of a queue at once (a job was sent from this process, or close() was called). */
  const wakers = new Map<JobQueueName, Set<() => void>>();
  let closing = false;

  const wake = (queue: JobQueueName) => {
    for (const waker of wakers.get(queue) ?? []) waker();
  };

  function idle(queue: JobQueueName): Promise<void> {
    return new Promise((resolve) => {
      const set = wakers.get(queue) ?? new Set<() => void>();
      wakers.set(queue, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        resolve();
      };
      const timer = setTimeout(done, pollMs);
      set.add(done);
    });
  }

  /**
   * One worker slot: fetch a job, run it, mark it done or failed, and fetch the next at once; sleep only when the
   * queue was empty. (pg-boss's own work() loop waits out the polling interval after every job, which capped a slot
   * at two short jobs a second.) A dead process leaves its job `active` until the lease runs out; then pg-boss's
   * maintenance retries it.
   */
  async function slot(queue: JobQueueName, handler: JobHandler): Promise<void> {
    while (!closing) {
      // pg-boss's fetch answers [] when the database is away; anything it throws is treated the same way.
      const [job] = await boss.fetch<Record<string, unknown>>(queue, { batchSize: 1 }).catch(() => []);
      if (job === undefined) {
        await idle(queue);
        continue;
      }
      let failure: unknown = null;
      try {
        await handler(job.data ?? {}, { id: job.id, leaseSeconds: Number(job.expireInSeconds) });
      } catch (error) {
        failure = error;
      }
      const settled =
        failure === null
          ? boss.complete(queue, job.id)
          : boss.fail(queue, job.id, { message: failure instanceof Error ? failure.message : String(failure) });
      await settled.catch((error: unknown) => {
        // Left `active`: its lease runs out and it is retried, which the handlers make harmless (they are idempotent).
        options.logger(`job queue: could not record the end of job ${job.id}: ${(error as Error).message}`);
      });
    }
  }

  return {
    async send(queue, data, sendOptions) {
      await boss.send(queue, data as object, {
        expireInSeconds: lease[queue],
        ...(sendOptions?.key !== undefined ? { id: jobIdFor(sendOptions.key) } : {}),
      });
      wake(queue);
    },
    async work(queue, workOptions, handler: JobHandler) {
      if (closing) throw new Error('the job queue is closing');
      for (let index = 0; index < Math.max(1, workOptions.concurrency); index++) {
        loops.push(
          slot(queue, handler).catch((error: unknown) => {
            options.logger(`job queue: a ${queue} worker stopped: ${(error as Error).message}`);
          }),
        );
      }
    },
    async counts(queue) {
      const [queued, active] = await Promise.all([
        boss.getQueueSize(queue),
        boss.getQueueSize(queue, { before: 'completed' }),
      ]);
      // getQueueSize counts states before the one given: `before: completed` is created + retry + active.
      return { queued, active: active - queued };
    },
    async close() {
      if (closing) return;
      closing = true;
      for (const queue of wakers.keys()) wake(queue);
      // The loops end after the job in hand: handlers stop their long work themselves (see start-job-work.ts).
      await Promise.all(loops);
      await boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
    },
  };
}
