import { describe, expect, it } from 'vitest';
import { compileChecklist } from '../compile-checklist.js';
import { evaluateCheck, statusOf } from '../testing/evaluate-check.js';

describe('json_valid', () => {
  it('strict by default: the whole output must be JSON', async () => {
    expect(await statusOf({ kind: 'json_valid' }, '{"a":1}')).toBe('passed');
    expect(await statusOf({ kind: 'json_valid' }, 'Here: {"a":1}')).toBe('failed');
    expect(await statusOf({ kind: 'json_valid', mode: 'extract' }, 'Here: {"a":1}')).toBe('passed');
  });

  it('fails truncated JSON with the parser message as rationale', async () => {
    const result = await evaluateCheck({ kind: 'json_valid' }, { output: '{"name": "Ada", "age": ' });
    expect(result.status).toBe('failed');
    expect(result.rationale).toMatch(/^output is not valid JSON: /);
  });
});

describe('json_schema', () => {
  const schema = {
    type: 'object',
    required: ['name', 'born'],
    properties: { name: { type: 'string' }, born: { type: 'string', format: 'date' }, tags: { type: 'array' } },
  };

  it('passes valid output and names the violation otherwise', async () => {
    expect(await statusOf({ kind: 'json_schema', schema }, '{"name":"Ada","born":"1815-12-10"}')).toBe('passed');
    const missing = await evaluateCheck({ kind: 'json_schema', schema }, { output: '{"name":"Ada"}' });
    expect(missing).toMatchObject({ status: 'failed', rationale: "$ must have required property 'born'" });
    const wrongType = await evaluateCheck(
      { kind: 'json_schema', schema },
      { output: '{"name":1,"born":"1815-12-10"}' },
    );
    expect(wrongType.rationale).toBe('$.name must be string');
  });

  it('checks formats (ajv-formats)', async () => {
    const result = await evaluateCheck(
      { kind: 'json_schema', schema },
      { output: '{"name":"Ada","born":"1815-13-45"}' },
    );
    expect(result).toMatchObject({ status: 'failed', rationale: '$.born must match format "date"' });
  });

  it('uses draft 2020-12 (prefixItems)', async () => {
    const tuple = { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], items: false };
    expect(await statusOf({ kind: 'json_schema', schema: tuple }, '["a", 1]')).toBe('passed');
    expect(await statusOf({ kind: 'json_schema', schema: tuple }, '["a", "b"]')).toBe('failed');
    expect(await statusOf({ kind: 'json_schema', schema: tuple }, '["a", 1, 2]')).toBe('failed');
  });

  it('fails non-JSON output, and reads prose in extract mode', async () => {
    expect(await statusOf({ kind: 'json_schema', schema }, 'Sure: {"name":"Ada","born":"1815-12-10"}')).toBe('failed');
    const extract = { kind: 'json_schema', schema, mode: 'extract' } as const;
    expect(await statusOf(extract, 'Sure: {"name":"Ada","born":"1815-12-10"} done')).toBe('passed');
  });

  it('refuses an invalid schema when the checklist is compiled', () => {
    expect(() =>
      compileChecklist({
        name: 'x',
        passThreshold: 1,
        criteria: [
          { id: 'shape', description: '', weight: 1, check: { kind: 'json_schema', schema: { type: 'strng' } } },
        ],
      }),
    ).toThrow(/criterion "shape": invalid JSON Schema/);
  });

  it('compiles the schema once, not per item', () => {
    let reads = 0;
    const counted = new Proxy(schema, {
      get(target, key, receiver) {
        reads += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    const compiled = compileChecklist({
      name: 'x',
      passThreshold: 1,
      criteria: [{ id: 'shape', description: '', weight: 1, check: { kind: 'json_schema', schema: counted } }],
    });
    const afterCompile = reads;
    expect(afterCompile).toBeGreaterThan(0);
    for (let index = 0; index < 100; index += 1) {
      compiled.evaluateSync?.({ output: `{"name":"n${index}","born":"2000-01-01"}` });
    }
    expect(reads).toBe(afterCompile);
  });
});
