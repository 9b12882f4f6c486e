// The `sim:ifeval` task: reads an IFEval-style prompt and writes an answer that follows each instruction or not.
import { estimateTokens } from '../../estimate-tokens.js';
import { hashHex, seededUnit } from '../../seeded-hash.js';
import { DEFAULT_FAILURE_SCALE, DEFAULT_LONG_PROMPT } from '../../simulated-options.js';
import type { SimulatedRequest, SimulatedResponse, SimulatedTask } from '../../simulated-task.js';
import { decide, type IfevalDecision } from './decide-compliance.js';
import { fitAnswer } from './fit-answer.js';
import { brokenByFixedText, followedByFixedText } from './fixed-text-conflicts.js';
import type { IfevalInstruction } from './ifeval-instruction.js';
import { IFEVAL_RULE_NAMES, type IfevalRuleName } from './ifeval-rules.js';
import { PLAN_STEPS } from './plan-steps.js';
import { readIfevalPrompt } from './read-ifeval-prompt.js';
import { readReminders } from './read-reminders.js';
import { planFilter } from './render-context.js';
import { emptyPlan } from './response-plan.js';
import { topicWords } from './topic-words.js';

export interface IfevalRun extends SimulatedResponse {
  readonly fired: readonly IfevalRuleName[];
  /** What the simulator read from the prompt, in prompt order. */
  readonly instructions: readonly IfevalInstruction[];
  /** Whether each instruction was written to be followed, and why. */
  readonly decisions: readonly IfevalDecision[];
  /** What the system prompt reminded of ('general', class names, instruction ids). */
  readonly reminders: readonly string[];
}

function splitPrompt(request: SimulatedRequest): { prompt: string; system: string } {
  const lastUser = request.messages.findLastIndex((message) => message.role === 'user');
  const prompt = request.messages[lastUser]?.text ?? '';
  const system = request.messages
    .filter((_message, index) => index !== lastUser)
    .map((message) => message.text)
    .join('\n');
  return { prompt, system };
}

/**
 * Runs the ifeval simulation; `createSimulatedModel('ifeval')` calls this. The user message is the IFEval prompt;
 * every other message (the system prompt) can only remind, and overload, the model.
 * @example
 * const run = simulateIfeval({ messages: [{ role: 'user', text: 'Write a haiku. Do not use any commas.' }], seed: 0, responseFormat: undefined, options: {} });
 * run.decisions[0]?.instruction.id; // 'punctuation:no_comma'
 */
export function simulateIfeval(request: SimulatedRequest): IfevalRun {
  const { prompt, system } = splitPrompt(request);
  const instructions = readIfevalPrompt(prompt);
  const reminders = readReminders(system);
  const long = { ...DEFAULT_LONG_PROMPT, ...request.options.longPrompt };
  const excess = estimateTokens(system) - long.thresholdTokens;
  const forgetProbability = excess <= 0 ? 0 : excess / (excess + long.halfDropTokens);
  const context = {
    seed: request.seed,
    prompt,
    reminders,
    forgetProbability,
    rules: request.options.rules,
    failureScale: request.options.failureScale ?? DEFAULT_FAILURE_SCALE,
  };
  const fired = new Set<IfevalRuleName>();
  const plan = emptyPlan();
  plan.placeholderNames = [...prompt.matchAll(/\[([\p{L}][\p{L}\p{N} ]{0,20})\]/gu)].map((match) => match[1] ?? '');
  const fixed = readIfevalPrompt(prompt).find((found) => found.id === 'combination:repeat_prompt')?.kwargs
    .prompt_to_repeat;
  const decisions = instructions.map((instruction, index) => {
    const { decision: drawn, fired: rule } = decide(instruction, index, context);
    const repeated = typeof fixed === 'string' ? fixed : '';
    const decision =
      drawn.comply && brokenByFixedText(instruction, repeated)
        ? { ...drawn, comply: false, reason: 'conflict' as const }
        : !drawn.comply && followedByFixedText(instruction, repeated)
          ? { ...drawn, comply: true, reason: 'conflict' as const }
          : drawn;
    const draw = (name: string) => seededUnit(request.seed, 'plan', instruction.id, index, name, prompt);
    const followed = PLAN_STEPS[instruction.id](plan, instruction.kwargs, decision.comply, draw);
    if (followed === decision.comply) {
      if (rule !== undefined) fired.add(rule);
      return decision;
    }
    return { ...decision, comply: followed, reason: followed ? 'cannot-fail' : 'cannot-comply' } as const;
  });
  const topic = topicWords(plan.repeat === undefined ? prompt : plan.repeat.text);
  const context2 = { seed: request.seed, key: hashHex(prompt), topic, filter: planFilter(plan) };
  let text = fitAnswer(plan, context2);
  if (request.responseFormat?.type === 'json') {
    try {
      JSON.parse(text);
    } catch {
      text = JSON.stringify({ answer: text });
    }
  }
  const order = IFEVAL_RULE_NAMES.filter((name) => fired.has(name));
  return { text, fired: order, instructions, decisions, reminders: reminders.found };
}

/** The registry entry of `sim:ifeval`. */
export const ifevalTask: SimulatedTask = {
  name: 'ifeval',
  ruleNames: IFEVAL_RULE_NAMES,
  respond: simulateIfeval,
};
