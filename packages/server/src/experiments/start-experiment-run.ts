// The seam between the API and whatever executes server-side experiments: the route creates the experiment and hands
// its id here: a background promise in the server's process (in-process-runs.ts), or a job on the queue
// (jobs/experiment-jobs.ts).

/**
 * Starts executing an experiment created `running` with a run spec; resolves once it is handed over (not when it
 * ends). A rejection fails the request, and the route marks the experiment `failed` with the message.
 * @example
 * const startExperimentRun: StartExperimentRun = async (projectId, experimentId) => {
 *   await queue.send('experiment-run', { projectId, experimentId });
 * };
 */
export type StartExperimentRun = (projectId: string, experimentId: string) => Promise<void>;
