// The readable part of bench:load's output: what ran, then one row per figure with both scenarios side by side.
import type { ScenarioFigures } from './figures.js';

type Row = readonly [label: string, format: (figures: ScenarioFigures) => string];

const ms = (value: number) => (Number.isNaN(value) ? '–' : `${value} ms`);

const ROWS: readonly Row[] = [
  ['processes', (f) => (f.workers > 0 ? `${f.servers} serve --no-work + ${f.workers} worker` : `${f.servers} serve`)],
  ['load window', (f) => `${f.seconds} s`],
  ['requests (refused 429/503, other errors)', (f) => `${f.requests} (${f.refused}, ${f.errors})`],
  ['acknowledged spans / traces', (f) => `${f.acknowledgedSpans} / ${f.acknowledgedTraces}`],
  ['accepted spans/s', (f) => `${f.spansPerSecond}`],
  ['request latency p50 / p99', (f) => `${ms(f.p50Ms)} / ${ms(f.p99Ms)}`],
  ['evaluations/s during the load', (f) => `${f.evaluationsPerSecond}`],
  ['evaluations/s after it (draining)', (f) => `${f.drainEvaluationsPerSecond}`],
  ['traces scored', (f) => `${f.scoredTraces} of ${f.acknowledgedTraces}`],
  [
    'queue lag p50 / p99 / max (scored traces)',
    (f) => `${ms(f.queueLagP50Ms)} / ${ms(f.queueLagP99Ms)} / ${ms(f.queueLagMaxMs)}`,
  ],
  ['last score after the load ended', (f) => `${f.drainSeconds} s`],
  ['unscored traces after the drain', (f) => `${f.unscoredTraces}`],
  ['batches never acknowledged', (f) => `${f.abandonedBatches}`],
  ['LOST SPANS (must be 0)', (f) => `${f.lostSpans}`],
];

export function formatTable(postgres: ScenarioFigures, sqlite: ScenarioFigures): string {
  const cells = ROWS.map(([label, format]) => [label, format(postgres), format(sqlite)] as const);
  const header = ['', 'postgres', 'sqlite'] as const;
  const widths = [0, 1, 2].map((column) => Math.max(...[header, ...cells].map((row) => row[column]?.length ?? 0)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ');
  return [line(header), ...cells.map(line)].join('\n');
}
