// punctuation:* checks.
import type { IfevalCheckFactory } from './check-types.js';

/** `punctuation:no_comma`: no ASCII comma anywhere (other comma characters such as "，" are allowed, as in IFEval). */
export const noComma: IfevalCheckFactory = () => (response) => !response.includes(',');
