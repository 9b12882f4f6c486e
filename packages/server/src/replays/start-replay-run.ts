// The seam between the API and whatever executes server-side replay runs: the route creates the experiment and hands
// its id here: a background promise in the server's process (experiments/in-process-runs.ts), or a job on the queue
// (jobs/experiment-jobs.ts).

/**
 * Starts executing a replay run created `running` with its spec; resolves once it is handed over (not when it ends).
 * A rejection fails the request, and the route marks the experiment `failed` with the message.
 * @example
 * const startReplayRun: StartReplayRun = async (projectId, experimentId) => {
 *   await queue.send('replay-run', { projectId, experimentId });
 * };
 */
export type StartReplayRun = (projectId: string, experimentId: string) => Promise<void>;
