// The built-in detectors: provider API keys, secret assignments and Basic credentials, bearer tokens, e-mail
// addresses, payment cards (Luhn-checked), phone numbers. Every regex is linear: bounded quantifiers or greedy runs
// nothing after them can give back, no nested repetition, and a lookbehind that stops a match from starting inside
// a word (tested on long hostile strings).
import { passesLuhn } from './luhn.js';
import { emailRule } from './redact-emails.js';
import { DETECTOR_TYPES, type DetectorName } from './redaction-config.js';
import { placeholder, regexRule, type TextRule } from './text-rule.js';

/**
 * Provider keys by their documented prefixes; the key must not start inside a word (`task-…` is not `sk-…`).
 * OpenAI and Anthropic `sk-` (`sk-proj-`, `sk-ant-`), Kaizen `kz_`, AWS access key ids `AKIA`/`ASIA`, GitHub
 * `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_`/`github_pat_`, Stripe `sk_live_`/`rk_test_`…, Slack `xox?-`, Google `AIza`.
 */
const PROVIDER_KEY =
  '(?<![A-Za-z0-9_-])(?:sk-[A-Za-z0-9_-]{20,}|kz_[A-Za-z0-9_-]{20,}|(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Za-z0-9])|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,}|xox[abeprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35})';

/** The literal prefixes alone, for the screen. */
const PROVIDER_KEY_SCREEN = 'sk-|kz_|akia|asia|gh[pousr]_|github_pat_|k_(?:live|test)_|xox|aiza';

/**
 * `api_key=…`, `"apiKey": "…"`, `password: …`, `client_secret=…` in text, query strings and JSON: the value is
 * replaced, the name kept. A value starting with `[` (a placeholder) is not a value; an auth scheme word is left for
 * the Bearer/Basic rules, so `access_token: Bearer …` masks the token, not the word.
 */
const SECRET_ASSIGNMENT = String.raw`(?<![A-Za-z0-9])(api[_-]?key|api[_-]?token|access[_-]?token|auth[_-]?token|refresh[_-]?token|client[_-]?secret|secret[_-]?key|password|passwd)(["']?[ \t]{0,3}[:=][ \t]{0,3}["']?)(?!(?:bearer|basic)[ \t])([^\s"'&,;<>()[\]{}]{6,})`;

/** token68 (RFC 7235) after the scheme: letters, digits, `-._~+/`, then `=` padding. */
const BEARER = String.raw`(?<![A-Za-z0-9])(bearer)([ \t]{1,4})([A-Za-z0-9._~+/-]{8,}=*)`;
const BASIC = String.raw`(?<![A-Za-z0-9])(basic)([ \t]{1,4})([A-Za-z0-9+/]{8,}={0,2})`;
/** "bearer authentication", "Basic Usage": a short word (lowercase, maybe capitalised) is prose, not a credential. */
const PROSE_WORD = /^[A-Za-z][a-z]*$/;

/**
 * 13–19 digits, single spaces or hyphens between them, starting with 2–6 (the issuer digits of Mastercard 2-series,
 * Amex/JCB/Diners, Visa, Mastercard, Discover/UnionPay/Maestro), not inside a word, a decimal (`0.4111…`) or a
 * longer number. Millisecond and nanosecond timestamps start with 1 and are never candidates.
 */
const CARD = String.raw`(?<![\w.+-])[2-6](?:[ -]?\d){12,18}(?![\w+]|[.-]\d)`;
const CARD_SEPARATORS = /[ -]/g;

/** Candidates only; validPhone decides. An optional +country code, an optional (area), groups of 2–4 digits. */
const PHONE = String.raw`(?<![\w+.-])(?:\+\d{1,3}[ -]?)?(?:\(\d{1,4}\)[ -]?)?\d{2,4}(?:[ -]?\d{2,4}){1,4}(?![\w+]|[.-]\d)`;
const NANP = /^\d{3}[ -]\d{3}[ -]\d{4}$/;
const NATIONAL_TRUNK = /^0\d{1,4}[ -]\d/;
const NON_DIGITS = /\D/g;

/** +country with 8–15 digits, (area) with 10–11, 415-555-2671, or a national 0-trunk number with separators. */
function validPhone(candidate: string): boolean {
  const digits = candidate.replace(NON_DIGITS, '').length;
  if (candidate.startsWith('+')) return digits >= 8 && digits <= 15;
  if (candidate.includes('(')) return digits >= 10 && digits <= 11;
  return NANP.test(candidate) || (NATIONAL_TRUNK.test(candidate) && digits >= 9 && digits <= 12);
}

/** `<scheme> <credential>`: keeps the scheme word, replaces the credential unless it reads as prose. */
function schemeRule(type: string, scheme: 'bearer' | 'basic', source: string, minLength: number): TextRule {
  const replacement = placeholder(type);
  return regexRule({
    type,
    minLength,
    source,
    flags: 'i',
    screen: `${scheme}[ \\t]`,
    replace: (_match, [word, space, token]) =>
      token === undefined || (token.length < 20 && PROSE_WORD.test(token)) ? null : `${word}${space}${replacement}`,
  });
}

function secretRules(): TextRule[] {
  const type = DETECTOR_TYPES.secrets;
  const replacement = placeholder(type);
  return [
    // Case-insensitive like every screen; the prefixes are case-sensitive, so `SK-…` or `akia…` are not keys.
    regexRule({
      type,
      minLength: 20,
      source: PROVIDER_KEY,
      flags: '',
      screen: PROVIDER_KEY_SCREEN,
      replace: () => replacement,
    }),
    schemeRule(type, 'basic', BASIC, 14),
    regexRule({
      type,
      minLength: 12,
      source: SECRET_ASSIGNMENT,
      flags: 'i',
      screen: 'key|token|secret|passw',
      replace: (_match, [name, separator]) => `${name}${separator}${replacement}`,
    }),
  ];
}

function cardRules(): TextRule[] {
  const replacement = placeholder(DETECTOR_TYPES.card);
  return [
    regexRule({
      type: DETECTOR_TYPES.card,
      minLength: 13,
      source: CARD,
      flags: '',
      screen: String.raw`\d(?:[ -]?\d){12}`,
      replace: (match) => (passesLuhn(match.replace(CARD_SEPARATORS, '')) ? replacement : null),
    }),
  ];
}

function phoneRules(): TextRule[] {
  const replacement = placeholder(DETECTOR_TYPES.phone);
  return [
    regexRule({
      type: DETECTOR_TYPES.phone,
      minLength: 9,
      source: PHONE,
      flags: '',
      screen: String.raw`\d(?:[ ().-]{0,2}\d){7}`,
      replace: (match) => (validPhone(match) ? replacement : null),
    }),
  ];
}

/** Exhaustive: a new detector name does not compile until it has rules. Applied in DETECTOR_NAMES order. */
export const BUILTIN_DETECTORS = {
  secrets: secretRules,
  bearer: () => [schemeRule(DETECTOR_TYPES.bearer, 'bearer', BEARER, 15)],
  email: () => [emailRule()],
  card: cardRules,
  phone: phoneRules,
} satisfies Record<DetectorName, () => TextRule[]>;

/**
 * A whole integer attribute value that is a card number (a card sent as `intValue`): 13 to 16 digits are the
 * integers a double holds exactly.
 */
export function isCardNumber(value: number): boolean {
  if (!Number.isSafeInteger(value) || value < 2e12) return false;
  const digits = String(value);
  const first = digits.charCodeAt(0);
  return first >= 50 && first <= 54 && passesLuhn(digits);
}
