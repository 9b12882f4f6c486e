import { describe, expect, it } from 'vitest';
import { diffSequences, type Edit } from './diff-sequences.js';

function apply<T>(before: readonly T[], edits: readonly Edit<T>[]): T[] {
  const out: T[] = [];
  let index = 0;
  for (const edit of edits) {
    if (edit.op === 'insert') out.push(...edit.items);
    else {
      if (edit.op === 'equal') out.push(...before.slice(index, index + edit.items.length));
      index += edit.items.length;
    }
  }
  return out;
}

function editCost<T>(edits: readonly Edit<T>[]): number {
  return edits.filter((edit) => edit.op !== 'equal').reduce((sum, edit) => sum + edit.items.length, 0);
}

describe('diffSequences', () => {
  it('finds the minimal script for a classic example', () => {
    const edits = diffSequences([...'ABCABBA'], [...'CBABAC']);
    expect(apply([...'ABCABBA'], edits).join('')).toBe('CBABAC');
    expect(editCost(edits)).toBe(5); // the known shortest edit distance for this pair
  });

  it('handles empty sides', () => {
    expect(diffSequences([], [])).toEqual([]);
    expect(diffSequences(['a'], [])).toEqual([{ op: 'delete', items: ['a'] }]);
    expect(diffSequences([], ['a', 'b'])).toEqual([{ op: 'insert', items: ['a', 'b'] }]);
  });

  it('groups runs and keeps equal parts', () => {
    expect(diffSequences(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual([
      { op: 'equal', items: ['a'] },
      { op: 'delete', items: ['b'] },
      { op: 'equal', items: ['c'] },
      { op: 'insert', items: ['d'] },
    ]);
  });

  it('reconstructs the target for random sequences with a cost no worse than an LCS bound', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: Math.floor(random() * 12) }, () => 'xyz'[Math.floor(random() * 3)] as string);
      const b = Array.from({ length: Math.floor(random() * 12) }, () => 'xyz'[Math.floor(random() * 3)] as string);
      const edits = diffSequences(a, b);
      expect(apply(a, edits)).toEqual(b);
      // Minimality: cost = n + m - 2 * LCS.
      const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++)
          (lcs[i] as number[])[j] =
            a[i - 1] === b[j - 1]
              ? ((lcs[i - 1] as number[])[j - 1] as number) + 1
              : Math.max((lcs[i - 1] as number[])[j] as number, (lcs[i] as number[])[j - 1] as number);
      expect(editCost(edits)).toBe(a.length + b.length - 2 * ((lcs[a.length] as number[])[b.length] as number));
    }
  });
});
