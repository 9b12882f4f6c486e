import { describe, expect, it } from 'vitest';
import { describeView } from './describe-view';

describe('describeView', () => {
  it('names the evaluator and each filter of the view', () => {
    expect(describeView({ evaluatorName: 'q', environment: 'production', promptName: 'p', promptVersion: '3' })).toBe(
      'q · environment production · prompt p v3',
    );
    expect(describeView({ evaluatorName: 'q', from: '2025-06-01T00:00:00.000Z' })).toBe('q · 2025-06-01 00:00 → now');
    expect(describeView({ evaluatorName: 'q', datasetName: 'd', datasetVersion: 2 })).toBe('q · dataset d v2');
  });
});
