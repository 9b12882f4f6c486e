// How `kaizen gate` prints: eval's comparison table, what the runs cost, the drops that did not fail it, one verdict
// line (GATE PASSED / GATE FAILED: … / GATE ERROR: …) and the label move; or one JSON document with --json.
import type { ExperimentRun } from '@kaizen/sdk';
import { formatComparison } from './eval-format.js';
import type { GateRuns, ResolvedRef } from './gate-run.js';
import { GATE_ALPHA, type GateVerdict } from './gate-verdict.js';

/** A --promote request's outcome: moved only when the gate passed. */
export interface Promotion {
  readonly label: string;
  readonly moved: boolean;
  /** Where the label pointed before (null: it was unset). */
  readonly fromVersion: number | null;
  readonly toVersion: number;
  readonly message: string;
}

const refNote = (ref: ResolvedRef) =>
  ref.label === null ? `v${ref.promptVersion}` : `${ref.label} = v${ref.promptVersion}`;

function costLine(role: string, run: ExperimentRun): string {
  const summary = run.summary;
  if (summary === null) return `${role}: no summary`;
  return `${role} ${run.id}: ${summary.modelCalls} model calls, ${summary.cachedItems}/${summary.items} cached`;
}

export function verdictLine(verdict: GateVerdict, simulatedModel: string | null): string {
  const simulated =
    simulatedModel === null
      ? ''
      : ` [SIMULATED model ${simulatedModel}: a check of Kaizen's machinery, not a real model]`;
  if (verdict.verdict === 'passed') return `GATE PASSED${simulated}`;
  return `GATE ${verdict.verdict === 'failed' ? 'FAILED' : 'ERROR'}: ${verdict.reasons.join('; ')}${simulated}`;
}

/** The model named in the verdict line when either run was simulated. */
export function simulatedModelOf(runs: GateRuns): string | null {
  const simulated = [runs.baseline.run, runs.candidate.run].find((run) => run.simulated);
  return simulated === undefined ? null : simulated.model;
}

export function formatGate(runs: GateRuns, verdict: GateVerdict, promotion: Promotion | null): string {
  const lines = [
    formatComparison(runs.compared, refNote(runs.baseline)),
    costLine('baseline ', runs.baseline.run),
    costLine('candidate', runs.candidate.run),
    ...verdict.warnings.map((warning) => `note: ${warning}`),
    verdictLine(verdict, simulatedModelOf(runs)),
  ];
  if (promotion !== null) lines.push(promotion.message);
  return lines.join('\n');
}

const side = (resolved: GateRuns['baseline']) => {
  const { run, ...ref } = resolved;
  return {
    ...ref,
    experimentId: run.id,
    model: run.model,
    simulated: run.simulated,
    summary: run.summary,
  };
};

/** `{verdict, reasons, warnings, …, comparison, baseline, candidate, promotion}`: the --json document. */
export function gateJson(runs: GateRuns, verdict: GateVerdict, promotion: Promotion | null, maxRegression: number) {
  return {
    verdict: verdict.verdict,
    reasons: verdict.reasons,
    warnings: verdict.warnings,
    simulated: simulatedModelOf(runs) !== null,
    alpha: GATE_ALPHA,
    maxRegression,
    comparison: runs.compared,
    baseline: side(runs.baseline),
    candidate: side(runs.candidate),
    promotion,
  };
}
