// Kaizen's loop alone over several search seeds on both bench tasks: holdout before/after, criteria regressed on
// holdout, and the paid search calls at which the accepted best first reached a holdout target (by default GEPA's
// final holdout score in the last full bench run). Run: node --import tsx bench/optimize/seeds.ts [seeds] [targets]
// e.g. `… seeds.ts 0-5 schemaorg=0.8125,ifeval=0.7583`; `--trace` lists every evaluation the loop paid for,
// `--task=schemaorg` runs one task.
import { createMemoryAnswerCache, createOptimizerPort, createSimulatedModel } from '@kaizen/models';
import { contentKey, countedEvaluate, meanScore } from './counted-evaluate.js';
import { runKaizen } from './run-kaizen.js';
import type { BenchTask } from './tasks/bench-task.js';
import { ifevalTask } from './tasks/ifeval-task.js';
import { schemaorgTask } from './tasks/schemaorg-task.js';

/** GEPA's final holdout scores in the bench (seed 1, 300 evaluations); pass others as `task=score,…`. */
const GEPA_HOLDOUT: Record<string, number> = { schemaorg: 0.8125, ifeval: 0.7583 };

function parseSeeds(text: string | undefined): number[] {
  if (text === undefined) return [0, 1, 2, 3, 4, 5];
  const [from, to] = text.split('-').map(Number);
  if (to === undefined) return text.split(',').map(Number);
  return Array.from({ length: (to ?? 0) - (from ?? 0) + 1 }, (_, index) => (from ?? 0) + index);
}

const trace = process.argv.includes('--trace');
const only = process.argv.find((arg) => arg.startsWith('--task='))?.slice('--task='.length);
const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const seeds = parseSeeds(args[0]);
const targets = { ...GEPA_HOLDOUT };
for (const pair of args[1]?.split(',') ?? []) {
  const [task, score] = pair.split('=');
  if (task !== undefined && score !== undefined) targets[task] = Number(score);
}

const optimizer = createOptimizerPort({
  model: createSimulatedModel('optimizer'),
  cacheModelKey: 'sim:optimizer',
  cache: createMemoryAnswerCache(),
});

async function runSeed(task: BenchTask, seed: number) {
  const counted = countedEvaluate(task);
  const { result, acceptances } = await runKaizen(task, counted, optimizer, { maxCandidateEvals: 300, seed });
  if (trace) {
    const ids = new Map(result.candidates.map((candidate) => [contentKey(candidate.content), candidate]));
    for (const entry of counted.log) {
      const candidate = ids.get(entry.content);
      console.log(
        `  ${candidate?.id ?? '?'} r${candidate?.round ?? '?'} ${candidate?.edit?.operator ?? 'start'} ${entry.split}×${entry.items}: ` +
          `+${entry.paidCalls} paid → ${entry.searchCallsAfter} (${candidate?.status ?? ''})`,
      );
    }
  }
  if (trace) {
    for (const candidate of result.candidates.filter((found) => found.status === 'accepted')) {
      console.log(`  accepted ${candidate.id}: ${JSON.stringify(candidate.content).slice(0, 400)}`);
    }
  }
  const meter = countedEvaluate(task);
  const memo = new Map<string, number>();
  const holdout = async (content: BenchTask['start']) => {
    const key = contentKey(content);
    const known = memo.get(key);
    if (known !== undefined) return known;
    const score = meanScore(await meter.evaluate(content, task.splits.holdout));
    memo.set(key, score);
    return score;
  };
  const target = targets[task.name] ?? 1;
  let callsToTarget: number | null = null;
  for (const acceptance of acceptances) {
    if ((await holdout(acceptance.candidate.content)) >= target) {
      callsToTarget = acceptance.searchCalls;
      break;
    }
  }
  return {
    task: task.name,
    seed,
    status: result.status,
    holdoutBefore: result.holdout?.before.score ?? null,
    holdoutAfter: result.holdout?.after.score ?? null,
    regressed: result.holdout?.criteria.filter((criterion) => criterion.regressed).length ?? null,
    accepted: acceptances.length,
    searchCalls: counted.searchCalls(),
    candidateEvals: counted.candidateEvals(),
    callsToTarget,
  };
}

const rows = [];
for (const task of [schemaorgTask(), ifevalTask()]) {
  if (only !== undefined && task.name !== only) continue;
  for (const seed of seeds) {
    const row = await runSeed(task, seed);
    rows.push(row);
    const fixed = (value: number | null) => (value === null ? '–' : value.toFixed(3));
    console.log(
      `${row.task} seed ${seed}: holdout ${fixed(row.holdoutBefore)} → ${fixed(row.holdoutAfter)}, ` +
        `${row.regressed} regressed, ${row.accepted} accepted, calls to ${targets[task.name]} ${row.callsToTarget ?? '–'}, ` +
        `${row.searchCalls} search calls, ${row.candidateEvals} evals, ${row.status}`,
    );
  }
  const mine = rows.filter((row) => row.task === task.name);
  const mean = mine.reduce((sum, row) => sum + (row.holdoutAfter ?? 0), 0) / mine.length;
  const reached = mine.flatMap((row) => (row.callsToTarget === null ? [] : [row.callsToTarget]));
  const meanCalls = reached.reduce((sum, calls) => sum + calls, 0) / Math.max(1, reached.length);
  console.log(
    `${task.name}: mean holdout after ${mean.toFixed(3)}; ${reached.length}/${mine.length} seeds reached ` +
      `${targets[task.name]}, after ${meanCalls.toFixed(0)} calls on average`,
  );
}
console.log(JSON.stringify({ bench: 'optimize-seeds', targets, rows }));
