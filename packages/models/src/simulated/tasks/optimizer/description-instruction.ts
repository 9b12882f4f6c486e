// Turns a checklist author's description of a criterion into an imperative instruction for the prompt.
import {
  ANSWER_SUBJECT,
  AUXILIARIES,
  baseVerb,
  capitalize,
  DETERMINERS,
  FORMAT_WORDS,
  IMPERATIVE_STARTS,
  isAdjective,
  LANGUAGES,
  looksThirdPerson,
  lowerFirst,
  MODEL_SUBJECT,
  SUBJECT_ENDERS,
  thirdPerson,
} from './english-words.js';
import type { Pick } from './pick.js';
import { finishSentence } from './sentence-text.js';

const KEEP_BOUNDS =
  /^(?:under|below|within|less than|fewer than|at most|no more than|shorter than|up to|max(?:imum)?)\b/i;
const REACH_BOUNDS = /^(?:at least|more than|over|min(?:imum)?|longer than)\b/i;
const ANSWER_PREPOSITIONS = /^(?:in|with|without|as|using|via)\b/i;
const PARTICIPLES = /^(?:\w+ed|written|given|kept|shown|done|spelled|spelt|made|sent|taken)$/i;
const LANGUAGE_NAMES = new Set(Object.values(LANGUAGES).map((name) => name.toLowerCase()));

/** Statement templates: `{s}` is a clause with its subject ("your answer is valid JSON"). */
const STATEMENT = ['Make sure {s}.', 'Ensure that {s}.', 'Check that {s} before you answer.'] as const;
const ADJECTIVE = ['Keep your answer {a}.', 'Make sure your answer is {a}.', 'Your answer must be {a}.'] as const;
const FORMAT = ['Answer with {f}.', 'Make sure your answer is {f}.', 'Your answer must be {f}.'] as const;
const ABSENCE = ['Do not include {n}.', 'Never include {n}.', 'Leave out {n}.'] as const;
const REQUIREMENT = [
  'Make sure your answer meets this requirement: {r}.',
  'Pay close attention to this requirement: {r}.',
  'Before answering, check this requirement: {r}.',
] as const;

type Fill = (template: string, value: string) => string;
const fill: Fill = (template, value) => template.replace(/\{[a-z]\}/, value);

/**
 * The instruction a description asks for, or null for an empty one. Third-person descriptions become imperatives
 * ("Answers with JSON only: no prose" → "Answer with JSON only: no prose."); statements about the answer, noun
 * phrases and adjectives go through templates chosen by hash ("Valid JSON" → "Make sure your answer is valid JSON.").
 * @example
 * instructionFromDescription('Declares the https schema.org context', pick, 'json'); // 'Declare the https schema.org context.'
 */
export function instructionFromDescription(description: string, pick: Pick, tag: string): string | null {
  const sentences = description
    .trim()
    // A full stop after "e.g." or "i.e." does not end the sentence.
    .split(/(?<!\b(?:[eE]\.g|[iI]\.e|etc|vs|cf|approx|incl|resp)\.)(?<=[.!?])\s+(?=[A-Z])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '')
    .slice(0, 2);
  const written = sentences.map((sentence, index) => instructionFromSentence(sentence, pick, `${tag}:${index}`));
  const kept = written.filter((sentence): sentence is string => sentence !== null);
  return kept.length === 0 ? null : kept.join(' ');
}

function instructionFromSentence(sentence: string, pick: Pick, tag: string): string | null {
  const question = sentence.endsWith('?');
  const text = sentence
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '')
    .trim();
  if (text === '') return null;
  if (question) return fromQuestion(text, pick, tag);
  const words = text.split(' ');
  const first = (words[0] ?? '').toLowerCase();
  const second = (words[1] ?? '').toLowerCase();
  const rest = words.slice(1).join(' ');

  if ((first === 'never' || first === 'always' || first === 'only') && looksThirdPerson(second)) {
    return finishSentence(`${capitalize(first)} ${baseVerb(second)} ${words.slice(2).join(' ')}`);
  }
  if (IMPERATIVE_STARTS.has(first) && !SUBJECT_ENDERS.has(second)) return imperative(words);
  if (first === 'no') return finishSentence(fill(pick.one(ABSENCE, 'absence', tag), rest));
  if (first === 'not') return statement('your answer', `is ${lowerFirst(text)}`, pick, tag);
  if (first === 'is' || first === 'has') return statement('your answer', lowerFirst(text), pick, tag);
  if ((first === 'does' || first === "doesn't") && words.length > 1) {
    return finishSentence(first === 'does' ? `Do ${rest}` : `Don't ${rest}`);
  }
  if (first === 'contains' || first === 'includes') return finishSentence(`Include ${rest}`);
  const subject = subjectOf(words);
  if (subject !== null) return fromStatement(words.slice(0, subject), words.slice(subject), pick, tag);
  if (looksThirdPerson(first) && !SUBJECT_ENDERS.has(second)) {
    return finishSentence(`${baseVerb(words[0] ?? '')} ${rest}`);
  }
  if (KEEP_BOUNDS.test(text)) return finishSentence(`Keep your answer ${lowerFirst(text)}`);
  if (REACH_BOUNDS.test(text)) return finishSentence(`Write ${lowerFirst(text)}`);
  if (LANGUAGE_NAMES.has(text.toLowerCase())) return finishSentence(`Answer in ${capitalize(text.toLowerCase())}`);
  if (ANSWER_PREPOSITIONS.test(text)) return finishSentence(`Answer ${lowerFirst(text)}`);
  if (PARTICIPLES.test(first)) return statement('your answer', `is ${lowerFirst(text)}`, pick, tag);
  if (words.length <= 4 && FORMAT_WORDS.test(text)) {
    const format = lowerFirst(text.replace(/\s+(?:answer|output|response|reply|format)$/i, ''));
    return finishSentence(fill(pick.one(FORMAT, 'format', tag), /^json$/i.test(format) ? 'JSON' : format));
  }
  if (words.length <= 4 && words.filter((word) => !/^(?:and|or|but|very|not|enough)$/i.test(word)).every(isAdjective)) {
    return finishSentence(fill(pick.one(ADJECTIVE, 'adjective', tag), lowerFirst(text)));
  }
  return finishSentence(fill(pick.one(REQUIREMENT, 'requirement', tag), lowerFirst(text)));
}

