// The `sim:schemaorg` task: reads the page in the prompt and answers with JSON-LD shaped by the rules.
import { CHARS_PER_TOKEN } from '../../estimate-tokens.js';
import { DEFAULT_LONG_PROMPT, DEFAULT_NOISE } from '../../simulated-options.js';
import type { SimulatedRequest, SimulatedResponse, SimulatedTask } from '../../simulated-task.js';
import { fieldMatches } from './entity-field.js';
import { fieldsFor } from './fields-by-type.js';
import { pickType, scoreTypes } from './infer-type.js';
import { locatePage } from './locate-page.js';
import { parsePage } from './parse-page.js';
import { type InstructionName, readInstructions, withApiInstructions } from './read-instructions.js';
import { renderEntity } from './render-entity.js';
import {
  type Draft,
  type RuleContext,
  SCHEMAORG_RULE_NAMES,
  SCHEMAORG_RULES,
  type SchemaorgRuleName,
} from './rules.js';

export interface SchemaorgRun extends SimulatedResponse {
  readonly fired: readonly SchemaorgRuleName[];
  readonly dropped: readonly InstructionName[];
  /** The type the simulator read the page as (before the genericType rule). */
  readonly pageType: string;
}

/**
 * Runs the schemaorg simulation and reports which rules fired; `createSimulatedModel('schemaorg')` calls this.
 *
 * @example
 * simulateSchemaorg({ messages, seed: 0, responseFormat: undefined, options: { noise: 0 } }).fired;
 * // ['genericType', 'minimalProperties', 'inventFacts', 'omitContext', 'proseAroundJson'] for a bare prompt
 */
export function simulateSchemaorg(request: SimulatedRequest): SchemaorgRun {
  const located = locatePage(request.messages);
  const facts = parsePage(located.pageHtml);
  const promptChars = request.messages.reduce((sum, message) => sum + message.text.length, 0) - located.pageHtml.length;
  const context: RuleContext = {
    seed: request.seed,
    pageHtml: located.pageHtml,
    instructionText: located.instructionText,
    promptTokens: Math.ceil(Math.max(0, promptChars) / CHARS_PER_TOKEN),
    facts,
    noise: request.options.noise ?? DEFAULT_NOISE,
    longPrompt: { ...DEFAULT_LONG_PROMPT, ...request.options.longPrompt },
  };
  const fired: SchemaorgRuleName[] = [];
  let draft: Draft = {
    instructions: readInstructions(located),
    dropped: [],
    pageType: 'WebPage',
    type: 'WebPage',
    fields: [],
    shapes: new Map(),
    defaultNested: false,
    context: true,
    entity: undefined,
    answer: undefined,
  };
  const runStage = (stage: 'prompt' | 'entity' | 'answer') => {
    for (const name of SCHEMAORG_RULE_NAMES) {
      const rule: (typeof SCHEMAORG_RULES)[SchemaorgRuleName] = SCHEMAORG_RULES[name];
      if (rule.stage !== stage) continue;
      const forced = request.options.rules?.[name];
      if (!(forced ?? rule.when(draft, context))) continue;
      draft = rule.apply(draft, context, forced === true);
      fired.push(name);
    }
  };

  runStage('prompt');
  // The response format is an API setting, not prompt text: no prompt length makes the model forget it.
  const instructions = withApiInstructions(draft.instructions, request.responseFormat);
  const pageType = pickType(scoreTypes(facts), {
    allowed: instructions.allowedTypes,
    forbidden: instructions.forbiddenTypes,
  });
  const found = fieldsFor(pageType, facts);
  // "Fill every property, such as name, offers…" names fields as illustrations: asking for everything wins.
  const restricted = instructions.fields.length > 0 && !instructions.completeProperties;
  const listed = restricted ? found.filter((field) => fieldMatches(field, instructions.fields)) : found;
  const fields = listed.filter((field) => !fieldMatches(field, instructions.excludedFields));
  draft = { ...draft, instructions, pageType, type: pageType, fields };
  runStage('entity');
  const entity = renderEntity(draft);
  draft = { ...draft, entity, answer: JSON.stringify(entity, null, 2) };
  runStage('answer');
  return { text: draft.answer ?? '', fired, dropped: draft.dropped, pageType };
}

export const schemaorgTask: SimulatedTask = {
  name: 'schemaorg',
  ruleNames: SCHEMAORG_RULE_NAMES,
  respond: simulateSchemaorg,
};
