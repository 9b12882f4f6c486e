// Compiles the config's own patterns into text rules, refusing bad names, flags and sources at startup.
import { KaizenError } from '../../errors/kaizen-error.js';
import type { CustomRedactionPattern } from './redaction-config.js';
import { placeholder, regexRule, type TextRule } from './text-rule.js';

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const ALLOWED_FLAGS = /^[gimsuv]*$/;

/** The pattern's source and flags (without `g` and `y`: the rule adds `g` itself). */
function compilePattern(pattern: CustomRedactionPattern, index: number): { source: string; flags: string } {
  const where = `redaction.patterns[${index}] (${pattern.name})`;
  if (pattern.pattern instanceof RegExp) {
    return { source: pattern.pattern.source, flags: pattern.pattern.flags.replace(/[gyd]/g, '') };
  }
  if (typeof pattern.pattern !== 'string' || pattern.pattern === '') {
    throw new KaizenError('invalid_input', `${where}: "pattern" must be a RegExp or a non-empty regex source string`);
  }
  const flags = pattern.flags ?? '';
  if (!ALLOWED_FLAGS.test(flags)) {
    throw new KaizenError('invalid_input', `${where}: flags "${flags}" — use only g, i, m, s, u, v`);
  }
  try {
    new RegExp(pattern.pattern, flags);
  } catch (error) {
    throw new KaizenError('invalid_input', `${where}: invalid regex: ${(error as Error).message}`, { cause: error });
  }
  return { source: pattern.pattern, flags: flags.replace('g', '') };
}

/**
 * One rule per pattern: each match becomes `replacement`, or `[REDACTED:<name>]`. A match of nothing (`\b`, `x*`)
 * is left alone, so a pattern that can match the empty string does not sprinkle placeholders between characters.
 * Throws `KaizenError('invalid_input')` naming the pattern for a bad name, flag or source.
 *
 * @example
 * compileCustomPatterns([{ name: 'customer_id', pattern: /\bCUST-\d{6}\b/ }])[0]?.apply('CUST-123456', {}); // '[REDACTED:customer_id]'
 */
export function compileCustomPatterns(patterns: readonly CustomRedactionPattern[]): TextRule[] {
  return patterns.map((pattern, index) => {
    if (typeof pattern?.name !== 'string' || !NAME.test(pattern.name)) {
      throw new KaizenError(
        'invalid_input',
        `redaction.patterns[${index}]: "name" must be 1–64 letters, digits, "_", "." or "-"`,
      );
    }
    const { source, flags } = compilePattern(pattern, index);
    const type = pattern.name;
    const replacement = pattern.replacement ?? placeholder(type);
    if (typeof replacement !== 'string') {
      throw new KaizenError('invalid_input', `redaction.patterns[${index}] (${type}): "replacement" must be a string`);
    }
    return regexRule({
      type,
      minLength: 1,
      source,
      flags,
      replace: (match) => (match === '' ? null : replacement),
    });
  });
}
