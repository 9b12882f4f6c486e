// Validates the query string of GET /api/experiments; every bad value is a 400 naming the parameter.
import { KaizenError } from '@kaizen/core';
import type { ExperimentQuery } from '@kaizen/store';

const NUMBERS = ['promptVersion', 'datasetVersion', 'limit'] as const;
const TEXTS = ['promptName', 'datasetName', 'model', 'checklistHash'] as const;
const KNOWN = new Set<string>([...NUMBERS, ...TEXTS, 'split', 'status']);

function invalid(name: string, problem: string): KaizenError {
  return new KaizenError('invalid_input', `query parameter "${name}": ${problem}`);
}

/**
 * @example
 * experimentQuery(new URLSearchParams('promptName=extractor&promptVersion=3&split=validation'));
 */
export function experimentQuery(params: URLSearchParams): ExperimentQuery {
  const query: { -readonly [K in keyof ExperimentQuery]: ExperimentQuery[K] } = {};
  for (const [name, value] of params) {
    if (!KNOWN.has(name)) throw invalid(name, `unknown; expected one of ${[...KNOWN].join(', ')}`);
    if (value === '' || value.length > 500) throw invalid(name, 'empty or too long');
    if ((NUMBERS as readonly string[]).includes(name)) {
      if (!/^\d{1,9}$/.test(value) || Number(value) < 1)
        throw invalid(name, `expected a positive integer, got "${value}"`);
      query[name as (typeof NUMBERS)[number]] = Number(value);
    } else if (name === 'split') {
      if (!['train', 'validation', 'holdout', 'all'].includes(value)) {
        throw invalid(name, `expected train, validation, holdout or all, got "${value}"`);
      }
      query.datasetSplit = value as NonNullable<ExperimentQuery['datasetSplit']>;
    } else if (name === 'status') {
      if (!['running', 'completed', 'failed'].includes(value)) {
        throw invalid(name, `expected running, completed or failed, got "${value}"`);
      }
      query.status = value as NonNullable<ExperimentQuery['status']>;
    } else {
      query[name as (typeof TEXTS)[number]] = value;
    }
  }
  return query;
}
