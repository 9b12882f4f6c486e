// Translates what ax's GEPA gives its proposer (current instruction, minibatch, feedback) into a Kaizen reflection
// request, adding nothing GEPA did not have: no root-cause drivers, only the criteria its feedback names.
import {
  REFLECTION_GUIDANCE,
  type ReflectionCriterion,
  type ReflectionExample,
  type ReflectionRequest,
} from '@kaizen/core';
import type { GepaFeedbackEntry } from './gepa-feedback.js';

/** Kaizen's reflection shows at most this much of an example's input and output (core's loop/reflect.ts). */
const INPUT_CHARS = 1200;
const OUTPUT_CHARS = 800;

/** Core's `excerpt` (not exported): the start and the end kept, the middle cut. */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil(max * 0.6);
  const tail = max - head;
  return `${text.slice(0, head)} […${text.length - max} characters cut…] ${text.slice(text.length - tail)}`;
}

interface MinibatchRow {
  readonly input: Readonly<Record<string, unknown>>;
  readonly prediction: unknown;
  readonly score: number;
}

function rowsOf(minibatch: unknown): MinibatchRow[] {
  if (!Array.isArray(minibatch)) return [];
  return minibatch.flatMap((row: unknown): MinibatchRow[] => {
    if (typeof row !== 'object' || row === null) return [];
    const record = row as Record<string, unknown>;
    const input = typeof record.input === 'object' && record.input !== null ? record.input : {};
    return [
      {
        input: input as Record<string, unknown>,
        prediction: record.prediction,
        score: typeof record.score === 'number' ? record.score : 0,
      },
    ];
  });
}

function answerOf(prediction: unknown): string {
  if (typeof prediction !== 'object' || prediction === null) return '';
  const record = prediction as Record<string, unknown>;
  if (typeof record.answer === 'string') return record.answer;
  if (typeof record.error === 'string') return `(the model call failed: ${record.error})`;
  return '';
}

export interface GepaProposalInput {
  /** ax's `currentValue`: the parent candidate's instruction. */
  readonly currentValue: string;
  /** ax's `minibatch`: `[{ input, prediction, score }]` as it rendered them. */
  readonly minibatch: unknown;
  /** The feedback entries the teacher's summary carried. */
  readonly feedback: readonly GepaFeedbackEntry[];
  /** The fixed user template; GEPA's teacher sees it filled in every minibatch input. */
  readonly userTemplate: string;
}

/**
 * One cause holding every criterion the minibatch failed (GEPA reflects on all its feedback at once), failure rates
 * over the minibatch, failing and passing examples with their rationales; only the system part is editable.
 * @example
 * const request = buildGepaReflectionRequest({ currentValue, minibatch, feedback, userTemplate });
 * await optimizer.generate({ messages: buildOptimizerMessages(request), temperature: 0 });
 */
export function buildGepaReflectionRequest(input: GepaProposalInput): ReflectionRequest {
  const rows = rowsOf(input.minibatch);
  const feedbackById = new Map(input.feedback.map((entry) => [entry.itemId, entry]));
  const failures = new Map<string, { criterion: Omit<ReflectionCriterion, 'failureRate'>; count: number }>();
  const failing: ReflectionExample[] = [];
  const passing: ReflectionExample[] = [];
  rows.forEach((row, index) => {
    const itemId = typeof row.input.itemId === 'string' ? row.input.itemId : `example-${index + 1}`;
    const entry = feedbackById.get(itemId);
    const userMessage = typeof row.input.userMessage === 'string' ? row.input.userMessage : JSON.stringify(row.input);
    const failed = entry?.failed ?? [];
    for (const criterion of failed) {
      const known = failures.get(criterion.criterionId);
      if (known !== undefined) known.count++;
      else {
        const { criterionId: id, description, kind } = criterion;
        failures.set(id, { criterion: { id, description, kind }, count: 1 });
      }
    }
    const example: ReflectionExample = {
      itemId,
      input: excerpt(userMessage, INPUT_CHARS),
      output: excerpt(answerOf(row.prediction), OUTPUT_CHARS),
      failed: failed.map(({ criterionId, rationale }) => ({ criterionId, rationale })),
    };
    (failed.length > 0 || row.score < 1 ? failing : passing).push(example);
  });
  const criteria = [...failures.values()]
    .sort((a, b) => b.count - a.count || a.criterion.id.localeCompare(b.criterion.id))
    .map(({ criterion, count }) => ({ ...criterion, failureRate: rows.length === 0 ? 0 : count / rows.length }));
  return {
    task: 'reflect',
    prompt: {
      system: input.currentValue === '' ? null : input.currentValue,
      user: input.userTemplate,
      tools: [],
      examples: 0,
    },
    editableParts: ['system'],
    cause: { id: 'gepa-minibatch-feedback', criteria, drivers: [] },
    failing,
    passing,
    guidance: REFLECTION_GUIDANCE,
  };
}
