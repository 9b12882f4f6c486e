// Runs ax's AxGEPA (24.0.21) on Kaizen's task model, checklist and optimizer model, and reports what it spent.
import { AxGEPA, type AxMetricFn, type AxOptimizerArgs } from '@ax-llm/ax';
import type { AxGepaAnswer, AxGepaCriterion, AxGepaItem, AxGepaResult, RunAxGepaOptions } from './ax-gepa-types.js';
import { emptyCounters } from './ax-gepa-types.js';
import { feedbackEntry, formatFeedback } from './gepa-feedback.js';
import { createStudentProgram, instructionOf } from './student-program.js';
import { createStudentService } from './student-service.js';
import { renderUserMessage } from './task-messages.js';
import { taskRunnerOf } from './task-runner.js';
import { createTeacherService } from './teacher-service.js';
import { createValidationTracker } from './validation-tracker.js';

type MetricArgs = Parameters<AxMetricFn>[0];

/** GEPA's default reflection minibatch (the paper's and DSPy's `reflection_minibatch_size`). */
export const GEPA_MINIBATCH_SIZE = 3;

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

function answerOf(prediction: unknown): string | undefined {
  if (typeof prediction !== 'object' || prediction === null) return undefined;
  const answer = (prediction as Record<string, unknown>).answer;
  return typeof answer === 'string' ? answer : undefined;
}

/**
 * Runs GEPA from `startSystem` and returns its best instruction with the calls it took. Every model is Kaizen's: the
 * student runs the task (Kaizen's messages, the checklist's verdict), the teacher calls `optimizerModel` with Kaizen
 * reflection requests built from GEPA's own reflection inputs, and the metric is the checklist score.
 *
 * @example
 * const result = await runGepaSearch({ startSystem, userTemplate: 'Page:\n{{html}}', taskModel, evaluate, train,
 *   validation, criteria, optimizerModel: createSimulatedModel('optimizer'), maxMetricCalls: 300, seed: 1 });
 * result.instruction; result.taskModelCalls; result.reflectionCalls; result.candidates;
 */
