// Online evaluation as jobs: an ingesting server sends the traces whose quiet period ended, a worker scores them.
import type { OnlineEvaluation } from '../online/online-evaluation.js';
import { JOB_QUEUES, type JobHandler, type JobQueue } from './job-queue.js';

/** The `dispatch` of an online evaluation whose traces are scored by workers. */
export function dispatchOnlineEvaluation(queue: JobQueue) {
  return (projectId: string, traceIds: readonly string[]): Promise<void> =>
    queue.send(JOB_QUEUES.onlineEvaluation, { projectId, traceIds: [...traceIds] });
}

/**
 * Scores a job's traces. Scoring a trace again (a retried job) writes a newer score of the same spans: the latest
 * score is what the API and metrics read, so a retry changes nothing visible.
 */
export function onlineEvaluationJobHandler(online: Pick<OnlineEvaluation, 'evaluateNow'>): JobHandler {
  return async (data) => {
    const { projectId, traceIds } = data;
    if (typeof projectId !== 'string' || !Array.isArray(traceIds)) return;
    await online.evaluateNow(
      projectId,
      traceIds.filter((traceId): traceId is string => typeof traceId === 'string'),
    );
  };
}
