import { describe, expect, it } from 'vitest';
import { lineDiff, outputText } from './line-diff';

const labels = { fromLabel: 'baseline', toLabel: 'candidate' };

describe('lineDiff', () => {
  it('is empty for equal texts', () => {
    expect(lineDiff('a\nb', 'a\nb', labels)).toBe('');
  });

  it('gives a changed line as removed then added, with context', () => {
    expect(lineDiff('a\nb\nc', 'a\nB\nc', labels)).toBe('--- baseline\n+++ candidate\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c');
  });

  it('keeps three lines of context and splits distant changes into hunks', () => {
    const before = Array.from({ length: 20 }, (_, index) => `line ${index + 1}`);
    const after = [...before];
    after[1] = 'changed 2';
    after[17] = 'changed 18';
    const diff = lineDiff(before.join('\n'), after.join('\n'), labels);
    expect(diff.split('\n').filter((line) => line.startsWith('@@'))).toEqual(['@@ -1,5 +1,5 @@', '@@ -15,6 +15,6 @@']);
    expect(diff).toContain('-line 2\n+changed 2');
    expect(diff).toContain('-line 18\n+changed 18');
  });

  it('numbers pure insertions and deletions as diff -u does', () => {
    expect(lineDiff('a', 'a\nb', labels)).toBe('--- baseline\n+++ candidate\n@@ -1,1 +1,2 @@\n a\n+b');
    expect(lineDiff('', 'x', labels)).toBe('--- baseline\n+++ candidate\n@@ -1,1 +1,1 @@\n-\n+x');
  });
});

describe('outputText', () => {
  it('pretty-prints JSON and leaves other text alone', () => {
    expect(outputText('{"a":1,"b":[2]}')).toBe('{\n  "a": 1,\n  "b": [\n    2\n  ]\n}');
    expect(outputText('{not json')).toBe('{not json');
    expect(outputText('plain')).toBe('plain');
    expect(outputText(null)).toBe('');
  });
});
