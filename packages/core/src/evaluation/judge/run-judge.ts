// One judge call per item: asks every applicable judged criterion at once and turns the reply into outcomes.
import type { ModelPort, ModelPortUsage } from '../../ports/model-port.js';
import { type CheckOutcome, errored, errorMessage, failed, passed } from '../checks/check-outcome.js';
import type { EvaluationSubject } from '../evaluation-subject.js';
import { buildJudgeMessages, type JudgeQuestion, judgeResponseSchema } from './judge-prompt.js';
import { parseJudgeReply } from './parse-judge-answer.js';

export interface JudgeSettings {
  readonly seed?: number;
  readonly maxOutputTokens?: number;
  /** The checklist's description, given to the judge as the system's task. */
  readonly task?: string;
}

export interface JudgeRun {
  readonly outcomes: ReadonlyMap<string, CheckOutcome>;
  readonly usage: ModelPortUsage | null;
}

/**
 * A rejected call (a timeout included) or an unparseable reply makes every asked criterion `errored`.
 * @example
 * const { outcomes } = await runJudge(port, [{ id: 'polite', question: 'Is it polite?' }], subject, {});
 * outcomes.get('polite'); // { status: 'passed', rationale: 'Says please.' }
 */
export async function runJudge(
  port: ModelPort,
  questions: readonly JudgeQuestion[],
  subject: EvaluationSubject,
  settings: JudgeSettings,
): Promise<JudgeRun> {
  const ids = questions.map((question) => question.id);
  const allErrored = (reason: string): Map<string, CheckOutcome> => new Map(ids.map((id) => [id, errored(reason)]));
  let response: Awaited<ReturnType<ModelPort['generate']>>;
  try {
    response = await port.generate({
      messages: buildJudgeMessages(questions, subject, settings.task),
      temperature: 0,
      responseSchema: judgeResponseSchema(ids),
      ...(settings.seed !== undefined ? { seed: settings.seed } : {}),
      ...(settings.maxOutputTokens !== undefined ? { maxOutputTokens: settings.maxOutputTokens } : {}),
    });
  } catch (error) {
    return { outcomes: allErrored(`judge call failed: ${errorMessage(error)}`), usage: null };
  }
  const usage = response.usage ?? null;
  const reply = parseJudgeReply(typeof response.text === 'string' ? response.text : '', ids);
  if (!reply.ok) return { outcomes: allErrored(reply.error), usage };
  const outcomes = new Map<string, CheckOutcome>();
  for (const [id, answer] of reply.answers) {
    const rationale = answer.rationale.trim() === '' ? 'judge answered "no"' : answer.rationale;
    outcomes.set(id, answer.answer === 'yes' ? passed(answer.rationale || null) : failed(rationale));
  }
  return { outcomes, usage };
}
