// The candidates of a run as the API shows them: each row with unified diffs of its prompt against its parent's
// and against the start's, the contents read once each from the prompt registry.
import type { PromptContent } from '@kaizen/core';
import type { OptimizationCandidate, OptimizationRun, Store } from '@kaizen/store';
import { diffPromptText } from './prompt-diff-text.js';

export interface CandidateView extends OptimizationCandidate {
  /** Unified diff of the whole prompt against the parent's; null for the start (or when a version is missing). */
  readonly diffFromParent: string | null;
  /** Unified diff of the whole prompt against the start's; null for the start. */
  readonly diffFromStart: string | null;
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
    views.push({
      ...candidate,
      diffFromParent:
        content === null || parent === undefined || parentContent === null
          ? null
          : diffPromptText(parentContent, content, { from: label(parent.id, parent.promptVersion), to }),
      diffFromStart:
        content === null || start === null || candidate.parentId === null
          ? null
          : diffPromptText(start, content, { from: label('start', run.startVersion), to }),
    });
  }
  return views;
}
