import { compileRedactor, DEFAULT_PRICES, KaizenError } from '@kaizen/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, span } from '../../test/support/proto-writer.js';
import { type BatchProcessor, createInlineProcessor } from './process-batch.js';
import { createWorkerProcessor } from './worker-processor.js';

const json = JSON.stringify({
  resourceSpans: [
    {
      scopeSpans: [
        {
          spans: [
            {
              traceId: '5b8efff798038103d269b633813fc60c',
              spanId: 'eee19b7ec3c1b174',
              name: 'chat gpt-4o',
              startTimeUnixNano: '1700000000000000000',
              endTimeUnixNano: '1700000000250000000',
              attributes: [
                { key: 'gen_ai.request.model', value: { stringValue: 'gpt-4o' } },
                { key: 'gen_ai.usage.input_tokens', value: { intValue: 10 } },
              ],
            },
            { traceId: 'bad', spanId: 'eee19b7ec3c1b174', name: 'x' },
          ],
        },
      ],
    },
  ],
});

describe('worker batch processor', () => {
  let workers: BatchProcessor;
  const inline = createInlineProcessor(DEFAULT_PRICES, compileRedactor());
  const lines: string[] = [];
  beforeAll(async () => {
    workers = await createWorkerProcessor({ workers: 2, prices: DEFAULT_PRICES, logger: (line) => lines.push(line) });
  });
  afterAll(async () => {
    await workers.close();
  });

  it('returns what inline processing returns, for JSON and protobuf', async () => {
    const body = new TextEncoder().encode(json);
    expect(await workers.process('json', body)).toEqual(await inline.process('json', new TextEncoder().encode(json)));
    const proto = request([span()]);
    expect(await workers.process('protobuf', proto.slice())).toEqual(await inline.process('protobuf', proto));
    const { spans, rejected } = await workers.process('json', new TextEncoder().encode(json));
    expect(spans.rows).toHaveLength(1);
    expect(spans.rows[0]).toEqual(expect.arrayContaining(['gpt-4o', 10, 250]));
    expect(spans.traces).toMatchObject([{ traceId: '5b8efff798038103d269b633813fc60c', spanCount: 1 }]);
    expect(rejected).toHaveLength(1);
  });

  it('copies a body that shares its memory instead of detaching it', async () => {
    const shared = Buffer.from(`${json}     `).subarray(0, json.length);
    await workers.process('json', shared);
    expect(shared.toString()).toBe(json);
  });

  it('rethrows a malformed body as the same KaizenError', async () => {
    const error = await workers.process('json', new TextEncoder().encode('{oops')).catch((caught: unknown) => caught);
    expect(KaizenError.isInstance(error) && error.code).toBe('invalid_input');
    expect((error as Error).message).toMatch(/^invalid JSON/);
  });

  it('spreads concurrent batches over the workers', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => workers.process('protobuf', request([span()]))));
    expect(results.every((result) => result.spans.rows.length === 1)).toBe(true);
    expect(lines).toEqual([]);
  });
});
