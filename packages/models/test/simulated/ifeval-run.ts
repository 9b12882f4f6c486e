// Test helper: runs sim:ifeval over the fixture's 541 prompts and judges each instruction with the real checker.
import { checkIfevalInstruction } from '@kaizen/core';
import { type IfevalDecision, type SimulatedOptions, simulateIfeval } from '../../src/simulated/index.js';
import { type IfevalItem, loadIfevalItems, sameKwargs } from './load-ifeval-items.js';

export interface InstructionOutcome {
  readonly item: IfevalItem;
  readonly id: string;
  /** IFEval's strict check of the simulated answer, with the fixture's kwargs. */
  readonly passed: boolean;
  /** The simulator's decision for this instruction (matched by id, then kwargs); undefined if it did not read it. */
  readonly decision: IfevalDecision | undefined;
}

export interface FixtureRun {
  readonly outcomes: readonly InstructionOutcome[];
  readonly texts: readonly string[];
  /** Instruction-level strict pass rate, as IFEval reports it. */
  readonly passRate: number;
}

/** The fixture's prompts, read once. */
export const ITEMS = loadIfevalItems();

/**
 * Every fixture prompt as the user message, `system` (if any) as the system prompt.
 * @example
 * runFixture('Count your words carefully.').passRate; // e.g. 0.86
 */
export function runFixture(
  system: string | undefined,
  options: SimulatedOptions = {},
  seed = 0,
  items: readonly IfevalItem[] = ITEMS,
): FixtureRun {
  const outcomes: InstructionOutcome[] = [];
  const texts: string[] = [];
  for (const item of items) {
    const messages = [
      ...(system === undefined ? [] : [{ role: 'system' as const, text: system }]),
      { role: 'user' as const, text: item.prompt },
    ];
    const run = simulateIfeval({ messages, seed, responseFormat: undefined, options });
    texts.push(run.text);
    const unmatched = [...run.decisions];
    item.instruction_id_list.forEach((id, index) => {
      const kwargs = item.kwargs[index] ?? {};
      const candidates = unmatched.filter((decision) => decision.instruction.id === id);
      const decision =
        candidates.find((candidate) => sameKwargs(candidate.instruction.kwargs, kwargs)) ?? candidates[0];
      if (decision !== undefined) unmatched.splice(unmatched.indexOf(decision), 1);
      outcomes.push({ item, id, passed: checkIfevalInstruction(id, kwargs, run.text, 'strict'), decision });
    });
  }
  return { outcomes, texts, passRate: outcomes.filter((outcome) => outcome.passed).length / outcomes.length };
}
