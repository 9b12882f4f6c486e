// The answer to a `reflect` request: instructions for the cause's failing criteria, appended to one part's text.
import type { EditablePart, ReflectionCriterion, ReflectionRequest } from '@kaizen/core';
import type { SimulatedOptions } from '../../simulated-options.js';
import { choosePart, partText } from './choose-part.js';
import { instructionFromDescription } from './description-instruction.js';
import { lowerFirst } from './english-words.js';
import type { OptimizerRates, OptimizerRuleName } from './optimizer-rules.js';
import { looseParaphrase } from './paraphrase.js';
import { keysPassingHave } from './passing-contrast.js';
import type { Pick } from './pick.js';
import { fieldHint, recurringHints } from './rationale-hints.js';
import { alreadySays, appendSentences, finishSentence, normalizeText } from './sentence-text.js';

/** At most this many sentences per edit: change as little as needed. */
export const MAX_NEW_SENTENCES = 3;

/** What a vague reflection model adds instead of the specific instruction (`overgeneralEdit`). */
export const VAGUE_SENTENCES = [
  'Be careful and accurate.',
  'Take care to get every detail right.',
  'Think about what is being asked before you answer.',
  'Make your answer as good as you can.',
] as const;

/** Budget kinds: their descriptions speak of measurements ("Answered within 2 s"), not of what to write. */
const KIND_SENTENCES: Readonly<Record<string, string>> = {
  max_latency_ms: 'Keep your answer short and to the point.',
  max_cost_usd: 'Keep your answer short and to the point.',
  max_tokens: 'Keep your answer short and to the point.',
  max_steps: 'Answer directly, with as few steps and tool calls as possible.',
  max_model_calls: 'Answer directly, with as few steps and tool calls as possible.',
  final_answer_present: 'Always finish with a final answer in text.',
};

export interface Proposal {
  readonly part: EditablePart;
  readonly text: string;
  readonly rationale: string;
  /** The sentences added (empty for a no-op). */
  readonly added: readonly string[];
  readonly fired: readonly OptimizerRuleName[];
}

interface Candidate {
  readonly key: string;
  readonly text: string;
}

type Rules = SimulatedOptions['rules'];

/** A rule happens when forced on, never when forced off, else when the draw falls under its rate. */
export function happens(rules: Rules, name: OptimizerRuleName, rate: number, draw: number): boolean {
  return rules?.[name] ?? draw < rate;
}

function failingCriteria(request: ReflectionRequest): ReflectionCriterion[] {
  const failedIds = new Set(request.failing.flatMap((example) => example.failed.map((entry) => entry.criterionId)));
  const failing = request.cause.criteria.filter(
    (criterion) => criterion.failureRate > 0 || failedIds.has(criterion.id),
  );
  const chosen = failing.length > 0 ? failing : [...request.cause.criteria];
  return chosen.sort((left, right) => right.failureRate - left.failureRate);
}

function rationalesOf(request: ReflectionRequest, criterionId: string): string[] {
  return request.failing.flatMap((example) =>
    example.failed
      .filter((entry) => entry.criterionId === criterionId && entry.rationale.trim() !== '')
      .map((entry) => entry.rationale),
  );
}

/**
 * Lines earlier edits added without fixing the cause, said again more firmly — what a reflection model told "this
 * did not work" writes instead of repeating itself.
 */
function restatedCandidates(request: ReflectionRequest): Candidate[] {
  return (request.triedBefore ?? []).flatMap((tried) =>
    tried.added.map((line) => ({ key: `restate:${normalizeText(line)}`, text: restate(line) })),
  );
}

/**
 * The specific sentences for the cause: lines tried before, restated; each criterion's description as an
 * instruction, then its rationales' hints.
 */
function specificCandidates(request: ReflectionRequest, forTool: boolean, pick: Pick): Candidate[] {
  const candidates: Candidate[] = restatedCandidates(request);
  for (const criterion of failingCriteria(request)) {
    const base =
      KIND_SENTENCES[criterion.kind] ?? instructionFromDescription(criterion.description, pick, criterion.id);
    if (base !== null) candidates.push({ key: `criterion:${criterion.id}`, text: base });
    const said = (base ?? '').toLowerCase();
    for (const hint of recurringHints(rationalesOf(request, criterion.id))) {
      if (hint.covers.some((word) => said.includes(word.toLowerCase()))) continue;
      candidates.push({ key: hint.key, text: hint.write(pick, forTool) });
    }
  }
  const aboutFields = candidates.some((candidate) => candidate.key.startsWith('field:'));
  const aboutTools = request.cause.criteria.every((criterion) => criterion.kind.startsWith('tool_'));
  if (!aboutFields && !aboutTools && !forTool) {
    const keys = keysPassingHave(
      request.failing.map((example) => example.output),
      request.passing.map((example) => example.output),
    );
    const said = candidates.map((candidate) => candidate.text.toLowerCase()).join(' ');
    for (const key of keys) {
      if (said.includes(key.toLowerCase())) continue;
      const hint = fieldHint(key, null);
      candidates.push({ key: hint.key, text: hint.write(pick, false) });
    }
  }
  return candidates;
}

