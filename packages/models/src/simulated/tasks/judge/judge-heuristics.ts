// How sim:judge answers each kind of yes/no question: simple, documented rules over the subject, in this order.
import { seededUnit } from '../../seeded-hash.js';
import { guessLanguage, LANGUAGE_NAMES } from './guess-language.js';
import type { JudgeSubject } from './read-judge-prompt.js';

export interface Verdict {
  readonly yes: boolean;
  /** Why, citing the evidence; written for both answers so a flipped answer reads like a judge's mistake. */
  readonly because: { readonly yes: string; readonly no: string };
}

export interface Heuristic {
  readonly kind: string;
  readonly applies: (question: string, subject: JudgeSubject) => boolean;
  readonly judge: (question: string, subject: JudgeSubject, seed: number) => Verdict;
}

const words = (text: string) => text.match(/[\p{L}\p{N}']+/gu) ?? [];
const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
const POLITE =
  /\b(?:please|thank(?:s| you)?|sorry|apolog\w*|appreciate\w*|kindly|glad|happy to help|you're welcome|dear)\b/i;
const RUDE = /\b(?:stupid|idiot\w*|dumb|shut up|whatever|hate|useless|moron|nonsense|ridiculous)\b/i;
/** A negated question asks for absence: "Does the output avoid mentioning X?". */
const ABSENCE = /\b(?:avoid|avoids|without|free of|never|not|no|omit|omits|exclude|excludes)\b/i;

function quotedTerm(question: string): string | undefined {
  return /["“'‘]([^"”'’]{1,80})["”'’]/.exec(question)?.[1];
}

/** The term after "mention/contain/include": quoted, else the words after the verb, without determiners. */
function termOf(question: string): string | undefined {
  const quoted = quotedTerm(question);
  if (quoted !== undefined) return quoted;
  const match =
    /\b(?:mentions?|mentioning|contains?|containing|includes?|including|references?|says?|uses?|using)\s+(?:the\s+|a\s+|an\s+|any\s+)?(?:word\s+|phrase\s+|term\s+)?([^?.,;]+?)\s*(?:\bin\b[^?]*)?[?.]?$/i.exec(
      question,
    );
  return match?.[1]?.trim();
}

/** Format questions and the test each one's output must pass. */
const FORMATS: readonly (readonly [RegExp, (output: string) => boolean])[] = [
  [/\bnumbered list\b/i, (output) => /^\s*\d+[.)]\s/m.test(output)],
  [/\bbullet|\b(?:bulleted|as a|in a) list\b/i, (output) => /^\s*(?:[-*•]|\d+[.)])\s/m.test(output)],
  [/\bcode block\b/i, (output) => output.includes('```')],
  [/\bheadings?\b/i, (output) => /^#{1,6}\s/m.test(output)],
  [/\b(?:all )?lower-?case\b/i, (output) => !/\p{Lu}/u.test(output)],
  [/\b(?:all )?upper-?case\b|\ball caps\b/i, (output) => !/\p{Ll}/u.test(output)],
];

const yesNo = (yes: boolean, because: Verdict['because']): Verdict => ({ yes, because });

/** The rules in the order they are tried; the first that applies to a question decides it. */
export const HEURISTICS: readonly Heuristic[] = [
  {
    kind: 'json',
    applies: (question) => /\bjson\b/i.test(question),
    judge: (_question, subject) => {
      let error = '';
      try {
        JSON.parse((subject.output ?? '').trim());
      } catch (caught) {
        error = caught instanceof Error ? caught.message : 'parse error';
      }
      return yesNo(error === '', {
        yes: 'The output parses as valid JSON.',
        no: `The output is not valid JSON (${error || 'it looks malformed'}).`,
      });
    },
  },
  {
    kind: 'language',
    applies: (question) =>
      /\blanguage\b/i.test(question) ||
      new RegExp(`\\b(?:in|into)\\s+(?:${Object.keys(LANGUAGE_NAMES).join('|')})\\b`, 'i').test(question),
    judge: (question, subject) => {
      const named = Object.keys(LANGUAGE_NAMES).find((name) => new RegExp(`\\b${name}\\b`, 'i').test(question));
      const wanted =
        named === undefined ? (guessLanguage(subject.input ?? '') ?? 'en') : (LANGUAGE_NAMES[named] ?? 'en');
      const found = guessLanguage(subject.output ?? '');
      return yesNo(found === wanted, {
        yes: `The output is written in the expected language (${wanted}).`,
        no: `The output reads as ${found ?? 'no language'}, not ${wanted}.`,
      });
    },
  },
  {
    kind: 'apology',
    applies: (question) => /\bapolog/i.test(question),
    judge: (question, subject) => {
      const found = /\b(?:sorry|apolog\w*|regret\w*)\b/i.test(subject.output ?? '');
      const yes = ABSENCE.test(question) ? !found : found;
      return yesNo(yes, {
        yes: found ? 'The output contains an apology.' : 'The output contains no apology.',
        no: found ? 'The output apologises.' : 'The output does not apologise.',
      });
    },
  },
  {
    kind: 'politeness',
    applies: (question) =>
      /\b(?:polite|courteous|respectful|friendly|rude|offensive|insulting|impolite)\b/i.test(question),
    judge: (question, subject) => {
      const output = subject.output ?? '';
      const polite = POLITE.test(output) && !RUDE.test(output);
      const askedRude = /\b(?:rude|offensive|insulting|impolite)\b/i.test(question);
      const yes = askedRude ? RUDE.test(output) : polite;
      return yesNo(yes, {
        yes: askedRude ? 'The output contains rude wording.' : 'The output uses polite wording and nothing rude.',
        no: askedRude
          ? 'The output contains no rude wording.'
          : 'The output lacks polite markers (please, thanks, sorry…) or contains rude wording.',
      });
    },
  },
  {
    kind: 'length',
    applies: (question) =>
      /\b(?:concise|brief|short|succinct|detailed|thorough|lengthy|comprehensive)\b|\b\d+\s+words\b/i.test(question),
    judge: (question, subject) => {
      const count = words(subject.output ?? '').length;
      const limit =
        /\b(under|at most|fewer than|less than|no more than|at least|more than|over)\s+(\d+)\s+words\b/i.exec(question);
      let yes: boolean;
      if (limit !== null) {
        const value = Number(limit[2]);
        yes = /at least|more than|over/i.test(limit[1] ?? '') ? count >= value : count <= value;
      } else yes = /\b(?:detailed|thorough|lengthy|comprehensive)\b/i.test(question) ? count >= 150 : count <= 100;
      return yesNo(yes, {
        yes: `The output is ${count} words long, as asked.`,
        no: `The output is ${count} words long, which does not fit.`,
      });
    },
  },
  {
    kind: 'expected',
    applies: (question, subject) =>
      subject.reference !== undefined &&
      /\b(?:expected|reference|match(?:es)?|same as|equivalent|correct|accurate)\b/i.test(question),
    judge: (_question, subject) => {
      const output = normalize(subject.output ?? '');
      const reference = normalize(subject.reference ?? '');
      const yes = reference.length > 0 && (output === reference || output.includes(reference));
      return yesNo(yes, {
        yes: 'The output contains the expected answer.',
        no: 'The output does not contain the expected answer.',
      });
    },
  },
  {
    kind: 'format',
    applies: (question) => FORMATS.some(([pattern]) => pattern.test(question)),
    judge: (question, subject) => {
      const format = FORMATS.find(([pattern]) => pattern.test(question));
      const yes = format === undefined ? false : format[1](subject.output ?? '');
      return yesNo(yes, { yes: 'The output has the asked format.', no: 'The output does not have the asked format.' });
    },
  },
  {
    kind: 'contains',
    applies: (question) =>
      /\b(?:mention|contain|include|reference|say|use)s?\b|\bmentioning\b|\busing\b/i.test(question) &&
      termOf(question) !== undefined,
    judge: (question, subject) => {
      const term = termOf(question) ?? '';
      const found = normalize(subject.output ?? '').includes(normalize(term));
      const yes = ABSENCE.test(question.replace(term, '')) ? !found : found;
      return yesNo(yes, {
        yes: found ? `The output mentions "${term}".` : `The output does not mention "${term}".`,
        no: found ? `The output mentions "${term}".` : `The output never mentions "${term}".`,
      });
    },
  },
  {
    kind: 'question',
    applies: (question) => /\b(?:ask|asks|end with|ends with)\b[^?]*\bquestion\b/i.test(question),
    judge: (_question, subject) => {
      const asks = (subject.output ?? '').includes('?');
      return yesNo(asks, { yes: 'The output asks a question.', no: 'The output asks no question.' });
    },
  },
  {
    kind: 'empty',
    applies: (question) => /\b(?:empty|blank)\b/i.test(question),
    judge: (_question, subject) => {
      const empty = (subject.output ?? '').trim() === '';
      return yesNo(empty, { yes: 'The output is empty.', no: 'The output is not empty.' });
    },
  },
  {
    kind: 'relevance',
    applies: (question, subject) =>
      subject.input !== undefined &&
      /\b(?:relevant|address(?:es)?|answers?|on[- ]topic|respond(?:s)? to)\b/i.test(question),
    judge: (_question, subject) => {
      const content = new Set(
        words(subject.input ?? '')
          .filter((word) => word.length >= 4)
          .map((word) => word.toLowerCase()),
      );
      const output = normalize(subject.output ?? '');
      const shared = [...content].filter((word) => output.includes(word)).length;
      const yes = content.size === 0 ? output.length > 0 : shared / content.size >= 0.3;
      return yesNo(yes, {
        yes: `The output takes up the input (${shared} of ${content.size} content words).`,
        no: `The output barely touches the input (${shared} of ${content.size} content words).`,
      });
    },
  },
];

/**
 * Anything else: a seeded draw that says yes more often for longer outputs (p = 0.3 + 0.6 × min(1, words / 150)).
 * @example
 * byDraw('Is the tone appropriate?', { output: 'Fine.', input: undefined, reference: undefined }, 0).yes;
 */
export function byDraw(question: string, subject: JudgeSubject, seed: number): Verdict {
  const count = words(subject.output ?? '').length;
  const chance = 0.3 + 0.6 * Math.min(1, count / 150);
  const yes = seededUnit(seed, 'judge-draw', question, subject.output ?? '') < chance;
  return yesNo(yes, {
    yes: `On balance the output satisfies this (${count} words reviewed).`,
    no: `On balance the output falls short here (${count} words reviewed).`,
  });
}
