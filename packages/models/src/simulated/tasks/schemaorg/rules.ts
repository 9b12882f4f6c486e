// The schemaorg simulator's behaviours, rule by rule: when each happens and what it does to the answer.
//
// Every rule is a behaviour of the simulated model. Left unconfigured, a rule happens when its condition below
// holds (mostly: when the prompt did not ask for the opposite). `SimulatedOptions.rules[name] = true` makes it happen
// on every call whatever the prompt says (a planted root cause); `false` stops it happening at all.
import { seededIndex, seededUnit } from '../../seeded-hash.js';
import type { EntityField } from './entity-field.js';
import { fieldMatches } from './entity-field.js';
import type { PropertyShape } from './example-shapes.js';
import { exampleShapes } from './example-shapes.js';
import type { JsonObject } from './find-json-blocks.js';
import type { PageFacts } from './page-facts.js';
import {
  INSTRUCTION_NAMES,
  type InstructionName,
  isGiven,
  type SchemaorgInstructions,
  withoutInstruction,
} from './read-instructions.js';
import { truncateJson, WRAPPER_COUNT, WRONG_TYPE, wrapInProse } from './render-answer.js';
import { GENERIC_TYPES, isSubtypeOf } from './schema-types.js';

export const SCHEMAORG_RULE_NAMES = [
  'dropInstructionsWhenLong',
  'genericType',
  'minimalProperties',
  'copyExampleNesting',
  'inventFacts',
  'omitContext',
  'itemNoise',
  'proseAroundJson',
] as const;
export type SchemaorgRuleName = (typeof SCHEMAORG_RULE_NAMES)[number];

/** What the rules read: the call, the page, and the settings. Never the expected answer. */
export interface RuleContext {
  readonly seed: number;
  readonly pageHtml: string;
  readonly instructionText: string;
  /** Estimated tokens of the prompt without the page: what prompt compression can shorten. */
  readonly promptTokens: number;
  readonly facts: PageFacts;
  readonly noise: number;
  readonly longPrompt: { readonly thresholdTokens: number; readonly halfDropTokens: number };
}

/** The answer as it takes shape; each rule returns a changed copy. */
export interface Draft {
  readonly instructions: SchemaorgInstructions;
  readonly dropped: readonly InstructionName[];
  /** The page's type as the simulator reads it (within allowed types when given). */
  readonly pageType: string;
  readonly type: string;
  readonly fields: readonly EntityField[];
  readonly shapes: ReadonlyMap<string, PropertyShape>;
  readonly defaultNested: boolean;
  readonly context: boolean;
  /** Set once the entity stage is done. */
  readonly entity: JsonObject | undefined;
  readonly answer: string | undefined;
}

export interface Rule {
  /** `prompt`: before the page is read; `entity`: shapes the JSON-LD object; `answer`: shapes the text. */
  readonly stage: 'prompt' | 'entity' | 'answer';
  readonly when: (draft: Draft, context: RuleContext) => boolean;
  readonly apply: (draft: Draft, context: RuleContext, forced: boolean) => Draft;
}

/** The probability that one instruction is ignored: 0 up to the threshold, then excess / (excess + half). */
export function dropProbability(context: RuleContext): number {
  const excess = context.promptTokens - context.longPrompt.thresholdTokens;
  return excess <= 0 ? 0 : excess / (excess + context.longPrompt.halfDropTokens);
}

/** Types people rate, where an invented aggregateRating looks plausible. */
const RATEABLE = ['Product', 'Recipe', 'Book', 'Movie', 'Course', 'LocalBusiness', 'SoftwareApplication', 'HowTo'];

