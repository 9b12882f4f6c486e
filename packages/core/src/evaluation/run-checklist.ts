// Evaluates one item against a compiled checklist: direct checks in order, then one judge call, then the verdict.
import type { ModelPort, ModelPortUsage } from '../ports/model-port.js';
import type { AppliesPredicate, StatusOf } from './applies-when.js';
import type { CompiledCheck } from './checks/check-factory.js';
import { type CheckOutcome, errored, errorMessage, PASSED, skipped } from './checks/check-outcome.js';
import { ItemContext } from './checks/item-context.js';
import type { EvaluationSubject } from './evaluation-subject.js';
import type { JudgeQuestion } from './judge/judge-prompt.js';
import { type JudgeSettings, runJudge } from './judge/run-judge.js';
import type { LabelFacts } from './label-rules.js';
import type { ChecklistResult, CriterionResult } from './results.js';
import { scoreChecklist } from './score-checklist.js';

export interface CompiledCriterion {
  readonly id: string;
  readonly weight: number;
  readonly check: CompiledCheck;
  readonly applies: AppliesPredicate | null;
  /** Shared by every item the criterion passes without a rationale. */
  readonly passedResult: CriterionResult;
}

export interface ChecklistPlan {
  readonly criteria: readonly CompiledCriterion[];
  /** Criterion id → position in `criteria` (and in each item's results). */
  readonly indexOf: ReadonlyMap<string, number>;
  readonly passThreshold: number;
  readonly weights: readonly number[];
  readonly labelRule: ((facts: LabelFacts) => string | null) | null;
  readonly judge: ModelPort | undefined;
  readonly judgeSettings: JudgeSettings;
}

const NOT_APPLICABLE = 'appliesWhen does not hold for this item';

function toResult(criterion: CompiledCriterion, outcome: CheckOutcome): CriterionResult {
  if (outcome === PASSED) return criterion.passedResult;
  return {
    criterionId: criterion.id,
    status: outcome.status,
    rationale: outcome.rationale,
    ...(outcome.reason !== undefined ? { reason: outcome.reason } : {}),
  };
}

/** Null when the criterion applies, else the outcome that replaces its check. */
function applicability(criterion: CompiledCriterion, subject: EvaluationSubject, statusOf: StatusOf) {
  if (criterion.applies === null) return null;
  try {
    return criterion.applies(subject, statusOf) ? null : skipped(NOT_APPLICABLE);
  } catch (error) {
    return errored(`appliesWhen threw: ${errorMessage(error)}`);
  }
}

function runDirect(
  criterion: CompiledCriterion,
  run: (item: ItemContext) => CheckOutcome | Promise<CheckOutcome>,
  item: ItemContext,
  statusOf: StatusOf,
): CheckOutcome | Promise<CheckOutcome> {
  const gate = applicability(criterion, item.subject, statusOf);
  if (gate !== null) return gate;
  try {
    return run(item);
  } catch (error) {
    return errored(errorMessage(error));
  }
}

function finish(plan: ChecklistPlan, results: CriterionResult[], judgeUsage: ModelPortUsage | null): ChecklistResult {
  const labelRule = plan.labelRule;
  const labelOf =
    labelRule === null
      ? null
      : (score: number | null, passed: boolean) => labelRule({ score, passed, statusOf: makeStatusOf(plan, results) });
  const verdict = scoreChecklist(results, plan.weights, plan.passThreshold, labelOf);
  return {
    score: verdict.score,
    passed: verdict.passed,
    label: verdict.label,
    results,
    errors: verdict.errors,
    judgeUsage,
  };
}

function makeStatusOf(plan: ChecklistPlan, results: readonly (CriterionResult | undefined)[]): StatusOf {
  return (id) => {
    const index = plan.indexOf.get(id);
    return index === undefined ? undefined : results[index]?.status;
  };
}

/** Without judged criteria, synchronously. */
export function evaluateItemSync(plan: ChecklistPlan, subject: EvaluationSubject): ChecklistResult {
  const item = new ItemContext(subject);
  const results: CriterionResult[] = [];
  const statusOf = makeStatusOf(plan, results);
  for (const criterion of plan.criteria) {
    if (criterion.check.type !== 'direct') throw new Error('evaluateSync cannot run judged criteria');
    let outcome = runDirect(criterion, criterion.check.run, item, statusOf);
    if (outcome instanceof Promise) {
      outcome.catch(() => undefined);
      outcome = errored('the check answered with a Promise; use evaluate() for asynchronous custom checks');
    }
    results.push(toResult(criterion, outcome));
  }
  return finish(plan, results, null);
}

/** Direct checks in order (awaiting asynchronous custom ones), then the applicable judged criteria in one call. */
export async function evaluateItem(plan: ChecklistPlan, subject: EvaluationSubject): Promise<ChecklistResult> {
  const item = new ItemContext(subject);
  const results: CriterionResult[] = new Array(plan.criteria.length);
  const statusOf = makeStatusOf(plan, results);
  const judged: number[] = [];
  for (const [index, criterion] of plan.criteria.entries()) {
    if (criterion.check.type === 'judge') {
      judged.push(index);
      continue;
    }
    const pending = runDirect(criterion, criterion.check.run, item, statusOf);
    const outcome = pending instanceof Promise ? await pending.catch((error) => errored(errorMessage(error))) : pending;
    results[index] = toResult(criterion, outcome);
  }
  const questions: (JudgeQuestion & { index: number })[] = [];
  for (const index of judged) {
    const criterion = plan.criteria[index];
    if (criterion === undefined || criterion.check.type !== 'judge') continue;
    const gate = applicability(criterion, subject, statusOf);
    if (gate !== null) results[index] = toResult(criterion, gate);
    else questions.push({ id: criterion.id, question: criterion.check.question, index });
  }
  let usage: ModelPortUsage | null = null;
  if (questions.length > 0 && plan.judge !== undefined) {
    const run = await runJudge(plan.judge, questions, subject, plan.judgeSettings);
    usage = run.usage;
    for (const question of questions) {
      const criterion = plan.criteria[question.index];
      const outcome = run.outcomes.get(question.id) ?? errored('judge gave no answer');
      if (criterion !== undefined) results[question.index] = toResult(criterion, outcome);
    }
  }
  return finish(plan, results, usage);
}
