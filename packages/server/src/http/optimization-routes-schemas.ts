// Request schemas of the optimization API (docs/api/optimizations.md): validated at the edge, plain types inside.
import { OPTIMIZATION_OPERATORS } from '@kaizen/core';
import { OPTIMIZATION_RUN_STATUSES } from '@kaizen/store';
import { z } from 'zod';
import { DatasetName } from './dataset-routes-schemas.js';
import { EvaluatorName } from './evaluator-routes-schemas.js';
import { Label, PromptName } from './prompt-schemas.js';

const Count = z.number().int().positive();
const Version = z.number().int().positive();
const ModelSpec = z.string().min(1).max(500);

export const OptimizationBudgetBody = z.strictObject({
  maxCandidateEvals: Count.optional(),
  maxCalls: Count.optional(),
  maxTokens: Count.optional(),
  maxUsd: z.number().positive().optional(),
  maxRounds: Count.max(1000).optional(),
  plateauRounds: Count.max(1000).optional(),
});

export const OptimizationSettingsBody = z.strictObject({
  seed: z.number().int().optional(),
  minibatchSize: Count.max(10_000).optional(),
  causesPerRound: Count.max(100).optional(),
  alpha: z.number().gt(0).lt(1).optional(),
  maxCriterionDrop: z.number().min(0).max(1).optional(),
  compressionTolerance: z.number().min(0).max(1).optional(),
  operators: z.array(z.enum(OPTIMIZATION_OPERATORS)).min(1).optional(),
});

export const StartOptimizationBody = z
  .strictObject({
    prompt: PromptName,
    version: Version.optional(),
    label: Label.optional(),
    dataset: DatasetName,
    datasetVersion: Version.optional(),
    evaluator: EvaluatorName,
    evaluatorVersion: Version.optional(),
    model: ModelSpec.optional(),
    optimizerModel: ModelSpec.nullable().optional(),
    budget: OptimizationBudgetBody.optional(),
    settings: OptimizationSettingsBody.optional(),
  })
  .refine((body) => body.version === undefined || body.label === undefined, {
    message: 'give a version or a label, not both',
    path: ['label'],
  });
export type StartOptimizationBody = z.infer<typeof StartOptimizationBody>;

export const OptimizationListQuery = z.strictObject({
  status: z.enum(OPTIMIZATION_RUN_STATUSES).optional(),
  promptName: PromptName.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const OptimizationId = z.string().regex(/^[0-9a-f-]{36}$/, 'expected an optimization run id (a UUID)');
