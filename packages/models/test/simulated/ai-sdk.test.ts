// The simulated model through the AI SDK: generateText, streamText and generateObject, labelled as simulated.
import { NoSuchModelError } from '@ai-sdk/provider';
import { generateObject, generateText, jsonSchema, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { createSimulatedModel, estimateTokens } from '../../src/simulated/index.js';
import { PRODUCT_PAGE } from './helpers.js';

const SYSTEM = 'Respond with raw JSON only. Use the most specific schema.org type. Include @context.';

describe('createSimulatedModel', () => {
  it('is an AI SDK v3 model that says it is simulated', async () => {
    const model = createSimulatedModel('schemaorg');
    expect(model).toMatchObject({ specificationVersion: 'v3', provider: 'kaizen-sim', modelId: 'sim:schemaorg' });
    const result = await generateText({ model, system: SYSTEM, prompt: PRODUCT_PAGE });
    expect(result.providerMetadata).toEqual({ kaizenSim: { simulated: true, task: 'schemaorg', seed: 0 } });
    expect(result.response.modelId).toBe('sim:schemaorg');
    expect(result.response.headers).toMatchObject({ 'x-kaizen-simulated': 'true' });
    expect(JSON.parse(result.text)).toMatchObject({ '@context': 'https://schema.org', '@type': 'Product' });
  });

  it('accepts the sim: prefix and rejects unknown tasks with NoSuchModelError', () => {
    expect(createSimulatedModel('sim:schemaorg').modelId).toBe('sim:schemaorg');
    expect(() => createSimulatedModel('sim:nope')).toThrow(NoSuchModelError);
  });

  it('reports estimated usage: ceil(chars / 4) plus 3 tokens per message', async () => {
    const result = await generateText({
      model: createSimulatedModel('schemaorg'),
      system: SYSTEM,
      prompt: PRODUCT_PAGE,
    });
    expect(result.usage.inputTokens).toBe(estimateTokens(SYSTEM) + 3 + estimateTokens(PRODUCT_PAGE) + 3);
    expect(result.usage.outputTokens).toBe(estimateTokens(result.text));
  });

  it('cuts the answer at maxOutputTokens and says so', async () => {
    const result = await generateText({
      model: createSimulatedModel('schemaorg'),
      system: SYSTEM,
      prompt: PRODUCT_PAGE,
      maxOutputTokens: 10,
    });
    expect(result.finishReason).toBe('length');
    expect(result.text.length).toBe(40);
  });

  it('streams the same text in several deltas, with usage in the finish part', async () => {
    const model = createSimulatedModel('schemaorg');
    const generated = await generateText({ model, system: SYSTEM, prompt: PRODUCT_PAGE });
    const streamed = streamText({ model, system: SYSTEM, prompt: PRODUCT_PAGE });
    const deltas: string[] = [];
    for await (const delta of streamed.textStream) deltas.push(delta);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(generated.text);
    expect(await streamed.usage).toMatchObject({
      inputTokens: generated.usage.inputTokens,
      outputTokens: generated.usage.outputTokens,
    });
    expect(await streamed.providerMetadata).toEqual(generated.providerMetadata);
  });

  it('answers generateObject in JSON mode with the schema fields it can find', async () => {
    const schema = jsonSchema<{ '@type': string; name: string; sku?: string }>({
      type: 'object',
      properties: { '@type': { type: 'string' }, name: { type: 'string' }, sku: { type: 'string' } },
      required: ['@type', 'name'],
    });
    const { object } = await generateObject({
      model: createSimulatedModel('schemaorg', { noise: 0 }),
      schema,
      prompt: PRODUCT_PAGE,
    });
    expect(object).toEqual({
      '@type': 'Thing',
      name: 'Kenmore White 17" Microwave',
      sku: 'KM-17-W',
      telephone: expect.any(String),
    });
  });
});
