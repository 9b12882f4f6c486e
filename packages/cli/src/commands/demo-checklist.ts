// The demo's checklist for the schema.org extractor: what its team would check on every production answer, with or
// without a reference answer (production traces have none; the demo's dataset items do).
import { type Checklist, type EvaluationSubject, parseJsonOutput } from '@kaizen/core';

export const DEMO_EVALUATOR = 'schemaorg-extractor';

/** Types that say nothing about what a page is. */
const GENERIC_TYPES = new Set(['Thing', 'WebPage', 'CreativeWork', 'WebSite']);
/** A page needs at least this many properties besides `@context`, `@type` and `@id`. */
const MIN_PROPERTIES = 4;

/** What the demo's dataset items carry as `expected` (production traces carry nothing). */
export interface DemoExpected {
  /** The main entity's type(s) in the page's own markup. */
  readonly mainTypes: readonly string[];
}

function answerObject(subject: EvaluationSubject): Record<string, unknown> | null {
  const parsed = parseJsonOutput(subject.output, 'extract');
  if (!parsed.ok) return null;
  const value = Array.isArray(parsed.value) ? parsed.value[0] : parsed.value;
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** The page as text: a trace's input is the rendered messages, a dataset item's the template variables. */
function inputText(subject: EvaluationSubject): string {
  const input = subject.input;
  return typeof input === 'string' ? input : JSON.stringify(input ?? '');
}

const typesOf = (answer: Record<string, unknown>): string[] => {
  const type = answer['@type'];
  return (Array.isArray(type) ? type : type === undefined ? [] : [type]).map((value) =>
    String(value).replace(/^https?:\/\/schema\.org\//, ''),
  );
};

const digits = (value: string) => value.replace(/\D/g, '');

/** The most specific type: never a generic one; the reference's main type when the item has a reference. */
function specificType(subject: EvaluationSubject) {
  const answer = answerObject(subject);
  if (answer === null) return { passed: false, rationale: 'no JSON object in the answer' };
  const types = typesOf(answer);
  if (types.length === 0) return { passed: false, rationale: '@type is missing' };
  const generic = types.filter((type) => GENERIC_TYPES.has(type));
  if (generic.length > 0) return { passed: false, rationale: `@type ${generic.join(', ')} is generic` };
  const reference = (subject.expected as DemoExpected | undefined)?.mainTypes ?? [];
  if (reference.length > 0 && !types.some((type) => reference.includes(type))) {
    return { passed: false, rationale: `@type ${types.join(', ')}; the page's markup says ${reference.join(', ')}` };
  }
  return { passed: true };
}

/** Facts the answer states that the page does not: a telephone number or a rating (the usual inventions). */
function inventedFacts(answer: Record<string, unknown>, subject: EvaluationSubject): string[] {
  const page = inputText(subject);
  const invented: string[] = [];
  const telephone = answer.telephone;
  if (typeof telephone === 'string' && !digits(page).includes(digits(telephone))) {
    invented.push(`telephone ${telephone}`);
  }
  const value = (answer.aggregateRating as { ratingValue?: unknown } | undefined)?.ratingValue;
  if (value !== undefined && !page.includes(String(value))) invented.push(`aggregateRating ${String(value)}`);
  return invented;
}

/** No invented rating: an aggregateRating only when the page itself shows it. */
function noInventedRating(subject: EvaluationSubject) {
  const answer = answerObject(subject);
  if (answer === null) return { passed: false, rationale: 'no JSON object in the answer' };
  const invented = inventedFacts(answer, subject).filter((fact) => fact.startsWith('aggregateRating'));
  return invented.length === 0
    ? { passed: true }
    : { passed: false, rationale: `${invented[0]} not stated on the page` };
}

/** Property coverage: more than a name and a description; invented facts do not count. */
function coversProperties(subject: EvaluationSubject) {
  const answer = answerObject(subject);
  if (answer === null) return { passed: false, rationale: 'no JSON object in the answer' };
  const invented = new Set(inventedFacts(answer, subject).map((fact) => fact.split(' ')[0]));
  const properties = Object.keys(answer).filter((key) => !key.startsWith('@') && !invented.has(key));
  return properties.length >= MIN_PROPERTIES
    ? { passed: true }
    : {
        passed: false,
        rationale: `only ${properties.length} properties from the page (${properties.join(', ') || 'none'})`,
      };
}

/**
 * The checklist, with its custom checks as code: the embedded server gets it in `onlineEvaluation.evaluators`, and
 * its stored form (custom checks by name) is pushed like `kaizen evaluators push` does.
 */
export const DEMO_CHECKLIST: Checklist = {
  name: DEMO_EVALUATOR,
  description: 'schema.org JSON-LD of a web page, from its visible content',
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
      id: 'specific-type',
      description:
        "Uses the most specific schema.org type for the page's main entity (e.g. Recipe or NewsArticle, never a generic Thing, WebPage or CreativeWork)",
      weight: 2,
      check: { kind: 'custom', fn: specificType },
    },
    {
      id: 'no-invented-rating',
      description:
        'States only facts from the page: never a rating or review count the page does not show (invented review markup breaks search guidelines)',
      weight: 2,
      check: { kind: 'custom', fn: noInventedRating },
    },
    {
      id: 'property-coverage',
      description: `Includes every property the page supports (price, author, dates, address…), not just a name and description: at least ${MIN_PROPERTIES} properties stated on the page`,
      weight: 1,
      check: { kind: 'custom', fn: coversProperties },
    },
  ],
};
