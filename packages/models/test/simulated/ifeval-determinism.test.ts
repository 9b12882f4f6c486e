// sim:ifeval is deterministic: same messages and seed give the same bytes, from generateText and streamText alike.
import { generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { createSimulatedModel } from '../../src/simulated/index.js';
import { REMINDER_SYSTEM } from './ifeval-prompts.js';
import { ITEMS } from './ifeval-run.js';

const sample = ITEMS.filter((_item, index) => index % 18 === 0);

async function generated(prompt: string, seed: number, system?: string): Promise<string> {
  const model = createSimulatedModel('ifeval');
  return (await generateText({ model, prompt, seed, ...(system === undefined ? {} : { system }) })).text;
}

describe('sim:ifeval determinism', () => {
  it('gives byte-identical answers across runs and model instances, with and without a system prompt', async () => {
    for (const item of sample) {
      expect(await generated(item.prompt, 5)).toBe(await generated(item.prompt, 5));
      expect(await generated(item.prompt, 5, REMINDER_SYSTEM)).toBe(await generated(item.prompt, 5, REMINDER_SYSTEM));
    }
  });

  it('streams exactly the text it generates', async () => {
    const model = createSimulatedModel('sim:ifeval');
    for (const item of sample) {
      const streamed = await streamText({ model, prompt: item.prompt, seed: 2 }).text;
      expect(streamed).toBe(await generated(item.prompt, 2));
    }
  });

  it('uses the seed: other seeds change some answers, and seed 0 is the default', async () => {
    const bySeed = await Promise.all(
      [0, 1].map((seed) => Promise.all(sample.map((item) => generated(item.prompt, seed)))),
    );
    expect(bySeed[0]).not.toEqual(bySeed[1]);
    const first = sample[0];
    if (first === undefined) throw new Error('no sample');
    const unseeded = (await generateText({ model: createSimulatedModel('ifeval'), prompt: first.prompt })).text;
    expect(unseeded).toBe(bySeed[0]?.[0]);
  });

  it('says it is simulated', async () => {
    const result = await generateText({
      model: createSimulatedModel('ifeval'),
      prompt: 'Write a haiku. Do not use commas.',
    });
    expect(result.providerMetadata).toEqual({ kaizenSim: { simulated: true, task: 'ifeval', seed: 0 } });
    expect(result.response.modelId).toBe('sim:ifeval');
  });
});
