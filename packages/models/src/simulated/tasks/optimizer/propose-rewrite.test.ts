// Rewrite requests (OPRO-style): the best prompt's task statement kept, exemplar observations, generic advice.
import { describe, expect, it } from 'vitest';
import { ADVICE } from './propose-rewrite.js';
import { splitSentences } from './sentence-text.js';
import { EXACT, rewriteRequest, runOptimizer, SYSTEM } from './test-requests.js';

const SEEDS = Array.from({ length: 20 }, (_unused, index) => index);
const texts = (request = rewriteRequest()) =>
  SEEDS.map((seed) => runOptimizer(request, EXACT, seed).answer?.text ?? '');

describe('sim:optimizer rewrite', () => {
  it('answers a whole system prompt that starts with the best earlier prompt’s task statement', () => {
    for (const seed of SEEDS) {
      const run = runOptimizer(rewriteRequest(), {}, seed);
      expect(run.answer?.part).toBe('system');
      expect(run.answer?.text.startsWith(SYSTEM)).toBe(true);
    }
  });

  it('starts from the best-scoring prompt wherever it is in the history', () => {
    const request = rewriteRequest({
      history: [
        { system: 'Mark up the page as JSON-LD. Be exhaustive.', score: 0.7 },
        { system: 'Give me the JSON-LD for this page.', score: 0.3 },
      ],
    });
    for (const text of texts(request)) expect(text.startsWith('Mark up the page as JSON-LD.')).toBe(true);
  });

  it('keeps a hash-chosen subset of the other sentences: a blind search that varies with the seed', () => {
    const written = texts();
    expect(new Set(written).size).toBeGreaterThanOrEqual(5);
    const others = ['Use the most specific type.', 'Keep property names in English.', 'Do not invent facts.'];
    const keptShare =
      written.flatMap((text) => others.filter((sentence) => text.includes(sentence))).length /
      (others.length * SEEDS.length);
    expect(keptShare).toBeGreaterThan(0.5);
    expect(keptShare).toBeLessThan(0.9);
  });

  it('observes the exemplars: JSON objects, and the keys every expected output has', () => {
    const written = texts();
    const asksJson = written.filter((text) => /JSON (?:object )?only|single JSON object|only JSON/.test(text)).length;
    expect(asksJson / written.length).toBeGreaterThan(0.6);
    const naming = written.filter((text) => /"@type" and "name"/.test(text));
    expect(naming.length).toBeGreaterThan(5);
    for (const text of written) expect(text).not.toMatch(/"offers"|"author"/);
  });

  it('observes a label set in short expected answers', () => {
    const request = rewriteRequest({
      exemplars: ['positive', 'negative', 'positive', 'neutral'].map((expected, index) => ({
        input: `${index}`,
        expected,
      })),
    });
    const labelled = texts(request).filter((text) => text.includes('Answer with one of: negative, neutral, positive.'));
    expect(labelled.length).toBeGreaterThan(8);
  });

  it('adds one or two generic advice sentences from the pool', () => {
    for (const text of texts()) {
      const advice = splitSentences(text).filter((sentence) => (ADVICE as readonly string[]).includes(sentence));
      expect(advice.length).toBeGreaterThanOrEqual(1);
      expect(advice.length).toBeLessThanOrEqual(2);
    }
  });

  it('without history starts from the current prompt, without any prompt from a generic task statement', () => {
    expect(runOptimizer(rewriteRequest({ history: [] })).answer?.text.startsWith(SYSTEM)).toBe(true);
    const bare = rewriteRequest({ history: [], prompt: { system: null, user: '{{html}}', tools: [], examples: 0 } });
    expect(runOptimizer(bare).answer?.text).toMatch(/^Complete the task described in the input\./);
  });

  it('noopEdit answers the best earlier prompt unchanged', () => {
    const run = runOptimizer(rewriteRequest(), { rules: { noopEdit: true } });
    expect(run.answer?.text).toBe(rewriteRequest().history[1]?.system);
    expect(run.fired).toEqual(['noopEdit']);
  });
});
