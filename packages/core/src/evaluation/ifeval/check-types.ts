// The shape every IFEval check has: validate an instruction's kwargs once, then judge any number of responses.

/** What a check is built from: the instruction's kwargs as the data gives them, and the prompt. */
export interface IfevalCheckContext {
  readonly kwargs: Readonly<Record<string, unknown>>;
  readonly prompt: string | undefined;
}

/** Judges one response text: did it follow the instruction? */
export type IfevalPredicate = (response: string) => boolean;

/**
 * Builds a predicate from an instruction's kwargs; throws `KaizenError('invalid_input')` on missing/bad kwargs.
 * @example
 * const noExclamation: IfevalCheckFactory = () => (response) => !response.includes('!');
 */
export type IfevalCheckFactory = (context: IfevalCheckContext) => IfevalPredicate;
