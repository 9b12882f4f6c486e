// How `kaizen optimize` prints a run: what ended it, the best candidate's diff against the start, per-criterion
// before/after on validation and holdout, and what it spent. A run with a simulated model says so.
import type { OptimizationCandidate, OptimizationRun, OptimizationRunStatus, SplitReport } from '@kaizen/sdk';
import { formatTable } from '../output.js';

const percent = (rate: number | null) => (rate === null ? '-' : `${(rate * 100).toFixed(1)}%`);
const signed = (value: number, digits: number) => `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
const pValue = (p: number) => (p < 0.0001 ? '<0.0001' : p.toFixed(4));

/** The statuses of a run that finished as designed (exit 0); the others exit 1. */
export const FINISHED_STATUSES: readonly OptimizationRunStatus[] = ['completed', 'plateau', 'budget-exhausted'];

function statusSentence(run: OptimizationRun): string {
  const rounds = run.result?.rounds ?? run.round;
  const after = `after ${rounds} round${rounds === 1 ? '' : 's'}`;
  switch (run.status) {
    case 'completed':
      return `completed ${after}`;
    case 'plateau':
      return `stopped on a plateau ${after}: no candidate was accepted in the last rounds`;
    case 'budget-exhausted':
      return `stopped ${after}: the budget is spent`;
    case 'cancelled':
      return `cancelled ${after}`;
    case 'failed':
      return `failed ${after}`;
    case 'interrupted':
      return `interrupted ${after}: the server stopped while it ran`;
    case 'running':
      return `running (round ${run.round + 1})`;
  }
}

/** The lines every report of a simulated run carries, naming the simulated models. */
export function simulatedNotice(run: OptimizationRun): string[] {
  const models = [run.model, run.optimizerModel].filter((model): model is string => model?.startsWith('sim:') === true);
  if (!run.simulated && models.length === 0) return [];
  return [
    `SIMULATED model (${models.join(', ') || run.model}): these results come from Kaizen's simulated model and ` +
      'measure the optimizer, not real-model quality.',
  ];
}

/** True when the best prompt is the start prompt (nothing was accepted). */
export function bestIsStart(run: OptimizationRun): boolean {
  if (run.result !== null) return run.result.bestId === run.result.startId;
  return run.bestVersion === null || run.bestVersion === run.startVersion;
}

function bestId(run: OptimizationRun): string | null {
  return run.result?.bestId ?? run.progress.bestCandidateId;
}

const DESCRIPTION_CHARS = 160;

/** An edit's description on one line, cut short: the diff below shows the whole change. */
function oneLine(text: string): string {
  const line = text
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' / ');
  return line.length > DESCRIPTION_CHARS ? `${line.slice(0, DESCRIPTION_CHARS - 1)}…` : line;
}

/** Start → … → best, following parents. */
function lineage(candidates: readonly OptimizationCandidate[], id: string | null): OptimizationCandidate[] {
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  const path: OptimizationCandidate[] = [];
  for (let at = id === null ? undefined : byId.get(id); at !== undefined; at = byId.get(at.parentId ?? '')) {
    if (path.includes(at)) break;
    path.unshift(at);
  }
  return path;
}

function formatBest(run: OptimizationRun, candidates: readonly OptimizationCandidate[]): string[] {
  if (bestIsStart(run))
    return [`No candidate beat the start prompt: ${run.promptName} v${run.startVersion} stays best.`];
  const path = lineage(candidates, bestId(run));
  const best = path.at(-1);
  if (best === undefined) return [`Best: ${run.promptName} v${run.bestVersion ?? '?'}`];
  const version = best.promptVersion ?? run.bestVersion;
  const lines = [`Best candidate ${best.id} = ${run.promptName} v${version ?? '?'} (start v${run.startVersion}).`];
  lines.push('Accepted edits:');
  for (const step of path.slice(1)) {
    lines.push(
      `  ${step.id} round ${step.round} ${step.edit?.operator ?? '?'}: ${oneLine(step.edit?.description ?? '')}`,
    );
  }
  const diff = best.diffFromStart ?? '';
  lines.push('', diff.trim() === '' ? '(template unchanged)' : diff.trimEnd());
  return lines;
}

