// sim:ifeval over the 541 IFEval prompts, judged by the real checker: "comply" really complies, "fail" really fails,
// the base pass rate sits near GPT-4's, a reminder in the system prompt raises it and an overloaded one lowers it.
import { describe, expect, it } from 'vitest';
import { OVERLOADED_SYSTEM, REMINDER_SYSTEM, WEAK_SYSTEM } from './ifeval-prompts.js';
import { type FixtureRun, runFixture } from './ifeval-run.js';

/** GPT-4's instruction-level strict accuracy on IFEval, as the paper reports it. */
const GPT4_INSTRUCTION_STRICT = 0.836;

const runs = new Map<string, FixtureRun>();
const run = (system: string | undefined) => {
  const key = system ?? '';
  const cached = runs.get(key) ?? runFixture(system);
  runs.set(key, cached);
  return cached;
};

const share = (values: readonly boolean[]) => values.filter(Boolean).length / values.length;

describe('sim:ifeval compliance, judged by checkIfevalInstruction (strict)', () => {
  it('reads the instructions of the prompts: a decision for at least 99% of them', () => {
    const { outcomes } = run(undefined);
    expect(share(outcomes.map((outcome) => outcome.decision !== undefined))).toBeGreaterThanOrEqual(0.99);
  });

  it('writes answers that pass the checker for at least 98% of its "comply" decisions', () => {
    const complied = run(undefined).outcomes.filter((outcome) => outcome.decision?.comply === true);
    expect(complied.length).toBeGreaterThan(600);
    expect(share(complied.map((outcome) => outcome.passed))).toBeGreaterThanOrEqual(0.98);
  });

  it('violates the instruction for at least 97% of its "fail" decisions', () => {
    const failed = run(undefined).outcomes.filter((outcome) => outcome.decision?.comply === false);
    expect(failed.length).toBeGreaterThan(80);
    expect(share(failed.map((outcome) => !outcome.passed))).toBeGreaterThanOrEqual(0.97);
  });

  it('passes about as many instructions as GPT-4 did without a system prompt (within 5 points of 83.6%)', () => {
    const { passRate } = run(undefined);
    expect(Math.abs(passRate - GPT4_INSTRUCTION_STRICT)).toBeLessThanOrEqual(0.05);
  });

  it('answers byte for byte the same under a system prompt that reminds of nothing', () => {
    expect(run(WEAK_SYSTEM).texts).toEqual(run(undefined).texts);
  });

  it('passes at least 5 points more with a system prompt reminding of the constraint classes', () => {
    expect(run(REMINDER_SYSTEM).passRate - run(undefined).passRate).toBeGreaterThanOrEqual(0.05);
  });

  it('keeps "comply" honest under the reminder too (at least 98% pass)', () => {
    const complied = run(REMINDER_SYSTEM).outcomes.filter((outcome) => outcome.decision?.comply === true);
    expect(share(complied.map((outcome) => outcome.passed))).toBeGreaterThanOrEqual(0.98);
  });

  it('passes fewer instructions when the same reminder is buried in a 3,500-token system prompt', () => {
    const overloaded = run(OVERLOADED_SYSTEM);
    expect(overloaded.passRate).toBeLessThan(run(undefined).passRate - 0.05);
    expect(overloaded.outcomes.some((outcome) => outcome.decision?.reason === 'forgotten')).toBe(true);
  });
});
