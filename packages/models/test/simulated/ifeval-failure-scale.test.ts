// `failureScale`: sim:ifeval as a weaker model (base failure rates × scale, capped at 0.95), reminders still helping.
import { describe, expect, it } from 'vitest';
import { scaledFailureRate } from '../../src/simulated/tasks/ifeval/decide-compliance.js';
import { REMINDER_SYSTEM } from './ifeval-prompts.js';
import { type FixtureRun, runFixture } from './ifeval-run.js';

const WEAK = { failureScale: 2.5 } as const;

const runs = new Map<string, FixtureRun>();
const run = (system: string | undefined, scale: number) => {
  const key = `${scale}\u0000${system ?? ''}`;
  const cached = runs.get(key) ?? runFixture(system, { failureScale: scale });
  runs.set(key, cached);
  return cached;
};

describe('sim:ifeval failureScale', () => {
  it('multiplies the base failure rate and caps it at 0.95', () => {
    expect(scaledFailureRate('punctuation:no_comma', 1)).toBeCloseTo(22 / 66);
    expect(scaledFailureRate('punctuation:no_comma', 2.5)).toBeCloseTo(2.5 * (22 / 66));
    expect(scaledFailureRate('punctuation:no_comma', 10)).toBe(0.95);
    expect(scaledFailureRate('punctuation:no_comma', 0)).toBe(0);
    expect(scaledFailureRate('punctuation:no_comma', Number.NaN)).toBeCloseTo(22 / 66);
  });

  it('is the default at 1: byte-identical answers', () => {
    const items = run(undefined, 1).texts.slice(0, 100);
    const unset = runFixture(undefined, {}, 0).texts.slice(0, 100);
    expect(unset).toEqual(items);
  });

  it('at 2.5 drops compliance over the fixture well below the default (by 15 points or more)', () => {
    const base = run(undefined, 1).passRate;
    const weak = run(undefined, WEAK.failureScale).passRate;
    expect(weak).toBeLessThanOrEqual(base - 0.15);
    expect(weak).toBeGreaterThan(0.4); // weaker, not broken: most types still pass more often than not
  });

  it('at 2.5 a reminder system prompt still raises compliance, and only turns failures into successes', () => {
    const plain = run(undefined, WEAK.failureScale);
    const reminded = run(REMINDER_SYSTEM, WEAK.failureScale);
    expect(reminded.passRate).toBeGreaterThanOrEqual(plain.passRate + 0.1);
    plain.outcomes.forEach((outcome, index) => {
      if (outcome.decision?.comply === true && outcome.decision.reason === 'draw') {
        expect(reminded.outcomes[index]?.decision?.comply).toBe(true);
      }
    });
  });

  it('reports the scaled rate in each decision', () => {
    const decision = run(undefined, WEAK.failureScale).outcomes.find(
      (outcome) => outcome.id === 'punctuation:no_comma' && outcome.decision?.reason === 'draw',
    )?.decision;
    expect(decision?.failureRate).toBeCloseTo(2.5 * (22 / 66));
  });
});
