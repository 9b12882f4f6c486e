// The prompt registry's storage: immutable numbered versions, labels per environment, and the audit log of moves.
import type { LabelEvent, PromptContent, PromptVersion } from '@kaizen/core';

export interface PromptSummary {
  readonly name: string;
  readonly latestVersion: number;
  /** label → version */
  readonly labels: Readonly<Record<string, number>>;
  readonly updatedAt: string;
}

export interface PromptVersionSummary {
  readonly version: number;
  readonly hash: string;
  readonly message: string | null;
  readonly author: string | null;
  readonly createdAt: string;
  readonly labels: readonly string[];
}

export interface PromptDetails {
  readonly name: string;
  readonly labels: Readonly<Record<string, number>>;
  /** Newest first. */
  readonly versions: readonly PromptVersionSummary[];
}

export interface CreatePromptVersionInput {
  readonly content: PromptContent;
  readonly message?: string | null;
  readonly author?: string | null;
}

export interface CreatePromptVersionResult {
  readonly version: PromptVersion;
  /** False when a version with identical content already existed: that version is returned instead. */
  readonly created: boolean;
}

export interface PromptStore {
  createVersion(projectId: string, name: string, input: CreatePromptVersionInput): Promise<CreatePromptVersionResult>;
  listPrompts(projectId: string): Promise<readonly PromptSummary[]>;
  getPrompt(projectId: string, name: string): Promise<PromptDetails | null>;
  getVersion(projectId: string, name: string, version: number): Promise<PromptVersion | null>;
  getVersionByLabel(projectId: string, name: string, label: string): Promise<PromptVersion | null>;
  /** Points the label at the version (promote). Not found when the version does not exist. */
  setLabel(projectId: string, name: string, label: string, version: number, actor: string | null): Promise<LabelEvent>;
  /** Moves the label back to where it pointed before its last promote; conflict when there is no earlier version. */
  rollbackLabel(projectId: string, name: string, label: string, actor: string | null): Promise<LabelEvent>;
  /** Newest first; every label when `label` is omitted. */
  labelHistory(projectId: string, name: string, label?: string): Promise<readonly LabelEvent[]>;
}
