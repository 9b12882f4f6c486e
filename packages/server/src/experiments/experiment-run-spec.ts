// What a server-side experiment run is pinned to, stored in the experiment's `settings` under `serverRun` (the
// experiments table has no other JSON column, and settings is the run's provenance already): read back by whichever
// process executes it, so a retried job needs nothing but the experiment id.
import { KaizenError } from '@kaizen/core';
import type { Experiment } from '@kaizen/store';
import { DATASET_SPLITS } from '@kaizen/store';
import { z } from 'zod';

/** The key of `experiment.settings` that holds the spec. */
export const SERVER_RUN_KEY = 'serverRun';

/** Bumped when the spec's meaning changes; an executor refuses a format it does not know. */
export const SERVER_RUN_FORMAT = 1;

const Version = z.number().int().positive();

export const ExperimentRunSpec = z.object({
  format: z.literal(SERVER_RUN_FORMAT),
  promptName: z.string().min(1),
  promptVersion: Version,
  datasetName: z.string().min(1),
  datasetVersion: Version,
  /** Null: every item of the version. */
  split: z.enum(DATASET_SPLITS).nullable(),
  evaluatorName: z.string().min(1),
  evaluatorVersion: Version,
  /** `provider:model`; answers are cached under this string. */
  model: z.string().min(1),
  /** Items (model call + evaluation) in flight at once. */
  concurrency: z.number().int().min(1).max(64),
});
export type ExperimentRunSpec = z.infer<typeof ExperimentRunSpec>;

/**
 * @example
 * const spec = readExperimentRunSpec(await store.experiments.get(projectId, id)); // spec.model, spec.evaluatorVersion…
 */
export function readExperimentRunSpec(experiment: Experiment): ExperimentRunSpec {
  const stored = experiment.settings[SERVER_RUN_KEY];
  if (stored === undefined) {
    throw new KaizenError(
      'invalid_input',
      `experiment ${experiment.id} was not started on the server (its settings hold no ${SERVER_RUN_KEY}): run it with kaizen eval`,
    );
  }
  const parsed = ExperimentRunSpec.safeParse(stored);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new KaizenError(
      'invalid_input',
      `experiment ${experiment.id}: settings.${SERVER_RUN_KEY} is not a run spec (${problems.join('; ')})`,
    );
  }
  return parsed.data;
}
