// The schemaorg bench task: real pages → schema.org JSON-LD, judged by a checklist a user would write.
import { type Checklist, type DatasetItem, type EvaluationSubject, parseJsonOutput } from '@kaizen/core';
import { createSimulatedModel, DEFAULT_NOISE } from '@kaizen/models';
import { type BenchTask, shorten } from './bench-task.js';
import { readFixture } from './read-jsonl.js';
import { dealItems } from './split-items.js';

interface PageRecord {
  readonly id: string;
  readonly html: string;
  readonly expected: readonly Record<string, unknown>[];
  readonly types: readonly string[];
  readonly main_types: readonly string[] | null;
}

/** Site furniture that is never what a page is about. */
const BOILERPLATE_TYPES = new Set(['WebSite', 'WebPage', 'BreadcrumbList', 'Organization', 'ListItem', 'ImageObject']);
/** Facts a model is tempted to invent; the criterion below checks them against the page's own markup. */
const INVENTABLE = ['telephone', 'aggregateRating'] as const;
/** Share of the reference's top-level properties an answer must have. */
const MIN_COVERAGE = 0.5;

const bareType = (type: unknown): string => String(type).replace(/^https?:\/\/schema\.org\//, '');

function typesOf(node: Record<string, unknown>): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : type === undefined ? [] : [type]).map(bareType);
}

function nodesOf(expected: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return expected.flatMap((node) =>
    Array.isArray(node['@graph']) ? (node['@graph'] as Record<string, unknown>[]) : [node],
  );
}

function hasKeyDeep(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((inner) => hasKeyDeep(inner, key));
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([name, inner]) => name === key || hasKeyDeep(inner, key));
}

/** The reference answer of an item: the page's JSON-LD, its main type(s) and main entity. */
export interface SchemaorgExpected {
  readonly mainTypes: readonly string[];
  /** Top-level property names of the main entity, when the reference has one. */
  readonly mainProperties?: readonly string[];
  readonly mainEntity?: Record<string, unknown>;
  readonly jsonld: readonly Record<string, unknown>[];
}

function toItem(record: PageRecord): DatasetItem & { readonly id: string } {
  const mainTypes = record.main_types ?? record.types.filter((type) => !BOILERPLATE_TYPES.has(type)).slice(0, 1);
  const mainEntity = nodesOf(record.expected).find((node) => typesOf(node).some((type) => mainTypes.includes(type)));
  const expected: SchemaorgExpected = {
    mainTypes,
    ...(mainEntity === undefined
      ? {}
      : { mainEntity, mainProperties: Object.keys(mainEntity).filter((key) => !key.startsWith('@')) }),
    jsonld: record.expected,
  };
  return {
    id: record.id,
    itemId: record.id,
    input: { html: record.html },
    expected,
    metadata: { group: record.id.split('-')[1] ?? 'other' },
    sourceTraceId: null,
    split: 'train',
  };
}

