// bench:optimize — Kaizen's optimization loop against random edits, OPRO-style rewrites and GEPA, offline on
// simulated models: schemaorg JSON-LD extraction and IFEval instructions, compression, and acceptance soundness.
import { createMemoryAnswerCache, createOptimizerPort, createSimulatedModel } from '@kaizen/models';
import type { TaskFigures } from './optimize/figures.js';
import { SIMULATED_STATEMENT } from './optimize/figures.js';
import { loadGepaAdapter } from './optimize/gepa-hook.js';
import { formatCompression, formatHeader, formatTask } from './optimize/print-report.js';
import { runCompression } from './optimize/run-compression.js';
import { runTask } from './optimize/run-task.js';
import type { SimulatedModel } from './optimize/tasks/bench-task.js';
import { ifevalTask } from './optimize/tasks/ifeval-task.js';
import { schemaorgTask } from './optimize/tasks/schemaorg-task.js';

const BUDGET = 300;
/** Extra seeded runs of Kaizen and the random baseline per task, so the soundness shares rest on more edits. */
const REPLICATES = 3;

/** `sim:optimizer`, or null while the simulated provider does not have it. */
function simulatedOptimizer(): SimulatedModel | null {
  try {
    return createSimulatedModel('optimizer');
  } catch {
    return null;
  }
}

const started = performance.now();
const progress = (line: string) => {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${line}\n`);
};

const optimizerModel = simulatedOptimizer();
// One cache for the optimizer model: the same request always gets the same (deterministic) answer; calls are still
// counted per method.
const optimizer =
  optimizerModel === null
    ? null
    : createOptimizerPort({ model: optimizerModel, cacheModelKey: 'sim:optimizer', cache: createMemoryAnswerCache() });
if (optimizer === null) progress('sim:optimizer is not available: Kaizen runs without reflection, no rewrite baseline');
const gepa = await loadGepaAdapter();
progress(gepa === null ? 'GEPA adapter absent: baselines.gepa is skipped' : 'GEPA adapter found');

const schemaorg = schemaorgTask();
const tasks: TaskFigures[] = [];
for (const task of [schemaorg, ifevalTask()]) {
  tasks.push(
    await runTask(task, {
      maxCandidateEvals: BUDGET,
      optimizer,
      optimizerModel,
      gepa,
      replicates: REPLICATES,
      progress,
    }),
  );
}
progress('compression scenario');
const compression = await runCompression(schemaorg, optimizer, BUDGET, progress);
const runtimeMs = Math.round(performance.now() - started);

const gain = (figures: TaskFigures) => figures.kaizen.holdoutAfter - figures.kaizen.holdoutBefore;
const halfCalls = (figures: TaskFigures) =>
  figures.bestCompetitor === null
    ? null
    : figures.callsToReachBestBaseline !== null &&
      figures.callsToReachBestBaseline <= figures.bestCompetitor.taskModelCalls / 2;
const tokensSaved = 1 - compression.promptTokensAfter / compression.promptTokensBefore;
const targets = {
  holdoutGainAtLeast020: Object.fromEntries(tasks.map((task) => [task.task, gain(task) >= 0.2])),
  zeroCriteriaRegressed: Object.fromEntries(tasks.map((task) => [task.task, task.holdoutRegressions === 0])),
  bestCompetitorWithHalfTheCalls: Object.fromEntries(tasks.map((task) => [task.task, halfCalls(task)])),
  compression30PercentAtEqualHoldout: tokensSaved >= 0.3 && compression.holdoutAfter >= compression.holdoutBefore,
  falseAcceptsAtMost5Percent: Object.fromEntries(
    tasks.map((task) => [task.task, (task.soundness.kaizen?.share ?? 0) <= 0.05]),
  ),
  holdoutItemsBrokenAtMost1Percent: Object.fromEntries(
    tasks.map((task) => [task.task, (task.soundness.kaizen?.holdoutItemsBroken ?? 0) <= 0.01]),
  ),
};

const lines = formatHeader();
for (const task of tasks) lines.push(...formatTask(task, BUDGET));
lines.push(...formatCompression(compression));
lines.push('', `targets: ${JSON.stringify(targets)}`);
lines.push(`runtime ${(runtimeMs / 1000).toFixed(1)} s`, SIMULATED_STATEMENT);
console.log(lines.join('\n'));

console.log(
  JSON.stringify({
    bench: 'optimize',
    simulated: true,
    statement: SIMULATED_STATEMENT,
    budget: { maxCandidateEvals: BUDGET },
    tasks: tasks.map((task) => ({
      task: task.task,
      model: task.model,
      status: task.status,
      rounds: task.rounds,
      candidateEvals: task.kaizen.candidateEvals,
      llmCalls: task.kaizen.taskModelCalls + task.kaizen.optimizerCalls,
      taskModelCalls: task.kaizen.taskModelCalls,
      optimizerCalls: task.kaizen.optimizerCalls,
      validationBefore: task.kaizen.validationBefore,
      validationAfter: task.kaizen.validationAfter,
      holdoutBefore: task.kaizen.holdoutBefore,
      holdoutAfter: task.kaizen.holdoutAfter,
      promptTokensBefore: task.kaizen.promptTokensBefore,
      promptTokensAfter: task.kaizen.promptTokensAfter,
      holdoutRegressions: task.holdoutRegressions,
      holdoutItemsBroken: task.kaizen.holdoutItemsBroken,
      baselines: Object.fromEntries(
        Object.entries(task.baselines).map(([name, figures]) => [
          name,
          'method' in figures
            ? {
                holdoutAfter: figures.holdoutAfter,
                candidateEvals: figures.candidateEvals,
                taskModelCalls: figures.taskModelCalls,
                optimizerCalls: figures.optimizerCalls,
                validationAfter: figures.validationAfter,
                promptTokensAfter: figures.promptTokensAfter,
                holdoutItemsBroken: figures.holdoutItemsBroken,
                ...(figures.note !== undefined ? { note: figures.note } : {}),
              }
            : figures,
        ]),
      ),
      bestCompetitor: task.bestCompetitor,
      evalsToReachBestBaseline: task.evalsToReachBestBaseline,
      callsToReachBestBaseline: task.callsToReachBestBaseline,
      soundness: Object.fromEntries(
        Object.entries(task.soundness).map(([method, sound]) => [
          method,
          {
            runs: sound.runs,
            acceptedEdits: sound.acceptedEdits,
            notImproving: sound.notImproving,
            share: sound.share,
            holdoutItemsBroken: sound.holdoutItemsBroken,
          },
        ]),
      ),
    })),
    compression,
    soundness: {
      sample: Object.fromEntries(tasks.map((task) => [task.task, task.soundness.kaizen?.sample ?? null])),
      falseAcceptShare: Object.fromEntries(tasks.map((task) => [task.task, task.soundness.kaizen?.share ?? null])),
      falseAcceptShareRandom: Object.fromEntries(
        tasks.map((task) => [task.task, task.soundness.random?.share ?? null]),
      ),
      holdoutItemsBrokenShare: Object.fromEntries(
        tasks.map((task) => [task.task, task.soundness.kaizen?.holdoutItemsBroken ?? null]),
      ),
      holdoutItemsBrokenShareRandom: Object.fromEntries(
        tasks.map((task) => [task.task, task.soundness.random?.holdoutItemsBroken ?? null]),
      ),
    },
    targets,
    runtimeMs,
  }),
);
