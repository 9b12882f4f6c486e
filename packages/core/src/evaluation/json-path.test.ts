import { describe, expect, it } from 'vitest';
import { KaizenError } from '../errors/kaizen-error.js';
import { compileJsonPath, MISSING, readJsonPath } from './json-path.js';

describe('compileJsonPath', () => {
  it('parses dots, indexes and quoted names', () => {
    expect(compileJsonPath('$').segments).toEqual([]);
    expect(compileJsonPath('$.a.b[0].c').segments).toEqual(['a', 'b', 0, 'c']);
    expect(compileJsonPath("$['@type']").segments).toEqual(['@type']);
    expect(compileJsonPath('$["a.b"][-1]').segments).toEqual(['a.b', -1]);
    expect(compileJsonPath("$['it\\'s']").segments).toEqual(["it's"]);
  });

  it('refuses what is outside the subset', () => {
    for (const path of ['a.b', '$.a[*]', '$..a', '$.a[0:2]', '$[?(@.a)]', '$.', '$[x]']) {
      expect(() => compileJsonPath(path), path).toThrow(KaizenError);
    }
  });
});

describe('readJsonPath', () => {
  const value = { a: { b: [{ c: 1 }, { c: null }] }, '@type': 'Recipe' };

  it('reads values, null included', () => {
    expect(readJsonPath(value, compileJsonPath('$.a.b[0].c'))).toBe(1);
    expect(readJsonPath(value, compileJsonPath('$.a.b[1].c'))).toBeNull();
    expect(readJsonPath(value, compileJsonPath('$.a.b[-1].c'))).toBeNull();
    expect(readJsonPath(value, compileJsonPath("$['@type']"))).toBe('Recipe');
    expect(readJsonPath(value, compileJsonPath('$'))).toBe(value);
  });

  it('answers MISSING for absent paths and wrong container types', () => {
    for (const path of [
      '$.x',
      '$.a.b[2]',
      '$.a.b[-3]',
      '$.a.b.c',
      '$.a[0]',
      '$.a.b[0].c.d',
      '$.constructor',
      '$.a.toString',
    ]) {
      expect(readJsonPath(value, compileJsonPath(path)), path).toBe(MISSING);
    }
  });
});