function imperative(words: readonly string[]): string {
  return finishSentence([capitalize(words[0] ?? ''), ...words.slice(1)].join(' '));
}

/** Where the predicate starts when the sentence opens with a subject ("The entity has…" → 2), else null. */
function subjectOf(words: readonly string[]): number | null {
  const first = (words[0] ?? '').toLowerCase();
  const startsWithSubject = DETERMINERS.has(first) || ANSWER_SUBJECT.test(first) || /^(?:it|you|they)$/.test(first);
  if (!startsWithSubject) {
    return SUBJECT_ENDERS.has((words[1] ?? '').toLowerCase()) && !IMPERATIVE_STARTS.has(first) ? 1 : null;
  }
  if (/^(?:it|you|they)$/.test(first)) return 1;
  const auxiliary = words.findIndex((word, index) => index >= 1 && AUXILIARIES.has(word.toLowerCase()));
  if (auxiliary > 0 && auxiliary <= 5) return auxiliary;
  const verb = words.findIndex((word, index) => index >= 2 && looksThirdPerson(word));
  return verb > 0 && verb <= 5 ? verb : null;
}

function fromStatement(subjectWords: readonly string[], predicate: readonly string[], pick: Pick, tag: string) {
  const subject = subjectWords.join(' ');
  const verb = predicate[0] ?? '';
  if (MODEL_SUBJECT.test(subject)) {
    if (/^does$/i.test(verb) || /^doesn't$/i.test(verb))
      return finishSentence(`${baseVerb(verb)} ${predicate.slice(1).join(' ')}`);
    return finishSentence([baseVerb(verb), ...predicate.slice(1)].join(' '));
  }
  const who = ANSWER_SUBJECT.test(subject)
    ? `your answer${subject.toLowerCase().endsWith("'s") ? "'s" : ''}`
    : lowerFirst(subject).replace(/^(?:the|its) (?:output|answer|response|reply)'s\b/i, "your answer's");
  if (/^(?:must|should|needs|has to)$/i.test(verb)) return finishSentence(`${capitalize(who)} ${predicate.join(' ')}`);
  return statement(who, predicate.join(' '), pick, tag);
}

function statement(subject: string, predicate: string, pick: Pick, tag: string): string {
  return finishSentence(fill(pick.one(STATEMENT, 'statement', tag), `${subject} ${predicate}`));
}

/** "Is the answer polite?" → a statement about the answer; "Does it mention X?" → "…mentions X". */
function fromQuestion(text: string, pick: Pick, tag: string): string {
  const match = /^(is|are|does|do|has|have|did|was|were)\s+(.*)$/i.exec(text);
  const body = match?.[2];
  if (match === null || body === undefined) {
    return finishSentence(
      fill(pick.one(REQUIREMENT, 'requirement', tag), `${lowerFirst(text)}?`).replace(/\?\.$/, '?'),
    );
  }
  const words = body.split(' ');
  const headNoun = /^(?:the|your|its|this)$/i.test(words[0] ?? '')
    ? /^(?:final|model's|generated)$/i.test(words[1] ?? '')
      ? 3
      : 2
    : 1;
  const subject = words.slice(0, headNoun).join(' ');
  const after = words.slice(headNoun);
  const auxiliary = (match[1] ?? '').toLowerCase();
  const predicate =
    auxiliary === 'does' || auxiliary === 'do' || auxiliary === 'did'
      ? [thirdPerson(after[0] ?? ''), ...after.slice(1)]
      : [auxiliary === 'are' || auxiliary === 'were' ? auxiliary : auxiliary === 'have' ? 'has' : auxiliary, ...after];
  return fromStatement(subject.split(' '), predicate, pick, tag);
}