/**
 * One split's report: score and pass rate before → after, and a row per criterion with a ✗ where it regressed.
 *
 * @example
 * formatSplit('Validation', run.result.validation);
 */
export function formatSplit(name: string, report: SplitReport): string {
  const { before, after } = report;
  if (after.n === 0)
    return `${name}: not measured (the run stopped before it evaluated any ${name.toLowerCase()} item).`;
  const heading =
    `${name} (${after.n} items): score ${before.score.toFixed(3)} → ${after.score.toFixed(3)} ` +
    `(Δ ${signed(after.score - before.score, 3)}), pass rate ${percent(before.passRate)} → ${percent(after.passRate)}, ` +
    `${report.itemsFixed} items fixed, ${report.itemsBroken} broken`;
  const rows = report.criteria.map((change) => [
    change.criterionId,
    percent(change.before),
    percent(change.after),
    change.before === null || change.after === null ? '-' : `${signed((change.after - change.before) * 100, 1)} pp`,
    pValue(change.pValue),
    String(change.fixed),
    String(change.broke),
    change.regressed ? '✗ regressed' : '',
  ]);
  return [heading, formatTable(['CRITERION', 'BEFORE', 'AFTER', 'Δ', 'P', 'FIXED', 'BROKEN', ''], rows)].join('\n');
}

/** The whole report of a run, finished or not. */
export function formatOptimization(run: OptimizationRun, candidates: readonly OptimizationCandidate[]): string {
  const lines = [
    `Optimization ${run.id}: ${statusSentence(run)}`,
    `${run.promptName} v${run.startVersion} on ${run.datasetName} v${run.datasetVersion}, checklist ` +
      `${run.evaluatorName} v${run.evaluatorVersion}; model ${run.model}, optimizer ` +
      `${run.optimizerModel ?? 'none (deterministic edits only)'}`,
    ...simulatedNotice(run),
  ];
  if (run.error !== null) lines.push(`error: ${run.error}`);
  lines.push('', ...formatBest(run, candidates));
  const result = run.result;
  if (result !== null) {
    lines.push('', formatSplit('Validation', result.validation));
    lines.push(
      '',
      result.holdout === null
        ? 'Holdout: none (the dataset version has no holdout items), so the gain is not confirmed on unseen items.'
        : formatSplit('Holdout', result.holdout),
    );
  }
  const spend = run.result?.spend ?? run.spend;
  lines.push(
    '',
    `Spent: ${run.result?.rounds ?? run.round} rounds, ${run.progress.candidates} candidates, ${spend.candidateEvals} ` +
      `candidate evals, ${spend.calls} model calls (${spend.paidCalls} paid, ${spend.optimizerCalls} optimizer), ` +
      `${spend.inputTokens} tokens in, ${spend.outputTokens} out, $${spend.costUsd.toFixed(4)}`,
  );
  if (run.status === 'cancelled' || run.status === 'interrupted') {
    lines.push(`Go on from the last checkpoint with: kaizen optimize --resume ${run.id}`);
  }
  return lines.join('\n');
}

/**
 * What `--json` prints per candidate: no contents or diffs, which `GET /api/optimizations/:id/candidates` has.
 *
 * @example
 * summarizeCandidate(candidate); // { id: 'c3', parentId: 'c0', status: 'accepted', operator: 'few-shot', … }
 */
export function summarizeCandidate(candidate: OptimizationCandidate) {
  return {
    id: candidate.id,
    parentId: candidate.parentId,
    round: candidate.round,
    status: candidate.status,
    promptVersion: candidate.promptVersion,
    operator: candidate.edit?.operator ?? null,
    description: candidate.edit?.description ?? null,
    promptTokens: candidate.promptTokens,
    validationScore: candidate.validation?.score ?? null,
    validationPassRate: candidate.validation?.passRate ?? null,
    reason: candidate.acceptance?.reason ?? null,
  };
}
