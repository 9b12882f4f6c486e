import { describe, expect, it } from 'vitest';
import { checkIfevalInstruction } from './check-instruction.js';

describe('language:response_language', () => {
  const id = 'language:response_language';
  it('passes a response in the requested language and fails another', () => {
    expect(checkIfevalInstruction(id, { language: 'kn' }, 'ಹೌದು, ಹ್ಯಾಂಬರ್ಗರ್ಗಳು ಸ್ಯಾಂಡ್ವಿಚ್ಗಳು.', 'strict')).toBe(true);
    expect(checkIfevalInstruction(id, { language: 'hi' }, 'This answer is in English.', 'strict')).toBe(false);
  });
  it('passes a response without letters, as the reference does when langdetect raises', () => {
    expect(checkIfevalInstruction(id, { language: 'de' }, '42 + 7 = 49', 'strict')).toBe(true);
  });
  it('needs the language kwarg', () => {
    expect(() => checkIfevalInstruction(id, {}, 'text', 'strict')).toThrow(/language/);
  });
});
