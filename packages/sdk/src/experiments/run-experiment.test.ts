// runExperiment over an in-memory API: one judge call per item, answers and judge replies from the response cache on
// a re-run, item errors (a missing variable, a failing provider) kept as data, a failed save marked failed.
import { type Checklist, createPromptContent, type ModelPort, type PromptVersion } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import type { KaizenApi } from '../api/create-kaizen-api.js';
import type { DatasetItem } from './dataset-api-types.js';
import type { ExperimentItem } from './experiment-api-types.js';
import { runExperiment } from './run-experiment.js';

const VERSION: PromptVersion = {
  ...createPromptContent({
    template: [
      { role: 'system', content: 'Answer with raw JSON-LD only. Include "@context": "https://schema.org".' },
      { role: 'user', content: '{{html}}' },
    ],
    model: 'sim:schemaorg',
  }),
  name: 'extractor',
  version: 1,
  hash: 'f'.repeat(64),
  message: null,
  author: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  labels: [],
};

const ITEMS: DatasetItem[] = ['Trail Runner 2', 'Lentil curry', 'Bridge reopens'].map((title, index) => ({
  itemId: `item-${index}`,
  input: { html: `<html><body><h1>${title}</h1><p>Price: $${index + 10}.00</p></body></html>` },
  metadata: {},
  sourceTraceId: null,
  split: 'train',
}));

const CHECKLIST: Checklist = {
  name: 'extractor',
  passThreshold: 0.5,
  criteria: [
    { id: 'json', description: 'JSON only', weight: 2, check: { kind: 'json_valid' } },
    { id: 'faithful', description: 'Faithful', weight: 1, check: { kind: 'llm_judge', question: 'Only page facts?' } },
    { id: 'complete', description: 'Complete', weight: 1, check: { kind: 'llm_judge', question: 'Every field?' } },
  ],
};

/** Answers every question yes, in the format core asks for; counts its calls. */
function countingJudge(): ModelPort & { calls: number } {
  const judge = {
    calls: 0,
    async generate(request: Parameters<ModelPort['generate']>[0]) {
      judge.calls++;
      const ids = [...(request.messages.at(-1)?.content ?? '').matchAll(/id "([^"]+)"/g)].map((match) => match[1]);
      const answers = ids.map((id) => ({ id, answer: 'yes', rationale: 'Looks right.' }));
      return { text: JSON.stringify({ answers }), usage: { inputTokens: 50, outputTokens: 20 } };
    },
  };
  return judge;
}

/** The routes runExperiment uses, in memory; `saved` holds the items of each experiment. */
function memoryApi(options: { failAddItems?: boolean; items?: DatasetItem[] } = {}) {
  const cache = new Map<string, unknown>();
  const saved = new Map<string, ExperimentItem[]>();
  const finished: { id: string; status: string; error?: string | null }[] = [];
  let experiments = 0;
  const api = {
    prompts: { getVersion: async () => VERSION },
    datasets: {
      getVersion: async () => ({ name: 'pages', version: 1 }),
      allItems: async () => options.items ?? ITEMS,
    },
    cache: {
      lookup: async (keys: readonly string[]) => ({
        hits: Object.fromEntries(keys.filter((key) => cache.has(key)).map((key) => [key, cache.get(key)])),
      }),
      put: async (entries: readonly { key: string; value: unknown }[]) => {
        for (const entry of entries) cache.set(entry.key, entry.value);
        return { stored: entries.length };
      },
    },
    experiments: {
      create: async (header: object) => {
        experiments++;
        const id = `run-${experiments}`;
        saved.set(id, []);
        return { ...header, id };
      },
      addItems: async (id: string, items: readonly ExperimentItem[]) => {
        if (options.failAddItems) throw new Error('disk full');
        saved.get(id)?.push(...items);
        return { total: saved.get(id)?.length ?? 0 };
      },
      finish: async (id: string, input: { status: string; error?: string | null }) => {
        finished.push({ id, ...input });
        return { id };
      },
      get: async (id: string) => ({ id, simulated: true, items: saved.get(id) ?? [] }),
    },
  };
  return { api: api as unknown as KaizenApi, cache, saved, finished };
}

