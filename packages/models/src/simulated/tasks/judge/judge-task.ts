// The `sim:judge` task: answers yes/no checklist questions about an output, with a rationale, deterministically.
import { seededIndex, seededUnit } from '../../seeded-hash.js';
import type { SimulatedRequest, SimulatedResponse, SimulatedTask } from '../../simulated-task.js';
import { byDraw, HEURISTICS } from './judge-heuristics.js';
import { DEFAULT_JUDGE_ERROR_RATE, JUDGE_RULE_NAMES, type JudgeRuleName } from './judge-rules.js';
import { type JudgeCriterion, readCriteria, readSubject } from './read-judge-prompt.js';
import { type JudgeAnswer, shapeAnswers } from './shape-answers.js';

export interface JudgeRun extends SimulatedResponse {
  readonly fired: readonly JudgeRuleName[];
  readonly criteria: readonly JudgeCriterion[];
  /** The answers before rules that break the reply (missing id, unparseable); flips included. */
  readonly answers: readonly JudgeAnswer[];
  /** Which heuristic decided each criterion ('json', 'contains', … or 'draw'), and whether it was flipped. */
  readonly verdicts: readonly { readonly id: string; readonly kind: string; readonly flipped: boolean }[];
}

/**
 * Runs the judge simulation; `createSimulatedModel('judge')` calls this. The whole conversation is read for
 * criteria and subject; `options.noise` is the share of flipped answers (default 0.1).
 * @example
 * const prompt = 'Criteria:\n- [json] Is the output valid JSON?\nOutput:\n{"a": 1}';
 * JSON.parse(simulateJudge({ messages: [{ role: 'user', text: prompt }], seed: 0, responseFormat: undefined, options: { noise: 0 } }).text);
 * // { answers: [{ id: 'json', answer: 'yes', rationale: 'The output parses as valid JSON.' }] }
 */
export function simulateJudge(request: SimulatedRequest): JudgeRun {
  const text = request.messages.map((message) => message.text).join('\n\n');
  const criteria = readCriteria(text);
  const subject = readSubject(text);
  const rules = request.options.rules ?? {};
  const errorRate = request.options.noise ?? DEFAULT_JUDGE_ERROR_RATE;
  const fired = new Set<JudgeRuleName>();
  const verdicts: { id: string; kind: string; flipped: boolean }[] = [];
  const answers = criteria.map(({ id, question }): JudgeAnswer => {
    const heuristic = HEURISTICS.find((candidate) => candidate.applies(question, subject));
    const verdict = heuristic?.judge(question, subject, request.seed) ?? byDraw(question, subject, request.seed);
    const flip =
      rules.flipAnswers ?? seededUnit(request.seed, 'judge-flip', id, question, subject.output ?? '') < errorRate;
    if (flip && rules.alwaysYes !== true) fired.add('flipAnswers');
    const yes = rules.alwaysYes === true ? true : flip ? !verdict.yes : verdict.yes;
    if (rules.alwaysYes === true) fired.add('alwaysYes');
    verdicts.push({ id, kind: heuristic?.kind ?? 'draw', flipped: flip && rules.alwaysYes !== true });
    return { id, answer: yes ? 'yes' : 'no', rationale: yes ? verdict.because.yes : verdict.because.no };
  });
  let sent = answers;
  if (rules.missingAnswer === true && answers.length > 0) {
    const dropped = seededIndex(answers.length, request.seed, 'judge-drop', text);
    sent = answers.filter((_answer, index) => index !== dropped);
    fired.add('missingAnswer');
  }
  const schema = request.responseFormat?.type === 'json' ? request.responseFormat.schema : undefined;
  let reply = JSON.stringify(shapeAnswers(sent, schema));
  if (rules.unparseableOutput === true) {
    reply = `Here is my assessment: ${reply.slice(0, Math.max(1, Math.floor(reply.length * 0.6)))}`;
    fired.add('unparseableOutput');
  }
  return { text: reply, fired: JUDGE_RULE_NAMES.filter((name) => fired.has(name)), criteria, answers, verdicts };
}

/** The registry entry of `sim:judge`. */
export const judgeTask: SimulatedTask = {
  name: 'judge',
  ruleNames: JUDGE_RULE_NAMES,
  respond: simulateJudge,
};
