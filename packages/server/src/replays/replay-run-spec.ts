// What a server-side replay run is pinned to, stored in the experiment's `settings` under `serverReplay` (as a
// server-side experiment run keeps its spec under `serverRun`): read back by whichever process executes it, so a
// retried job needs nothing but the experiment id.
import { KaizenError } from '@kaizen/core';
import type { Experiment } from '@kaizen/store';
import { z } from 'zod';

/** The key of `experiment.settings` that holds the spec. */
export const SERVER_REPLAY_KEY = 'serverReplay';

/** Bumped when the spec's meaning changes; an executor refuses a format it does not know. */
export const SERVER_REPLAY_FORMAT = 1;

export const DEFAULT_REPLAY_LIMIT = 100;
export const MAX_REPLAY_LIMIT = 10_000;
export const DEFAULT_REPLAY_CONCURRENCY = 4;
export const SHADOW_ENVIRONMENT = 'shadow';

const Version = z.number().int().positive();

export const ReplayRunSpec = z.object({
  format: z.literal(SERVER_REPLAY_FORMAT),
  promptName: z.string().min(1),
  /** The candidate version run on the recorded inputs. */
  promptVersion: Version,
  sourceEnvironment: z.string().min(1),
  targetEnvironment: z.string().min(1),
  /** Newest source traces asked for (the dataset version holds those with an input, the items the others). */
  limit: z.number().int().min(1).max(MAX_REPLAY_LIMIT),
  /** ISO 8601: only traces that started at or after; null: no lower bound. */
  since: z.string().nullable(),
  /** ISO 8601: the request's time; traces that started later were not considered. */
  until: z.string(),
  /** `provider:model`; answers are cached under this string. */
  model: z.string().min(1),
  /** Model calls in flight at once. */
  concurrency: z.number().int().min(1).max(64),
});
export type ReplayRunSpec = z.infer<typeof ReplayRunSpec>;

/**
 * @example
 * const spec = readReplayRunSpec(await store.experiments.get(projectId, id)); // spec.targetEnvironment, spec.model…
 */
export function readReplayRunSpec(experiment: Experiment): ReplayRunSpec {
  const stored = experiment.settings[SERVER_REPLAY_KEY];
  if (stored === undefined) {
    throw new KaizenError(
      'invalid_input',
      `experiment ${experiment.id} is not a replay run (its settings hold no ${SERVER_REPLAY_KEY})`,
    );
  }
  const parsed = ReplayRunSpec.safeParse(stored);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new KaizenError(
      'invalid_input',
      `experiment ${experiment.id}: settings.${SERVER_REPLAY_KEY} is not a replay spec (${problems.join('; ')})`,
    );
  }
  return parsed.data;
}
