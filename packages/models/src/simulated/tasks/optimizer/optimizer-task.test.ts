// sim:optimizer end to end: through createSimulatedModel and the AI SDK, deterministic, answers the loop can parse.
import { buildOptimizerMessages, parseReflectionAnswer } from '@kaizen/core';
import { generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { createSimulatedModel } from '../../create-simulated-model.js';
import { NOT_A_REQUEST } from './optimizer-task.js';
import { reflectRequest, rewriteRequest, runOptimizer, SYSTEM } from './test-requests.js';

const JSON_CRITERION = {
  id: 'json',
  description: 'Answers with JSON only: no prose, no markdown fences',
  kind: 'json_valid',
};

describe('sim:optimizer through the AI SDK', () => {
  it('answers a reflect request with an edit parseReflectionAnswer accepts, labelled simulated in metadata only', async () => {
    const request = reflectRequest(JSON_CRITERION);
    const model = createSimulatedModel('sim:optimizer', {
      optimizer: { noopRate: 0, overgeneralRate: 0, paraphraseRate: 0 },
    });
    const result = await generateText({ model, messages: buildOptimizerMessages(request), seed: 0 });
    expect(result.providerMetadata).toEqual({ kaizenSim: { simulated: true, task: 'optimizer', seed: 0 } });
    expect(result.response.modelId).toBe('sim:optimizer');
    const answer = parseReflectionAnswer(result.text, request.editableParts);
    expect(answer).toEqual({
      part: 'system',
      text: `${SYSTEM}\nAnswer with JSON only: no prose, no markdown fences.`,
      rationale: expect.stringContaining('"json"'),
    });
    expect(answer?.text).not.toMatch(/simulat/i);
    expect(result.text).toBe(JSON.stringify(JSON.parse(result.text))); // one compact JSON object
  });

  it('answers a rewrite request with a system prompt, streamed and generated alike', async () => {
    const request = rewriteRequest();
    const model = createSimulatedModel('optimizer');
    const generated = await generateText({ model, messages: buildOptimizerMessages(request), seed: 3 });
    const streamed = streamText({ model, messages: buildOptimizerMessages(request), seed: 3 });
    expect(await streamed.text).toBe(generated.text);
    expect(parseReflectionAnswer(generated.text, ['system'])?.part).toBe('system');
  });

  it('says what it needs when the call holds no optimization request', async () => {
    const result = await generateText({
      model: createSimulatedModel('optimizer'),
      prompt: 'Please improve my prompt.',
    });
    expect(result.text).toBe(NOT_A_REQUEST);
    expect(parseReflectionAnswer(result.text, ['system'])).toBeNull();
    const broken = runOptimizer({ ...rewriteRequest(), task: 'translate' } as unknown as ReturnType<
      typeof rewriteRequest
    >);
    expect(broken.text).toBe(NOT_A_REQUEST);
  });
});

describe('sim:optimizer determinism', () => {
  it('gives the same bytes for the same request and seed, with default (imperfect) settings', () => {
    for (const request of [reflectRequest(JSON_CRITERION), rewriteRequest()]) {
      for (const seed of [0, 1, 2, 7]) {
        expect(runOptimizer(request, {}, seed).text).toBe(runOptimizer(request, {}, seed).text);
      }
    }
  });

  it('is the same through the model: doGenerate twice, byte for byte', async () => {
    const model = createSimulatedModel('optimizer');
    const call = { prompt: buildOptimizerMessages(rewriteRequest()).map(toV3), seed: 5 };
    const first = await model.doGenerate(call);
    const second = await model.doGenerate(call);
    expect(second.content).toEqual(first.content);
  });

  it('depends on the seed: a blind search over seeds finds different prompts', () => {
    const texts = new Set([0, 1, 2, 3, 4, 5].map((seed) => runOptimizer(rewriteRequest(), {}, seed).text));
    expect(texts.size).toBeGreaterThan(2);
  });
});

function toV3(message: { role: 'system' | 'user' | 'assistant'; content: string }) {
  return message.role === 'system'
    ? { role: 'system' as const, content: message.content }
    : { role: message.role, content: [{ type: 'text' as const, text: message.content }] };
}
