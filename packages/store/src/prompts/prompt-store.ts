// The prompt registry's storage: immutable numbered versions, labels per environment, and the audit log of moves.
import type {
  CreatePromptVersionResult,
  LabelEvent,
  PromptContent,
  PromptDetails,
  PromptSummary,
  PromptVersion,
} from '@kaizen/core';

// The list and detail shapes are core's, shared with the SDK's API client and the web app.
export type { CreatePromptVersionResult, PromptDetails, PromptSummary, PromptVersionSummary } from '@kaizen/core';

export interface CreatePromptVersionInput {
  readonly content: PromptContent;
  readonly message?: string | null;
  readonly author?: string | null;
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
