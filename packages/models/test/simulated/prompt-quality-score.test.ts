// Over the 92 real pages, a clear complete prompt scores clearly higher than a weak one or a padded one.
import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import { createSimulatedModel } from '../../src/simulated/index.js';
import { loadSchemaorgItems } from './load-schemaorg-items.js';
import { PADDED_PROMPT, STRONG_PROMPT, WEAK_PROMPT } from './prompts.js';
import { CHECKS, checkAnswer, passRate } from './schemaorg-checklist.js';

const items = loadSchemaorgItems();
const model = createSimulatedModel('schemaorg');

async function answers(system: string): Promise<string[]> {
  return Promise.all(items.map(async (item) => (await generateText({ model, system, prompt: item.html })).text));
}

async function meanPassRate(system: string): Promise<number> {
  const texts = await answers(system);
  return (
    texts.reduce(
      (sum, text, index) => sum + passRate(text, items[index] ?? { id: '', html: '', types: [], main_types: null }),
      0,
    ) / items.length
  );
}

describe('prompt quality over the schemaorg pages', () => {
  it('has all 92 pages', () => {
    expect(items).toHaveLength(92);
  });

  it('scores a clear, complete prompt at least 0.3 above a one-line prompt', async () => {
    const weak = await meanPassRate(WEAK_PROMPT);
    const strong = await meanPassRate(STRONG_PROMPT);
    console.info(
      `sim:schemaorg mean pass rate (simulated model) — weak ${weak.toFixed(3)}, strong ${strong.toFixed(3)}`,
    );
    expect(strong - weak).toBeGreaterThanOrEqual(0.3);
  });

  it('scores the concise prompt above the same prompt padded to thousands of tokens', async () => {
    const padded = await meanPassRate(PADDED_PROMPT);
    const strong = await meanPassRate(STRONG_PROMPT);
    console.info(
      `sim:schemaorg mean pass rate (simulated model) — padded ${padded.toFixed(3)}, concise ${strong.toFixed(3)}`,
    );
    expect(strong - padded).toBeGreaterThanOrEqual(0.1);
  });

  it('keeps a floor of failures no prompt removes', async () => {
    const texts = await answers(STRONG_PROMPT);
    const perfect = texts.filter((text, index) => {
      const item = items[index];
      return item !== undefined && CHECKS.every((check) => checkAnswer(text, item)[check]);
    });
    expect(perfect.length).toBeLessThan(items.length * 0.97);
  });
});
