// The shape of the answer the ifeval simulator will write, built instruction by instruction before any text exists.

/** Bounds on a measured count, both inclusive. */
export interface Range {
  min?: number;
  max?: number;
}

/** A keyword written exactly `count` times (as the subject of sentences), within the limits instructions set. */
export interface KeywordUse {
  readonly term: string;
  count: number;
  readonly limit: Range;
}

export interface ResponsePlan {
  /** langdetect code of a language bank; undefined is English. */
  language: string | undefined;
  caseMode: 'normal' | 'upper' | 'lower' | 'upper-slip';
  commas: 'natural' | 'none' | 'force';
  words: Range;
  sentences: Range;
  capitals: Range;
  letters: Map<string, Range>;
  keywords: KeywordUse[];
  avoidLetters: Set<string>;
  avoidSubstrings: Set<string>;
  avoidWords: Set<string>;
  preferLetters: Set<string>;
  placeholders: number;
  placeholderNames: string[];
  postscript: string | undefined;
  bullets: { count: number; numbered: boolean } | undefined;
  highlights: number;
  sections: { splitter: string; count: number } | undefined;
  divided: { count: number; divider: '***' | 'blank' } | undefined;
  nth: { count: number; nth: number; word: string } | undefined;
  title: 'none' | 'angle' | 'markdown';
  json: 'none' | 'wrap' | 'prose';
  quotes: 'none' | 'wrap' | 'partial';
  responses: 'one' | 'two' | 'two-unseparated';
  repeat: { text: string; preface: boolean } | undefined;
  end: { phrase: string; mode: 'exact' | 'trailing' | 'missing' } | undefined;
  constrained: 'none' | 'exact' | 'paraphrase';
  hashtags: number;
  exclamations: boolean;
}

/**
 * The plan of an answer nobody constrained: English, natural case and commas, a few paragraphs.
 * @example
 * emptyPlan().caseMode; // 'normal'
 */
export function emptyPlan(): ResponsePlan {
  return {
    language: undefined,
    caseMode: 'normal',
    commas: 'natural',
    words: {},
    sentences: {},
    capitals: {},
    letters: new Map(),
    keywords: [],
    avoidLetters: new Set(),
    avoidSubstrings: new Set(),
    avoidWords: new Set(),
    preferLetters: new Set(),
    placeholders: 0,
    placeholderNames: [],
    postscript: undefined,
    bullets: undefined,
    highlights: 0,
    sections: undefined,
    divided: undefined,
    nth: undefined,
    title: 'none',
    json: 'none',
    quotes: 'none',
    responses: 'one',
    repeat: undefined,
    end: undefined,
    constrained: 'none',
    hashtags: 0,
    exclamations: false,
  };
}

/**
 * Narrows a range in place: the larger minimum and the smaller maximum win.
 * @example
 * const range: Range = { min: 3 }; narrow(range, { max: 10 }); // range is { min: 3, max: 10 }
 */
export function narrow(range: Range, bounds: Range): void {
  if (bounds.min !== undefined) range.min = Math.max(range.min ?? 0, bounds.min);
  if (bounds.max !== undefined) range.max = Math.min(range.max ?? Number.POSITIVE_INFINITY, bounds.max);
}

/**
 * Whether two ranges share a value.
 * @example
 * overlaps({ min: 6 }, { max: 5 }); // false
 */
export function overlaps(left: Range, right: Range): boolean {
  const low = Math.max(left.min ?? 0, right.min ?? 0);
  const high = Math.min(left.max ?? Number.POSITIVE_INFINITY, right.max ?? Number.POSITIVE_INFINITY);
  return low <= high;
}

/**
 * @example
 * within(5, { min: 3, max: 10 }); // true
 */
export function within(value: number, range: Range): boolean {
  return value >= (range.min ?? 0) && value <= (range.max ?? Number.POSITIVE_INFINITY);
}

/**
 * The use of a keyword in the plan, added at zero uses if absent.
 * @example
 * keywordUse(emptyPlan(), 'peace').count; // 0
 */
export function keywordUse(plan: ResponsePlan, term: string): KeywordUse {
  const existing = plan.keywords.find((use) => use.term.toLowerCase() === term.toLowerCase());
  if (existing !== undefined) return existing;
  const use: KeywordUse = { term, count: 0, limit: {} };
  plan.keywords.push(use);
  return use;
}
