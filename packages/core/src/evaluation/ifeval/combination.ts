// combination:* checks: two different responses separated by ******, or the prompt repeated before the answer.
import type { IfevalCheckFactory } from './check-types.js';
import { readString } from './kwargs.js';
import { pyStrip } from './python-text.js';

/**
 * `combination:two_responses`: exactly two non-empty parts around `******`, and they differ. An empty part is only
 * allowed before the first or after the last separator.
 */
export const twoResponses: IfevalCheckFactory = () => (response) => {
  const parts = response.split('******');
  const valid: string[] = [];
  for (const [index, part] of parts.entries()) {
    if (pyStrip(part) === '') {
      if (index !== 0 && index !== parts.length - 1) return false;
    } else {
      valid.push(part);
    }
  }
  const [first, second] = valid;
  return valid.length === 2 && first !== undefined && second !== undefined && pyStrip(first) !== pyStrip(second);
};

/** `combination:repeat_prompt`: the stripped response starts with `prompt_to_repeat`, case-insensitively. */
export const repeatPrompt: IfevalCheckFactory = (context) => {
  const prompt = pyStrip(readString(context, 'prompt_to_repeat')).toLowerCase();
  return (response) => pyStrip(response).toLowerCase().startsWith(prompt);
};
