import { compileChecklist, createPromptContent, type DatasetItem } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { createSimulatedModel } from '../simulated/index.js';
import { createMemoryAnswerCache } from './answer-cache.js';
import { createEvaluatePort } from './create-evaluate-port.js';

const page = (title: string): string => `<html><body><h1>${title}</h1><p>A recipe for ${title}.</p></body></html>`;
const items: DatasetItem[] = ['Lentil soup', 'Apple pie', 'Lentil soup'].map((title, index) => ({
  itemId: `p${index}`,
  input: { html: page(title) },
  metadata: {},
  sourceTraceId: null,
  split: 'train',
}));
const checklist = compileChecklist({
  name: 'json',
  passThreshold: 1,
  criteria: [{ id: 'json', description: 'Answers with JSON only', weight: 1, check: { kind: 'json_valid' } }],
});

describe('createEvaluatePort', () => {
  it('scores each item and answers a repeated request from the cache without paying again', async () => {
    const cache = createMemoryAnswerCache();
    const evaluate = createEvaluatePort({ model: createSimulatedModel('schemaorg', { noise: 0 }), checklist, cache });
    const weak = createPromptContent({
      template: [
        { role: 'system', content: 'Extract schema.org data.' },
        { role: 'user', content: '{{html}}' },
      ],
    });
    const first = await evaluate(weak, items);
    expect(first.items.map((item) => item.itemId)).toEqual(['p0', 'p1', 'p2']);
    expect(first.items.every((item) => item.statuses.json === 'failed' && item.rationales.json !== undefined)).toBe(
      true,
    );
    expect(first.cost.calls).toBe(3);
    // p0 and p2 send the same request: one is paid, the other found in the cache after it.
    expect(first.cost.paidCalls).toBeLessThanOrEqual(3);
    const again = await evaluate(weak, items);
    expect(again.cost).toMatchObject({ calls: 3, paidCalls: 0 });
    expect(again.items).toEqual(first.items);

    const strict = createPromptContent({
      template: [
        { role: 'system', content: 'Extract schema.org data. Respond with raw JSON only, no prose.' },
        { role: 'user', content: '{{html}}' },
      ],
    });
    const better = await evaluate(strict, items);
    expect(better.cost.paidCalls).toBeGreaterThan(0);
    expect(better.items.every((item) => item.score === 1)).toBe(true);
  });

  it('reports an input that does not fit the template as the item error, without a call', async () => {
    const evaluate = createEvaluatePort({ model: createSimulatedModel('schemaorg'), checklist });
    const content = createPromptContent({ template: 'Page: {{page}}' });
    const batch = await evaluate(content, items.slice(0, 1));
    expect(batch.items[0]).toMatchObject({ itemId: 'p0', score: null, output: null });
    expect(batch.items[0]?.error).toMatch(/page/);
    expect(batch.cost.calls).toBe(0);
  });
  it('writes each answer to the cache as it arrives, so a batch cut short keeps what it paid for', async () => {
    const cache = createMemoryAnswerCache();
    const inner = createSimulatedModel('schemaorg', { noise: 0 });
    const cachedWhenCalled: number[] = [];
    // The third call sees the cache as a process killed at that moment would leave it.
    const model: typeof inner = {
      ...inner,
      async doGenerate(options) {
        cachedWhenCalled.push(cache.size);
        if (cachedWhenCalled.length === 3) throw new Error('killed');
        return inner.doGenerate(options);
      },
    };
    const evaluate = createEvaluatePort({ model, checklist, cache, concurrency: 1, retry: { retries: 0 } });
    const distinct = ['Lentil soup', 'Apple pie', 'Bean stew'].map((title, index) => ({
      ...(items[0] as DatasetItem),
      itemId: `d${index}`,
      input: { html: page(title) },
    }));
    const batch = await evaluate(createPromptContent({ template: 'Extract schema.org data: {{html}}' }), distinct);
    expect(cachedWhenCalled).toEqual([0, 1, 2]);
    expect(batch.items[2]?.error).toMatch(/killed/);
    expect(cache.size).toBe(2);
  });
});
