// startend:* checks: the response ends with a phrase, or is wrapped in double quotes.
import type { IfevalCheckFactory } from './check-types.js';
import { readString } from './kwargs.js';
import { pyStrip } from './python-text.js';

/** `startend:end_checker`: the stripped response, with outer `"` removed, ends with the phrase (case-insensitive). */
export const endChecker: IfevalCheckFactory = (context) => {
  const endPhrase = pyStrip(readString(context, 'end_phrase')).toLowerCase();
  return (response) => pyStrip(pyStrip(response), '"').toLowerCase().endsWith(endPhrase);
};

/** `startend:quotation`: the stripped response starts and ends with `"` and is longer than one character. */
export const quotation: IfevalCheckFactory = () => (response) => {
  const value = pyStrip(response);
  return value.length > 1 && value.startsWith('"') && value.endsWith('"');
};
