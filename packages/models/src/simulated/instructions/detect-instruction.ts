// Detects whether a prompt asks for a behaviour, through a family of phrasings and their negations.
import { isNegated } from './negation.js';
import { splitClauses } from './split-clauses.js';

/**
 * One instruction's family of phrasings. `affirm` phrasings ask for the behaviour; `contrary` ones ask for its
 * opposite, so negating them asks for the behaviour ("don't explain" asks for JSON only).
 */
export interface InstructionFamily {
  readonly affirm: readonly RegExp[];
  readonly contrary?: readonly RegExp[];
}

/** Where a family was mentioned and which way: `true` asks for the behaviour, `false` against it. */
export interface InstructionMention {
  readonly clause: number;
  readonly polarity: boolean;
}

function mentionsIn(clause: string, patterns: readonly RegExp[], direct: boolean): boolean | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(clause);
    if (match === null) continue;
    const negated = isNegated(clause, match.index, match.index + match[0].length);
    return negated ? !direct : direct;
  }
  return undefined;
}

/**
 * Every mention of the family, in prompt order.
 *
 * @example
 * findMentions("Don't explain. Return only JSON.", JSON_ONLY); // [{ clause: 0, polarity: true }, { clause: 1, polarity: true }]
 */
export function findMentions(text: string, family: InstructionFamily): InstructionMention[] {
  const mentions: InstructionMention[] = [];
  splitClauses(text).forEach((clause, index) => {
    const polarity = mentionsIn(clause, family.affirm, true) ?? mentionsIn(clause, family.contrary ?? [], false);
    if (polarity !== undefined) mentions.push({ clause: index, polarity });
  });
  return mentions;
}

/**
 * Whether the prompt asks for the behaviour. The last mention wins, as a reader takes the latest word on a
 * conflict; no mention at all is `false`.
 *
 * @example
 * detectInstruction('Answer with raw JSON, no markdown.', JSON_ONLY); // true
 * detectInstruction("You don't have to return only JSON.", JSON_ONLY); // false
 */
export function detectInstruction(text: string, family: InstructionFamily): boolean {
  return findMentions(text, family).at(-1)?.polarity ?? false;
}

/** The gap allowed between the words of a phrase: no clause break and no negation word can hide inside it. */
const GAP = String.raw`(?:(?!\b(?:not|no|never|without)\b|n't)[^.;,!?\n]){0,40}?`;

/**
 * Builds a case-insensitive pattern where `~` stands for a short gap of other words.
 *
 * @example
 * phrase(String.raw`\bonly\b~\bjson\b`).test('return only the final JSON'); // true
 */
export function phrase(source: string): RegExp {
  return new RegExp(source.replaceAll('~', GAP), 'i');
}
