import { describe, expect, it } from 'vitest';
import type { ModelPort, ModelPortRequest } from '../../ports/model-port.js';
import type { Checklist } from '../checklist.js';
import { compileChecklist } from '../compile-checklist.js';

/** A judge that records its requests and answers from a script. */
function scriptedJudge(answer: (request: ModelPortRequest) => string | Error) {
  const requests: ModelPortRequest[] = [];
  const port: ModelPort = {
    async generate(request) {
      requests.push(request);
      const text = answer(request);
      if (text instanceof Error) throw text;
      return { text, usage: { inputTokens: 120, outputTokens: 30 } };
    },
  };
  return { port, requests };
}

const checklist: Checklist = {
  name: 'support',
  description: 'Answers support questions',
  passThreshold: 0.5,
  criteria: [
    { id: 'nonempty', description: 'Has an answer', weight: 1, check: { kind: 'final_answer_present' } },
    { id: 'polite', description: 'Polite', weight: 1, check: { kind: 'llm_judge', question: 'Is the answer polite?' } },
    { id: 'cites', description: 'Cites', weight: 2, check: { kind: 'llm_judge', question: 'Does it cite a source?' } },
  ],
};

const answers = (polite: string, cites: string) =>
  JSON.stringify({
    answers: [
      { id: 'polite', answer: polite, rationale: 'Says please.' },
      { id: 'cites', answer: cites, rationale: 'Links the docs.' },
    ],
  });

describe('llm_judge criteria', () => {
  it('asks all judged criteria in one call per item, at temperature 0 with a response schema', async () => {
    const judge = scriptedJudge(() => answers('yes', 'no'));
    const compiled = compileChecklist(checklist, { judge: judge.port, judgeSeed: 7 });
    expect(compiled.evaluateSync).toBeUndefined();
    const result = await compiled.evaluate({ output: 'Please see the docs.' });
    expect(judge.requests).toHaveLength(1);
    const request = judge.requests[0];
    expect(request?.temperature).toBe(0);
    expect(request?.seed).toBe(7);
    expect(request?.responseSchema).toBeDefined();
    expect(request?.messages[1]?.content).toMatch(/1\. id "polite": Is the answer polite\?\n2\. id "cites"/);
    expect(result.results).toEqual([
      { criterionId: 'nonempty', status: 'passed', rationale: null },
      { criterionId: 'polite', status: 'passed', rationale: 'Says please.' },
      { criterionId: 'cites', status: 'failed', rationale: 'Links the docs.' },
    ]);
    expect(result.score).toBeCloseTo(2 / 4, 12);
    expect(result.judgeUsage).toEqual({ inputTokens: 120, outputTokens: 30 });
    await compiled.evaluate({ output: 'Second item' });
    expect(judge.requests).toHaveLength(2);
  });

  it('marks every judged criterion errored on unparseable output, never passed or failed', async () => {
    for (const text of ['I think yes.', `Sure! ${answers('yes', 'yes')}`, answers('yes', 'perhaps'), '{"answers":[']) {
      const compiled = compileChecklist(checklist, { judge: scriptedJudge(() => text).port });
      const result = await compiled.evaluate({ output: 'Hi' });
      expect(
        result.results.map((entry) => entry.status),
        text,
      ).toEqual(['passed', 'errored', 'errored']);
      expect(result.errors).toBe(2);
      expect(result.passed).toBe(false);
      expect(result.label).toBe('error');
      expect(result.score).toBe(1);
    }
  });

  it('marks a missing answer as errored for the whole item', async () => {
    const partial = JSON.stringify({ answers: [{ id: 'polite', answer: 'yes', rationale: 'ok' }] });
    const result = await compileChecklist(checklist, { judge: scriptedJudge(() => partial).port }).evaluate({
      output: 'Hi',
    });
    expect(result.results[1]).toMatchObject({ status: 'errored', reason: 'judge reply has no answer for "cites"' });
    expect(result.results[2]?.status).toBe('errored');
  });

  it('records a judge timeout or failure as errored with the reason', async () => {
    const judge = scriptedJudge(() => new Error('timed out after 30000 ms'));
    const result = await compileChecklist(checklist, { judge: judge.port }).evaluate({ output: 'Hi' });
    expect(result.results[1]).toMatchObject({
      status: 'errored',
      rationale: null,
      reason: 'judge call failed: timed out after 30000 ms',
    });
    expect(result.judgeUsage).toBeNull();
  });

  it('asks only applicable criteria, and makes no call when none applies', async () => {
    const gated: Checklist = {
      ...checklist,
      criteria: checklist.criteria.map((criterion) =>
        criterion.id === 'cites'
          ? { ...criterion, appliesWhen: { criterion: 'nonempty', status: 'passed' } }
          : criterion,
      ),
    };
    const judge = scriptedJudge(() =>
      JSON.stringify({ answers: [{ id: 'polite', answer: 'no', rationale: 'Curt.' }] }),
    );
    const compiled = compileChecklist(gated, { judge: judge.port });
    const result = await compiled.evaluate({ output: '' });
    expect(judge.requests[0]?.messages[1]?.content).not.toMatch(/cites/);
    expect(result.results.map((entry) => entry.status)).toEqual(['failed', 'failed', 'skipped']);

    const onlyGated: Checklist = {
      ...gated,
      criteria: gated.criteria.filter((criterion) => criterion.id !== 'polite'),
    };
    const silent = scriptedJudge(() => 'unused');
    await compileChecklist(onlyGated, { judge: silent.port }).evaluate({ output: '' });
    expect(silent.requests).toHaveLength(0);
  });

  it('refuses llm_judge without a judge port', () => {
    expect(() => compileChecklist(checklist)).toThrow(/criterion "polite": llm_judge needs a judge model port/);
  });
});