export async function runGepaSearch<Item extends AxGepaItem>(options: RunAxGepaOptions<Item>): Promise<AxGepaResult> {
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    options.progress?.(line);
  };
  const counters = emptyCounters();
  const toExample = (item: Item) => ({
    userMessage: renderUserMessage(options.userTemplate, item),
    itemId: item.itemId,
  });
  const train = options.train.map(toExample);
  const validation = options.validation.map(toExample);
  const criteria = new Map<string, AxGepaCriterion>(options.criteria.map((criterion) => [criterion.id, criterion]));
  const tracker = createValidationTracker(
    options.validation.map((item) => item.itemId),
    counters,
  );

  if (options.startSystem.trim() === '') {
    log(
      'pitfall: the seed instruction is empty; ax requires a non-empty currentValue for its proposer, so GEPA will ' +
        'propose nothing (its exception is swallowed)',
    );
  }

  // ax runs an example and then scores it, one at a time: the metric reads the verdict the student just got, and
  // the (synchronous) feedback function reads it again for the parent's minibatch right before reflecting.
  const lastAnswer = new Map<string, AxGepaAnswer>();
  let tracking: string | null = null;
  const onAnswer = (instruction: string, item: Item, answer: AxGepaAnswer) => {
    lastAnswer.set(item.itemId, answer);
    tracking = instruction;
  };
  const verdictFor = (itemId: string, prediction: unknown): AxGepaAnswer | undefined => {
    const answer = lastAnswer.get(itemId);
    const text = answerOf(prediction);
    if (answer === undefined || text === undefined) return undefined;
    if (text.trim() !== answer.output.trim()) log(`warning: ax's answer for ${itemId} differs from the model's text`);
    return answer;
  };
  const metric: AxMetricFn = async ({ prediction, example }: MetricArgs) => {
    counters.metricCalls++;
    const itemId = String(example.itemId);
    const answer = verdictFor(itemId, prediction);
    if (answer === undefined) {
      log(`metric error: no answer recorded for ${itemId}`);
      return 0;
    }
    const score = answer.evaluation.score ?? 0;
    if (tracking !== null) tracker.onScore(tracking, itemId, score);
    return score;
  };
  const feedbackFn = ({ prediction, example }: { prediction: unknown; example: MetricArgs['example'] }): string => {
    const itemId = String(example.itemId);
    const answer = verdictFor(itemId, prediction);
    if (answer === undefined) {
      const failure = (prediction as { error?: unknown } | null)?.error;
      const error = typeof failure === 'string' ? failure : 'no verdict recorded for this answer';
      return formatFeedback({ itemId, score: null, failed: [], error });
    }
    return formatFeedback(feedbackEntry(itemId, answer.evaluation, criteria));
  };

  const items = [...options.train, ...options.validation];
  const runTask = taskRunnerOf(options);
  const studentAI = createStudentService({
    userTemplate: options.userTemplate,
    runTask,
    items,
    counters,
    log,
    onAnswer,
  });
  const teacherAI = createTeacherService({
    optimizerModel: options.optimizerModel,
    optimizerSeed: options.optimizerSeed ?? options.seed ?? 0,
    userTemplate: options.userTemplate,
    counters,
    log,
  });
  const minibatchSize = options.minibatchSize ?? GEPA_MINIBATCH_SIZE;
  const numTrials = options.numTrials ?? options.maxMetricCalls;
  const earlyStoppingTrials = options.earlyStoppingTrials ?? numTrials;
  // `paretoSetSize` is read by AxGEPA but missing from AxOptimizerArgs; without it ax keeps only the first
  // max(10, 3 × minibatch) validation items, while Kaizen validates on the whole split.
  const args: AxOptimizerArgs & { paretoSetSize: number } = {
    studentAI,
    teacherAI,
    numTrials,
    minibatch: true,
    minibatchSize,
    earlyStoppingTrials,
    seed: options.seed ?? 0,
    paretoSetSize: validation.length,
    verbose: false,
  };
  const optimizer = new AxGEPA(args);
  const program = createStudentProgram(options.startSystem);
  log(
    `ax GEPA: ${train.length} train, ${validation.length} validation, minibatch ${minibatchSize}, ` +
      `maxMetricCalls ${options.maxMetricCalls}, seed ${options.seed ?? 0}, ` +
      (earlyStoppingTrials >= numTrials ? 'early stopping off' : `early stop after ${earlyStoppingTrials}`),
  );
  let result: Awaited<ReturnType<AxGEPA['compile']>>;
  try {
    result = await optimizer.compile(program, train, metric, {
      maxMetricCalls: options.maxMetricCalls,
      validationExamples: validation,
      feedbackFn,
      verbose: false,
    });
  } catch (error) {
    log(`ax GEPA failed: ${errorMessage(error)}`);
    throw error;
  }
  if (counters.teacherSummaryRequests > counters.teacherProposalRequests) {
    log(
      `warning: ${counters.teacherSummaryRequests - counters.teacherProposalRequests} reflection(s) never reached ` +
        'the proposer (ax swallowed an exception before calling the teacher, e.g. an empty instruction)',
    );
  }
  const instruction = instructionOf(result.optimizedProgram?.componentMap) ?? options.startSystem;
  log(
    `done: ${counters.metricCalls} metric calls (ax counted ${result.stats.totalCalls}), ` +
      `${counters.taskModelCalls} task calls (${counters.paidTaskModelCalls} paid, ` +
      `${counters.distinctTaskModelCalls} distinct), ` +
      `${counters.reflectionCalls} reflection calls, ` +
      `${tracker.candidates.length} candidates validated, best validation ${result.bestScore.toFixed(3)}`,
  );
  return {
    instruction,
    taskModelCalls: counters.taskModelCalls,
    reflectionCalls: counters.reflectionCalls,
    metricCalls: counters.metricCalls,
    validationScore: result.bestScore,
    candidates: [...tracker.candidates],
    counters: { ...counters },
    log: lines,
  };
}
