// The simulator reads the request document only: what it keeps of `triedBefore`, and what it leaves absent.
import { buildOptimizerMessages } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { readRequest } from './read-request.js';
import { reflectRequest } from './test-requests.js';

const CRITERION = { id: 'json', description: 'Answers with JSON only', kind: 'json_valid' };

function read(document: object) {
  const messages = buildOptimizerMessages(document as never).map((message) => ({
    role: message.role,
    text: message.content,
  }));
  return readRequest(messages);
}

describe('readRequest', () => {
  it('keeps the edits tried before that name an editable part and added lines', () => {
    const request = read({
      ...reflectRequest(CRITERION),
      triedBefore: [
        { part: 'system', added: ['Answer in JSON.', ''], outcome: 'minibatch of 3: 0.5 → 0.5, no better' },
        { part: 'nowhere', added: ['Ignored.'], outcome: '' },
        'not an object',
      ],
    });
    expect(request?.task === 'reflect' && request.triedBefore).toEqual([
      { part: 'system', added: ['Answer in JSON.'], outcome: 'minibatch of 3: 0.5 → 0.5, no better' },
    ]);
  });

  it('leaves triedBefore absent when the request has none, so the seeded choices made from the document stay put', () => {
    const request = read(reflectRequest(CRITERION));
    expect(request).not.toBeNull();
    expect(request !== null && 'triedBefore' in request).toBe(false);
    expect(read({ ...reflectRequest(CRITERION), triedBefore: [] })).toEqual(request);
  });
});
