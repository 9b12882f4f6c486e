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
   * expired and maintenance has noticed it. Defaults: online evaluation 120, optimization and experiment 600.
   */
  readonly leaseSeconds?: Partial<Record<JobQueueName, number>>;
  /** How often expired leases are looked for. Default 30 s. */
  readonly maintenanceIntervalSeconds?: number;
  /** How often an idle worker asks for jobs. Default 0.5 s (pg-boss's minimum). */
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

  const inFlight = new Set<Promise<void>>();
  const workers: string[] = [];
  let closing = false;

  return {
    async send(queue, data, sendOptions) {
      await boss.send(queue, data as object, {
        expireInSeconds: lease[queue],
        ...(sendOptions?.key !== undefined ? { id: jobIdFor(sendOptions.key) } : {}),
      });
    },
    async work(queue, workOptions, handler: JobHandler) {
      if (closing) throw new Error('the job queue is closing');
      for (let slot = 0; slot < Math.max(1, workOptions.concurrency); slot++) {
        const id = await boss.work<Record<string, unknown>>(
          queue,
          { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
          async ([job]) => {
            if (job === undefined) return;
            const running = handler(job.data ?? {}, { id: job.id, leaseSeconds: job.expireInSeconds });
            const tracked = running.then(
              () => {},
              () => {},
            );
            inFlight.add(tracked);
            try {
              await running;
            } finally {
              inFlight.delete(tracked);
            }
          },
        );
        workers.push(id);
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
      await Promise.all(workers.map((id) => boss.offWork({ id })));
      await Promise.all(inFlight);
      await boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
    },
  };
}
