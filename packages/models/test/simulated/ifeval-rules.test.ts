// Every ifeval rule can be forced on (a planted failure of one instruction class) or off, whatever the prompt says.
import { describe, expect, it } from 'vitest';
import { IFEVAL_RULE_NAMES, simulateIfeval } from '../../src/simulated/index.js';
import { OVERLOADED_SYSTEM } from './ifeval-prompts.js';
import { ITEMS, runFixture } from './ifeval-run.js';

const CLASS_OF_RULE: Readonly<Record<string, string>> = {
  missKeywords: 'keywords',
  missLanguage: 'language',
  missLength: 'length_constraints',
  missContent: 'detectable_content',
  missFormat: 'detectable_format',
  missCombination: 'combination',
  missStartEnd: 'startend',
  missCase: 'change_case',
  missPunctuation: 'punctuation',
};
const MISS_RULES = IFEVAL_RULE_NAMES.filter((name) => name !== 'forgetWhenLong');
const share = (values: readonly boolean[]) => values.filter(Boolean).length / values.length;

describe('ifeval rule switches', () => {
  it.each(MISS_RULES)('%s: forced on, its class fails the checker; forced off, it passes', (rule) => {
    const prefix = `${CLASS_OF_RULE[rule]}:`;
    const items = ITEMS.filter((item) => item.instruction_id_list.some((id) => id.startsWith(prefix)));
    const inClass = (run: ReturnType<typeof runFixture>) =>
      run.outcomes.filter((outcome) => outcome.id.startsWith(prefix) && outcome.decision !== undefined);
    const forcedOn = inClass(runFixture(undefined, { rules: { [rule]: true } }, 0, items));
    // Some instructions cannot be missed: "at least 1 sentence", both ends of "5 to 10", a title inside the request
    // the answer repeats. Those are followed, and say why; everything else is written to fail.
    const missed = forcedOn.filter((outcome) => outcome.decision?.comply === false);
    expect(
      forcedOn
        .filter((outcome) => outcome.decision?.comply === true)
        .every((outcome) => ['cannot-fail', 'conflict'].includes(outcome.decision?.reason ?? '')),
    ).toBe(true);
    expect(missed.length).toBeGreaterThanOrEqual(forcedOn.length * 0.85);
    expect(share(missed.map((outcome) => !outcome.passed))).toBeGreaterThanOrEqual(0.95);
    const forcedOff = inClass(runFixture(undefined, { rules: { [rule]: false } }, 0, items));
    const complied = forcedOff.filter((outcome) => outcome.decision?.comply === true);
    expect(complied.length).toBeGreaterThanOrEqual(forcedOff.length * 0.95); // the rest conflict with a repeated request
    expect(share(complied.map((outcome) => outcome.passed))).toBeGreaterThanOrEqual(0.97);
  });

  it('forgetWhenLong: forced on, every instruction is forgotten; forced off, a long prompt forgets nothing', () => {
    const items = ITEMS.slice(0, 60);
    const forgotten = runFixture(undefined, { rules: { forgetWhenLong: true } }, 0, items).outcomes;
    expect(forgotten.every((outcome) => outcome.decision === undefined || outcome.decision.reason !== 'draw')).toBe(
      true,
    );
    const kept = runFixture(OVERLOADED_SYSTEM, { rules: { forgetWhenLong: false } }, 0, items).outcomes;
    expect(kept.some((outcome) => outcome.decision?.reason === 'forgotten')).toBe(false);
  });

  it('reports the rules that fired, and nothing when every instruction is followed', () => {
    const prompt =
      'Write a haiku about rain. Do not use any commas. Wrap your entire response with double quotation marks.';
    const run = (options: Parameters<typeof simulateIfeval>[0]['options']) =>
      simulateIfeval({ messages: [{ role: 'user', text: prompt }], seed: 0, responseFormat: undefined, options });
    expect(run({ rules: { missPunctuation: true, missStartEnd: false } }).fired).toEqual(['missPunctuation']);
    expect(run({ rules: { missPunctuation: false, missStartEnd: false } }).fired).toEqual([]);
    const followed = run({ rules: { missPunctuation: false, missStartEnd: false } }).text;
    expect(followed).not.toContain(',');
    expect(followed).toMatch(/^".*"$/s);
  });
});
