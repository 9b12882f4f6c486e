// Decides whether a phrase matched inside a clause is negated, before or after it.

/**
 * Cues that negate what follows them within a few words ("do not add", "never use", "without", "avoid", the
 * verbs of leaving out: "omit the @context", and of not heeding: "ignore any length limits").
 */
const NEGATION_BEFORE =
  /\b(?:not|no|never|without|avoid|avoiding|refrain|stop|nor|neither|cannot|needn't|mustn't|shouldn't|don't|dont|doesn't|isn't|aren't|can't|won't|wouldn't|instead of|rather than|unnecessary|forbid|forbidden|prohibit|prohibited|ban|disallow|exclude|excluding|except|omit|omitting|skip|skipping|leave out|leaving out|drop|remove|strip|ignore|ignoring|disregard|disregarding)\b/i;

/** A conjunction starts a new verb phrase: in "skip the prose and include @context" the skip stops at "and". */
const CONJUNCTION = /\b(?:and|then|also|plus|so)\b/gi;

/** Words after the phrase that negate it ("prose is not allowed", "explanations are unnecessary"). */
const NEGATION_AFTER =
  /^\W*(?:(?:is|are|will be|should be|must be|would be)\s+)?(?:not (?:allowed|needed|necessary|wanted|required|permitted|desired|welcome)|forbidden|prohibited|unnecessary|unwanted|banned|disallowed|undesired|discouraged)\b/i;

/** How many words before a phrase a negation cue may sit and still govern it. */
const WINDOW_WORDS = 5;

/**
 * @example
 * isNegated('please do not add any prose', 23, 27); // true
 * isNegated('prose is not allowed', 0, 5); // true
 */
export function isNegated(clause: string, start: number, end: number): boolean {
  const prefix = clause.slice(0, start);
  const lastConjunction = [...prefix.matchAll(CONJUNCTION)].at(-1);
  const scope =
    lastConjunction === undefined ? prefix : prefix.slice(lastConjunction.index + lastConjunction[0].length);
  const before = scope.trim().split(/\s+/).slice(-WINDOW_WORDS).join(' ');
  return NEGATION_BEFORE.test(before) || NEGATION_AFTER.test(clause.slice(end));
}
