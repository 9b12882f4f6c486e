import { describe, expect, it } from 'vitest';
import { KaizenError } from '../errors/kaizen-error.js';
import type { Checklist, Criterion } from './checklist.js';
import { CHECK_KINDS } from './checks/registry.js';
import { compileChecklist } from './compile-checklist.js';

const criterion = (id: string, extra: Partial<Criterion> = {}): Criterion => ({
  id,
  description: id,
  weight: 1,
  check: { kind: 'json_valid' },
  ...extra,
});
const base: Checklist = { name: 'c', passThreshold: 0.5, criteria: [criterion('a')] };

function compileError(checklist: unknown): KaizenError {
  try {
    compileChecklist(checklist as Checklist);
  } catch (error) {
    if (KaizenError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('compiled without error');
}

describe('compileChecklist validation', () => {
  it('accepts a valid checklist and offers evaluateSync without judged criteria', () => {
    const compiled = compileChecklist(base);
    expect(compiled.checklist).toBe(base);
    expect(compiled.evaluateSync?.({ output: '{}' }).passed).toBe(true);
  });

  it('requires an explicit pass threshold in [0, 1]', () => {
    const { passThreshold: _omitted, ...withoutThreshold } = base;
    expect(compileError(withoutThreshold).message).toBe(
      'checklist "c": passThreshold is required and must be a number in [0, 1], got undefined',
    );
    expect(compileError({ ...base, passThreshold: 1.5 }).code).toBe('invalid_input');
    expect(compileError({ ...base, passThreshold: Number.NaN }).code).toBe('invalid_input');
  });

  it('names the criterion in every error', () => {
    const cases: [unknown, RegExp][] = [
      [{ ...base, criteria: [criterion('a'), criterion('a')] }, /criterion "a": duplicate criterion id/],
      [{ ...base, criteria: [criterion('w', { weight: 0 })] }, /criterion "w": weight must be a finite number > 0/],
      [{ ...base, criteria: [criterion('w', { weight: -1 })] }, /criterion "w": weight/],
      [
        { ...base, criteria: [criterion('k', { check: { kind: 'nope' } as never })] },
        /criterion "k": unknown check kind "nope"/,
      ],
      [
        { ...base, criteria: [criterion('r', { check: { kind: 'regex', pattern: '(' } })] },
        /criterion "r": invalid regular/,
      ],
      [{ ...base, criteria: [{ ...criterion('x'), id: '' }] }, /criterion 1 needs a non-empty string id/],
      [{ ...base, criteria: [] }, /needs at least one criterion/],
      [{ ...base, name: '' }, /name must be a non-empty string/],
    ];
    for (const [checklist, message] of cases) {
      const error = compileError(checklist);
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(message);
    }
  });

  it('validates appliesWhen references: earlier, non-judged criteria only', () => {
    const later = {
      ...base,
      criteria: [criterion('a', { appliesWhen: { criterion: 'b', status: 'passed' } }), criterion('b')],
    };
    expect(compileError(later).message).toMatch(/criterion "a": appliesWhen names "b", which is not an earlier/);
    const bad = { ...base, criteria: [criterion('a', { appliesWhen: { path: '$[*]', equals: 1 } })] };
    expect(compileError(bad).message).toMatch(/criterion "a": appliesWhen: JSON path/);
  });

  it('validates label rules', () => {
    const unknown = { ...base, labels: [{ label: 'x', when: { criterion: 'zz', status: 'failed' } }] };
    expect(compileError(unknown).message).toMatch(/labels: label "x": unknown criterion "zz"/);
    const range = { ...base, labels: [{ label: 'x', when: { score: { atLeast: 2 } } }] };
    expect(compileError(range).message).toMatch(/score needs atLeast and\/or below/);
    expect(compileError({ ...base, labels: [{ label: '', when: { passed: true } }] }).message).toMatch(
      /non-empty label/,
    );
  });

  it('has a factory for every kind', () => {
    expect(CHECK_KINDS).toHaveLength(24);
    expect(new Set(CHECK_KINDS).size).toBe(CHECK_KINDS.length);
  });
});
