// The reflective operator: asks the optimizer model for one edit aimed at a root cause (GEPA-style reflection).
import type { DatasetItem } from '../../datasets/dataset.js';
import type { Criterion } from '../../evaluation/checklist.js';
import type { PromptContent } from '../../prompts/prompt.js';
import type { RcaReport, RootCause } from '../../rca/rca-types.js';
import { makeEdit, type PromptCandidate } from '../operators/candidate.js';
import { buildOptimizerMessages, parseReflectionAnswer } from '../reflection/build-optimizer-messages.js';
import {
  REFLECTION_ANSWER_SCHEMA,
  REFLECTION_GUIDANCE,
  type ReflectionExample,
  type ReflectionRequest,
  type TriedEdit,
} from '../reflection/reflection-protocol.js';
import { excerpt, inputText } from './excerpt.js';
import type { CallCost, EvaluatedItem, OptimizerPort } from './optimization-types.js';
import { editableParts, reflectionPrompt, replacePart } from './prompt-parts.js';

export const REFLECT = 'reflect';

const checkKind = (criterion: Criterion | undefined): string =>
  criterion === undefined ? 'unknown' : String((criterion.check as { kind?: unknown }).kind ?? 'custom');

function example(item: DatasetItem, result: EvaluatedItem, cause: RootCause): ReflectionExample {
  return {
    itemId: item.itemId,
    input: excerpt(inputText(item.input), 1200),
    output: excerpt(result.output ?? '', 800),
    failed: cause.criteria
      .filter((id) => result.statuses[id] === 'failed')
      .map((id) => ({ criterionId: id, rationale: result.rationales[id] ?? '' })),
  };
}

export interface ReflectInput {
  readonly content: PromptContent;
  readonly cause: RootCause;
  readonly report: RcaReport;
  readonly criteria: readonly Criterion[];
  /** Train items picked to show the optimizer: failing ones first. */
  readonly failing: readonly { readonly item: DatasetItem; readonly result: EvaluatedItem }[];
  readonly passing: readonly { readonly item: DatasetItem; readonly result: EvaluatedItem }[];
  /** Edits already tried against the cause on this prompt that did not help: the optimizer should not repeat them. */
  readonly triedBefore?: readonly TriedEdit[];
  readonly seed: number;
}

/** The request the optimizer gets; pure, so tests can read exactly what the model is told. */
export function buildReflectionRequest(input: ReflectInput): ReflectionRequest {
  const { cause, report } = input;
  return {
    task: 'reflect',
    prompt: reflectionPrompt(input.content),
    editableParts: editableParts(input.content),
    cause: {
      id: cause.id,
      criteria: cause.criteria.map((id) => {
        const criterion = input.criteria.find((candidate) => candidate.id === id);
        const mode = report.failureModes.find((candidate) => candidate.criterionId === id);
        return {
          id,
          description: criterion?.description ?? id,
          kind: checkKind(criterion),
          failureRate: mode?.failureRate ?? cause.failureRate,
        };
      }),
      drivers: cause.drivers
        .slice(0, 3)
        .map((driver) => `${driver.feature}=${driver.value} (lift ×${driver.lift.toFixed(1)})`),
    },
    failing: input.failing.map(({ item, result }) => example(item, result, cause)),
    passing: input.passing.map(({ item, result }) => example(item, result, cause)),
    ...(input.triedBefore === undefined || input.triedBefore.length === 0 ? {} : { triedBefore: input.triedBefore }),
    guidance: REFLECTION_GUIDANCE,
  };
}

/**
 * One optimizer call; the candidate, or null when the answer holds no usable edit (no JSON, an unknown part, a user
 * template that lost a variable, no change). The cost is returned either way.
 */
export async function reflect(
  optimizer: OptimizerPort,
  input: ReflectInput,
): Promise<{ readonly candidate: PromptCandidate | null; readonly cost: CallCost }> {
  const request = buildReflectionRequest(input);
  const answer = await optimizer.generate({
    messages: buildOptimizerMessages(request),
    temperature: 0,
    seed: input.seed,
    responseSchema: REFLECTION_ANSWER_SCHEMA,
  });
  const parsed = parseReflectionAnswer(answer.text, request.editableParts);
  if (parsed === null) return { candidate: null, cost: answer.cost };
  const content = replacePart(input.content, parsed.part, parsed.text);
  if (content === null) return { candidate: null, cost: answer.cost };
  const why = parsed.rationale.trim() === '' ? `rewrite of ${parsed.part}` : parsed.rationale.trim();
  return {
    candidate: {
      content,
      edit: makeEdit(
        parsed.part === 'system' || parsed.part === 'user' ? parsed.part : 'tools',
        REFLECT,
        excerpt(why, 300),
        {
          causeId: input.cause.id,
        },
      ),
    },
    cost: answer.cost,
  };
}
