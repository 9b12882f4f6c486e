// Shapes of the prompt registry API (docs/api/prompts.md), as the client sends and receives them.
import type { FieldChange, LabelEvent, PromptContent, PromptVersion, WordEdit } from '@kaizen/core';

/** The body of `POST /api/prompts/:name/versions`: content (template required) plus who and why. */
export type PushVersionInput = Pick<PromptContent, 'template'> &
  Partial<Omit<PromptContent, 'template'>> & {
    readonly message?: string;
    readonly author?: string;
  };

export interface PushVersionResult {
  readonly version: number;
  /** False when a version with the same content hash already existed: no new version was made. */
  readonly created: boolean;
}

export interface PromptListItem {
  readonly name: string;
  readonly latestVersion: number;
  readonly labels: Readonly<Record<string, number>>;
  readonly updatedAt: string;
}

export type PromptVersionSummary = Pick<
  PromptVersion,
  'version' | 'hash' | 'message' | 'author' | 'createdAt' | 'labels'
>;

export interface PromptDetails {
  readonly name: string;
  readonly labels: Readonly<Record<string, number>>;
  readonly versions: readonly PromptVersionSummary[];
}

export interface PromptVersionDiff {
  readonly from: number;
  readonly to: number;
  readonly unified: string;
  readonly words: readonly WordEdit[];
  readonly changes: readonly FieldChange[];
}

export interface Items<T> {
  readonly items: readonly T[];
}

export type { LabelEvent, PromptVersion };
