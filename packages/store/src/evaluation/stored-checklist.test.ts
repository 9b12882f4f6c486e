// Unit tests: checklists to their stored JSON form and back, with custom checks resolved by name.
import { type Checklist, compileChecklist, KaizenError } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { fromStoredChecklist, judgedCriterionIds, toStoredChecklist } from './stored-checklist.js';

const short = (subject: { output: string }) => subject.output.length < 10;

const checklist: Checklist = {
  name: 'support',
  description: 'Support answers',
  passThreshold: 0.5,
  criteria: [
    { id: 'json', description: 'JSON', weight: 2, check: { kind: 'json_valid', mode: 'extract' } },
    {
      id: 'short',
      description: 'Short',
      weight: 1,
      check: { kind: 'custom', fn: short },
      appliesWhen: { all: [{ criterion: 'json', status: 'passed' }, { not: { path: '$.metadata.x', exists: true } }] },
    },
    { id: 'polite', description: 'Polite', weight: 1, check: { kind: 'llm_judge', question: 'Polite?' } },
  ],
  labels: [{ label: 'broken', when: { criterion: 'json', status: 'failed' } }],
};

describe('toStoredChecklist / fromStoredChecklist', () => {
  it('stores custom checks as references by criterion id and survives JSON', () => {
    const stored = JSON.parse(JSON.stringify(toStoredChecklist(checklist)));
    expect(stored.criteria[1]).toEqual({
      id: 'short',
      description: 'Short',
      weight: 1,
      check: { kind: 'custom', name: 'short' },
      appliesWhen: checklist.criteria[1]?.appliesWhen,
    });
    expect(stored.labels).toEqual(checklist.labels);
    expect(judgedCriterionIds(stored)).toEqual(['polite']);

    const restored = fromStoredChecklist(stored, (name) => (name === 'short' ? short : undefined));
    expect(restored.criteria[1]?.check).toEqual({ kind: 'custom', fn: short });
    expect(restored.criteria[0]).toEqual(checklist.criteria[0]);
  });

  it('turns a custom check without implementation into an error of that criterion, not a failure', () => {
    const stored = toStoredChecklist({ ...checklist, criteria: checklist.criteria.slice(0, 2) });
    const restored = fromStoredChecklist(
      stored,
      () => undefined,
      (name) => `no code for ${name}`,
    );
    const result = compileChecklist(restored).evaluateSync?.({ output: '{}' });
    expect(result?.results[1]).toMatchObject({ criterionId: 'short', status: 'errored', reason: 'no code for short' });
    expect(result?.label).toBe('error');
  });

  it('refuses an appliesWhen function, which cannot be stored', () => {
    const withFunction: Checklist = {
      ...checklist,
      criteria: [{ ...(checklist.criteria[0] as Checklist['criteria'][number]), appliesWhen: () => true }],
    };
    expect(() => toStoredChecklist(withFunction)).toThrow(KaizenError);
    expect(() => toStoredChecklist(withFunction)).toThrow(/criterion "json": an appliesWhen function/);
  });
});