/**
 * An instruction said again more firmly: "Always" before an imperative ("Important:" before a prohibition), and an
 * explicit "all" before its first plural object unless it has a quantifier already.
 * @example
 * restate('Fill in the details the page shows.'); // 'Always fill in all the details the page shows.'
 * restate('Do not add prose.'); // 'Important: do not add prose, in any answer.'
 */
export function restate(sentence: string): string {
  const body = sentence.trim().replace(/[.!?]+$/, '');
  if (/^(?:do not|don't|never|avoid|leave out)\b/i.test(body)) {
    return finishSentence(`Important: ${lowerFirst(body)}, in any answer`);
  }
  const scoped = /\b(?:all|every|each|any)\b/i.test(body)
    ? body
    : body.replace(/\bthe ([a-z]+s)\b/i, (_whole, noun: string) => `all the ${noun}`);
  const firm = /^(?:always|important|make sure|ensure|check|your answer must)\b/i.test(scoped)
    ? scoped
    : `Always ${lowerFirst(scoped)}`;
  return finishSentence(firm);
}

function describeCause(request: ReflectionRequest): string {
  const criteria = failingCriteria(request).map(
    (criterion) => `"${criterion.id}" (${Math.round(criterion.failureRate * 100)} % failing)`,
  );
  return criteria.length === 0 ? `cause ${request.cause.id}` : criteria.join(', ');
}

/**
 * One edit for the cause: the chosen part's text with instructions appended (everything else verbatim), or the text
 * unchanged when there is nothing new to say. Weak proposals happen at the rates of `options.optimizer`.
 * @example
 * proposeReflection(request, pick, rates, {}).text; // 'Extract the entity. Answer with JSON only: no prose, no markdown fences.'
 */
export function proposeReflection(
  request: ReflectionRequest,
  pick: Pick,
  rates: OptimizerRates,
  rules: Rules,
): Proposal {
  const part = choosePart(request, pick) ?? 'system';
  const current = partText(request, part);
  const unchanged = (rationale: string, fired: OptimizerRuleName[]): Proposal => ({
    part,
    text: current,
    rationale,
    added: [],
    fired,
  });
  if (happens(rules, 'noopEdit', rates.noopRate, pick.unit('noop'))) {
    return unchanged('The current text already covers this cause; I would not change it.', ['noopEdit']);
  }
  const fired = new Set<OptimizerRuleName>();
  const forTool = part.startsWith('tool:');
  const seen = new Set<string>();
  // What earlier edits added did not work: it is not proposed again as it was.
  const triedLines = (request.triedBefore ?? []).flatMap((tried) => tried.added);
  let sentences: string[] = [];
  for (const candidate of specificCandidates(request, forTool, pick)) {
    const loose = happens(rules, 'paraphraseEdit', rates.paraphraseRate, pick.unit('paraphrase', candidate.key));
    const text = loose ? looseParaphrase(candidate.text, pick, candidate.key) : candidate.text;
    const normal = normalizeText(text);
    if (seen.has(candidate.key) || seen.has(normal)) continue;
    if (alreadySays(current, candidate.text) || alreadySays(current, text)) continue;
    if (triedLines.some((line) => alreadySays(line, text))) continue;
    if (sentences.some((sentence) => alreadySays(sentence, text))) continue;
    seen.add(candidate.key);
    seen.add(normal);
    if (loose && text !== candidate.text) fired.add('paraphraseEdit');
    sentences.push(text);
  }
  sentences = sentences.slice(0, MAX_NEW_SENTENCES);
  if (happens(rules, 'overgeneralEdit', rates.overgeneralRate, pick.unit('overgeneral'))) {
    const start = VAGUE_SENTENCES.indexOf(pick.one(VAGUE_SENTENCES, 'vague'));
    const vague = [...VAGUE_SENTENCES.slice(start), ...VAGUE_SENTENCES.slice(0, start)].find(
      (sentence) => !alreadySays(current, sentence),
    );
    fired.clear();
    if (vague === undefined) return unchanged('The prompt already asks for care and accuracy.', ['overgeneralEdit']);
    return {
      part,
      text: appendSentences(current, [vague]),
      rationale: `${describeCause(request)}: the answers are not careful enough, so I ask for more care.`,
      added: [vague],
      fired: ['overgeneralEdit'],
    };
  }
  if (sentences.length === 0) {
    return unchanged('The prompt already asks for what the failing criteria check; nothing to add.', []);
  }
  return {
    part,
    text: appendSentences(current, sentences),
    rationale: `${describeCause(request)}: the ${part === 'system' ? 'system prompt' : part} does not ask for this yet. Added: ${sentences.join(' ')}`,
    added: sentences,
    fired: [...fired],
  };
}
