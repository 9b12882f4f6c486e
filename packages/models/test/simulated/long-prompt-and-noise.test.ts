// Long prompts lose instructions with a probability growing with length; noise fails a fixed share whatever the prompt.
import { describe, expect, it } from 'vitest';
import { estimateTokens, simulateSchemaorg } from '../../src/simulated/index.js';
import { run } from './helpers.js';
import { loadSchemaorgItems } from './load-schemaorg-items.js';
import { PADDED_PROMPT, STRONG_PROMPT } from './prompts.js';

const items = loadSchemaorgItems();
const runAll = (system: string, options: { noise?: number; longPrompt?: { thresholdTokens?: number } } = {}) =>
  items.map((item) =>
    simulateSchemaorg({
      messages: [
        { role: 'system', text: system },
        { role: 'user', text: item.html },
      ],
      seed: 0,
      responseFormat: undefined,
      options,
    }),
  );

describe('dropInstructionsWhenLong', () => {
  it('drops nothing from a concise prompt', () => {
    expect(runAll(STRONG_PROMPT).every((result) => result.dropped.length === 0)).toBe(true);
  });

  it('drops each instruction of a padded prompt with a probability growing with its length', () => {
    expect(estimateTokens(PADDED_PROMPT)).toBeGreaterThan(3000);
    const dropRate = (system: string) => {
      const results = runAll(system, { noise: 0 });
      return results.reduce((sum, result) => sum + result.dropped.length, 0) / (results.length * 5);
    };
    const padded = dropRate(PADDED_PROMPT);
    const longer = dropRate(`${PADDED_PROMPT}\n${PADDED_PROMPT.slice(STRONG_PROMPT.length)}`);
    expect(padded).toBeGreaterThan(0.2);
    expect(longer).toBeGreaterThan(padded);
    expect(longer).toBeLessThan(1);
  });

  it('moves with the configured threshold', () => {
    const results = runAll(STRONG_PROMPT, { longPrompt: { thresholdTokens: 10 } });
    expect(results.some((result) => result.dropped.length > 0)).toBe(true);
  });
});

describe('itemNoise', () => {
  const noisy = (options: { noise?: number }) =>
    runAll(STRONG_PROMPT, options).filter((result) => result.fired.includes('itemNoise'));

  it('fails a realistic share of items by default (8% target)', () => {
    const share = noisy({}).length / items.length;
    expect(share).toBeGreaterThanOrEqual(0.02);
    expect(share).toBeLessThanOrEqual(0.15);
  });

  it('can be turned off or up', () => {
    expect(noisy({ noise: 0 })).toHaveLength(0);
    expect(noisy({ noise: 1 })).toHaveLength(items.length);
  });

  it('fails by truncated JSON or a wrong @type', () => {
    const failures = noisy({ noise: 1 }).map((result) => {
      try {
        JSON.parse(result.text);
        return 'wrong-type';
      } catch {
        return 'truncated';
      }
    });
    expect(new Set(failures)).toEqual(new Set(['wrong-type', 'truncated']));
  });

  it('depends on the page and the prompt, not on the prompt alone', () => {
    const withPrompt = (system: string) => runAll(system).map((result) => result.fired.includes('itemNoise'));
    expect(withPrompt(STRONG_PROMPT)).not.toEqual(withPrompt(`${STRONG_PROMPT}\nThank you.`));
    expect(run(STRONG_PROMPT, { noise: 0.5 }).text).toBe(run(STRONG_PROMPT, { noise: 0.5 }).text);
  });
});
