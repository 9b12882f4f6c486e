// Finds the optimization request document in the messages and checks its shape: the simulator reads nothing else.
import {
  type EditablePart,
  type ReflectionExample,
  type ReflectionPrompt,
  type ReflectionRequest,
  type RewriteRequest,
  readOptimizerRequest,
} from '@kaizen/core';
import type { PromptMessage } from '../../prompt-messages.js';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const number = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

function readPrompt(value: unknown): ReflectionPrompt {
  const prompt = isRecord(value) ? value : {};
  return {
    system: typeof prompt.system === 'string' ? prompt.system : null,
    user: typeof prompt.user === 'string' ? prompt.user : null,
    tools: list(prompt.tools)
      .filter(isRecord)
      .map((tool) => ({ name: text(tool.name), description: text(tool.description) }))
      .filter((tool) => tool.name !== ''),
    examples: number(prompt.examples),
  };
}

function readExample(value: unknown): ReflectionExample | null {
  if (!isRecord(value)) return null;
  return {
    itemId: text(value.itemId),
    input: text(value.input),
    output: text(value.output),
    failed: list(value.failed)
      .filter(isRecord)
      .map((entry) => ({ criterionId: text(entry.criterionId), rationale: text(entry.rationale) })),
  };
}

const examples = (value: unknown) =>
  list(value)
    .map(readExample)
    .filter((example): example is ReflectionExample => example !== null);

function isEditablePart(value: unknown): value is EditablePart {
  return value === 'system' || value === 'user' || (typeof value === 'string' && /^tool:.+/.test(value));
}

/** Edits tried before, present only when the request lists some (an absent field stays absent). */
function readTriedBefore(value: unknown): Pick<ReflectionRequest, 'triedBefore'> {
  const tried = list(value)
    .filter(isRecord)
    .flatMap((entry) =>
      isEditablePart(entry.part)
        ? [
            {
              part: entry.part,
              added: list(entry.added)
                .map(text)
                .filter((line) => line !== ''),
              outcome: text(entry.outcome),
            },
          ]
        : [],
    );
  return tried.length === 0 ? {} : { triedBefore: tried };
}

function readReflection(document: Json): ReflectionRequest {
  const cause = isRecord(document.cause) ? document.cause : {};
  return {
    task: 'reflect',
    prompt: readPrompt(document.prompt),
    editableParts: list(document.editableParts).filter(isEditablePart),
    cause: {
      id: text(cause.id),
      criteria: list(cause.criteria)
        .filter(isRecord)
        .map((criterion) => ({
          id: text(criterion.id),
          description: text(criterion.description),
          kind: text(criterion.kind),
          failureRate: number(criterion.failureRate),
        }))
        .filter((criterion) => criterion.id !== ''),
      drivers: list(cause.drivers).map(text),
    },
    failing: examples(document.failing),
    passing: examples(document.passing),
    ...readTriedBefore(document.triedBefore),
    guidance: text(document.guidance),
  };
}

function readRewrite(document: Json): RewriteRequest {
  return {
    task: 'rewrite',
    prompt: readPrompt(document.prompt),
    history: list(document.history)
      .filter(isRecord)
      .map((entry) => ({ system: text(entry.system), score: number(entry.score) })),
    exemplars: list(document.exemplars)
      .filter(isRecord)
      .map(({ input, expected }) => ({ input: text(input), expected: text(expected) })),
    guidance: text(document.guidance),
  };
}

/**
 * The request document the loop sent (`Optimization request (JSON):` + JSON), with missing fields read as empty; null
 * when the messages hold none or its task is neither `reflect` nor `rewrite`.
 * @example
 * readRequest([{ role: 'user', text: 'Optimization request (JSON):\n{"task":"rewrite",…}' }])?.task; // 'rewrite'
 */
export function readRequest(messages: readonly PromptMessage[]): ReflectionRequest | RewriteRequest | null {
  const document: unknown = readOptimizerRequest(messages.map((message) => ({ content: message.text })));
  if (!isRecord(document)) return null;
  if (document.task === 'reflect') return readReflection(document);
  if (document.task === 'rewrite') return readRewrite(document);
  return null;
}