export const SCHEMAORG_RULES = {
  /**
   * Long prompts lose instructions. When the prompt without the page is longer than `longPrompt.thresholdTokens`
   * (default 2000), each instruction the prompt gave (JSON only, specific type, allowed types, @context, grounding,
   * fields, few-shot examples…) is ignored independently with probability excess / (excess + halfDropTokens),
   * decided by the seeded hash of (seed, instruction, prompt, page). So compressing a padded prompt pays off, and an
   * overloaded prompt can score worse than a short one. Forced on, every instruction is ignored.
   */
  dropInstructionsWhenLong: {
    stage: 'prompt',
    when: (_draft, context) => dropProbability(context) > 0,
    apply: (draft, context, forced) => {
      const probability = forced ? 1 : dropProbability(context);
      let instructions = draft.instructions;
      const dropped: InstructionName[] = [];
      for (const name of INSTRUCTION_NAMES) {
        if (!isGiven(instructions, name)) continue;
        if (seededUnit(context.seed, 'drop', name, context.instructionText, context.pageHtml) < probability) {
          instructions = withoutInstruction(instructions, name);
          dropped.push(name);
        }
      }
      return { ...draft, instructions, dropped };
    },
  },

  /**
   * A generic @type: Thing, or WebPage/CreativeWork (by hash) for creative works, unless the prompt asks for the
   * most specific type ("most specific schema.org type", "avoid generic types like Thing"…) or lists allowed types.
   * Types the prompt forbids are never written.
   */
  genericType: {
    stage: 'entity',
    when: (draft) => !draft.instructions.specificType && draft.instructions.allowedTypes.length === 0,
    apply: (draft, context) => {
      const options = isSubtypeOf(draft.pageType, 'CreativeWork') ? ['WebPage', 'CreativeWork'] : ['Thing'];
      const allowed = options.filter((type) => !draft.instructions.forbiddenTypes.includes(type));
      const generic = allowed[seededIndex(allowed.length, context.seed, 'generic', context.pageHtml)];
      const fallback = GENERIC_TYPES.find((type) => !draft.instructions.forbiddenTypes.includes(type));
      return { ...draft, type: generic ?? fallback ?? draft.type };
    },
  },

  /**
   * Only the name (or headline/title) and description, unless the prompt lists the fields to fill, gives a JSON
   * schema (in the prompt or as the call's JSON response format), or asks for every property it can find. (When not
   * minimal, the answer has the listed fields it can find, or every field when no list is given; fields the prompt
   * excludes are always left out.)
   */
  minimalProperties: {
    stage: 'entity',
    when: (draft) => draft.instructions.fields.length === 0 && !draft.instructions.completeProperties,
    apply: (draft) => {
      const excluded = draft.instructions.excludedFields;
      const kept = draft.fields.filter(
        (field) => fieldMatches(field, ['name', 'description']) && !fieldMatches(field, excluded),
      );
      return { ...draft, fields: kept };
    },
  },

  /**
   * Nesting copied from few-shot examples: a property an example writes as a typed object (offers as an Offer with
   * price/priceCurrency, author as a Person) is written nested, with the example's @type; without examples,
   * properties are written flat (price on the item, author as a string, address as one line). Forced on without
   * examples, every property nests the schema.org way; forced off, examples are ignored.
   */
  copyExampleNesting: {
    stage: 'entity',
    when: (draft) => draft.instructions.examples.length > 0,
    apply: (draft) => ({
      ...draft,
      shapes: exampleShapes(draft.instructions.examples),
      defaultNested: draft.instructions.examples.length === 0,
    }),
  },

  /**
   * Invented facts: a telephone number when the page shows none (always from the fictional +1-555-01xx range), and
   * an aggregateRating for rateable types when the page shows none — unless the prompt says to use only what the
   * page states ("don't invent", "no hallucinated values", "leave out what is not on the page"…). Properties the
   * prompt excludes are not invented.
   */
  inventFacts: {
    stage: 'entity',
    when: (draft) => !draft.instructions.groundedOnly,
    apply: (draft, context) => {
      const excluded = draft.instructions.excludedFields;
      const has = (property: string) => draft.fields.some((field) => field.property === property);
      const invented: EntityField[] = [];
      if (!has('telephone') && context.facts.telephone === undefined && !excluded.includes('telephone')) {
        const suffix = String(seededIndex(100, context.seed, 'phone', context.pageHtml)).padStart(2, '0');
        invented.push({
          property: 'telephone',
          aliases: [],
          flat: { telephone: `+1-555-01${suffix}` },
          nested: undefined,
        });
      }
      const rateable = RATEABLE.some((type) => isSubtypeOf(draft.pageType, type));
      if (
        rateable &&
        !has('aggregateRating') &&
        context.facts.rating === undefined &&
        !excluded.includes('aggregateRating')
      ) {
        const ratingValue = (3.8 + seededIndex(12, context.seed, 'rating', context.pageHtml) / 10).toFixed(1);
        const reviewCount = String(12 + seededIndex(488, context.seed, 'reviews', context.pageHtml));
        const nested = { type: 'AggregateRating', value: { ratingValue, reviewCount } };
        invented.push({
          property: 'aggregateRating',
          aliases: [],
          flat: { aggregateRating: { '@type': 'AggregateRating', ratingValue, reviewCount } },
          nested,
        });
      }
      return { ...draft, fields: [...draft.fields, ...invented] };
    },
  },

  /**
   * No @context unless the prompt asks for it: in words ("include @context", "with the schema.org context"), as a
   * `"@context"` key written in the prompt, or by showing it in an example or JSON schema.
   */
  omitContext: {
    stage: 'entity',
    when: (draft) => !draft.instructions.includeContext,
    apply: (draft) => ({ ...draft, context: false }),
  },

  /**
   * Failures no prompt removes: for a share `noise` (default 0.08) of (page, prompt, seed) triples, decided by the
   * seeded hash, the answer either stops part-way (truncated JSON) or names a wrong neighbouring @type (a Product
   * as an Offer, a Recipe as a HowTo). Forced on, every answer fails; `noise: 0` or forced off, none does.
   */
  itemNoise: {
    stage: 'answer',
    when: (_draft, context) =>
      seededUnit(context.seed, 'noise', context.pageHtml, context.instructionText) < context.noise,
    apply: (draft, context) => {
      const entity = draft.entity ?? {};
      if (seededUnit(context.seed, 'noise-kind', context.pageHtml, context.instructionText) < 0.5) {
        const fraction = 0.35 + 0.45 * seededUnit(context.seed, 'cut', context.pageHtml);
        return { ...draft, answer: truncateJson(draft.answer ?? '', fraction) };
      }
      const wrong = WRONG_TYPE[draft.type] ?? (draft.type === 'WebPage' ? 'Thing' : 'WebPage');
      const changed = { ...entity, '@type': wrong };
      return { ...draft, entity: changed, answer: JSON.stringify(changed, null, 2) };
    },
  },

  /**
   * Prose and/or markdown fences around the JSON (one of four wrappings, by hash), unless the prompt asks for JSON
   * only ("respond with raw JSON", "no prose", "don't explain", "nothing but the JSON-LD"…) or the call asks for JSON
   * through its response format.
   */
  proseAroundJson: {
    stage: 'answer',
    when: (draft) => !draft.instructions.jsonOnly,
    apply: (draft, context) => {
      const variant = seededIndex(WRAPPER_COUNT, context.seed, 'prose', context.pageHtml, context.instructionText);
      return { ...draft, answer: wrapInProse(draft.answer ?? '', variant) };
    },
  },
} as const satisfies Record<SchemaorgRuleName, Rule>;
