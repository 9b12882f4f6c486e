// The deterministic checklist bench:eval runs, as a Kaizen checklist, and the same checks as a plain loop (the reference).
import type { Checklist } from '@kaizen/core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { ENTITY_TYPES, type EvalItem } from './eval-outputs.js';

const postalAddress = {
  type: 'object',
  required: ['streetAddress', 'addressLocality'],
  properties: {
    streetAddress: { type: 'string' },
    addressLocality: { type: 'string' },
    postalCode: { type: 'string' },
  },
};
const offer = {
  type: 'object',
  required: ['price', 'priceCurrency'],
  properties: {
    price: { type: 'number', minimum: 0 },
    priceCurrency: { type: 'string', pattern: '^[A-Z]{3}$' },
    availability: { type: 'string', format: 'uri' },
  },
};
const rating = {
  type: 'object',
  required: ['ratingValue'],
  properties: { ratingValue: { type: 'number', minimum: 0, maximum: 5 }, reviewCount: { type: 'integer', minimum: 0 } },
};

/** JSON Schema's `if`/`then` on `@type`: the type's own requirements (`then` is a schema keyword, not a thenable). */
function forType(type: (typeof ENTITY_TYPES)[number], then: Readonly<Record<string, unknown>>) {
  return { if: { required: ['@type'], properties: { '@type': { const: type } } }, then };
}

const person = { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } };

/** The shape a schema.org extraction must have: common fields, then per-type requirements (draft 2020-12). */
export const ENTITY_SCHEMA = {
  type: 'object',
  required: ['@context', '@type', 'name', 'url'],
  properties: {
    '@context': { type: 'string', pattern: '^https?://schema\\.org/?$' },
    '@type': { enum: [...ENTITY_TYPES] },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    url: { type: 'string', format: 'uri' },
    description: { type: 'string' },
    image: {
      anyOf: [
        { type: 'string', format: 'uri' },
        { type: 'array', items: { type: 'string', format: 'uri' } },
      ],
    },
    aggregateRating: rating,
    offers: offer,
  },
  allOf: [
    forType('Recipe', {
      required: ['recipeIngredient', 'recipeInstructions'],
      properties: {
        recipeIngredient: { type: 'array', minItems: 1, items: { type: 'string' } },
        recipeInstructions: {
          type: 'array',
          items: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
        },
        prepTime: { type: 'string', format: 'duration' },
        cookTime: { type: 'string', format: 'duration' },
        recipeYield: { type: 'string' },
        author: person,
      },
    }),
    forType('Product', { required: ['offers'], properties: { brand: { type: 'object' }, sku: { type: 'string' } } }),
    forType('Event', {
      required: ['startDate', 'location'],
      properties: {
        startDate: { type: 'string', format: 'date-time' },
        location: {
          type: 'object',
          required: ['name', 'address'],
          properties: { name: { type: 'string' }, address: postalAddress },
        },
      },
    }),
    forType('Article', {
      required: ['headline', 'datePublished'],
      properties: {
        headline: { type: 'string', maxLength: 110 },
        datePublished: { type: 'string', format: 'date' },
        author: person,
        wordCount: { type: 'integer', minimum: 0 },
      },
    }),
    forType('LocalBusiness', {
      required: ['address', 'telephone'],
      properties: {
        address: { ...postalAddress, required: ['streetAddress', 'addressLocality', 'postalCode'] },
        telephone: { type: 'string', pattern: '^\\+?[0-9 ()-]{7,}$' },
        openingHours: { type: 'array', items: { type: 'string' } },
      },
    }),
  ],
} as const;

const URL_PATTERN = '^https://[a-z0-9.-]+\\.[a-z]{2,}(/\\S*)?$';
const CONTEXT_PATTERN = '"@context"\\s*:\\s*"https://schema\\.org/?"';
const CONTAINS = ['schema.org', '"@type"'] as const;
const LATENCY_BUDGET_MS = 2000;
const PASS_THRESHOLD = 0.8;

/**
 * Eight criteria: JSON parse, JSON Schema, three field matches, a regex, contains, a latency budget.
 * Weights sum to 10; an item passes at 0.8 (both JSON criteria, or one of them and nothing else, may fail).
 */
