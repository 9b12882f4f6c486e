// output_language and ifeval: checks built on the IFEval module (its language detector and its 25 instructions).
import { buildIfevalPredicate, followsInstruction } from '../ifeval/check-instruction.js';
import { detectLanguage } from '../ifeval/detect-language.js';
import type { CheckFactory } from './check-factory.js';
import { direct } from './check-factory.js';
import { errorMessage, failed, PASSED } from './check-outcome.js';
import { stringOf } from './read-spec.js';

/**
 * Fails on text with no letters or no language evidence ("und"): nothing shows it is in the language.
 * @example { kind: 'output_language', language: 'fr' }
 */
export const outputLanguage: CheckFactory<'output_language'> = (spec, context) => {
  const language = stringOf(context, spec.language, 'language').toLowerCase();
  return direct((item) => {
    const detected = detectLanguage(item.subject.output);
    if (detected === language) return PASSED;
    if (detected === null) return failed('output has no letters');
    return failed(
      detected === 'und' ? 'language could not be determined' : `output is in "${detected}", not "${language}"`,
    );
  });
};

/**
 * One IFEval instruction, strict (default) or loose as the paper defines them; kwargs are validated here.
 * @example { kind: 'ifeval', instruction: 'length_constraints:number_words', kwargs: { relation: 'less than', num_words: 100 } }
 */
export const ifeval: CheckFactory<'ifeval'> = (spec, context) => {
  const mode = spec.mode ?? 'strict';
  if (mode !== 'strict' && mode !== 'loose') context.invalid('mode must be "strict" or "loose"');
  let predicate: (response: string) => boolean;
  try {
    predicate = buildIfevalPredicate(spec.instruction, spec.kwargs ?? {});
  } catch (error) {
    return context.invalid(errorMessage(error));
  }
  return direct((item) =>
    followsInstruction(predicate, item.subject.output, mode)
      ? PASSED
      : failed(`does not follow ${spec.instruction} (${mode})`),
  );
};
