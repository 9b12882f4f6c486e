// The prompt registry's answers as the web app reads them (docs/api/prompts.md); content types come from core.
import type { FieldChange, LabelEvent, WordEdit } from '@kaizen/core';

export type { FieldChange, LabelEvent, PromptVersion } from '@kaizen/core';

/** GET /api/prompts */
export interface PromptList {
  readonly items: readonly {
    readonly name: string;
    /** Versions are numbered 1…n, so this is also how many there are. */
    readonly latestVersion: number;
    readonly labels: Readonly<Record<string, number>>;
    readonly updatedAt: string;
  }[];
}

export interface PromptVersionSummary {
  readonly version: number;
  readonly hash: string;
  readonly message: string | null;
  readonly author: string | null;
  readonly createdAt: string;
  readonly labels: readonly string[];
}

/** GET /api/prompts/:name — versions newest first. */
export interface PromptDetails {
  readonly name: string;
  readonly labels: Readonly<Record<string, number>>;
  readonly versions: readonly PromptVersionSummary[];
}

/** GET /api/prompts/:name/history */
export interface PromptHistory {
  readonly items: readonly LabelEvent[];
}

/** GET /api/prompts/:name/diff?from&to */
export interface PromptDiffAnswer {
  readonly from: number;
  readonly to: number;
  readonly unified: string;
  readonly words: readonly WordEdit[];
  readonly changes: readonly FieldChange[];
}

/** The environments offered even before a label points anywhere. */
export const COMMON_LABELS = ['production', 'staging'] as const;

export function promptPath(name: string): string {
  return `/api/prompts/${encodeURIComponent(name)}`;
}
