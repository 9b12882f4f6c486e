// Small English helpers for turning checklist descriptions into instructions: verb forms, word classes, casing.

/** Verbs that already start an instruction in the imperative ("Answer in JSON", "Never use commas"). */
// biome-ignore format: a word list reads better packed than one word a line
export const IMPERATIVE_STARTS = new Set([
  'add', 'always', 'answer', 'apologize', 'apologise', 'ask', 'avoid', 'be', 'begin', 'call', 'capitalize',
  'check', 'cite', 'declare', 'describe', 'do', "don't", 'emit', 'end', 'ensure', 'explain', 'extract', 'fill',
  'finish', 'follow', 'format', 'generate', 'give', 'greet', 'identify', 'include', 'keep', 'leave', 'limit',
  'list', 'make', 'match', 'mention', 'name', 'never', 'omit', 'only', 'output', 'please', 'present', 'print',
  'produce', 'provide', 'put', 'quote', 'refuse', 'reply', 'report', 'respond', 'return', 'say', 'set', 'show',
  'skip', 'spell', 'start', 'state', 'stay', 'summarize', 'summarise', 'translate', 'use', 'verify', 'wrap',
  'write',
]);

/** Words that end a sentence's subject: auxiliaries and the verbs descriptions use most. */
// biome-ignore format: a word list reads better packed than one word a line
export const AUXILIARIES = new Set([
  'is', 'are', 'was', 'were', 'has', 'have', 'must', 'should', 'can', 'will', 'does', 'do', "doesn't", "don't",
  'contains', 'includes', 'uses', 'stays', 'needs', 'never', 'always', 'only', 'matches', 'starts', 'ends',
  'mentions', 'gives', 'follows', 'keeps', 'avoids', 'names', 'lists', 'cites', 'answers', 'returns', 'reads',
]);

/** Auxiliaries and modals: after a first word, they show that word was the subject ("Keys are sorted"). */
// biome-ignore format: a word list reads better packed than one word a line
export const SUBJECT_ENDERS = new Set([
  'is', 'are', 'was', 'were', 'has', 'have', 'must', 'should', 'can', 'will', 'does', 'do', "doesn't", "don't", 'needs',
]);

export const DETERMINERS = new Set(['the', 'your', 'its', 'each', 'every', 'all', 'any', 'this', 'that', 'a', 'an']);

/** Subjects that mean the model's answer: "The output is…" becomes "your answer is…". */
export const ANSWER_SUBJECT =
  /^(?:(?:the |its |the model's |the final |the generated |the assistant's )?(?:output|answer|response|reply|completion|result|generated text)(?:'s)?|it)$/i;

/** Subjects that mean the model itself: "The model refuses…" becomes "Refuse…". */
export const MODEL_SUBJECT = /^(?:the )?(?:model|assistant|agent|bot|ai|llm|system)$|^you$/i;

// biome-ignore format: a word list reads better packed than one word a line
const ADJECTIVES = new Set([
  'accurate', 'brief', 'clear', 'complete', 'concise', 'consistent', 'correct', 'direct', 'empty', 'faithful',
  'formal', 'friendly', 'grounded', 'helpful', 'honest', 'informal', 'kind', 'long', 'neutral', 'plain', 'polite',
  'precise', 'professional', 'readable', 'relevant', 'respectful', 'rude', 'safe', 'short', 'simple', 'specific',
  'succinct', 'terse', 'valid', 'warm',
]);

/** Output formats a description may name ("Valid JSON", "YAML only"). */
export const FORMAT_WORDS = /\b(?:json|json-ld|jsonl|yaml|xml|csv|tsv|markdown|html|plain text|sql)\b/i;

/** Languages by name and by langdetect code, for "Answers in French" and `output is in "en", not "fr"`. */
// biome-ignore format: a word list reads better packed than one word a line
export const LANGUAGES: Readonly<Record<string, string>> = {
  ar: 'Arabic', de: 'German', en: 'English', es: 'Spanish', fr: 'French', hi: 'Hindi', it: 'Italian',
  ja: 'Japanese', ko: 'Korean', nl: 'Dutch', pl: 'Polish', pt: 'Portuguese', ru: 'Russian', sv: 'Swedish',
  tr: 'Turkish', uk: 'Ukrainian', zh: 'Chinese', 'zh-cn': 'Simplified Chinese', 'zh-tw': 'Traditional Chinese',
};

/** Whether the word is an adjective we know, or has an adjective's ending. */
export function isAdjective(word: string): boolean {
  const lower = word.toLowerCase();
  return ADJECTIVES.has(lower) || /(?:ive|ful|ous|able|ible|ical|less|ish)$/.test(lower);
}

/** Whether the word reads as a third-person verb ("answers", "declares", "identifies"). */
export function looksThirdPerson(word: string): boolean {
  const lower = word.toLowerCase();
  return lower.length >= 3 && /^[a-z]+s$/.test(lower) && !/(?:ss|us|is|ous|ics)$/.test(lower);
}

/**
 * The base form of a third-person verb.
 * @example
 * baseVerb('Answers'); // 'Answer'
 * baseVerb('identifies'); // 'identify'
 */
export function baseVerb(word: string): string {
  const lower = word.toLowerCase();
  const special: Readonly<Record<string, string>> = { is: 'be', has: 'have', does: 'do', "doesn't": "don't" };
  const base =
    special[lower] ??
    (/ies$/.test(lower) && lower.length > 4
      ? `${lower.slice(0, -3)}y`
      : /(?:sses|shes|ches|xes|zzes|oes)$/.test(lower)
        ? lower.slice(0, -2)
        : lower.endsWith('s')
          ? lower.slice(0, -1)
          : lower);
  return word.charAt(0) === word.charAt(0).toUpperCase() ? capitalize(base) : base;
}

/**
 * The third-person form of a base verb ("Does the answer mention X?" → "the answer mentions X").
 * @example
 * thirdPerson('mention'); // 'mentions'
 */
export function thirdPerson(word: string): string {
  const lower = word.toLowerCase();
  if (lower === 'be') return 'is';
  if (lower === 'have') return 'has';
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(?:s|sh|ch|x|z|o)$/.test(lower)) return `${lower}es`;
  return `${lower}s`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases the first letter unless the first word is an acronym or a name ("JSON", "McDonald", "@type"). */
export function lowerFirst(text: string): string {
  const first = /^\S+/.exec(text)?.[0] ?? '';
  if (first.length > 1 && /[A-Z]/.test(first.slice(1))) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
