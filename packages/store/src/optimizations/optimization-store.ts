// The optimization runs' storage: run rows updated as the loop checkpoints, and one row per candidate.
import type {
  CreateOptimizationRunInput,
  OptimizationCandidate,
  OptimizationCandidateInput,
  OptimizationRun,
  OptimizationRunPatch,
  OptimizationRunQuery,
  OptimizationRunStatus,
} from './optimization-types.js';

export interface UpdateOptimizationRunOptions {
  /** Conflict unless the run is in one of these statuses when the update applies (one statement: no race). */
  readonly onlyFrom?: readonly OptimizationRunStatus[];
}

export interface OptimizationStore {
  /** A new run, `running`, round 0, nothing spent. Not found when the prompt, dataset or evaluator version is not. */
  create(projectId: string, input: CreateOptimizationRunInput): Promise<OptimizationRun>;
  /** Null when the project has no run of that id. */
  get(projectId: string, id: string): Promise<OptimizationRun | null>;
  /** Newest first. */
  list(projectId: string, query?: OptimizationRunQuery): Promise<readonly OptimizationRun[]>;
  /** Changes the given fields (and `updatedAt`); not found when the run is not in the project. */
  update(
    projectId: string,
    id: string,
    patch: OptimizationRunPatch,
    options?: UpdateOptimizationRunOptions,
  ): Promise<OptimizationRun>;
  /**
   * Sets every run of any project in `from` to `to` (with `error`), e.g. runs left `running` by a crash, and returns
   * how many changed.
   */
  markAll(from: OptimizationRunStatus, to: OptimizationRunStatus, error: string | null): Promise<number>;
  /**
   * Writes a candidate, replacing the row of the same (run, id): a resumed run reports the same ids again. Keeps the
   * first write's place in the order. Not found when the run is not in the project.
   */
  upsertCandidate(projectId: string, runId: string, candidate: OptimizationCandidateInput): Promise<void>;
  /** In creation order; empty when the run has none (or is not in the project). */
  listCandidates(projectId: string, runId: string): Promise<readonly OptimizationCandidate[]>;
}
