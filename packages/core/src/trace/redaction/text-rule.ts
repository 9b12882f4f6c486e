// One redaction step over a string, and the counts every step adds to.

/** How many replacements each placeholder type made, e.g. `{ email: 2, secret: 1 }`. Mutable: steps add to it. */
export type RedactionCounts = Record<string, number>;

export interface TextRule {
  /** The placeholder type (`[REDACTED:<type>]`) and count key. */
  readonly type: string;
  /** Strings shorter than this cannot hold a match and are skipped without a scan. */
  readonly minLength: number;
  /**
   * A regex source that matches, case-insensitively, in every string where the rule could replace something: its
   * literal prefixes or keywords, or a run of digits. The redactor tests the union of these once per string and
   * runs the rules only on a hit, so the common clean string costs one cheap scan. Absent: the rule is always
   * applied (it screens itself).
   */
  readonly screen?: string;
  /** The text with every match replaced; the same string when nothing matched. Adds one count per replacement. */
  apply(text: string, counts: RedactionCounts): string;
}

/**
 * @example
 * placeholder('email'); // '[REDACTED:email]'
 */
export function placeholder(type: string): string {
  return `[REDACTED:${type}]`;
}

export function addCount(counts: RedactionCounts, type: string, by: number = 1): void {
  counts[type] = (counts[type] ?? 0) + by;
}

/**
 * A rule from one regex source: `replace` gets the match and its groups and returns the replacement, or null to keep
 * the match (a candidate its validator refused). The global replace only runs when a non-global test finds a
 * candidate: String.replace with a callback costs several times a test on text without one.
 */
export function regexRule(options: {
  readonly type: string;
  readonly minLength: number;
  readonly source: string;
  /** Without `g`: the rule adds it for its replace. */
  readonly flags: string;
  /** See TextRule.screen; custom patterns have none and test their own regex first. */
  readonly screen?: string;
  readonly replace: (match: string, groups: readonly (string | undefined)[]) => string | null;
}): TextRule {
  const test = new RegExp(options.source, options.flags);
  const global = new RegExp(options.source, `${options.flags}g`);
  const { type, replace } = options;
  return {
    type,
    minLength: options.minLength,
    ...(options.screen !== undefined ? { screen: options.screen } : {}),
    apply(text: string, counts: RedactionCounts): string {
      if (!test.test(text)) return text;
      return text.replace(global, (match: string, ...rest: unknown[]) => {
        const replacement = replace(match, rest as (string | undefined)[]);
        if (replacement === null) return match;
        addCount(counts, type);
        return replacement;
      });
    },
  };
}
