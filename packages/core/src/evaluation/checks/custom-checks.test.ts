import { describe, expect, it } from 'vitest';
import { compileChecklist } from '../compile-checklist.js';
import type { CustomCheckFunction } from '../custom-check-function.js';
import { evaluateCheck } from '../testing/evaluate-check.js';

const custom = (fn: CustomCheckFunction) => ({ kind: 'custom', fn }) as const;

describe('custom', () => {
  it('takes a boolean or { passed, rationale }, synchronously or not', async () => {
    expect(
      (
        await evaluateCheck(
          custom(() => true),
          { output: '' },
        )
      ).status,
    ).toBe('passed');
    expect(
      await evaluateCheck(
        custom(() => false),
        { output: '' },
      ),
    ).toMatchObject({
      status: 'failed',
      rationale: 'custom check returned false',
    });
    const short = custom((subject) => ({ passed: subject.output.length < 5, rationale: 'under 5 characters' }));
    expect(await evaluateCheck(short, { output: 'abc' })).toMatchObject({
      status: 'passed',
      rationale: 'under 5 characters',
    });
    expect(await evaluateCheck(short, { output: 'abcdef' })).toMatchObject({ status: 'failed' });
    const later = custom(async (subject) => subject.output === 'ok');
    expect((await evaluateCheck(later, { output: 'ok' })).status).toBe('passed');
  });

  it('records throws, rejections and wrong answers as errored, not failed', async () => {
    const throws = custom(() => {
      throw new Error('boom');
    });
    expect(await evaluateCheck(throws, { output: '' })).toMatchObject({ status: 'errored', reason: 'boom' });
    const rejects = custom(async () => {
      throw new Error('later boom');
    });
    expect(await evaluateCheck(rejects, { output: '' })).toMatchObject({ status: 'errored', reason: 'later boom' });
    const wrong = custom(() => 'yes' as never);
    expect(await evaluateCheck(wrong, { output: '' })).toMatchObject({ status: 'errored' });
  });

  it('evaluateSync errors a custom check that answers with a promise', () => {
    const compiled = compileChecklist({
      name: 'x',
      passThreshold: 1,
      criteria: [{ id: 'async', description: '', weight: 1, check: custom(async () => true) }],
    });
    const result = compiled.evaluateSync?.({ output: '' });
    expect(result?.results[0]?.status).toBe('errored');
    expect(result?.results[0]?.reason).toMatch(/use evaluate\(\)/);
  });
});
