// Root-cause analysis of a candidate's train results: the same analysis production traces get.
import type { DatasetItem } from '../../datasets/dataset.js';
import type { Criterion } from '../../evaluation/checklist.js';
import { analyzeRootCauses } from '../../rca/analyze-root-causes.js';
import type { RcaItem, RcaReport } from '../../rca/rca-types.js';
import { excerpt, inputText } from './excerpt.js';
import type { EvaluatedItem } from './optimization-types.js';

/** Dataset items carry no time; one fixed day keeps the trend section trivial and the analysis deterministic. */
const DAY = '2000-01-01T00:00:00.000Z';

/** Metadata values short enough to be features (a category, a language, a tier), as strings. */
function featuresOf(item: DatasetItem): Record<string, string> {
  const features: Record<string, string> = {};
  for (const [key, value] of Object.entries(item.metadata)) {
    if (typeof value === 'string' && value.length <= 64) features[`metadata.${key}`] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') features[`metadata.${key}`] = String(value);
  }
  const length = inputText(item.input).length;
  features.inputLength = length < 1000 ? 'short' : length < 8000 ? 'medium' : 'long';
  return features;
}

/**
 * @example
 * const report = analyzeResults(trainItems, results, checklist.criteria);
 * report.causes[0]?.criteria; // ['json']
 */
export function analyzeResults(
  items: readonly DatasetItem[],
  results: ReadonlyMap<string, EvaluatedItem>,
  criteria: readonly Criterion[],
): RcaReport {
  const rcaItems: RcaItem[] = [];
  for (const item of items) {
    const result = results.get(item.itemId);
    if (result === undefined || result.error !== null) continue;
    rcaItems.push({
      traceId: item.itemId,
      startTime: DAY,
      results: result.statuses,
      features: featuresOf(item),
      excerpts: { input: excerpt(inputText(item.input), 300), output: excerpt(result.output ?? '', 300) },
      rationales: result.rationales,
    });
  }
  return analyzeRootCauses({
    items: rcaItems,
    criteria: criteria.map((criterion) => ({
      id: criterion.id,
      weight: criterion.weight,
      description: criterion.description,
    })),
    // Train splits are small: a driver needs a tenth of the items, at least 3.
    options: { minSupport: Math.max(3, Math.floor(rcaItems.length / 10)), evidencePerCause: 3 },
  });
}
