// A small language guess for judge questions like "Is the output in French?": script first, then function words.

const SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['zh', /\p{Script=Han}/u],
  ['ko', /\p{Script=Hangul}/u],
  ['ru', /\p{Script=Cyrillic}/u],
  ['ar', /\p{Script=Arabic}/u],
  ['hi', /\p{Script=Devanagari}/u],
  ['el', /\p{Script=Greek}/u],
  ['he', /\p{Script=Hebrew}/u],
  ['th', /\p{Script=Thai}/u],
];

const LATIN_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set('the and is are of to in it you that this for with was not have be on'.split(' ')),
  fr: new Set('le la les et est un une des du de dans pour que qui pas sur avec vous nous'.split(' ')),
  es: new Set('el la los las y es un una de del en que por para con no se muy'.split(' ')),
  de: new Set('der die das und ist nicht ein eine zu mit sich auf für von ich sie wir'.split(' ')),
  it: new Set('il lo la gli le e è un una di del della che per con non sono'.split(' ')),
  pt: new Set('o a os as e é um uma de do da que para com não se por mais'.split(' ')),
};

/**
 * The language of a text as a two-letter code ("en", "fr", "zh"…), or undefined when it has no letters.
 * @example
 * guessLanguage('Merci pour votre message, nous vous répondrons.'); // 'fr'
 */
export function guessLanguage(text: string): string | undefined {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return undefined;
  for (const [code, pattern] of SCRIPTS) {
    const count = letters.filter((letter) => pattern.test(letter)).length;
    if (count * 2 > letters.length) return code;
  }
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = 'en';
  let bestScore = 0;
  for (const [code, set] of Object.entries(LATIN_WORDS)) {
    const score = words.filter((word) => set.has(word)).length;
    if (score > bestScore) [best, bestScore] = [code, score];
  }
  return best;
}

/** Language names a judge question may use, by code. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  english: 'en',
  french: 'fr',
  spanish: 'es',
  german: 'de',
  italian: 'it',
  portuguese: 'pt',
  japanese: 'ja',
  chinese: 'zh',
  korean: 'ko',
  russian: 'ru',
  arabic: 'ar',
  hindi: 'hi',
  greek: 'el',
  hebrew: 'he',
  thai: 'th',
};
