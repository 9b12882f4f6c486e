import { describe, expect, it } from 'vitest';
import { checkIfevalInstruction } from './check-instruction.js';

const strict = (id: string, kwargs: Record<string, unknown>, response: string): boolean =>
  checkIfevalInstruction(id, kwargs, response, 'strict');

describe('combination:two_responses', () => {
  const id = 'combination:two_responses';
  it('needs two different parts around ******', () => {
    expect(strict(id, {}, 'First answer.\n******\nSecond answer.')).toBe(true);
    expect(strict(id, {}, 'Same.\n******\nSame.')).toBe(false);
    expect(strict(id, {}, 'One.\n******\nTwo.\n******\nThree.')).toBe(false);
  });
  it('allows blank parts only at the ends', () => {
    expect(strict(id, {}, '******\nOne.\n******\nTwo.\n******')).toBe(true);
    expect(strict(id, {}, 'One.\n******\n******\nTwo.')).toBe(false);
  });
});

describe('combination:repeat_prompt', () => {
  const id = 'combination:repeat_prompt';
  it('needs the response to start with the request, ignoring case and outer whitespace', () => {
    const kwargs = { prompt_to_repeat: 'Write a story about a man.' };
    expect(strict(id, kwargs, '  write a story about a man.\n\nOnce upon a time…')).toBe(true);
    expect(strict(id, kwargs, 'Sure! Write a story about a man.')).toBe(false);
  });
});
