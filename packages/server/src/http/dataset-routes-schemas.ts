// Request schemas of the dataset API (docs/api/datasets-experiments.md): validated at the edge, plain types inside.
import { KaizenError } from '@kaizen/core';
import { DATASET_NAME_PATTERN, DATASET_SPLITS, MAX_DATASET_ITEMS, SAMPLE_STRATEGIES } from '@kaizen/store';
import { z } from 'zod';

const JsonObject = z.record(z.string(), z.unknown());

export const DatasetName = z
  .string()
  .regex(DATASET_NAME_PATTERN, 'dataset names are letters, digits, ".", "_" and "-", up to 128 characters');

/** A version number, or `latest`. */
export const DatasetVersionParam = z.union([z.literal('latest'), z.coerce.number().int().positive()]);

export const DatasetSplitParam = z.enum(DATASET_SPLITS);

const Fraction = z.number().min(0).max(1);

export const SplitsBody = z.strictObject({
  seed: z.number().int().exactOptional(),
  train: Fraction.exactOptional(),
  validation: Fraction.exactOptional(),
  holdout: Fraction.exactOptional(),
});

const Message = z.looseObject({ role: z.string().min(1), content: z.string() });

export const DatasetItemBody = z.strictObject({
  itemId: z.string().min(1).max(256),
  input: z.union([JsonObject, z.array(Message).min(1, 'needs at least one message')]),
  expected: z.unknown().exactOptional(),
  metadata: JsonObject.exactOptional(),
  sourceTraceId: z.string().min(1).nullable().exactOptional(),
  split: DatasetSplitParam.exactOptional(),
});

export const CreateDatasetVersionBody = z.strictObject({
  items: z.array(DatasetItemBody).min(1, 'needs at least one item').max(MAX_DATASET_ITEMS),
  splits: SplitsBody.optional(),
  message: z.string().max(2000).nullable().optional(),
});

const FilterText = z.string().min(1).max(1000);

export const TraceViewBody = z.strictObject({
  promptName: FilterText,
  environment: FilterText.optional(),
  promptVersion: FilterText.optional(),
  model: FilterText.optional(),
  status: z.enum(['ok', 'error']).optional(),
  from: FilterText.optional(),
  to: FilterText.optional(),
  q: FilterText.optional(),
  label: FilterText.optional(),
  passed: z.boolean().optional(),
  failedCriterion: FilterText.optional(),
  evaluator: FilterText.optional(),
});

export const SampleBody = z.strictObject({
  strategy: z.enum(SAMPLE_STRATEGIES).default('random'),
  size: z.number().int().min(1).max(10_000).default(100),
  /** Defaults to the split seed. */
  seed: z.number().int().optional(),
  maxScan: z.number().int().min(1).max(100_000).optional(),
});

export const FromTracesBody = z.strictObject({
  filter: TraceViewBody,
  sample: SampleBody.optional(),
  splits: SplitsBody.optional(),
  message: z.string().max(2000).nullable().optional(),
});
export type FromTracesBody = z.infer<typeof FromTracesBody>;

/** A path or query value checked with a schema: a 400 naming the parameter. */
export function routeParam<Schema extends z.ZodType>(
  schema: Schema,
  value: string | undefined,
  name: string,
): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new KaizenError(
      'invalid_input',
      `${name}: ${parsed.error.issues[0]?.message ?? 'invalid'} (got "${String(value).slice(0, 80)}")`,
    );
  }
  return parsed.data;
}

/** `0.6,0.2,0.2` → train, validation, holdout fractions. */
export const SplitFractionsParam = z
  .string()
  .regex(/^\d*\.?\d+,\d*\.?\d+,\d*\.?\d+$/, 'expected three fractions: train,validation,holdout')
  .transform((value) => {
    const [train, validation, holdout] = value.split(',').map(Number);
    return { train: train ?? 0, validation: validation ?? 0, holdout: holdout ?? 0 };
  });

export const SeedParam = z.coerce.number().int();

export const LimitParam = z.coerce.number().int().min(1).max(1000);

export const ExportFormatParam = z.enum(['jsonl', 'csv', 'json']);
