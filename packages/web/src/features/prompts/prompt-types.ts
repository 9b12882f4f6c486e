// The prompt registry's answers as the web app reads them (docs/api/prompts.md): core's shapes, imported as types.
import type { Items, LabelEvent, PromptSummary } from '@kaizen/core';

export type {
  FieldChange,
  LabelEvent,
  PromptDetails,
  PromptVersion,
  PromptVersionDiff,
  PromptVersionSummary,
} from '@kaizen/core';

/** GET /api/prompts */
export type PromptList = Items<PromptSummary>;

/** GET /api/prompts/:name/history */
export type PromptHistory = Items<LabelEvent>;

/** The environments offered even before a label points anywhere. */
export const COMMON_LABELS = ['production', 'staging'] as const;

export function promptPath(name: string): string {
  return `/api/prompts/${encodeURIComponent(name)}`;
}