describe('runExperiment', () => {
  it('asks the judge once per item, and answers a re-run from the cache without any model or judge call', async () => {
    const memory = memoryApi();
    const judge = countingJudge();
    const progress: number[] = [];
    const first = await runExperiment(memory.api, {
      promptName: 'extractor',
      promptVersion: 1,
      dataset: 'pages',
      checklist: CHECKLIST,
      judge,
      concurrency: 2,
      onProgress: (state) => progress.push(state.done),
    });
    expect(judge.calls).toBe(3);
    expect(progress.at(-1)).toBe(3);
    expect(first.items.map((item) => item.itemId)).toEqual(['item-0', 'item-1', 'item-2']);
    expect(first.items.every((item) => !item.cached && item.error === null)).toBe(true);
    expect(first.items[0]?.result?.results.map((result) => result.status)).toEqual(['passed', 'passed', 'passed']);
    // Three answers and three judge replies.
    expect(memory.cache.size).toBe(6);
    expect(memory.finished).toEqual([{ id: 'run-1', status: 'completed' }]);

    const again = await runExperiment(memory.api, {
      promptName: 'extractor',
      promptVersion: 1,
      dataset: 'pages',
      checklist: CHECKLIST,
      judge,
    });
    expect(judge.calls).toBe(3);
    expect(again.items.every((item) => item.cached)).toBe(true);
    expect(again.items.map((item) => item.result)).toEqual(first.items.map((item) => item.result));

    await runExperiment(memory.api, {
      promptName: 'extractor',
      promptVersion: 1,
      dataset: 'pages',
      checklist: CHECKLIST,
      judge,
      cache: false,
    });
    expect(judge.calls).toBe(6);
  });

  it('keeps a missing variable and a failing provider as item errors, and completes the run', async () => {
    const items: DatasetItem[] = [
      { ...(ITEMS[0] as DatasetItem), itemId: 'no-html', input: { text: 'hello' } },
      ...ITEMS,
    ];
    const memory = memoryApi({ items });
    let requests = 0;
    const run = await runExperiment(memory.api, {
      promptName: 'extractor',
      promptVersion: 1,
      dataset: 'pages',
      checklist: { ...CHECKLIST, criteria: CHECKLIST.criteria.slice(0, 1) },
      model: 'openai:gpt-4o-mini',
      resolve: {
        env: { OPENAI_API_KEY: 'test' },
        fetch: async () => {
          requests++;
          return new Response('{"error":{"message":"overloaded"}}', { status: 503 });
        },
      },
      retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    expect(run.items[0]).toMatchObject({ itemId: 'no-html', result: null, cached: false });
    expect(run.items[0]?.error).toMatch(/html/);
    expect(run.items.slice(1).every((item) => item.error?.startsWith('model call failed') === true)).toBe(true);
    // Two attempts per item that reached the provider; none for the item that did not fit the prompt.
    expect(requests).toBe(6);
    expect(memory.finished).toEqual([{ id: 'run-1', status: 'completed' }]);
    expect(memory.cache.size).toBe(0);
  });

  it('marks the run failed when its items cannot be saved, and refuses judged criteria without a judge', async () => {
    const memory = memoryApi({ failAddItems: true });
    await expect(
      runExperiment(memory.api, {
        promptName: 'extractor',
        promptVersion: 1,
        dataset: 'pages',
        checklist: { ...CHECKLIST, criteria: CHECKLIST.criteria.slice(0, 1) },
      }),
    ).rejects.toThrow('disk full');
    expect(memory.finished).toEqual([{ id: 'run-1', status: 'failed', error: 'disk full' }]);

    await expect(
      runExperiment(memoryApi().api, {
        promptName: 'extractor',
        promptVersion: 1,
        dataset: 'pages',
        checklist: CHECKLIST,
      }),
    ).rejects.toThrow(/judgeModel/);
  });
});
