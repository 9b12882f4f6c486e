// The release gate's verdict from a baseline–candidate comparison: which rows are significantly worse by more than
// the allowed margin (fail), which drops are noise or within the margin (warnings), and what stops a verdict (error).
import type { ExperimentComparison, PassRateComparison, ScoreComparison } from '@kaizen/core';

/** Significance level of every test the gate applies (McNemar's p, and the 95% CI that must leave out zero). */
export const GATE_ALPHA = 0.05;

export interface GateVerdict {
  /** `error`: no regression found, but the runs cannot vouch for the candidate (items without answers, nothing paired). */
  readonly verdict: 'passed' | 'failed' | 'error';
  /** Why it failed (or could not judge); empty when it passed. */
  readonly reasons: readonly string[];
  /** Drops that did not fail the gate: not significant, or within --max-regression. */
  readonly warnings: readonly string[];
}

export interface GateInput {
  readonly comparison: ExperimentComparison;
  /** Items whose model call failed, per run: they have no verdict, so a regression could hide behind them. */
  readonly baselineErrors: number;
  readonly candidateErrors: number;
  /** Percentage points (score: points on 0–100) a significant drop may reach and still pass. */
  readonly maxRegression: number;
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const signed = (value: number, digits = 1) => `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
const pValue = (p: number) => (p < 0.0001 ? 'p<0.0001' : `p=${p.toFixed(4)}`);
/** Float noise (1/40 × 100 = 2.5000000000000004) must not turn a drop equal to the margin into a failure. */
const beyond = (drop: number, margin: number) => Math.round(drop * 1e6) > Math.round(margin * 1e6);

/** The same test the web app's significance badge applies: McNemar's p < 0.05 and a 95% CI that leaves out zero. */
export function significantlyWorse(stats: PassRateComparison): boolean {
  return stats.delta < 0 && stats.pValue < GATE_ALPHA && stats.ci95[1] < 0;
}

type Finding = { readonly kind: 'reason' | 'warning'; readonly text: string } | null;

function judgeRate(name: string, stats: PassRateComparison | null, margin: number): Finding {
  if (stats === null) return { kind: 'warning', text: `${name}: no item has a verdict in both runs, not judged` };
  if (stats.delta >= 0) return null;
  const drop = -stats.delta * 100;
  const text =
    `${name} ${percent(stats.baselineRate)} → ${percent(stats.candidateRate)} (${signed(-drop)} pp, 95% CI ` +
    `[${signed(stats.ci95[0] * 100)}, ${signed(stats.ci95[1] * 100)}], ${pValue(stats.pValue)}, ` +
    `${stats.broken} broken, ${stats.fixed} fixed)`;
  if (!significantlyWorse(stats)) return { kind: 'warning', text: `${text}: not significant at ${GATE_ALPHA}` };
  if (!beyond(drop, margin)) return { kind: 'warning', text: `${text}: within --max-regression ${margin} pp` };
  return { kind: 'reason', text };
}

/** The mean score has a paired-bootstrap CI but no test statistic: worse when the whole 95% CI is below zero. */
function judgeScore(score: ScoreComparison | null, margin: number): Finding {
  if (score === null || score.delta >= 0) return null;
  const drop = -score.delta * 100;
  const text =
    `mean score ${score.baselineMean.toFixed(3)} → ${score.candidateMean.toFixed(3)} (Δ ${signed(score.delta, 3)}, ` +
    `95% CI [${signed(score.ci95[0], 3)}, ${signed(score.ci95[1], 3)}], n=${score.n})`;
  if (score.ci95[1] >= 0) return { kind: 'warning', text: `${text}: not significant at ${GATE_ALPHA}` };
  if (!beyond(drop, margin)) return { kind: 'warning', text: `${text}: within --max-regression ${margin} points` };
  return { kind: 'reason', text };
}

/**
 * Fails when any criterion's pass rate, the overall pass rate or the mean score is significantly worse (at 0.05) by
 * more than `maxRegression`; otherwise errors when items have no answer or nothing pairs; passes otherwise.
 *
 * @example
 * const { verdict, reasons } = judgeGate({ comparison, baselineErrors: 0, candidateErrors: 0, maxRegression: 0 });
 * // verdict 'failed', reasons ['json-only 100.0% → 35.0% (-65.0 pp, 95% CI [-80.0, -50.0], p<0.0001, 26 broken, 0 fixed)']
 */
export function judgeGate(input: GateInput): GateVerdict {
  const { comparison, maxRegression } = input;
  const errors = [
    ...(input.baselineErrors > 0 ? [`baseline: ${input.baselineErrors} items have no answer (model call failed)`] : []),
    ...(input.candidateErrors > 0
      ? [`candidate: ${input.candidateErrors} items have no answer (model call failed)`]
      : []),
    ...(comparison.overall.comparison === null ? ['no item has a verdict in both runs'] : []),
  ];
  const findings = [
    ...comparison.criteria.map((criterion) => judgeRate(criterion.criterionId, criterion.comparison, maxRegression)),
    comparison.overall.comparison === null
      ? null
      : judgeRate('overall pass rate', comparison.overall.comparison, maxRegression),
    judgeScore(comparison.score, maxRegression),
  ].filter((finding) => finding !== null);
  const reasons = findings.filter((finding) => finding.kind === 'reason').map((finding) => finding.text);
  const warnings = findings.filter((finding) => finding.kind === 'warning').map((finding) => finding.text);
  // A regression among the items that did answer fails the gate whatever the others would have said; missing answers
  // only stop it from passing.
  if (reasons.length > 0) return { verdict: 'failed', reasons, warnings: [...errors, ...warnings] };
  if (errors.length > 0) return { verdict: 'error', reasons: errors, warnings };
  return { verdict: 'passed', reasons, warnings };
}