function answerObject(subject: EvaluationSubject): Record<string, unknown> | null {
  const parsed = parseJsonOutput(subject.output, 'extract');
  if (!parsed.ok) return null;
  const value = Array.isArray(parsed.value) ? parsed.value[0] : parsed.value;
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

/** No invented facts: a telephone number or a rating only where the page's own markup has one. */
function noInventedFacts(subject: EvaluationSubject) {
  const answer = answerObject(subject);
  if (answer === null) return { passed: false, rationale: 'no JSON object in the answer' };
  const reference = (subject.expected as SchemaorgExpected | undefined)?.jsonld ?? [];
  const invented = INVENTABLE.filter((key) => hasKeyDeep(answer, key) && !hasKeyDeep(reference, key));
  return invented.length === 0
    ? { passed: true }
    : { passed: false, rationale: `${invented.join(' and ')} not stated on the page` };
}

/** Property coverage: most of the reference main entity's top-level properties are present. */
function coversProperties(subject: EvaluationSubject) {
  const answer = answerObject(subject);
  if (answer === null) return { passed: false, rationale: 'no JSON object in the answer' };
  const wanted = (subject.expected as SchemaorgExpected | undefined)?.mainProperties ?? [];
  if (wanted.length === 0) return { passed: true };
  const missing = wanted.filter((key) => !(key in answer));
  const coverage = 1 - missing.length / wanted.length;
  return coverage >= MIN_COVERAGE
    ? { passed: true }
    : {
        passed: false,
        rationale: `${Math.round(coverage * 100)}% of the expected properties; missing ${missing.slice(0, 6).join(', ')}`,
      };
}

export const SCHEMAORG_CHECKLIST: Checklist = {
  name: 'schemaorg-jsonld',
  description: 'Extract the schema.org JSON-LD of a web page from its visible content',
  passThreshold: 0.8,
  criteria: [
    {
      id: 'json-only',
      description: 'Answers with the JSON-LD object only: no prose or markdown fences around it',
      weight: 2,
      check: { kind: 'json_valid', mode: 'strict' },
    },
    {
      id: 'context',
      description: 'Has "@context": "https://schema.org"',
      weight: 1,
      check: { kind: 'field_matches', path: "$['@context']", pattern: '^https?://schema\\.org/?$', mode: 'extract' },
    },
    {
      id: 'main-type',
      description:
        "Uses the most specific schema.org type for the page's main entity, as in the reference markup (e.g. Recipe or NewsArticle rather than a generic Thing or WebPage)",
      weight: 2,
      check: {
        kind: 'set_overlap',
        path: "$['@type']",
        expected: { expectedPath: '$.mainTypes' },
        minPrecision: 1,
        mode: 'extract',
      },
    },
    {
      id: 'no-invented-facts',
      description: 'States only facts from the page: no telephone number or rating the page does not have',
      weight: 2,
      check: { kind: 'custom', fn: noInventedFacts },
    },
    {
      id: 'property-coverage',
      description: `Fills in the details the page shows, not just a name and description: at least ${MIN_COVERAGE * 100}% of the properties the reference markup has for the main entity`,
      weight: 1,
      check: { kind: 'custom', fn: coversProperties },
      appliesWhen: { path: '$.expected.mainProperties', exists: true },
    },
  ],
};

/** The deliberately weak start: one line of system prompt, the page as the user message. */
export const SCHEMAORG_START = {
  template: [
    { role: 'system', content: 'Extract schema.org data from the page.' },
    { role: 'user', content: '{{html}}' },
  ],
  variables: ['html'],
  outputSchema: null,
  model: 'sim:schemaorg',
  params: { temperature: 0 },
  tools: [],
  examples: [],
} as const satisfies BenchTask['start'];

export const SCHEMAORG_SEEDS = [1, 2, 3] as const;

/**
 * 92 pages → 30 train / 30 validation / 32 holdout, stratified by source group. The fresh sample of the soundness
 * check is every page (the 32 held-back pages of the fixture are not in the repository) run with three other seeds.
 */
export function schemaorgTask(): BenchTask {
  const records = readFixture('schemaorg/schemaorg.jsonl') as PageRecord[];
  const items = records.map(toItem);
  const parts = dealItems(items, (item) => String(item.metadata.group), 'schemaorg', {
    train: 30,
    validation: 30,
    holdout: 32,
  });
  const split = (list: readonly DatasetItem[], name: DatasetItem['split']) =>
    list.map(({ itemId, input, expected, metadata, sourceTraceId }) => ({
      itemId,
      input,
      expected,
      metadata,
      sourceTraceId,
      split: name,
    }));
  const referenceOf = (item: DatasetItem): string | null => {
    const entity = (item.expected as SchemaorgExpected | undefined)?.mainEntity;
    return entity === undefined ? null : JSON.stringify({ '@context': 'https://schema.org', ...entity }, null, 2);
  };
  return {
    name: 'schemaorg',
    checklist: SCHEMAORG_CHECKLIST,
    start: SCHEMAORG_START,
    splits: {
      train: split(parts.train, 'train'),
      validation: split(parts.validation, 'validation'),
      holdout: split(parts.holdout, 'holdout'),
    },
    fresh: {
      items: split(items, 'holdout'),
      seeds: SCHEMAORG_SEEDS,
      note: `all ${items.length} pages × seeds ${SCHEMAORG_SEEDS.join(', ')} (the seed changes the simulator's noise draws; the search ran with seed 0)`,
    },
    model: createSimulatedModel('schemaorg', { noise: DEFAULT_NOISE }),
    modelNote: `sim:schemaorg, noise ${DEFAULT_NOISE} (share of page×prompt×seed draws that fail whatever the prompt says)`,
    fewShot(item) {
      const output = referenceOf(item);
      return output === null ? null : { input: { html: (item.input as { html: string }).html }, output };
    },
    exemplar(item) {
      const expected = referenceOf(item);
      return expected === null ? null : { input: shorten((item.input as { html: string }).html, 1500), expected };
    },
  };
}
