// The evaluator registry's storage: immutable numbered versions of stored checklists, deduplicated by content hash.
import type { StoredChecklist } from './stored-checklist.js';

export interface EvaluatorVersion {
  readonly name: string;
  readonly version: number;
  /** sha256 of the canonical JSON of `definition`. */
  readonly hash: string;
  readonly definition: StoredChecklist;
  readonly message: string | null;
  readonly author: string | null;
  readonly createdAt: string;
}

export interface EvaluatorSummary {
  readonly name: string;
  readonly latestVersion: number;
  /** Of the latest version. */
  readonly criteria: number;
  readonly updatedAt: string;
}

export interface CreateEvaluatorVersionInput {
  readonly definition: StoredChecklist;
  readonly message?: string | null;
  readonly author?: string | null;
}

export interface CreateEvaluatorVersionResult {
  readonly version: EvaluatorVersion;
  /** False when a version with identical content already existed: that version is returned instead. */
  readonly created: boolean;
}

export interface EvaluatorStore {
  createVersion(
    projectId: string,
    name: string,
    input: CreateEvaluatorVersionInput,
  ): Promise<CreateEvaluatorVersionResult>;
  /** Every evaluator of the project, by name. */
  list(projectId: string): Promise<readonly EvaluatorSummary[]>;
  /** The given version, or the latest when `version` is omitted; null when there is none. */
  get(projectId: string, name: string, version?: number): Promise<EvaluatorVersion | null>;
  /** Every version, newest first (empty when the evaluator does not exist). */
  versions(projectId: string, name: string): Promise<readonly EvaluatorVersion[]>;
}
