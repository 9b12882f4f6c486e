// The schema.org optimization set-up the server's run tests share: fixture pages split train/validation/holdout, the
// extractor checklist, a weak prompt, API helpers, and a model wrapper that counts (and can hold) delivered answers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveModel } from '@kaizen/models';
import { expect } from 'vitest';
import type { ModelRef } from '../../src/optimizations/optimization-models.js';

export const FIXTURE = fileURLToPath(new URL('../../../../fixtures/schemaorg/schemaorg.jsonl', import.meta.url));
export const WEAK = 'Give me the JSON-LD for this page.';

interface Page {
  readonly id: string;
  readonly html: string;
  readonly types: readonly string[];
  readonly main_types: readonly string[] | null;
}

/** 12 train, 8 validation and 4 holdout pages, in fixture order. */
export const ITEMS = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .slice(0, 24)
  .map((line, index) => {
    const page = JSON.parse(line) as Page;
    return {
      itemId: page.id,
      input: { html: page.html },
      expected: { '@type': page.main_types?.[0] ?? page.types[0] },
      split: index < 12 ? 'train' : index < 20 ? 'validation' : 'holdout',
    };
  });

export const EVALUATOR = {
  name: 'extractor',
  definition: {
    name: 'extractor',
    passThreshold: 1,
    criteria: [
      { id: 'json-only', description: 'The answer is raw JSON only', weight: 2, check: { kind: 'json_valid' } },
      {
        id: 'context',
        description: 'Declares "@context": "https://schema.org"',
        weight: 1,
        check: {
          kind: 'field_equals',
          path: "$['@context']",
          expected: { value: 'https://schema.org' },
          mode: 'extract',
        },
      },
      {
        id: 'main-type',
        description: 'Uses the most specific schema.org @type of the page',
        weight: 1,
        check: { kind: 'field_equals', path: "$['@type']", expected: { expectedPath: "$['@type']" }, mode: 'extract' },
      },
    ],
  },
};

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown> & { error?: { code: string; message: string } };
}

export type Call = (method: string, path: string, body?: unknown) => Promise<Answer>;

export function client(url: string, key: string): Call {
  return async (method, path, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
}

export interface Run {
  id: string;
  status: string;
  simulated: boolean;
  optimizerModel: string | null;
  startVersion: number;
  bestVersion: number | null;
  round: number;
  budget: Record<string, number>;
  spend: { calls: number; paidCalls: number; candidateEvals: number };
  progress: { bestCandidateId: string | null; bestValidationScore: number | null; candidates: number };
  result: {
    status: string;
    bestId: string;
    startId: string;
    rounds: number;
    validation: { before: { score: number }; after: { score: number } };
    holdout: { after: { n: number } } | null;
    spend: { calls: number; candidateEvals: number; optimizerCalls: number };
  } | null;
  error: string | null;
}

export interface Candidate {
  id: string;
  parentId: string | null;
  status: string;
  promptVersion: number | null;
  edit: { operator: string; description: string } | null;
  validation: { score: number } | null;
  diffFromParent: string | null;
  diffFromStart: string | null;
}

/** A prompt, the fixture dataset and the evaluator in the key's project. */
export async function setUp(call: Call, options: { model?: string | null } = {}): Promise<void> {
  const model = options.model === undefined ? 'sim:schemaorg' : options.model;
  const prompt = await call('POST', '/api/prompts/extractor/versions', {
    template: [
      { role: 'system', content: WEAK },
      { role: 'user', content: '{{html}}' },
    ],
    ...(model !== null ? { model } : {}),
  });
  expect(prompt.status, JSON.stringify(prompt.body)).toBe(201);
  const dataset = await call('POST', '/api/datasets/pages/versions', { items: ITEMS });
  expect(dataset.status, JSON.stringify(dataset.body)).toBe(201);
  const evaluator = await call('POST', '/api/evaluators', EVALUATOR);
  expect(evaluator.status, JSON.stringify(evaluator.body)).toBe(201);
}

export const START = { prompt: 'extractor', dataset: 'pages', evaluator: 'extractor', optimizerModel: null };

export async function start(call: Call, body: Record<string, unknown> = {}): Promise<Run> {
  const answer = await call('POST', '/api/optimizations', { ...START, ...body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return answer.body as unknown as Run;
}

export async function finished(call: Call, id: string): Promise<Run> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await call('GET', `/api/optimizations/${id}`);
    expect(answer.status).toBe(200);
    const run = answer.body as unknown as Run;
    if (run.status !== 'running') return run;
    if (Date.now() > deadline) throw new Error(`optimization run ${id} still running after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function candidates(call: Call, id: string): Promise<Candidate[]> {
  const answer = await call('GET', `/api/optimizations/${id}/candidates`);
  expect(answer.status).toBe(200);
  return answer.body.items as Candidate[];
}

/** Counts the task-model calls that delivered an answer; can hold the n-th call until released. */
export class CountingModels {
  delivered = 0;
  /** Added before each answer: a slower provider, so a run outlasts a short job lease. */
  delayMs = 0;
  #holdAt: number | null = null;
  #release: () => void = () => {};
  #reached: () => void = () => {};

  resolve = (spec: string): ModelRef => {
    const inner = resolveModel(spec);
    const counter = this;
    return {
      specificationVersion: inner.specificationVersion,
      provider: inner.provider,
      modelId: inner.modelId,
      supportedUrls: inner.supportedUrls,
      async doGenerate(options) {
        if (counter.#holdAt !== null && counter.delivered + 1 >= counter.#holdAt) {
          counter.#holdAt = null;
          const released = new Promise<void>((resolve) => {
            counter.#release = resolve;
          });
          counter.#reached();
          await released;
        }
        if (counter.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, counter.delayMs));
        const result = await inner.doGenerate(options);
        // What a provider honouring the abort does: the answer never arrives, so nothing is paid for or cached.
        options.abortSignal?.throwIfAborted();
        counter.delivered += 1;
        return result;
      },
      doStream: (options) => inner.doStream(options),
    };
  };

  /** Resolves when the n-th call (from now on counting all delivered so far) waits. */
  holdAt(n: number): Promise<void> {
    this.#holdAt = n;
    return new Promise((resolve) => {
      this.#reached = resolve;
    });
  }

  release(): void {
    this.#release();
  }
}
