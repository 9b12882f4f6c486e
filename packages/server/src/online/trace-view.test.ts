// Unit tests: a rule's view against a trace's environment and prompts.
import { makeSpan } from '@kaizen/store/testing';
import { describe, expect, it } from 'vitest';
import { matchesView, traceViewFacts } from './trace-view.js';

describe('matchesView', () => {
  const facts = traceViewFacts(
    [makeSpan({ promptName: 'answerer', promptVersion: '2' }), makeSpan({ promptName: 'router', promptVersion: null })],
    'production',
  );
  const view = (environment: string | null, promptName: string | null, promptVersion: string | null) =>
    matchesView({ environment, promptName, promptVersion }, facts);

  it('matches any value where the view has null', () => {
    expect(view(null, null, null)).toBe(true);
    expect(view('production', null, null)).toBe(true);
    expect(view('staging', null, null)).toBe(false);
  });

  it('matches a prompt, and a version on the same span as its prompt', () => {
    expect(view(null, 'answerer', null)).toBe(true);
    expect(view(null, 'router', null)).toBe(true);
    expect(view('production', 'answerer', '2')).toBe(true);
    expect(view(null, 'answerer', '1')).toBe(false);
    expect(view(null, 'router', '2')).toBe(false);
    expect(view(null, 'other', null)).toBe(false);
  });
});
