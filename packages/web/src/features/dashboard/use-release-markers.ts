// Release markers for the dashboard: the label history of the shown prompt (or of every prompt), in the window.
import type { LabelEvent } from '@kaizen/core';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { ChartMarker } from '../../components/chart';
import type { PromptSummary } from './dashboard-api-types';
import type { TimeWindow } from './dashboard-controls';
import { releaseMarkers } from './release-markers';

/** Histories read at most: one request per prompt; a project with more prompts picks one in the filter. */
export const MAX_PROMPT_HISTORIES = 20;

export interface ReleaseMarkers {
  readonly markers: readonly ChartMarker[];
  readonly error: Error | null;
  /** Prompts whose history was not read (over MAX_PROMPT_HISTORIES). */
  readonly skipped: number;
}

/** The prompts whose label moves are drawn: the filtered one, else the first MAX_PROMPT_HISTORIES. */
function promptNames(prompts: readonly PromptSummary[] | null, promptName: string | null): readonly string[] | null {
  if (promptName !== null) return [promptName];
  return prompts === null ? null : prompts.map((prompt) => prompt.name).slice(0, MAX_PROMPT_HISTORIES);
}

export function useReleaseMarkers(
  prompts: readonly PromptSummary[] | null,
  promptName: string | null,
  period: TimeWindow,
): ReleaseMarkers {
  const [state, setState] = useState<ReleaseMarkers>({ markers: [], error: null, skipped: 0 });
  // A string key, so a new array with the same names does not fetch again.
  const names = promptNames(prompts, promptName)?.join('\n') ?? null;
  const skipped = promptName === null && prompts !== null ? Math.max(0, prompts.length - MAX_PROMPT_HISTORIES) : 0;
  const { from, to } = period;

  useEffect(() => {
    if (names === null) return;
    const controller = new AbortController();
    const list = names === '' ? [] : names.split('\n');
    Promise.all(
      list.map((name) =>
        api<{ items: LabelEvent[] }>(`/api/prompts/${encodeURIComponent(name)}/history`, {
          signal: controller.signal,
        }),
      ),
    )
      .then((answers) => {
        const events = answers.flatMap((answer) => answer.items);
        setState({ markers: releaseMarkers(events, { from, to }), error: null, skipped });
      })
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setState({ markers: [], error: reason instanceof Error ? reason : new Error(String(reason)), skipped });
      });
    return () => controller.abort();
  }, [names, from, to, skipped]);

  return state;
}
