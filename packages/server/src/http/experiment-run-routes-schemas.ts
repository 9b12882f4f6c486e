// Request schema of POST /api/experiments/runs (docs/api/datasets-experiments.md): validated at the edge.
import { DATASET_SPLITS } from '@kaizen/store';
import { z } from 'zod';
import { DatasetName } from './dataset-routes-schemas.js';
import { EvaluatorName } from './evaluator-routes-schemas.js';
import { Label, PromptName } from './prompt-schemas.js';

const Version = z.number().int().positive();

export const StartExperimentRunBody = z.strictObject({
  name: z.string().max(200).nullable().optional(),
  prompt: z
    .strictObject({ name: PromptName, version: Version.optional(), label: Label.optional() })
    .refine((prompt) => prompt.version === undefined || prompt.label === undefined, {
      message: 'give a version or a label, not both',
      path: ['label'],
    }),
  dataset: z.strictObject({
    name: DatasetName,
    version: Version.optional(),
    /** Null or absent: every item of the version. */
    split: z.enum(DATASET_SPLITS).nullable().optional(),
  }),
  evaluator: z.strictObject({ name: EvaluatorName, version: Version.optional() }),
  model: z.string().min(1).max(500),
  concurrency: z.number().int().min(1).max(64).optional(),
});
export type StartExperimentRunBody = z.infer<typeof StartExperimentRunBody>;
