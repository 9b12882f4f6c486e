// Request schemas of the experiment and response-cache API (docs/api/datasets-experiments.md).
import { PROMPT_NAME_PATTERN } from '@kaizen/core';
import { CACHE_KEY_PATTERN, DATASET_NAME_PATTERN, DATASET_SPLITS } from '@kaizen/store';
import { z } from 'zod';

const Count = z.number().int().min(0).nullable();
const NonNegative = z.number().min(0).nullable();

const CriterionResult = z.strictObject({
  criterionId: z.string().min(1),
  status: z.enum(['passed', 'failed', 'errored', 'skipped']),
  rationale: z.string().nullable(),
  reason: z.string().exactOptional(),
});

const ChecklistResult = z.strictObject({
  score: z.number().min(0).max(1).nullable(),
  passed: z.boolean(),
  label: z.string(),
  results: z.array(CriterionResult),
  errors: z.number().int().min(0),
  judgeUsage: z.strictObject({ inputTokens: Count, outputTokens: Count }).nullable(),
});

export const ExperimentItemBody = z
  .strictObject({
    itemId: z.string().min(1).max(256),
    output: z.string().nullable(),
    error: z.string().max(4000).nullable(),
    cached: z.boolean(),
    result: ChecklistResult.nullable(),
    inputTokens: Count,
    outputTokens: Count,
    costUsd: NonNegative,
    latencyMs: NonNegative,
  })
  .refine((item) => (item.error === null) === (item.result !== null), {
    message: 'an item has a result, or an error and no result',
  });

/** Batches stay well under the 1 MiB body limit in practice; the SDK sends them by size. */
const ItemBatch = z
  .array(ExperimentItemBody)
  .max(5000)
  .superRefine((items, context) => {
    const seen = new Set<string>();
    for (const [index, item] of items.entries()) {
      if (seen.has(item.itemId)) {
        context.addIssue({ code: 'custom', path: [index, 'itemId'], message: `"${item.itemId}" appears twice` });
      }
      seen.add(item.itemId);
    }
  });

export const CreateExperimentBody = z.strictObject({
  name: z.string().max(200).nullable().optional(),
  promptName: z.string().regex(PROMPT_NAME_PATTERN, 'invalid prompt name'),
  promptVersion: z.number().int().positive(),
  datasetName: z.string().regex(DATASET_NAME_PATTERN, 'invalid dataset name'),
  datasetVersion: z.number().int().positive(),
  datasetSplit: z.enum(DATASET_SPLITS).nullable(),
  model: z.string().min(1).max(500),
  simulated: z.boolean(),
  evaluator: z.string().min(1).max(200),
  checklistHash: z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 hex digest'),
  criteria: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        description: z.string(),
        weight: z.number().positive(),
        kind: z.string().min(1),
      }),
    )
    .min(1),
  passThreshold: z.number().min(0).max(1),
  settings: z.record(z.string(), z.unknown()).optional(),
  items: ItemBatch.optional(),
  /** Finish at once (all items sent in this request). */
  finish: z.enum(['completed', 'failed']).optional(),
  error: z.string().max(4000).nullable().optional(),
});

export const AddItemsBody = z.strictObject({ items: ItemBatch.min(1, 'needs at least one item') });

export const FinishBody = z.strictObject({
  status: z.enum(['completed', 'failed']),
  error: z.string().max(4000).nullable().optional(),
});

export const ExperimentId = z.string().regex(/^[0-9a-f-]{36}$/, 'expected an experiment id (a UUID)');

const CacheKey = z.string().regex(CACHE_KEY_PATTERN, 'cache keys are 64 lowercase hex characters');

export const CacheLookupBody = z.strictObject({ keys: z.array(CacheKey).max(1000) });

export const CachePutBody = z.strictObject({
  entries: z.array(z.strictObject({ key: CacheKey, value: z.unknown() })).max(1000),
});