export const EVAL_CHECKLIST: Checklist = {
  name: 'schemaorg-extraction',
  description: 'Extract the page’s main entity as schema.org JSON-LD',
  passThreshold: PASS_THRESHOLD,
  criteria: [
    { id: 'json', description: 'The output is JSON only', weight: 2, check: { kind: 'json_valid' } },
    {
      id: 'schema',
      description: 'The JSON is a valid schema.org entity',
      weight: 2,
      check: { kind: 'json_schema', schema: ENTITY_SCHEMA },
    },
    {
      id: 'type',
      description: 'The entity has the expected @type',
      weight: 1,
      check: { kind: 'field_equals', path: "$['@type']", expected: { expectedPath: '$.type' } },
    },
    {
      id: 'name',
      description: 'The entity has the expected name (any casing)',
      weight: 1,
      check: { kind: 'field_equals', path: '$.name', expected: { expectedPath: '$.name' }, caseSensitive: false },
    },
    {
      id: 'url',
      description: 'The url is absolute https',
      weight: 1,
      check: { kind: 'field_matches', path: '$.url', pattern: URL_PATTERN },
    },
    {
      id: 'context',
      description: 'Declares the https schema.org context',
      weight: 1,
      check: { kind: 'regex', pattern: CONTEXT_PATTERN },
    },
    {
      id: 'mentions',
      description: 'Mentions schema.org and a @type',
      weight: 1,
      check: { kind: 'contains', values: [...CONTAINS] },
    },
    {
      id: 'latency',
      description: 'Answered within 2 s',
      weight: 1,
      check: { kind: 'max_latency_ms', max: LATENCY_BUDGET_MS },
    },
  ],
};

/** One item's verdict as both paths write it: status letters (P/F/S/E) per criterion in checklist order. */
export interface VerdictRow {
  readonly id: number;
  readonly passed: 0 | 1;
  readonly score: number | null;
  readonly label: string;
  readonly statuses: string;
}

const WEIGHTS = EVAL_CHECKLIST.criteria.map((criterion) => criterion.weight);

/**
 * The reference: the same eight checks as a plain loop over JSON.parse, one ajv validator (same options and formats
 * as core's, compiled once), RegExp and String#includes, no framework. Its verdicts must equal Kaizen's on every item.
 */
export function createReferenceEvaluator(): (item: EvalItem) => VerdictRow {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  formatsPlugin.default(ajv);
  const validate = ajv.compile(ENTITY_SCHEMA);
  const urlPattern = new RegExp(URL_PATTERN);
  const contextPattern = new RegExp(CONTEXT_PATTERN);
  const statuses = new Array<string>(WEIGHTS.length);
  return (item) => {
    let value: unknown;
    let parsed = true;
    try {
      value = JSON.parse(item.output);
    } catch {
      parsed = false;
    }
    const entity =
      parsed && typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : null;
    const field = (key: string): unknown => (entity !== null && Object.hasOwn(entity, key) ? entity[key] : undefined);
    const name = field('name');
    const url = field('url');
    statuses[0] = parsed ? 'P' : 'F';
    statuses[1] = parsed && validate(value) ? 'P' : 'F';
    statuses[2] = field('@type') === item.expected.type ? 'P' : 'F';
    statuses[3] = typeof name === 'string' && name.toLowerCase() === item.expected.name.toLowerCase() ? 'P' : 'F';
    statuses[4] = typeof url === 'string' && urlPattern.test(url) ? 'P' : 'F';
    statuses[5] = contextPattern.test(item.output) ? 'P' : 'F';
    statuses[6] = CONTAINS.every((needle) => item.output.includes(needle)) ? 'P' : 'F';
    statuses[7] = item.latencyMs === null ? 'S' : item.latencyMs <= LATENCY_BUDGET_MS ? 'P' : 'F';
    let earned = 0;
    let possible = 0;
    for (let index = 0; index < WEIGHTS.length; index += 1) {
      const weight = WEIGHTS[index] ?? 0;
      if (statuses[index] === 'P') earned += weight;
      if (statuses[index] !== 'S') possible += weight;
    }
    const score = possible > 0 ? earned / possible : null;
    const passed = score !== null && score >= PASS_THRESHOLD - 1e-12;
    return {
      id: item.id,
      passed: passed ? 1 : 0,
      score,
      label: score === null ? 'skipped' : passed ? 'pass' : 'fail',
      statuses: statuses.join(''),
    };
  };
}
