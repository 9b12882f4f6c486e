// The job queue of a Postgres deployment (docs/architecture/jobs.md): serve and worker open it on the same database.
import { KaizenError } from '@kaizen/core';
import { createPgBossJobQueue, JOB_QUEUES, type JobQueue } from '@kaizen/server';
import { parsePositiveInteger } from './parse-options.js';
import { resolveSetting, SETTINGS, type StoreSettings } from './settings.js';

/**
 * The pg-boss queue in the store's Postgres database; null with the embedded SQLite store (one process does all).
 * KAIZEN_JOB_LEASE_SECONDS sets the lease of optimization and experiment jobs (default 600): a killed worker's job is
 * retried after it, and long runs work in slices of half of it. Every process of a deployment should use the same.
 */
export async function openJobQueue(
  settings: StoreSettings,
  env: NodeJS.ProcessEnv,
  logger: (line: string) => void,
): Promise<JobQueue | null> {
  if (settings.databaseUrl === undefined) return null;
  const raw = resolveSetting(SETTINGS.jobLeaseSeconds, undefined, env);
  const lease = raw === undefined ? undefined : parsePositiveInteger(raw.value, raw.from);
  try {
    return await createPgBossJobQueue({
      connectionString: settings.databaseUrl,
      ...(lease !== undefined
        ? { leaseSeconds: { [JOB_QUEUES.optimization]: lease, [JOB_QUEUES.experiment]: lease } }
        : {}),
      logger,
    });
  } catch (error) {
    throw new KaizenError('unavailable', `cannot open the job queue in Postgres: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
