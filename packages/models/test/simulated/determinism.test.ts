// Same messages, parameters and seed give the same bytes: across runs, model instances and generate vs stream.
import { generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { createSimulatedModel } from '../../src/simulated/index.js';
import { loadSchemaorgItems } from './load-schemaorg-items.js';

const items = loadSchemaorgItems();
const sample = items.filter((_item, index) => index % 9 === 0);
const VAGUE = 'Give me the JSON-LD for this page.';
const PROMPTS = [VAGUE, 'Return raw JSON only with @context and the most specific type. Be thorough.'];

async function generated(system: string, html: string, seed: number): Promise<string> {
  return (await generateText({ model: createSimulatedModel('schemaorg'), system, prompt: html, seed })).text;
}

describe('determinism', () => {
  it.each(PROMPTS)('gives byte-identical answers across runs and model instances (%j)', async (system) => {
    for (const item of sample) {
      const first = await generated(system, item.html, 7);
      expect(await generated(system, item.html, 7)).toBe(first);
    }
  });

  it('streams exactly the text it generates, page after page', async () => {
    const model = createSimulatedModel('schemaorg');
    for (const item of sample) {
      const streamed = await streamText({ model, system: VAGUE, prompt: item.html, seed: 3 }).text;
      expect(streamed).toBe(await generated(VAGUE, item.html, 3));
    }
  });

  it('uses the seed: different seeds give different answers on some pages, seed 0 is the default', async () => {
    const bySeed = await Promise.all(
      [0, 1, 2, 3].map((seed) => Promise.all(sample.map((item) => generated(VAGUE, item.html, seed)))),
    );
    expect(new Set(bySeed.map((answers) => answers.join('\u0000'))).size).toBeGreaterThan(1);
    const item = sample[0];
    if (item === undefined) throw new Error('no sample');
    const unseeded = (
      await generateText({ model: createSimulatedModel('schemaorg'), system: VAGUE, prompt: item.html })
    ).text;
    expect(unseeded).toBe(bySeed[0]?.[0]);
  });
});
