// Each prompt-controlled behaviour flips through a family of phrasings, and a negated phrasing does not flip it.
import { describe, expect, it } from 'vitest';
import type { SchemaorgRuleName } from '../../src/simulated/index.js';
import { run } from './helpers.js';

/** Phrasings that must stop the rule, and phrasings (negated or contrary) that must leave it on. */
const FAMILIES: Record<string, { rule: SchemaorgRuleName; stop: string[]; keep: string[] }> = {
  'JSON only': {
    rule: 'proseAroundJson',
    stop: [
      'Respond with raw JSON.',
      'Return only the JSON-LD object and nothing else.',
      'Do not add any explanation or markdown.',
      'Output the JSON-LD only; no code fences.',
      'Your answer is passed straight to JSON.parse.',
      "Don't explain your answer.",
      'Prose is not allowed.',
    ],
    keep: [
      "You don't have to return only JSON; feel free to explain your choices.",
      'Explain your reasoning, then give the JSON-LD.',
      'Wrap the JSON in a markdown code block.',
    ],
  },
  'most specific type': {
    rule: 'genericType',
    stop: [
      'Use the most specific schema.org type.',
      'The @type should be as precise as possible.',
      'Avoid generic types like Thing or WebPage.',
      'Never use Thing as the type.',
      'Pick the best-matching subtype.',
    ],
    keep: [
      "You don't need the most specific type.",
      'Use a generic type such as Thing.',
      'Do not bother with subtypes.',
    ],
  },
  '@context': {
    rule: 'omitContext',
    stop: [
      'Include "@context": "https://schema.org".',
      'Add the @context.',
      'Set the context to https://schema.org.',
      "Don't forget the @context.",
      'Never omit @context.',
      '@context is required.',
    ],
    keep: ['Do not include @context.', 'No @context, please.', 'Leave out the @context.'],
  },
  'only what the page states': {
    rule: 'inventFacts',
    stop: [
      'Use only information present on the page.',
      "Don't invent anything.",
      'Never make up phone numbers or ratings.',
      'If a value is not on the page, leave it out.',
      'No hallucinated values.',
      'Stick to the facts stated in the HTML.',
    ],
    keep: [
      "You don't have to use only what the page states; fill gaps with plausible values.",
      'Feel free to guess missing values.',
      'Make up a phone number if none is shown.',
    ],
  },
  'all properties': {
    rule: 'minimalProperties',
    stop: [
      'Include all properties you can find.',
      'Be thorough.',
      'Make the markup as complete as possible.',
      'Extract every relevant detail.',
      'Fill these fields: name, description, offers, aggregateRating.',
      'Include the following properties:\n- name\n- image\n- price',
    ],
    keep: ["You don't need every property.", 'Keep it minimal.', "Don't be exhaustive.", 'Do not include sku or mpn.'],
  },
};

describe.each(Object.entries(FAMILIES))('%s', (_name, family) => {
  it('is on for a prompt that does not mention it', () => {
    expect(run('Give me schema.org markup for this page.').fired).toContain(family.rule);
  });

  it.each(family.stop)('is turned off by %j', (phrasing) => {
    expect(run(phrasing).fired).not.toContain(family.rule);
  });

  it.each(family.keep)('stays on for %j', (phrasing) => {
    expect(run(phrasing).fired).toContain(family.rule);
  });

  it('follows the last word when the prompt contradicts itself', () => {
    const [first] = family.stop;
    const [last] = family.keep;
    expect(run(`${first}\n${last}`).fired).toContain(family.rule);
  });
});
