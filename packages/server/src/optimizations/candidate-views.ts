// The candidates of a run as the API shows them: each row with unified diffs of its prompt against its parent's
// and against the start's, the contents read once each from the prompt registry.
import { diffPrompt, type FieldChange, type PromptContent } from '@kaizen/core';
import type { OptimizationCandidate, OptimizationRun, Store } from '@kaizen/store';

export interface CandidateView extends OptimizationCandidate {
  /** Unified diff of the prompt against the parent's; null for the start (or when a version is missing). */
  readonly diffFromParent: string | null;
  /** Unified diff of the prompt against the start's; null for the start. */
  readonly diffFromStart: string | null;
  /** Fields other than the template that differ from the start (model, params, examples, …). */
  readonly changesFromStart: readonly FieldChange[];
}

/**
 * @example
 * const items = await candidateViews(store, projectId, run); // c0 first
 */
export async function candidateViews(store: Store, projectId: string, run: OptimizationRun): Promise<CandidateView[]> {
  const candidates = await store.optimizations.listCandidates(projectId, run.id);
  const contents = new Map<number, PromptContent | null>();
  const contentOf = async (version: number | null): Promise<PromptContent | null> => {
    if (version === null) return null;
    if (!contents.has(version)) {
      contents.set(version, await store.prompts.getVersion(projectId, run.promptName, version));
    }
    return contents.get(version) ?? null;
  };
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  const start = await contentOf(run.startVersion);
  const label = (id: string, version: number | null) => `${run.promptName} v${version ?? '?'} (${id})`;

  const views: CandidateView[] = [];
  for (const candidate of candidates) {
    const content = await contentOf(candidate.promptVersion);
    const parent = candidate.parentId === null ? undefined : byId.get(candidate.parentId);
    const parentContent = parent === undefined ? null : await contentOf(parent.promptVersion);
    const to = label(candidate.id, candidate.promptVersion);
    const fromParent =
      content === null || parent === undefined || parentContent === null
        ? null
        : diffPrompt(parentContent, content, { fromLabel: label(parent.id, parent.promptVersion), toLabel: to });
    const fromStart =
      content === null || start === null || candidate.parentId === null
        ? null
        : diffPrompt(start, content, { fromLabel: label('start', run.startVersion), toLabel: to });
    views.push({
      ...candidate,
      diffFromParent: fromParent?.unified ?? null,
      diffFromStart: fromStart?.unified ?? null,
      changesFromStart: fromStart?.changes ?? [],
    });
  }
  return views;
}
