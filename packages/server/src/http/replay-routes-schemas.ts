// Request schema of POST /api/replays (docs/api/prompts.md, "Replays"): validated at the edge.
import { parseModelSpec } from '@kaizen/models';
import { z } from 'zod';
import { MAX_REPLAY_LIMIT } from '../replays/replay-run-spec.js';
import { Label, PromptName } from './prompt-schemas.js';

const Version = z.number().int().positive();
const Environment = z.string().min(1).max(200);

export const StartReplayBody = z.strictObject({
  prompt: z
    .strictObject({ name: PromptName, version: Version.optional(), label: Label.optional() })
    .refine((prompt) => prompt.version === undefined || prompt.label === undefined, {
      message: 'give a version or a label, not both',
      path: ['label'],
    }),
  sourceEnvironment: Environment.optional(),
  targetEnvironment: Environment.optional(),
  limit: z.number().int().min(1).max(MAX_REPLAY_LIMIT).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  model: z
    .string()
    .min(1)
    .max(500)
    .superRefine((value, context) => {
      try {
        parseModelSpec(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
      }
    })
    .optional(),
  concurrency: z.number().int().min(1).max(64).optional(),
});
export type StartReplayBody = z.infer<typeof StartReplayBody>;
