// Public API of Kaizen's simulated model (`@kaizen/models/simulated`): offline, deterministic, labelled simulated.
export { createSimulatedModel, SIMULATED_PROVIDER } from './create-simulated-model.js';
export { CHARS_PER_TOKEN, estimateTokens, TOKENS_PER_MESSAGE } from './estimate-tokens.js';
export { detectInstruction, findMentions, type InstructionFamily, phrase } from './instructions/detect-instruction.js';
export { type PromptMessage, toPromptMessages } from './prompt-messages.js';
export { seededIndex, seededUnit } from './seeded-hash.js';
export {
  DEFAULT_LONG_PROMPT,
  DEFAULT_NOISE,
  type SimulatedOptions,
  type SimulatedRuleName,
} from './simulated-options.js';
export type { SimulatedRequest, SimulatedResponse, SimulatedTask } from './simulated-task.js';
export { isSimulatedTask, resolveSimulatedTask, SIMULATED_TASKS, type SimulatedTaskName } from './task-registry.js';
export { IFEVAL_BASE_RATES } from './tasks/ifeval/base-rates.js';
export type { IfevalDecision } from './tasks/ifeval/decide-compliance.js';
export type { IfevalInstruction } from './tasks/ifeval/ifeval-instruction.js';
export { IFEVAL_RULE_NAMES, type IfevalRuleName } from './tasks/ifeval/ifeval-rules.js';
export { type IfevalRun, simulateIfeval } from './tasks/ifeval/ifeval-task.js';
export { readIfevalPrompt } from './tasks/ifeval/read-ifeval-prompt.js';
export { REMINDER_EFFECT, readReminders } from './tasks/ifeval/read-reminders.js';
export { DEFAULT_JUDGE_ERROR_RATE, JUDGE_RULE_NAMES, type JudgeRuleName } from './tasks/judge/judge-rules.js';
export { type JudgeRun, simulateJudge } from './tasks/judge/judge-task.js';
export { type JudgeCriterion, type JudgeSubject, readCriteria, readSubject } from './tasks/judge/read-judge-prompt.js';
export { SCHEMAORG_RULE_NAMES, type SchemaorgRuleName } from './tasks/schemaorg/rules.js';
export { type SchemaorgRun, simulateSchemaorg } from './tasks/schemaorg/schemaorg-task.js';
