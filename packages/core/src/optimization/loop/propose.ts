// The proposals a round makes: per root cause, edits in order of preference; for compression, sentence blocks.
import type { DatasetItem } from '../../datasets/dataset.js';
import type { Criterion } from '../../evaluation/checklist.js';
import type { PromptContent, PromptExample } from '../../prompts/prompt.js';
import type { RcaReport, RootCause } from '../../rca/rca-types.js';
import { ablateSentenceBlock, splitSentences } from '../operators/ablate-sentences.js';
import { type PromptCandidate, systemText } from '../operators/candidate.js';
import { criterionToInstruction } from '../operators/criterion-to-instruction.js';
import { CHARS_PER_TOKEN } from '../operators/estimate-prompt-tokens.js';
import { addFewShotExample, swapFewShotExample } from '../operators/few-shot.js';
import type { TriedEdit } from '../reflection/reflection-protocol.js';
import { NO_COST } from './budget-tracker.js';
import type { CallCost, EvaluatedItem, OptimizationOperator, OptimizerPort } from './optimization-types.js';
import { reflect } from './reflect.js';
import { seededShuffle } from './seeded-shuffle.js';

/** Demonstrations a prompt carries at most; beyond, a new one replaces an old one. */
const MAX_EXAMPLES = 3;
/** Estimated tokens of one demonstration (input and output) beyond which it is not proposed. */
const MAX_EXAMPLE_TOKENS = 1000;

export interface Proposal {
  readonly operator: OptimizationOperator;
  /** What `tried` knows the proposal by: the operator, or `reflect-again` for a second reflection. */
  readonly key: string;
  make(
    optimizer: OptimizerPort | undefined,
  ): Promise<{ readonly candidate: PromptCandidate | null; readonly cost: CallCost }>;
}

export interface CauseProposalInput {
  readonly content: PromptContent;
  readonly cause: RootCause;
  readonly report: RcaReport;
  readonly criteria: readonly Criterion[];
  /** The current best's train results. */
  readonly train: readonly { readonly item: DatasetItem; readonly result: EvaluatedItem }[];
  readonly operators: ReadonlySet<OptimizationOperator>;
  readonly seed: number;
  /** Reflections on this cause and prompt that did not beat the best on their minibatch, oldest first. */
  readonly failedReflections: readonly TriedEdit[];
  readonly tried: (key: string) => boolean;
}

/** The `tried` key of a second reflection on a cause, told what the first one added. */
export const REFLECT_AGAIN = 'reflect-again';

const done = (candidate: PromptCandidate | null) => Promise.resolve({ candidate, cost: NO_COST });

/**
 * Reflection first (it sees the failures and their rationales) — once more, told what did not work, when the first
 * reflection did not help — then the model-free operators: the failed criterion as an instruction, a demonstration
 * taken from a passing item. Proposals already tried against this cause on the current best are left out.
 */
export function proposalsForCause(input: CauseProposalInput): Proposal[] {
  const { cause, content } = input;
  const failsCause = (result: EvaluatedItem) => cause.criteria.some((id) => result.statuses[id] === 'failed');
  const failing = seededShuffle(
    input.train.filter(({ result }) => failsCause(result)),
    input.seed,
    'reflect-failing',
    cause.id,
  );
  const passing = seededShuffle(
    input.train.filter(({ result }) => !failsCause(result) && result.passed),
    input.seed,
    'reflect-passing',
    cause.id,
  );
  const proposals: Proposal[] = [];
  const allowed = (operator: OptimizationOperator) => input.operators.has(operator) && !input.tried(operator);

  const reflection = (key: string, triedBefore: readonly TriedEdit[]): Proposal => ({
    operator: 'reflect',
    key,
    make: (optimizer) =>
      optimizer === undefined
        ? done(null)
        : reflect(optimizer, {
            content,
            cause,
            report: input.report,
            criteria: input.criteria,
            failing: failing.slice(0, 3),
            passing: passing.slice(0, 2),
            triedBefore,
            seed: input.seed,
          }),
  });
  if (allowed('reflect')) proposals.push(reflection('reflect', []));
  if (allowed('criterion-to-instruction')) {
    proposals.push({
      operator: 'criterion-to-instruction',
      key: 'criterion-to-instruction',
      make: () => {
        // A cluster cause fails on several criteria at once: one edit states every one of them.
        let current: PromptCandidate | null = null;
        const descriptions: string[] = [];
        for (const id of cause.criteria) {
          const criterion = input.criteria.find((candidate) => candidate.id === id);
          if (criterion === undefined) continue;
          const next = criterionToInstruction(current?.content ?? content, criterion, { causeId: cause.id });
          if (next === null) continue;
          current = next;
          descriptions.push(next.edit.description);
        }
        if (current === null) return done(null);
        return done({ content: current.content, edit: { ...current.edit, description: descriptions.join('\n') } });
      },
    });
  }
  if (input.operators.has('reflect') && input.failedReflections.length > 0 && !input.tried(REFLECT_AGAIN)) {
    proposals.push(reflection(REFLECT_AGAIN, input.failedReflections));
  }
  if (allowed('few-shot')) {
    proposals.push({
      operator: 'few-shot',
      key: 'few-shot',
      make: () => {
        // A demonstration costs its size on every call: a whole web page as an example is not worth trying.
        const source = passing.find(
          ({ item, result }) =>
            !Array.isArray(item.input) &&
            result.output !== null &&
            (JSON.stringify(item.input).length + result.output.length) / CHARS_PER_TOKEN <= MAX_EXAMPLE_TOKENS,
        );
        if (source === undefined) return done(null);
        const example: PromptExample = {
          input: source.item.input as Readonly<Record<string, unknown>>,
          output: source.result.output ?? '',
        };
        const options = { causeId: cause.id };
        return done(
          content.examples.length < MAX_EXAMPLES
            ? addFewShotExample(content, example, options)
            : swapFewShotExample(content, input.seed % content.examples.length, example, options),
        );
      },
    });
  }
  return proposals;
}

export interface CompressionProposal {
  /** Identifies the proposal for the current best, so it is tried once. */
  readonly key: string;
  readonly candidate: PromptCandidate;
}

/**
 * Blocks of system sentences to remove, coarse to fine (halves, quarters, eighths…): delta debugging finds a
 * padded prompt's dead weight in O(k log n) tries where one sentence at a time needs n. Prompts of fewer than four
 * sentences are left alone.
 */
export function compressionProposals(content: PromptContent, bestId: string): CompressionProposal[] {
  const text = typeof content.template === 'string' ? content.template : systemText(content);
  if (text === null) return [];
  const count = splitSentences(text).length;
  if (count < 4) return [];
  const proposals: CompressionProposal[] = [];
  for (let parts = 2; parts <= count; parts *= 2) {
    const size = Math.ceil(count / parts);
    for (let from = 0; from < count; from += size) {
      const to = Math.min(count, from + size);
      const candidate = ablateSentenceBlock(content, from, to);
      if (candidate !== null) proposals.push({ key: `${bestId}|ablate|${from}-${to}`, candidate });
    }
  }
  return proposals;
}
