// Public surface of the IFEval checks.
export { checkIfevalInstruction, type IfevalMode, looseVariants } from './check-instruction.js';
export type { IfevalCheckContext, IfevalCheckFactory, IfevalPredicate } from './check-types.js';
export { detectLanguage } from './detect-language.js';
export { IFEVAL_INSTRUCTION_IDS, type IfevalInstructionId, isIfevalInstructionId } from './instruction-ids.js';
export { IFEVAL_CHECKS } from './registry.js';
export {
  type IfevalItem,
  type IfevalItemResult,
  type IfevalScore,
  judgeIfevalItem,
  scoreIfeval,
} from './score-ifeval.js';
