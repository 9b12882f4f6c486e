// A report's view in words, for lists and headings: "extractor on production · prompt extractor v3 · 06-01 → 06-08".
import type { InsightView } from './insight-types';

function day(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/**
 * @example
 * describeView({ evaluatorName: 'extractor', environment: 'production', promptName: 'extract' });
 * // 'extractor · environment production · prompt extract'
 */
export function describeView(view: InsightView): string {
  const parts = [view.evaluatorName === '' ? 'experiment evaluator' : view.evaluatorName];
  if (view.experimentId !== undefined) parts.push(`experiment ${view.experimentId.slice(0, 8)}`);
  if (view.datasetName !== undefined) {
    parts.push(`dataset ${view.datasetName}${view.datasetVersion === undefined ? '' : ` v${view.datasetVersion}`}`);
  }
  if (view.environment !== undefined) parts.push(`environment ${view.environment}`);
  if (view.promptName !== undefined) {
    parts.push(`prompt ${view.promptName}${view.promptVersion === undefined ? '' : ` v${view.promptVersion}`}`);
  }
  if (view.from !== undefined || view.to !== undefined) {
    parts.push(`${view.from === undefined ? '…' : day(view.from)} → ${view.to === undefined ? 'now' : day(view.to)}`);
  }
  return parts.join(' · ');
}
