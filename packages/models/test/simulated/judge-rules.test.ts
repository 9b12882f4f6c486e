// sim:judge errs at a configurable rate, can be forced into the failure modes tests plant, and answers any schema.
import { generateObject, generateText, jsonSchema, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { resolveModel } from '../../src/resolve-model.js';
import {
  createSimulatedModel,
  JUDGE_RULE_NAMES,
  type SimulatedOptions,
  simulateJudge,
} from '../../src/simulated/index.js';
import { answersOf, judge, judgePrompt } from './judge-helpers.js';

const CRITERIA = Object.fromEntries(
  Array.from({ length: 400 }, (_, index) => [`json${index}`, `Is the output valid JSON (check ${index})?`]),
);
const PROMPT = judgePrompt(CRITERIA, '{"ok": true}');

/** The share of "no" answers to 400 questions whose right answer is "yes": the share the judge got wrong. */
const wrongShare = (options: SimulatedOptions, seed = 0) => {
  const run = simulateJudge({ messages: [{ role: 'user', text: PROMPT }], seed, responseFormat: undefined, options });
  const answers = Object.values(answersOf(run));
  return answers.filter((answer) => answer === 'no').length / answers.length;
};

describe('sim:judge error rate', () => {
  it('flips about 10% of answers by default, by a seeded hash', () => {
    for (const seed of [0, 1, 2]) {
      expect(wrongShare({}, seed)).toBeGreaterThan(0.05);
      expect(wrongShare({}, seed)).toBeLessThan(0.15);
    }
    expect(wrongShare({}, 0)).toBe(wrongShare({}, 0));
  });

  it('follows options.noise: none at 0, about 30% at 0.3', () => {
    expect(wrongShare({ noise: 0 })).toBe(0);
    expect(wrongShare({ noise: 0.3 })).toBeGreaterThan(0.22);
    expect(wrongShare({ noise: 0.3 })).toBeLessThan(0.38);
  });
});

describe('sim:judge failure modes', () => {
  const prompt = judgePrompt(
    { a: 'Is the output valid JSON?', b: 'Does the output mention "x"?', c: 'Is it polite?' },
    'Rude x',
  );

  it('flipAnswers: forced on, every answer is flipped; forced off, none is', () => {
    expect(answersOf(judge(prompt, { rules: { flipAnswers: true } }))).toEqual({ a: 'yes', b: 'no', c: 'yes' });
    expect(answersOf(judge(prompt, { noise: 1, rules: { flipAnswers: false } }))).toEqual({
      a: 'no',
      b: 'yes',
      c: 'no',
    });
  });

  it('alwaysYes: every answer is yes', () => {
    expect(answersOf(judge(prompt, { rules: { alwaysYes: true } }))).toEqual({ a: 'yes', b: 'yes', c: 'yes' });
  });

  it('missingAnswer: one criterion gets no answer', () => {
    const run = judge(prompt, { rules: { missingAnswer: true } });
    expect(Object.keys(answersOf(run))).toHaveLength(2);
    expect(run.fired).toEqual(['missingAnswer']);
  });

  it('unparseableOutput: the reply is not JSON', () => {
    const run = judge(prompt, { rules: { unparseableOutput: true } });
    expect(() => JSON.parse(run.text)).toThrow();
    expect(run.text).toMatch(/^Here is my assessment: \{/);
  });

  it('fires nothing when left alone with noise off', () => {
    expect(judge(prompt).fired).toEqual([]);
    expect(JUDGE_RULE_NAMES).toEqual(['flipAnswers', 'alwaysYes', 'missingAnswer', 'unparseableOutput']);
  });
});

describe('sim:judge through the AI SDK', () => {
  const prompt = judgePrompt(
    { json: 'Is the output valid JSON?', polite: 'Is the output polite?' },
    '{"thanks": true}',
  );

  it('is reachable as resolveModel("sim:judge") and resolveModel("sim:ifeval")', () => {
    expect(resolveModel('sim:judge').modelId).toBe('sim:judge');
    expect(resolveModel('sim:ifeval').modelId).toBe('sim:ifeval');
  });

  it('generates and streams the same bytes, labelled as simulated', async () => {
    const model = createSimulatedModel('judge');
    const generated = await generateText({ model, prompt, seed: 3 });
    expect(await streamText({ model, prompt, seed: 3 }).text).toBe(generated.text);
    expect((await generateText({ model: createSimulatedModel('sim:judge'), prompt, seed: 3 })).text).toBe(
      generated.text,
    );
    expect(generated.providerMetadata).toEqual({ kaizenSim: { simulated: true, task: 'judge', seed: 3 } });
  });

  it('answers in the shape of a requested JSON schema', async () => {
    const schema = jsonSchema<{ verdicts: { criterion: string; pass: boolean; reason: string }[] }>({
      type: 'object',
      properties: {
        verdicts: {
          type: 'array',
          items: {
            type: 'object',
            properties: { criterion: { type: 'string' }, pass: { type: 'boolean' }, reason: { type: 'string' } },
            required: ['criterion', 'pass', 'reason'],
          },
        },
      },
      required: ['verdicts'],
    });
    const { object } = await generateObject({ model: createSimulatedModel('judge', { noise: 0 }), schema, prompt });
    expect(object.verdicts.map((verdict) => [verdict.criterion, verdict.pass])).toEqual([
      ['json', true],
      ['polite', true],
    ]);
    expect(object.verdicts[0]?.reason).toBe('The output parses as valid JSON.');
  });
});
