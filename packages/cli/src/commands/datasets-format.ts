// How `kaizen datasets` prints: lists, a version with its split counts and provenance, and a preview of its items.
import type { DatasetItem, DatasetSummary, DatasetVersion } from '@kaizen/sdk';
import { formatTable } from '../output.js';

const PREVIEW = 60;

/** One line of at most `width` characters. */
export function preview(value: unknown, width = PREVIEW): string {
  const text = (typeof value === 'string' ? value : (JSON.stringify(value) ?? '')).replace(/\s+/g, ' ').trim();
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

export function formatDatasetList(items: readonly DatasetSummary[]): string {
  if (items.length === 0)
    return 'No datasets yet: create one with `kaizen datasets create` or `kaizen datasets import`.';
  return formatTable(
    ['NAME', 'LATEST', 'ITEMS', 'VERSIONS', 'UPDATED'],
    items.map((item) => [
      item.name,
      `v${item.latestVersion}`,
      String(item.itemCount),
      String(item.versions),
      item.updatedAt,
    ]),
  );
}

function describeSource(source: DatasetVersion['source']): string {
  if (source.kind === 'import') {
    return `imported from ${String(source.format)}${typeof source.file === 'string' ? ` file ${source.file}` : ''}`;
  }
  const filter = Object.entries((source.filter as Record<string, unknown>) ?? {})
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
  const sample = (source.sample as Record<string, unknown>) ?? {};
  return (
    `traces (${filter}); ${String(sample.strategy)} sample of ${String(sample.size)} (seed ${String(sample.seed)}), ` +
    `${String(source.matched)} matched, ${String(source.skipped)} without input`
  );
}

export function formatDatasetVersion(version: DatasetVersion): string {
  const { train, validation, holdout } = version.splitCounts;
  const fractions = version.splits;
  return [
    `${version.name} v${version.version}: ${version.itemCount} items, created ${version.createdAt}`,
    `splits (seed ${fractions.seed}; ${fractions.train}/${fractions.validation}/${fractions.holdout}): ` +
      `train ${train}, validation ${validation}, holdout ${holdout}`,
    `source: ${describeSource(version.source)}`,
    ...(version.message !== null ? [`message: ${version.message}`] : []),
  ].join('\n');
}

export function formatItems(items: readonly DatasetItem[]): string {
  return formatTable(
    ['ITEM', 'SPLIT', 'INPUT', 'EXPECTED', 'SOURCE TRACE'],
    items.map((item) => [
      item.itemId,
      item.split,
      preview(item.input),
      'expected' in item ? preview(item.expected, 40) : '-',
      item.sourceTraceId ?? '-',
    ]),
  );
}
