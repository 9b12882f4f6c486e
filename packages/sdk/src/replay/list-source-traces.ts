// Pages through the source environment's traces of a prompt, newest first, up to a limit.
import type { TraceSummary } from '@kaizen/core';
import type { KaizenApi } from '../api/create-kaizen-api.js';

export async function listSourceTraces(
  api: KaizenApi,
  query: { promptName: string; environment: string; limit: number; since?: string },
): Promise<TraceSummary[]> {
  const traces: TraceSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listTraces({
      promptName: query.promptName,
      environment: query.environment,
      limit: Math.min(1000, query.limit - traces.length),
      ...(query.since !== undefined ? { from: query.since } : {}),
      ...(cursor !== undefined ? { cursor } : {}),
    });
    traces.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && traces.length < query.limit);
  return traces.slice(0, query.limit);
}
