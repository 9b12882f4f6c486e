// Runs ax's AxGEPA (24.0.21) on Kaizen's task model, checklist and optimizer model, and reports what it spent.
import { AxGEPA, type AxMetricFn, type AxOptimizerArgs } from '@ax-llm/ax';
import type { AxGepaCriterion, AxGepaEvaluation, AxGepaItem, AxGepaResult, RunAxGepaOptions } from './ax-gepa-types.js';
import { emptyCounters } from './ax-gepa-types.js';
import { feedbackEntry, formatFeedback } from './gepa-feedback.js';
import { createStudentProgram, instructionOf } from './student-program.js';
import { createStudentService } from './student-service.js';
import { renderUserMessage } from './task-messages.js';
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
 * student calls `taskModel` with Kaizen's messages, the metric is `evaluate`, the teacher calls `optimizerModel`
 * with Kaizen reflection requests built from GEPA's own reflection inputs.
 *
 * @example
 * const result = await runAxGepa({ startSystem, userTemplate: 'Page:\n{{html}}', train, validation, evaluate,
 *   criteria, taskModel: createSimulatedModel('schemaorg'), optimizerModel: createSimulatedModel('optimizer'),
 *   maxMetricCalls: 300, seed: 1 });
 * result.instruction; result.taskModelCalls; result.reflectionCalls;
 */
export async function runAxGepa<Item extends AxGepaItem>(options: RunAxGepaOptions<Item>): Promise<AxGepaResult> {
  const log: string[] = [];
  const counters = emptyCounters();
  const items = [...options.train, ...options.validation];
  const byId = new Map(items.map((item) => [item.itemId, item]));
  const criteria = new Map<string, AxGepaCriterion>(options.criteria.map((criterion) => [criterion.id, criterion]));
  const toExample = (item: Item) => ({
    userMessage: renderUserMessage(options.userTemplate, item),
    itemId: item.itemId,
  });
  const train = options.train.map(toExample);
  const validation = options.validation.map(toExample);

  if (options.startSystem.trim() === '') {
    log.push(
      'pitfall: the seed instruction is empty; ax requires a non-empty currentValue for its proposer, so GEPA will ' +
        'propose nothing (its exception is swallowed)',
    );
  }

  const tracker = createValidationTracker(
    options.validation.map((item) => item.itemId),
    counters,
  );
  // The metric caches each verdict so the (synchronous) feedback function can report it for the same answer.
  const verdicts = new Map<string, AxGepaEvaluation>();
  const verdictKey = (itemId: string, answer: string) => `${itemId}\u0000${answer}`;
  const metric: AxMetricFn = async ({ prediction, example }: MetricArgs) => {
    counters.metricCalls++;
    const itemId = String(example.itemId);
    const item = byId.get(itemId);
    if (item === undefined) {
      log.push(`metric error: unknown item ${itemId}`);
      return 0;
    }
    const answer = answerOf(prediction) ?? '';
    try {
      const evaluation = await options.evaluate(answer, item);
      verdicts.set(verdictKey(itemId, answer), evaluation);
      tracker.onScore(itemId, evaluation.score ?? 0);
      return evaluation.score ?? 0;
    } catch (error) {
      log.push(`metric error on ${itemId}: ${errorMessage(error)}`);
      return 0;
    }
  };
  const feedbackFn = ({ prediction, example }: { prediction: unknown; example: MetricArgs['example'] }): string => {
    const itemId = String(example.itemId);
    const answer = answerOf(prediction);
    const verdict = answer === undefined ? undefined : verdicts.get(verdictKey(itemId, answer));
    if (verdict === undefined) {
      const failure = (prediction as { error?: unknown } | null)?.error;
      const error = typeof failure === 'string' ? failure : 'no verdict recorded for this answer';
      return formatFeedback({ itemId, score: null, failed: [], error });
    }
    return formatFeedback(feedbackEntry(itemId, verdict, criteria));
  };

  const studentAI = createStudentService({
    ...options,
    items,
    counters,
    log,
    onTaskCall: (instruction) => tracker.onTaskCall(instruction),
  });
  const teacherAI = createTeacherService({
    ...options,
    optimizerSeed: options.optimizerSeed ?? options.seed ?? 0,
    counters,
    log,
  });
  const minibatchSize = options.minibatchSize ?? GEPA_MINIBATCH_SIZE;
  // `paretoSetSize` is read by AxGEPA but missing from AxOptimizerArgs; without it ax keeps only the first
  // max(10, 3 × minibatch) validation items, while Kaizen validates on the whole split.
  const args: AxOptimizerArgs & { paretoSetSize: number } = {
    studentAI,
    teacherAI,
    numTrials: options.numTrials ?? options.maxMetricCalls,
    minibatch: true,
    minibatchSize,
    earlyStoppingTrials: options.earlyStoppingTrials ?? 5,
    seed: options.seed ?? 0,
    paretoSetSize: validation.length,
    verbose: false,
  };
  const optimizer = new AxGEPA(args);
  const program = createStudentProgram(options.startSystem);
  log.push(
    `ax GEPA: ${train.length} train, ${validation.length} validation, minibatch ${minibatchSize}, ` +
      `maxMetricCalls ${options.maxMetricCalls}, seed ${options.seed ?? 0}`,
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
    log.push(`ax GEPA failed: ${errorMessage(error)}`);
    throw error;
  }
  if (counters.teacherSummaryRequests > counters.teacherProposalRequests) {
    log.push(
      `warning: ${counters.teacherSummaryRequests - counters.teacherProposalRequests} reflection(s) never reached ` +
        'the proposer (ax swallowed an exception before calling the teacher, e.g. an empty instruction)',
    );
  }
  const instruction = instructionOf(result.optimizedProgram?.componentMap) ?? options.startSystem;
  log.push(
    `done: ${counters.metricCalls} metric calls (ax counted ${result.stats.totalCalls}), ` +
      `${counters.taskModelCalls} task calls, ${counters.reflectionCalls} reflection calls, ` +
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
    log,
  };
}
