import { describe, expect, it } from 'vitest';
import { readControls, timeWindow } from './dashboard-controls';

describe('readControls', () => {
  it('defaults to 7 days by day, ungrouped', () => {
    expect(readControls(new URLSearchParams(''))).toEqual({
      range: '7d',
      bucket: 'day',
      groupBy: 'none',
      environment: null,
      promptName: null,
      evaluator: null,
    });
  });

  it('buckets a day in hours unless a bucket is given, and ignores unknown values', () => {
    expect(readControls(new URLSearchParams('range=24h')).bucket).toBe('hour');
    expect(readControls(new URLSearchParams('range=24h&bucket=day')).bucket).toBe('day');
    const odd = readControls(new URLSearchParams('range=1y&bucket=week&groupBy=user&environment=%20'));
    expect(odd).toMatchObject({ range: '7d', bucket: 'day', groupBy: 'none', environment: null });
  });

  it('reads the filters', () => {
    const controls = readControls(new URLSearchParams('groupBy=model&environment=prod&prompt=extractor&evaluator=q'));
    expect(controls).toMatchObject({ groupBy: 'model', environment: 'prod', promptName: 'extractor', evaluator: 'q' });
  });
});

describe('timeWindow', () => {
  it('ends at the end of the current hour', () => {
    const now = Date.parse('2025-06-08T10:20:00.000Z');
    expect(timeWindow('24h', now)).toEqual({ from: '2025-06-07T11:00:00.000Z', to: '2025-06-08T11:00:00.000Z' });
    expect(timeWindow('7d', Date.parse('2025-06-08T10:00:00.000Z')).to).toBe('2025-06-08T11:00:00.000Z');
  });
});
