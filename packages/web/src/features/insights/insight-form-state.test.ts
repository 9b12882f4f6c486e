import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, insightBody } from './insight-form-state';

const now = Date.parse('2025-06-08T00:00:00.000Z');

describe('insightBody', () => {
  it('sends only the production view fields that are filled', () => {
    expect(insightBody({ ...EMPTY_FORM, evaluator: 'q', environment: ' prod ', promptVersion: '3' }, now)).toEqual({
      evaluatorName: 'q',
      environment: 'prod',
      from: '2025-06-01T00:00:00.000Z',
    });
    expect(
      insightBody({ ...EMPTY_FORM, evaluator: 'q', promptName: 'p', promptVersion: '3', range: 'all' }, now),
    ).toEqual({ evaluatorName: 'q', promptName: 'p', promptVersion: '3' });
  });

  it('sends a dataset or an experiment without production filters', () => {
    const filled = { ...EMPTY_FORM, evaluator: 'q', environment: 'prod', promptName: 'p', datasetName: 'd' };
    expect(insightBody({ ...filled, source: 'dataset', datasetVersion: '2' }, now)).toEqual({
      evaluatorName: 'q',
      datasetName: 'd',
      datasetVersion: 2,
    });
    expect(insightBody({ ...filled, source: 'experiment', evaluator: '', experimentId: 'e1' }, now)).toEqual({
      experimentId: 'e1',
    });
  });
});
