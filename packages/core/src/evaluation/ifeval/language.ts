// language:* checks: the whole response is in the requested language.
import type { IfevalCheckFactory } from './check-types.js';
import { detectLanguage } from './detect-language.js';
import { readString } from './kwargs.js';

/** `language:response_language`: the detected language is `language`; a text without letters passes, as in IFEval. */
export const responseLanguage: IfevalCheckFactory = (context) => {
  const language = readString(context, 'language');
  return (response) => {
    const detected = detectLanguage(response);
    return detected === null || detected === language;
  };
};
