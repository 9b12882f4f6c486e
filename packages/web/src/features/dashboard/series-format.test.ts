import { describe, expect, it } from 'vitest';
import { bucketStarts, compact, groupFilter, groupLabel, padBuckets, splitPromptVersion } from './series-format';

const series = (group: string | null, other = false) => ({ group, other });

describe('groups', () => {
  it('splits name@version at the last @', () => {
    expect(splitPromptVersion('extractor@3')).toEqual({ promptName: 'extractor', promptVersion: '3' });
    expect(splitPromptVersion('team@extractor@12')).toEqual({ promptName: 'team@extractor', promptVersion: '12' });
    expect(splitPromptVersion('extractor')).toBeNull();
  });

  it('names series for the legend', () => {
    expect(groupLabel('none', series(null))).toBe('all traces');
    expect(groupLabel('model', series(null))).toBe('(none)');
    expect(groupLabel('model', series(null, true))).toBe('other');
    expect(groupLabel('promptVersion', series('extractor@3'))).toBe('extractor v3');
    expect(groupLabel('environment', series('production'))).toBe('production');
  });

  it('selects a group with the score filter that matches it, or none', () => {
    expect(groupFilter('none', series(null))).toEqual({});
    expect(groupFilter('model', series('gpt-4o'))).toEqual({ model: 'gpt-4o' });
    expect(groupFilter('environment', series('staging'))).toEqual({ environment: 'staging' });
    expect(groupFilter('promptVersion', series('extractor@3'))).toEqual({
      promptName: 'extractor',
      promptVersion: '3',
    });
    expect(groupFilter('promptVersion', series('extractor'))).toBeNull();
    expect(groupFilter('model', series(null))).toBeNull();
    expect(groupFilter('model', series(null, true))).toBeNull();
  });
});

describe('buckets', () => {
  it('lists the UTC-aligned bucket starts of a window', () => {
    const starts = bucketStarts('2025-06-01T10:30:00.000Z', '2025-06-03T11:00:00.000Z', 'day');
    expect(starts.map((x) => new Date(x).toISOString().slice(0, 10))).toEqual([
      '2025-06-01',
      '2025-06-02',
      '2025-06-03',
    ]);
    expect(bucketStarts('2025-06-01T10:00:00.000Z', '2025-06-01T13:00:00.000Z', 'hour')).toHaveLength(3);
  });

  it('pads missing buckets with 0 or no value, keeping off-grid points', () => {
    expect(padBuckets([{ x: 2, y: 5 }], [1, 2, 3], 0)).toEqual([
      { x: 1, y: 0 },
      { x: 2, y: 5 },
      { x: 3, y: 0 },
    ]);
    expect(padBuckets([{ x: 4, y: 5 }], [1, 2], null)).toEqual([
      { x: 1, y: null },
      { x: 2, y: null },
      { x: 4, y: 5 },
    ]);
    expect(padBuckets([], [1, 2], 0)).toEqual([]);
  });

  it('formats large numbers compactly', () => {
    expect(compact(42)).toBe('42');
    expect(compact(3582.5)).toBe('3.6k');
    expect(compact(1_234_567)).toBe('1.23M');
  });
});
