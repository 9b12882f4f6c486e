// Kaizen's loop over several search seeds on both bench tasks: holdout before/after, criteria regressed on holdout,
// and the paid search calls at which the accepted best first reached a holdout target (by default GEPA's final
// holdout score in the last full bench run). Run: node --import tsx bench/optimize/seeds.ts [seeds] [targets]
// e.g. `… seeds.ts 0-5 schemaorg=0.74,ifeval=0.79`; `--trace` lists every evaluation the loop paid for,
// `--task=schemaorg` runs one task. `--vs-gepa` runs GEPA too, seed s + 1 beside Kaizen's seed s (the bench's pair
// is 0 and 1), and judges each pair as the bench does: Kaizen must reach that GEPA run's final holdout score with at
// most half of its task calls.
import { createMemoryAnswerCache, createOptimizerPort, createSimulatedModel } from '@kaizen/models';
import { contentKey, countedEvaluate, meanScore } from './counted-evaluate.js';
import { loadGepaAdapter } from './gepa-hook.js';
import { runKaizen } from './run-kaizen.js';
import type { BenchTask } from './tasks/bench-task.js';
import { ifevalTask } from './tasks/ifeval-task.js';
import { schemaorgTask } from './tasks/schemaorg-task.js';

/** GEPA's final holdout scores in the bench (seed 1, 300 evaluations, run of 2026-11-27); pass others as `task=score,…`. */
const GEPA_HOLDOUT: Record<string, number> = { schemaorg: 0.7383, ifeval: 0.7875 };

function parseSeeds(text: string | undefined): number[] {
  if (text === undefined) return [0, 1, 2, 3, 4, 5];
  const [from, to] = text.split('-').map(Number);
  if (to === undefined) return text.split(',').map(Number);
  return Array.from({ length: (to ?? 0) - (from ?? 0) + 1 }, (_, index) => (from ?? 0) + index);
}

const trace = process.argv.includes('--trace');
const vsGepa = process.argv.includes('--vs-gepa');
const gepa = vsGepa ? await loadGepaAdapter() : null;
if (vsGepa && gepa === null) throw new Error('--vs-gepa needs bench/optimize/ax-gepa/index.ts');
const only = process.argv.find((arg) => arg.startsWith('--task='))?.slice('--task='.length);
const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const seeds = parseSeeds(args[0]);
const targets = { ...GEPA_HOLDOUT };
for (const pair of args[1]?.split(',') ?? []) {
  const [task, score] = pair.split('=');
  if (task !== undefined && score !== undefined) targets[task] = Number(score);
}

const optimizerModel = createSimulatedModel('optimizer');
const optimizer = createOptimizerPort({
  model: optimizerModel,
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
  // GEPA's run beside this seed, when asked: its final holdout is the target and half its calls the allowance.
  const peer =
    gepa === null
      ? null
      : await gepa({ task, optimizerModel, maxCandidateEvals: 300, seed: seed + 1, progress: () => {} });
  const peerHoldout = peer === null ? null : await holdout(peer.best);
  const target = peerHoldout ?? targets[task.name] ?? 1;
  let callsToTarget: number | null = (await holdout(task.start)) >= target ? 0 : null;
  for (const acceptance of acceptances) {
    if (callsToTarget !== null) break;
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
    target,
    callsToTarget,
    gepa:
      peer === null
        ? null
        : {
            seed: seed + 1,
            holdoutAfter: peerHoldout,
            taskModelCalls: peer.taskModelCalls,
            withinHalf: callsToTarget !== null && callsToTarget <= peer.taskModelCalls / 2,
          },
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
        `${row.regressed} regressed, ${row.accepted} accepted, calls to ${fixed(row.target)} ${row.callsToTarget ?? '–'}, ` +
        `${row.searchCalls} search calls, ${row.candidateEvals} evals, ${row.status}` +
        (row.gepa === null
          ? ''
          : ` | GEPA seed ${row.gepa.seed}: holdout ${fixed(row.gepa.holdoutAfter)} after ${row.gepa.taskModelCalls} calls` +
            ` → ${row.gepa.withinHalf ? 'reached with ≤ half its calls' : 'not reached with ≤ half its calls'}`),
    );
  }
  const mine = rows.filter((row) => row.task === task.name);
  const mean = mine.reduce((sum, row) => sum + (row.holdoutAfter ?? 0), 0) / mine.length;
  const reached = mine.flatMap((row) => (row.callsToTarget === null ? [] : [row.callsToTarget]));
  const meanCalls = reached.reduce((sum, calls) => sum + calls, 0) / Math.max(1, reached.length);
  const pairs = mine.flatMap((row) => (row.gepa === null ? [] : [row.gepa]));
  const gepaMean = pairs.reduce((sum, pair) => sum + (pair.holdoutAfter ?? 0), 0) / Math.max(1, pairs.length);
  const gepaCalls = pairs.reduce((sum, pair) => sum + pair.taskModelCalls, 0) / Math.max(1, pairs.length);
  console.log(
    `${task.name}: mean holdout after ${mean.toFixed(3)}; ${reached.length}/${mine.length} seeds reached ` +
      `${pairs.length > 0 ? 'the paired GEPA run' : targets[task.name]}, after ${meanCalls.toFixed(0)} calls on average` +
      (pairs.length === 0
        ? ''
        : `; GEPA's mean holdout ${gepaMean.toFixed(3)} after ${gepaCalls.toFixed(0)} calls; ` +
          `${pairs.filter((pair) => pair.withinHalf).length}/${pairs.length} pairs within half GEPA's calls`),
  );
}
console.log(JSON.stringify({ bench: 'optimize-seeds', targets, rows }));
