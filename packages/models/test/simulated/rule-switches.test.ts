// Every rule can be forced on (a planted behaviour) or off, whatever the prompt says.
import { describe, expect, it } from 'vitest';
import { SCHEMAORG_RULE_NAMES } from '../../src/simulated/index.js';
import { extractJson, run } from './helpers.js';

/** A prompt that asks for everything: left alone, only content rules fire. */
const CLEAR = [
  'Respond with raw JSON only.',
  'Use the most specific schema.org type.',
  'Include "@context": "https://schema.org".',
  'Use only information present on the page.',
  'Include all properties you can find.',
].join('\n');
const VAGUE = 'Give me the JSON-LD for this page.';

describe('rule switches', () => {
  it('a clear prompt fires no behaviour rule; a vague one fires them', () => {
    expect(run(CLEAR).fired).toEqual([]);
    expect(run(VAGUE).fired).toEqual([
      'genericType',
      'minimalProperties',
      'inventFacts',
      'omitContext',
      'proseAroundJson',
    ]);
  });

  it.each(SCHEMAORG_RULE_NAMES)('%s: forced on fires for the clear prompt, forced off never fires', (name) => {
    expect(run(CLEAR, { rules: { [name]: true } }).fired).toContain(name);
    expect(run(VAGUE, { rules: { [name]: false }, noise: 1 }).fired).not.toContain(name);
  });

  it('plants an invented telephone regardless of the prompt', () => {
    const json = extractJson(run(CLEAR, { rules: { inventFacts: true } }).text);
    expect(json?.telephone).toMatch(/^\+1-555-01\d\d$/);
    expect(json?.aggregateRating).toBeUndefined(); // the page shows a rating: nothing to invent there
  });

  it('plants each visible flaw', () => {
    const answer = (rule: string) => run(CLEAR, { rules: { [rule]: true } }).text;
    expect(() => JSON.parse(answer('proseAroundJson'))).toThrow();
    expect(JSON.parse(answer('genericType'))['@type']).toBe('Thing');
    expect(JSON.parse(answer('omitContext'))).not.toHaveProperty('@context');
    expect(Object.keys(JSON.parse(answer('minimalProperties')))).toEqual(['@context', '@type', 'name', 'description']);
    expect(JSON.parse(answer('copyExampleNesting')).offers).toMatchObject({ '@type': 'Offer', price: '55.00' });
    expect(run(CLEAR, { rules: { dropInstructionsWhenLong: true } }).dropped.length).toBe(5);
  });

  it('removes flaws the prompt would cause', () => {
    const json = extractJson(
      run(VAGUE, { rules: { proseAroundJson: false, omitContext: false, genericType: false } }).text,
    );
    expect(json).toMatchObject({ '@context': 'https://schema.org', '@type': 'Product' });
  });
});
