import { describe, expect, it } from 'vitest';
import type { Checklist, Criterion } from './checklist.js';
import { compileChecklist } from './compile-checklist.js';

const custom = (id: string, weight: number, verdict: () => boolean, extra: Partial<Criterion> = {}): Criterion => ({
  id,
  description: id,
  weight,
  check: { kind: 'custom', fn: verdict },
  ...extra,
});
const pass = () => true;
const fail = () => false;
const boom = (): boolean => {
  throw new Error('boom');
};

function run(checklist: Checklist, output = '') {
  const result = compileChecklist(checklist).evaluateSync?.({ output });
  if (result === undefined) throw new Error('expected a synchronous checklist');
  return result;
}

describe('weighted score and verdict', () => {
  it('weighs passed against passed + failed', () => {
    const result = run({
      name: 's',
      passThreshold: 0.7,
      criteria: [custom('a', 3, pass), custom('b', 1, fail)],
    });
    expect(result.score).toBe(0.75);
    expect(result.passed).toBe(true);
    expect(result.label).toBe('pass');
    expect(result.errors).toBe(0);
    expect(run({ name: 's', passThreshold: 0.8, criteria: [custom('a', 3, pass), custom('b', 1, fail)] }).label).toBe(
      'fail',
    );
  });

  it('passes exactly at the threshold', () => {
    const result = run({
      name: 's',
      passThreshold: 2 / 3,
      criteria: [custom('a', 1, pass), custom('b', 1, pass), custom('c', 1, fail)],
    });
    expect(result.passed).toBe(true);
  });

  it('leaves errored and skipped criteria out of the denominator; an error blocks passing', () => {
    const result = run({
      name: 's',
      passThreshold: 0.5,
      criteria: [
        custom('a', 1, pass),
        custom('b', 5, boom),
        { id: 'c', description: '', weight: 5, check: { kind: 'max_latency_ms', max: 10 } },
      ],
    });
    expect(result.results.map((entry) => entry.status)).toEqual(['passed', 'errored', 'skipped']);
    expect(result.score).toBe(1);
    expect(result.errors).toBe(1);
    expect(result.passed).toBe(false);
    expect(result.label).toBe('error');
    expect(result.results[1]).toEqual({ criterionId: 'b', status: 'errored', rationale: null, reason: 'boom' });
  });

  it('has no score when nothing was scored', () => {
    const result = run({
      name: 's',
      passThreshold: 0,
      criteria: [{ id: 'l', description: '', weight: 1, check: { kind: 'max_cost_usd', max: 1 } }],
    });
    expect(result).toMatchObject({ score: null, passed: false, label: 'skipped', errors: 0 });
  });
});

describe('label rules', () => {
  const checklist = (first: () => boolean, second: () => boolean): Checklist => ({
    name: 'l',
    passThreshold: 0.5,
    criteria: [custom('json', 1, first), custom('tone', 1, second)],
    labels: [
      { label: 'broken', when: { criterion: 'json', status: 'failed' } },
      { label: 'excellent', when: { score: { atLeast: 1 } } },
      { label: 'borderline', when: { all: [{ passed: true }, { score: { below: 1 } }] } },
      { label: 'never', when: { not: { any: [{ passed: true }, { passed: false }] } } },
    ],
  });

  it('takes the first matching rule, else pass/fail', () => {
    expect(run(checklist(fail, pass)).label).toBe('broken');
    expect(run(checklist(pass, pass)).label).toBe('excellent');
    expect(run(checklist(pass, fail)).label).toBe('borderline');
    const noMatch: Checklist = { ...checklist(pass, fail), labels: [{ label: 'x', when: { score: { below: 0.1 } } }] };
    expect(run(noMatch).label).toBe('pass');
  });

  it('does not label items with errors by rule', () => {
    expect(run(checklist(boom, pass)).label).toBe('error');
  });
});

describe('appliesWhen', () => {
  it('skips a criterion whose condition on the subject does not hold', () => {
    const checklist: Checklist = {
      name: 'a',
      passThreshold: 1,
      criteria: [
        custom('pro-only', 1, fail, { appliesWhen: { path: '$.metadata.tier', equals: 'pro' } }),
        custom('listed', 1, pass, { appliesWhen: { path: '$.metadata.tier', in: ['free', 'pro'] } }),
        custom('has-input', 1, pass, { appliesWhen: { path: '$.input', exists: true } }),
        custom('fn', 1, pass, { appliesWhen: (subject) => subject.output.length > 3 }),
      ],
    };
    const compiled = compileChecklist(checklist);
    const free = compiled.evaluateSync?.({ output: 'hi', metadata: { tier: 'free' } });
    expect(free?.results.map((entry) => entry.status)).toEqual(['skipped', 'passed', 'skipped', 'skipped']);
    expect(free?.results[0]?.reason).toBe('appliesWhen does not hold for this item');
    const pro = compiled.evaluateSync?.({ output: 'hello', input: 'q', metadata: { tier: 'pro' } });
    expect(pro?.results.map((entry) => entry.status)).toEqual(['failed', 'passed', 'passed', 'passed']);
  });

  it('follows an earlier criterion and errors when the condition throws', () => {
    const compiled = compileChecklist({
      name: 'a',
      passThreshold: 1,
      criteria: [
        { id: 'json', description: '', weight: 1, check: { kind: 'json_valid' } },
        {
          id: 'field',
          description: '',
          weight: 1,
          check: { kind: 'field_matches', path: '$.a', pattern: 'x' },
          appliesWhen: { criterion: 'json', status: 'passed' },
        },
        custom('thrower', 1, pass, {
          appliesWhen: () => {
            throw new Error('bad');
          },
        }),
      ],
    });
    const broken = compiled.evaluateSync?.({ output: 'not json' });
    expect(broken?.results.map((entry) => entry.status)).toEqual(['failed', 'skipped', 'errored']);
    expect(broken?.results[2]?.reason).toBe('appliesWhen threw: bad');
    expect(compiled.evaluateSync?.({ output: '{"a":"x"}' })?.results[1]?.status).toBe('passed');
  });
});
