// The judge prompt: every judged criterion of a checklist as one yes/no question, answered in one structured reply.
import type { ModelPortMessage } from '../../ports/model-port.js';
import type { EvaluationSubject } from '../evaluation-subject.js';

export interface JudgeQuestion {
  readonly id: string;
  readonly question: string;
}

const SYSTEM = [
  'You are a strict evaluator. You answer yes/no questions about the output of an AI system.',
  'Judge each question on its own, using only the material given. Answer "yes" only when the output clearly',
  'satisfies the question; when it does not, or you cannot tell, answer "no". Give a one-sentence rationale that',
  'points at the part of the output that decided the answer.',
  'Reply with one JSON object and nothing else (no prose, no markdown), of this form:',
  '{"answers":[{"id":"<question id>","answer":"yes" or "no","rationale":"<one sentence>"}]}',
  'with exactly one answer for each question id, in the order given.',
].join('\n');

function isMessageList(value: unknown): value is readonly { role: string; content: string }[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        typeof item === 'object' && item !== null && typeof item.role === 'string' && typeof item.content === 'string',
    )
  );
}

/** Strings as they are, chat messages one per line with their role, anything else as indented JSON. */
export function renderValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isMessageList(value)) return value.map((message) => `[${message.role}] ${message.content}`).join('\n');
  return JSON.stringify(value, null, 2) ?? String(value);
}

/**
 * @example
 * buildJudgeMessages([{ id: 'polite', question: 'Is the answer polite?' }], { output: 'Sure!' }, 'support bot');
 * // [{ role: 'system', … }, { role: 'user', content: '<output>\nSure!\n</output>\n\nQuestions:\n1. id "polite": …' }]
 */
export function buildJudgeMessages(
  questions: readonly JudgeQuestion[],
  subject: EvaluationSubject,
  task?: string,
): ModelPortMessage[] {
  const sections: string[] = [];
  if (task !== undefined && task !== '') sections.push(`The system's task: ${task}`);
  if (subject.input !== undefined && subject.input !== null)
    sections.push(`<input>\n${renderValue(subject.input)}\n</input>`);
  if (subject.expected !== undefined) {
    sections.push(`<expected>\n${renderValue(subject.expected)}\n</expected>`);
  }
  sections.push(`<output>\n${subject.output}\n</output>`);
  const list = questions.map((item, index) => `${index + 1}. id ${JSON.stringify(item.id)}: ${item.question}`);
  sections.push(`Questions:\n${list.join('\n')}`);
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: sections.join('\n\n') },
  ];
}

/**
 * The structured-output schema of the reply: one answer per id, nothing else.
 * @example
 * judgeResponseSchema(['polite']).properties.answers.minItems; // 1
 */
export function judgeResponseSchema(ids: readonly string[]) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['answers'],
    properties: {
      answers: {
        type: 'array',
        minItems: ids.length,
        maxItems: ids.length,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'answer', 'rationale'],
          properties: {
            id: { type: 'string', enum: [...ids] },
            answer: { type: 'string', enum: ['yes', 'no'] },
            rationale: { type: 'string' },
          },
        },
      },
    },
  } as const;
}
