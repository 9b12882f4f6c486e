// The optimization API's shapes as this app reads them (docs/api/optimizations.md): core's, imported as types.
import type { PromptDetails } from '@kaizen/core';

export type {
  CriterionChange,
  LabelEvent,
  OptimizationCandidateView,
  OptimizationRun,
  OptimizationRunStatus,
  OptimizationSpend,
  SplitReport,
} from '@kaizen/core';

/** `GET /api/prompts/:name`, the part the label button reads. */
export type PromptLabels = Pick<PromptDetails, 'name' | 'labels'>;
