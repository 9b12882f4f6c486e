import { describe, expect, it } from 'vitest';
import { createPromptContent } from '../../prompts/prompt-content.js';
import { triedEdit } from './tried-edit.js';

const prompt = (system: string, user = '{{page}}', tools: { name: string; description: string }[] = []) =>
  createPromptContent({
    template: [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ],
    tools: tools.map((tool) => ({ ...tool, parameters: { type: 'object', properties: {} } })),
  });

const minibatch = { score: 0.5, parentScore: 0.5, n: 3 };

describe('triedEdit', () => {
  it('lists the lines an edit added to the system message and what its minibatch showed', () => {
    const tried = triedEdit(prompt('Extract data.'), prompt('Extract data.\nAnswer in JSON.\n\nBe brief.'), minibatch);
    expect(tried).toEqual({
      part: 'system',
      added: ['Answer in JSON.', 'Be brief.'],
      outcome: 'minibatch of 3: 0.500 → 0.500, no better',
    });
  });

  it('names the user template or the tool an edit changed, and says when the minibatch got worse', () => {
    expect(triedEdit(prompt('A.'), prompt('A.', 'Page:\n{{page}}'), minibatch)?.part).toBe('user');
    const before = prompt('A.', '{{page}}', [{ name: 'search', description: 'Searches.' }]);
    const after = prompt('A.', '{{page}}', [{ name: 'search', description: 'Searches.\nOnly when needed.' }]);
    const tried = triedEdit(before, after, { score: 0.2, parentScore: 0.4, n: 5 });
    expect(tried).toMatchObject({ part: 'tool:search', added: ['Only when needed.'] });
    expect(tried?.outcome).toMatch(/worse$/);
  });

  it('is null for an edit that only removed lines', () => {
    expect(triedEdit(prompt('A.\nB.'), prompt('A.'), minibatch)).toBeNull();
  });
});
