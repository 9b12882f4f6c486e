// Decisions by attribute key: keys that name a credential (their whole value is a secret) and keys to drop.
import { KaizenError } from '../../errors/kaizen-error.js';

export const KEEP = 0;
export const MASK = 1;
export const DROP = 2;
export type KeyDecision = typeof KEEP | typeof MASK | typeof DROP;

/**
 * The last segment of the key names a credential: `http.request.header.authorization`, `…cookie`, `x-api-key`,
 * `openai.api_key`, `apiKey`, `client_secret`, `password`, `access_token`… Not `…_tokens` (usage counts).
 */
const CREDENTIAL_KEY =
  /(?:^|[._-])(?:authorization|cookie|api[_-]?key|api[_-]?token|access[_-]?token|refresh[_-]?token|auth[_-]?token|id[_-]?token|session[_-]?token|client[_-]?secret|secret[_-]?key|secret|password|passwd|private[_-]?key)$/i;

/** Keys are repeated across spans; a decision is remembered for this many distinct keys (hostile keys stay bounded). */
const CACHE_LIMIT = 10_000;

/**
 * Whether `text` matches `pattern`, where `*` matches any run of characters: the two-pointer glob match, O(text ×
 * pattern) at worst. A regex with several `.*` backtracks polynomially on a long hostile key; this does not.
 */
export function matchesGlob(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

export interface KeyRules {
  /** False when no key is ever masked or dropped, so attribute walks skip the key checks. */
  readonly active: boolean;
  decide(key: string): KeyDecision;
}

/**
 * @example
 * const rules = compileKeyRules({ maskCredentials: true, dropKeys: ['user.*'] });
 * rules.decide('http.request.header.authorization'); // MASK
 * rules.decide('user.address'); // DROP
 */
export function compileKeyRules(options: { maskCredentials: boolean; dropKeys: readonly string[] }): KeyRules {
  for (const [index, key] of options.dropKeys.entries()) {
    if (typeof key !== 'string' || key === '') {
      throw new KaizenError('invalid_input', `redaction.attributes.dropKeys[${index}] must be a non-empty string`);
    }
  }
  const drop = options.dropKeys.map((key) => key.toLowerCase());
  const cache = new Map<string, KeyDecision>();
  const active = drop.length > 0 || options.maskCredentials;
  return {
    active,
    decide(key: string): KeyDecision {
      if (!active) return KEEP;
      const known = cache.get(key);
      if (known !== undefined) return known;
      const lower = drop.length > 0 ? key.toLowerCase() : key;
      const decision: KeyDecision = drop.some((pattern) => matchesGlob(pattern, lower))
        ? DROP
        : options.maskCredentials && CREDENTIAL_KEY.test(key)
          ? MASK
          : KEEP;
      if (cache.size < CACHE_LIMIT) cache.set(key, decision);
      return decision;
    },
  };
}
