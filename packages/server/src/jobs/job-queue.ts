// The durable queue between Kaizen processes that share one Postgres: servers send jobs, workers run them.

/** The queues, one per kind of work a worker does. */
export const JOB_QUEUES = {
  onlineEvaluation: 'kaizen-online-evaluation',
  optimization: 'kaizen-optimization',
  experiment: 'kaizen-experiment',
  replay: 'kaizen-replay',
} as const;

export type JobQueueName = (typeof JOB_QUEUES)[keyof typeof JOB_QUEUES];

export interface SendOptions {
  /**
   * A stable job id (any string; the queue maps it to its own id format). Sending an id that is already queued,
   * running or kept as done is a no-op, so a retried step that sends its follow-up again does not double it.
   */
  readonly key?: string;
}

export interface JobContext {
  /** The queue's id of the job. */
  readonly id: string;
  /**
   * How long this attempt may hold the job: past it the queue fails the attempt and retries the job elsewhere (that is
   * how a killed worker's job comes back). Long work stops well before and sends a follow-up job (see jobs.md).
   */
  readonly leaseSeconds: number;
}

/** Runs one job. A rejection fails the attempt: the queue retries it (up to its retry limit) on any worker. */
export type JobHandler = (data: Readonly<Record<string, unknown>>, job: JobContext) => Promise<void>;

export interface QueueCounts {
  /** Jobs waiting to be fetched (new or waiting for a retry). */
  readonly queued: number;
  /** Jobs a worker holds now (dead workers' jobs stay here until their lease expires). */
  readonly active: number;
}

export interface JobQueue {
  /** Queues a job; resolves once it is durably stored. */
  send(queue: JobQueueName, data: Readonly<Record<string, unknown>>, options?: SendOptions): Promise<void>;
  /** Runs jobs of `queue` in this process, at most `concurrency` at once, until `close()`. */
  work(queue: JobQueueName, options: { readonly concurrency: number }, handler: JobHandler): Promise<void>;
  counts(queue: JobQueueName): Promise<QueueCounts>;
  /** Stops fetching jobs, waits for the handlers in flight, then closes the queue's connections. */
  close(): Promise<void>;
}
