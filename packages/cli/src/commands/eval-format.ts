// How `kaizen eval` prints: the run's per-criterion pass rates, and the comparison with its baseline (deltas, % change,
// paired-bootstrap 95% CI, McNemar p, fixed and broken items). Every table says when the model was simulated.
import type { ComparedExperiments, Experiment, ExperimentRun } from '@kaizen/sdk';
import { formatTable } from '../output.js';

const percent = (rate: number | null) => (rate === null ? '-' : `${(rate * 100).toFixed(1)}%`);
const signed = (value: number, digits = 1) => `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
const points = (delta: number) => `${signed(delta * 100)} pp`;
const interval = ([lower, upper]: readonly [number, number]) => `[${signed(lower * 100)}, ${signed(upper * 100)}]`;
const pValue = (p: number) => (p < 0.0001 ? '<0.0001' : p.toFixed(4));

/** The warning every table of a simulated run carries. */
export function simulatedNotice(experiment: Pick<Experiment, 'simulated' | 'model'>): string[] {
  return experiment.simulated
    ? [`SIMULATED model (${experiment.model}): these results measure Kaizen's machinery, not a real model.`]
    : [];
}

function describeRun(experiment: Experiment): string {
  const split = experiment.datasetSplit ?? 'all items';
  return (
    `${experiment.promptName} v${experiment.promptVersion} on ${experiment.datasetName} v${experiment.datasetVersion} ` +
    `(${split}) with ${experiment.model}${experiment.simulated ? ' [SIMULATED]' : ''}, checklist ${experiment.evaluator}`
  );
}

export function formatRun(run: ExperimentRun): string {
  const summary = run.summary;
  if (summary === null) return `Experiment ${run.id} (${run.status}) has no summary`;
  const descriptions = new Map(run.criteria.map((criterion) => [criterion.id, criterion.description]));
  const cost = summary.costUsd === null ? 'cost unknown' : `$${summary.costUsd.toFixed(6)}`;
  const lines = [
    `Experiment ${run.id}: ${describeRun(run)}`,
    ...simulatedNotice(run),
    formatTable(
      ['CRITERION', 'PASS RATE', 'PASSED', 'FAILED', 'ERRORED', 'SKIPPED', 'DESCRIPTION'],
      summary.criteria.map((criterion) => [
        criterion.criterionId,
        percent(criterion.passRate),
        String(criterion.passed),
        String(criterion.failed),
        String(criterion.errored),
        String(criterion.skipped),
        descriptions.get(criterion.criterionId) ?? '',
      ]),
    ),
    `items ${summary.items}: passed ${summary.passed} (${percent(summary.passRate)}), mean score ` +
      `${summary.meanScore === null ? '-' : summary.meanScore.toFixed(3)}, model errors ${summary.errors}, ` +
      `evaluation errors ${summary.evaluationErrors}`,
    `model calls ${summary.modelCalls}, cached ${summary.cachedItems}/${summary.items}; tokens ` +
      `${summary.inputTokens} in, ${summary.outputTokens} out; ${cost}`,
  ];
  const failed = run.items.filter((item) => item.error !== null).slice(0, 5);
  for (const item of failed) lines.push(`error ${item.itemId}: ${item.error ?? ''}`);
  return lines.join('\n');
}

const ids = (list: readonly string[]) =>
  list.length === 0
    ? ''
    : `: ${list.slice(0, 10).join(', ')}${list.length > 10 ? `, … (${list.length - 10} more)` : ''}`;

export function formatComparison(compared: ComparedExperiments, baselineNote: string): string {
  const { comparison, baseline, candidate } = compared;
  const row = (name: string, flips: (typeof comparison.criteria)[number] | typeof comparison.overall) => {
    const stats = flips.comparison;
    if (stats === null) return [name, '-', '-', '-', '-', '-', '-', '0', '0'];
    return [
      name,
      percent(stats.baselineRate),
      percent(stats.candidateRate),
      points(stats.delta),
      stats.percentChange === null ? '-' : `${signed(stats.percentChange)}%`,
      interval(stats.ci95),
      pValue(stats.pValue),
      String(stats.fixed),
      String(stats.broken),
    ];
  };
  const lines = [
    `Compared with baseline ${baseline.id} (${baselineNote}): ${describeRun(baseline)}`,
    `candidate ${candidate.id}: ${describeRun(candidate)}`,
    ...(compared.simulated ? [`SIMULATED model: this comparison measures Kaizen's machinery, not a real model.`] : []),
    ...compared.warnings.filter((warning) => !warning.startsWith('SIMULATED')).map((warning) => `warning: ${warning}`),
    formatTable(
      ['CRITERION', 'BASELINE', 'CANDIDATE', 'Δ', '% CHANGE', '95% CI (pp)', 'P', 'FIXED', 'BROKEN'],
      [
        ...comparison.criteria.map((criterion) => row(criterion.criterionId, criterion)),
        row('overall (pass)', comparison.overall),
      ],
    ),
  ];
  const score = comparison.score;
  lines.push(
    score === null
      ? 'score: no item scored in both runs'
      : `score: ${score.baselineMean.toFixed(3)} → ${score.candidateMean.toFixed(3)} (Δ ${signed(score.delta, 3)}, ` +
          `95% CI [${signed(score.ci95[0], 3)}, ${signed(score.ci95[1], 3)}], n=${score.n})`,
  );
  lines.push(`fixed ${comparison.overall.fixedItemIds.length} items${ids(comparison.overall.fixedItemIds)}`);
  lines.push(`broken ${comparison.overall.brokenItemIds.length} items${ids(comparison.overall.brokenItemIds)}`);
  if (comparison.baselineOnly.length + comparison.candidateOnly.length > 0) {
    lines.push(
      `unpaired: ${comparison.baselineOnly.length} only in the baseline, ${comparison.candidateOnly.length} only in the candidate`,
    );
  }
  return lines.join('\n');
}
