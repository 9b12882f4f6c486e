// The `sim:optimizer` task: the offline optimizer model. It reads only the optimization request the loop sends.
//
// Rules, each a pure function of the request document and the seed (choices by seeded hash):
// - Unreadable call (no `Optimization request (JSON):` document, or a task other than reflect/rewrite): a short text
//   saying this is the simulated optimizer and what it needs, so misuse is visible.
// - `reflect`: the part is a tool's description when the cause's criteria are about that tool (a `tool_*` kind, or
//   the tool named in a description or rationale), else `system` (`user` only when `system` is not editable). Each
//   failing criterion's description becomes an imperative ("Answers with JSON only" → "Answer with JSON only.",
//   noun phrases and adjectives through templates by hash); what at least half (and two) of its rationales say adds
//   a hint (a missing key → "Always include the "x" field.", invalid JSON, a wrong type, a value, a language); JSON
//   keys every passing output has and most failing JSON outputs lack add a field hint. Lines the request's
//   `triedBefore` says did not help are not repeated: they come back first, restated more firmly ("Always … all the
//   …"). At most 3 new sentences,
//   appended to the part's text (kept verbatim), none whose normalized words the text already holds; nothing new →
//   the text unchanged.
// - `rewrite` (OPRO): the best earlier prompt's first sentence, a hash-chosen ~70 % of its other sentences, what the
//   exemplars' expected outputs show (JSON object, shared keys, a label set, short answers), 1–2 generic advice
//   sentences from a pool.
// - Quality knobs (`options.optimizer`, rules of the same names force them): `noopEdit` (noopRate 0.05) returns the
//   text unchanged; `overgeneralEdit` (overgeneralRate 0.1) adds one vague sentence instead of the specific ones;
//   `paraphraseEdit` (paraphraseRate 0.2, per sentence) keeps an instruction's gist but drops its detail.
// It never reads the task simulators (tasks/schemaorg, tasks/ifeval, tasks/judge); `optimizer-imports.test.ts` checks.
import type { EditablePart } from '@kaizen/core';
import { hashHex } from '../../seeded-hash.js';
import type { SimulatedRequest, SimulatedResponse, SimulatedTask } from '../../simulated-task.js';
import { OPTIMIZER_RULE_NAMES, type OptimizerRuleName, optimizerRates } from './optimizer-rules.js';
import { seededPick } from './pick.js';
import { proposeReflection } from './propose-reflection.js';
import { proposeRewrite } from './propose-rewrite.js';
import { readRequest } from './read-request.js';

/** The answer to a call that holds no optimization request. */
export const NOT_A_REQUEST =
  'I am the simulated optimizer (sim:optimizer). I need an optimization request: a message with ' +
  '"Optimization request (JSON):" followed by a reflect or rewrite request document, as buildOptimizerMessages writes it.';

export interface OptimizerRun extends SimulatedResponse {
  readonly fired: readonly OptimizerRuleName[];
  /** The request's task, or null when no request was found. */
  readonly task: 'reflect' | 'rewrite' | null;
  /** The edit answered (null when no request was found). */
  readonly answer: { readonly part: EditablePart; readonly text: string; readonly rationale: string } | null;
  /** Sentences a reflect edit appended (empty for a no-op and for rewrites). */
  readonly added: readonly string[];
}

/**
 * Runs the optimizer simulation; `createSimulatedModel('optimizer')` calls this. The answer is one compact JSON
 * object `{"part","text","rationale"}`, which `parseReflectionAnswer` reads.
 * @example
 * const messages = buildOptimizerMessages(request).map((message) => ({ role: message.role, text: message.content }));
 * JSON.parse(simulateOptimizer({ messages, seed: 0, responseFormat: undefined, options: {} }).text).part; // 'system'
 */
export function simulateOptimizer(request: SimulatedRequest): OptimizerRun {
  const document = readRequest(request.messages);
  if (document === null) return { text: NOT_A_REQUEST, fired: [], task: null, answer: null, added: [] };
  const pick = seededPick(request.seed, hashHex(JSON.stringify(document)));
  const rates = optimizerRates(request.options);
  const rules = request.options.rules;
  if (document.task === 'rewrite') {
    const proposal = proposeRewrite(document, pick, rates, rules);
    const answer = { part: 'system' as const, text: proposal.text, rationale: proposal.rationale };
    return { text: JSON.stringify(answer), fired: proposal.fired, task: 'rewrite', answer, added: [] };
  }
  const proposal = proposeReflection(document, pick, rates, rules);
  const answer = { part: proposal.part, text: proposal.text, rationale: proposal.rationale };
  const fired = OPTIMIZER_RULE_NAMES.filter((name) => proposal.fired.includes(name));
  return { text: JSON.stringify(answer), fired, task: 'reflect', answer, added: proposal.added };
}

/** The registry entry of `sim:optimizer`. */
export const optimizerTask: SimulatedTask = {
  name: 'optimizer',
  ruleNames: OPTIMIZER_RULE_NAMES,
  respond: simulateOptimizer,
};
