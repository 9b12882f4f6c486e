// What the ifeval simulator reads from a prompt: IFEval instruction ids with their parameters, as IFEval names them.
import type { IfevalInstructionId } from '@kaizen/core';

/** Parameters in IFEval's own kwargs names (`num_words`, `relation`, `keywords`…), so a test can compare them. */
export type IfevalKwargs = Readonly<Record<string, string | number | readonly string[]>>;

/** One instruction the simulator found in the prompt text; `at` is where it was found (prompt order). */
export interface IfevalInstruction {
  readonly id: IfevalInstructionId;
  readonly kwargs: IfevalKwargs;
  readonly at: number;
}

/** IFEval's two comparison relations: `less than` is `actual < n`, `at least` is `actual >= n`. */
export type Relation = 'less than' | 'at least';

/** A requested count as IFEval states it. */
export interface Bound {
  readonly relation: Relation;
  readonly count: number;
}

/**
 * @example
 * instruction('punctuation:no_comma', {}, 42); // { id: 'punctuation:no_comma', kwargs: {}, at: 42 }
 */
export function instruction(id: IfevalInstructionId, kwargs: IfevalKwargs, at: number): IfevalInstruction {
  return { id, kwargs, at };
}
