// The bench's human-readable report: a table per task, the compression scenario and the soundness figures.
import type { CompressionFigures, MethodFigures, TaskFigures } from './figures.js';
import { SIMULATED_STATEMENT } from './figures.js';

const score = (value: number): string => value.toFixed(3);
const percent = (value: number | null): string => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, index) => cell.padEnd(widths[index] ?? 0))
    .join('  ')
    .trimEnd();
}

const HEADER = [
  'method',
  'cand.evals',
  'task calls',
  'opt. calls',
  'validation',
  'holdout',
  'prompt tokens',
  'holdout items broken',
];
const WIDTHS = [8, 10, 10, 10, 15, 15, 13, 20];

function methodRow(figures: MethodFigures): string {
  return row(
    [
      figures.method,
      String(figures.candidateEvals),
      String(figures.taskModelCalls),
      String(figures.optimizerCalls),
      `${score(figures.validationBefore)} → ${score(figures.validationAfter)}`,
      `${score(figures.holdoutBefore)} → ${score(figures.holdoutAfter)}`,
      `${figures.promptTokensBefore} → ${figures.promptTokensAfter}`,
      percent(figures.holdoutItemsBroken),
    ],
    WIDTHS,
  );
}

export function formatTask(task: TaskFigures, budget: number): string[] {
  const lines = [
    '',
    `== ${task.task} — ${task.model}`,
    `   items ${task.split.train} train / ${task.split.validation} validation / ${task.split.holdout} holdout; budget ${budget} candidate evaluations per method`,
    row(HEADER, WIDTHS),
    methodRow(task.kaizen),
  ];
  for (const [name, figures] of Object.entries(task.baselines)) {
    lines.push('method' in figures ? methodRow(figures) : row([name, `(not run: ${figures.skipped})`], [8, 0]));
  }
  for (const figures of Object.values(task.baselines)) {
    if ('method' in figures && figures.note !== undefined) lines.push(`   ${figures.method}: ${figures.note}`);
  }
  const k = task.kaizen;
  lines.push(
    `kaizen: ${task.rounds} rounds, status ${task.status}, ${k.taskModelCalls + k.optimizerCalls} LLM calls in the search ` +
      `(${k.taskModelCalls} task model + ${k.optimizerCalls} optimizer); holdout ${k.holdoutAfter - k.holdoutBefore >= 0 ? '+' : ''}${score(k.holdoutAfter - k.holdoutBefore)}; ` +
      `criteria regressed on holdout: ${task.holdoutRegressions}`,
  );
  const top = task.bestCompetitor;
  if (top !== null) {
    const reached =
      task.evalsToReachBestBaseline === null || task.callsToReachBestBaseline === null
        ? 'never reached it'
        : `reached it after ${task.evalsToReachBestBaseline} candidate evals / ${task.callsToReachBestBaseline} task-model calls ` +
          `(${top.taskModelCalls === 0 ? 'n/a' : `${(task.callsToReachBestBaseline / top.taskModelCalls).toFixed(2)}×`} the competitor's ${top.taskModelCalls} calls)`;
    lines.push(`best competitor: ${top.method}, final holdout ${score(top.holdoutAfter)}; kaizen ${reached}`);
  }
  for (const [method, sound] of Object.entries(task.soundness)) {
    const deltas = sound.deltas.map((delta) => (delta >= 0 ? '+' : '') + delta.toFixed(3)).join(' ');
    lines.push(
      `soundness ${method} (${sound.runs} runs): ${sound.notImproving}/${sound.acceptedEdits} accepted edits do not improve ` +
        `the expected score (${percent(sound.share)}); holdout items broken ${percent(sound.holdoutItemsBroken)}; ` +
        `Δ expected ${deltas === '' ? '—' : deltas}`,
    );
  }
  const sample = Object.values(task.soundness)[0]?.sample;
  if (sample !== undefined) lines.push(`   expected score = mean over ${sample}`);
  return lines;
}

export function formatCompression(figures: CompressionFigures): string[] {
  const saved = 1 - figures.promptTokensAfter / figures.promptTokensBefore;
  return [
    '',
    `== compression (${figures.task}, strong but verbose start, ablation + merge operators; status ${figures.status}, ${figures.candidateEvals} candidate evals)`,
    `   prompt tokens ${figures.promptTokensBefore} → ${figures.promptTokensAfter} (${percent(saved)} fewer); ` +
      `validation ${score(figures.validationBefore)} → ${score(figures.validationAfter)}; holdout ${score(figures.holdoutBefore)} → ${score(figures.holdoutAfter)}`,
  ];
}

export function formatHeader(): string[] {
  return [`bench:optimize — ${SIMULATED_STATEMENT}`];
}
