// Seeds two experiments through the API the way the SDK's runExperiment stores one (header, items, finish): a
// dataset of 12 schema.org fixture pages, prompt versions 1 and 2 on sim:schemaorg, and hand-made verdicts so the
// comparison is known in advance. Baseline: pages 0–5 lack "@context". Candidate: pages 0–3 fixed, pages 8–9 broken
// (wrong "@type"), page 11 a failed call. A second dataset of 120 small items exercises paging.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiRequest, type WebServer } from './web-server.js';

const FIXTURE = fileURLToPath(new URL('../../../../../fixtures/schemaorg/schemaorg.jsonl', import.meta.url));

export const DATASET = 'pages';
export const BULK_DATASET = 'bulk';
export const EXPERIMENT_PROMPT = 'extractor';
export const FIXED_PAGES = [0, 1, 2, 3] as const;
export const BROKEN_PAGES = [8, 9] as const;
const MISSING_CONTEXT = [0, 1, 2, 3, 4, 5];
const FAILED_CALL = 11;
/** The wrong type the candidate gives the broken pages. */
export const WRONG_TYPE = 'Thing';

interface FixturePage {
  readonly id: string;
  readonly html: string;
  readonly types: readonly string[];
  readonly main_types: readonly string[] | null;
}

export interface SeededPage {
  readonly id: string;
  readonly type: string;
  readonly name: string;
}

function readPages(): { items: unknown[]; pages: SeededPage[] } {
  const lines = readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, 12);
  const pages = lines.map((line) => {
    const page = JSON.parse(line) as FixturePage;
    const heading = /<h[1-3][^>]*>([^<]*)<\/h/.exec(page.html)?.[1];
    return {
      id: page.id,
      type: page.main_types?.[0] ?? page.types[0] ?? 'Thing',
      name: heading ?? page.id,
      html: page.html,
    };
  });
  return {
    items: pages.map((page, index) => ({
      itemId: page.id,
      input: { html: page.html },
      expected: { '@type': page.type },
      split: index < 8 ? 'train' : index < 10 ? 'validation' : 'holdout',
    })),
    pages: pages.map(({ id, type, name }) => ({ id, type, name })),
  };
}

const CRITERIA = [
  { id: 'json-only', description: 'The answer is raw JSON only', weight: 2, kind: 'json_valid' },
  { id: 'context', description: 'Declares "@context": "https://schema.org"', weight: 1, kind: 'field_equals' },
  { id: 'main-type', description: 'Uses the most specific schema.org @type', weight: 1, kind: 'field_equals' },
] as const;

type Status = 'passed' | 'failed';

function item(page: SeededPage, options: { context: boolean; type: string } | { error: string }) {
  if ('error' in options) {
    return {
      itemId: page.id,
      output: null,
      error: options.error,
      cached: false,
      result: null,
      inputTokens: null,
      outputTokens: null,
      costUsd: null,
      latencyMs: 30_000,
    };
  }
  const output = JSON.stringify({
    ...(options.context ? { '@context': 'https://schema.org' } : {}),
    '@type': options.type,
    name: page.name,
  });
  const statuses: Record<(typeof CRITERIA)[number]['id'], Status> = {
    'json-only': 'passed',
    context: options.context ? 'passed' : 'failed',
    'main-type': options.type === page.type ? 'passed' : 'failed',
  };
  const weight = CRITERIA.reduce((sum, criterion) => sum + criterion.weight, 0);
  const passedWeight = CRITERIA.reduce((sum, c) => sum + (statuses[c.id] === 'passed' ? c.weight : 0), 0);
  const score = passedWeight / weight;
  return {
    itemId: page.id,
    output,
    error: null,
    cached: false,
    result: {
      score,
      passed: score >= 1,
      label: score >= 1 ? 'pass' : 'fail',
      results: CRITERIA.map((criterion) => ({
        criterionId: criterion.id,
        status: statuses[criterion.id],
        rationale:
          statuses[criterion.id] === 'passed'
            ? null
            : criterion.id === 'context'
              ? '"@context" is missing'
              : `"@type" is ${options.type}, expected ${page.type}`,
      })),
      errors: 0,
      judgeUsage: null,
    },
    inputTokens: 400 + page.name.length,
    outputTokens: output.length,
    costUsd: null,
    latencyMs: 12,
  };
}

export interface SeededExperiments {
  readonly baselineId: string;
  readonly candidateId: string;
  readonly pages: readonly SeededPage[];
}

async function runExperiment(web: WebServer, promptVersion: number, name: string, items: unknown[]): Promise<string> {
  const checklistHash = createHash('sha256').update(JSON.stringify(CRITERIA)).digest('hex');
  const created = await apiRequest<{ id: string }>(web, '/api/experiments', 'POST', {
    name,
    promptName: EXPERIMENT_PROMPT,
    promptVersion,
    datasetName: DATASET,
    datasetVersion: 1,
    datasetSplit: null,
    model: 'sim:schemaorg',
    simulated: true,
    evaluator: 'extractor',
    checklistHash,
    criteria: CRITERIA,
    passThreshold: 1,
    settings: { params: { temperature: 0 }, concurrency: 4, cache: true },
  });
  await apiRequest(web, `/api/experiments/${created.id}/items`, 'POST', { items });
  await apiRequest(web, `/api/experiments/${created.id}/finish`, 'POST', { status: 'completed' });
  return created.id;
}

/** The datasets, two prompt versions (if the prompt is not there yet) and the two runs. */
export async function seedExperiments(web: WebServer): Promise<SeededExperiments> {
  const { items, pages } = readPages();
  await apiRequest(web, `/api/datasets/${DATASET}/versions`, 'POST', { items, message: 'schema.org fixture pages' });
  await apiRequest(web, `/api/datasets/${BULK_DATASET}/versions`, 'POST', {
    items: Array.from({ length: 120 }, (_, index) => ({
      itemId: `bulk-${String(index).padStart(3, '0')}`,
      input: { question: `What is ${index} + 1?` },
      expected: String(index + 1),
    })),
  });
  for (const content of ['Return the JSON-LD of the page.', 'Return raw JSON-LD with "@context".']) {
    await apiRequest(web, `/api/prompts/${EXPERIMENT_PROMPT}/versions`, 'POST', {
      template: [
        { role: 'system', content },
        { role: 'user', content: '{{html}}' },
      ],
      model: 'sim:schemaorg',
    });
  }
  const baselineItems = pages.map((page, index) =>
    item(page, { context: !MISSING_CONTEXT.includes(index), type: page.type }),
  );
  const candidateItems = pages.map((page, index) =>
    index === FAILED_CALL
      ? item(page, { error: 'sim:schemaorg: timed out after 3 attempts' })
      : item(page, {
          context: !MISSING_CONTEXT.includes(index) || (FIXED_PAGES as readonly number[]).includes(index),
          type: (BROKEN_PAGES as readonly number[]).includes(index) ? WRONG_TYPE : page.type,
        }),
  );
  const baselineId = await runExperiment(web, 1, 'baseline v1', baselineItems);
  const candidateId = await runExperiment(web, 2, 'candidate v2', candidateItems);
  return { baselineId, candidateId, pages };
}
