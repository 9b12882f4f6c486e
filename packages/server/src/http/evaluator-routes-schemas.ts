// Request schemas of the evaluation API (docs/api/evaluation.md): validated at the edge, plain types inside.
import { KaizenError, PROMPT_NAME_PATTERN } from '@kaizen/core';
import { z } from 'zod';

export const EvaluatorName = z
  .string()
  .regex(PROMPT_NAME_PATTERN, 'evaluator names are letters, digits, ".", "_" and "-" (at most 128)');
export const VersionNumber = z.coerce.number().int().positive();
export const TraceId = z
  .string()
  .regex(/^[0-9a-fA-F]{32}$/, 'expected 32 hex characters')
  .transform((value) => value.toLowerCase());
export const CriterionId = z.string().min(1).max(128);

const Text = z.string().min(1).max(1000);

/** A criterion's check: any kind core knows (compileChecklist validates the rest); custom ones by name only. */
const Check = z.looseObject({ kind: z.string().min(1) }).superRefine((check, context) => {
  if (check.kind !== 'custom') return;
  const keys = Object.keys(check).sort().join(',');
  if (keys !== 'kind,name' || typeof check.name !== 'string' || check.name === '') {
    context.addIssue({
      code: 'custom',
      message: 'a custom check is stored as { kind: "custom", name } (its code stays in kaizen.config.ts)',
    });
  }
});

export const StoredChecklistBody = z.strictObject({
  name: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  passThreshold: z.number().min(0).max(1),
  criteria: z
    .array(
      z.strictObject({
        id: CriterionId,
        description: z.string().max(2000),
        weight: z.number().positive(),
        check: Check,
        appliesWhen: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .min(1, 'needs at least one criterion')
    .max(500),
  labels: z
    .array(z.strictObject({ label: z.string().min(1).max(200), when: z.record(z.string(), z.unknown()) }))
    .optional(),
});

export const CreateEvaluatorBody = z.strictObject({
  name: EvaluatorName,
  definition: StoredChecklistBody,
  message: z.string().max(2000).nullable().optional(),
  author: z.string().max(200).nullable().optional(),
});

export const SetLabelBody = z.strictObject({
  evaluator: EvaluatorName,
  criterion: CriterionId,
  passed: z.boolean(),
  note: z.string().max(5000).nullable().optional(),
  author: z.string().max(200).nullable().optional(),
});

export const OnlineEvaluatorBody = z
  .strictObject({
    evaluator: EvaluatorName,
    environment: Text.nullable().optional(),
    promptName: Text.nullable().optional(),
    promptVersion: Text.nullable().optional(),
    samplingRate: z.number().min(0).max(1),
    enabled: z.boolean().optional(),
  })
  .refine((body) => body.promptVersion == null || body.promptName != null, {
    message: 'promptVersion needs promptName',
    path: ['promptVersion'],
  });

export const ScoreNowBody = z.strictObject({
  evaluator: EvaluatorName,
  version: z.number().int().positive().optional(),
});

const IsoTime = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), 'expected ISO 8601')
  .transform((value) => new Date(Date.parse(value)).toISOString());

/** The view of the score aggregates: one evaluator over the trace list's filters. */
export const ScoreViewQuery = z.strictObject({
  evaluator: EvaluatorName,
  evaluatorVersion: VersionNumber.optional(),
  promptName: Text.optional(),
  promptVersion: Text.optional(),
  environment: Text.optional(),
  model: Text.optional(),
  from: IsoTime.optional(),
  to: IsoTime.optional(),
});

export type ScoreViewQuery = z.infer<typeof ScoreViewQuery>;

export const ScoreSeriesQuery = ScoreViewQuery.extend({ bucket: z.enum(['hour', 'day']).default('day') });

/** Query parameters as an object; a parameter given twice is refused rather than silently picked. */
export function queryObject(url: string): Record<string, string> {
  const params = new URL(url).searchParams;
  const result: Record<string, string> = {};
  for (const [name, value] of params) {
    if (Object.hasOwn(result, name)) {
      throw new KaizenError('invalid_input', `query parameter "${name}": given more than once`);
    }
    result[name] = value;
  }
  return result;
}

/** Validates a path or query value: a 400 naming it. */
export function parseParam<Schema extends z.ZodType>(schema: Schema, value: unknown, name: string): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue !== undefined && issue.path.length > 0 ? issue.path.join('.') : name;
    const message = issue?.code === 'unrecognized_keys' ? `unknown ${issue.keys.join(', ')}` : issue?.message;
    throw new KaizenError(
      'invalid_input',
      `${where}: ${message ?? 'invalid'}${typeof value === 'string' ? ` (got "${value.slice(0, 80)}")` : ''}`,
    );
  }
  return parsed.data;
}
