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
export { SCHEMAORG_RULE_NAMES, type SchemaorgRuleName } from './tasks/schemaorg/rules.js';
export { type SchemaorgRun, simulateSchemaorg } from './tasks/schemaorg/schemaorg-task.js';
