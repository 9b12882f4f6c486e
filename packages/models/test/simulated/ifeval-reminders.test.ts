// A system prompt reminds the model of a class of constraint through families of phrasings, negations included.
import { describe, expect, it } from 'vitest';
import { REMINDER_EFFECT, readReminders } from '../../src/simulated/index.js';
import { REMINDER_SYSTEM } from './ifeval-prompts.js';
import { ITEMS, runFixture } from './ifeval-run.js';

describe('readReminders', () => {
  it.each([
    ['Count your words carefully.', 'length_constraints:number_words'],
    ['Respect length limits.', 'length_constraints'],
    ['Follow formatting instructions exactly.', 'detectable_format'],
    ['Never use commas.', 'punctuation:no_comma'],
    ['Avoid commas whenever the user bans them.', 'punctuation'],
    ['Write in all lowercase when asked.', 'change_case:english_lowercase'],
    ['End exactly with the requested phrase.', 'startend:end_checker'],
    ['Wrap JSON when asked.', 'detectable_format:json_format'],
    ['Never use forbidden words.', 'keywords:forbidden_words'],
    ['Answer in the requested language.', 'language'],
    ['Read the instructions carefully and follow all constraints.', 'general'],
  ])('%j reminds of %s', (system, reminded) => {
    expect(readReminders(system).found).toContain(reminded);
  });

  it.each([
    "You don't need to count words.",
    "Don't worry about formatting instructions.",
    'Ignore any length limits.',
    'You may use commas freely.',
    'You are a helpful assistant.',
  ])('%j reminds of nothing', (system) => {
    expect(readReminders(system).found).toEqual([]);
  });

  it('shrinks failure rates: x0.5 for a class, x0.3 for the very type, x0.7 more for a general reminder', () => {
    expect(readReminders('').multiplier('punctuation:no_comma')).toBe(1);
    expect(readReminders('Respect length limits.').multiplier('length_constraints:number_words')).toBe(
      REMINDER_EFFECT.class,
    );
    expect(readReminders('Count your words carefully.').multiplier('length_constraints:number_words')).toBe(
      REMINDER_EFFECT.type,
    );
    expect(readReminders('Count your words carefully.').multiplier('punctuation:no_comma')).toBe(1);
    expect(
      readReminders('Follow all instructions exactly. Never use commas.').multiplier('punctuation:no_comma'),
    ).toBeCloseTo(REMINDER_EFFECT.general * REMINDER_EFFECT.type);
  });

  it('only turns failures into successes: every instruction followed without the reminder is followed with it', () => {
    const items = ITEMS.slice(0, 200);
    const before = runFixture(undefined, {}, 0, items).outcomes;
    const after = runFixture(REMINDER_SYSTEM, {}, 0, items).outcomes;
    before.forEach((outcome, index) => {
      if (outcome.decision?.comply === true && outcome.decision.reason === 'draw') {
        expect(after[index]?.decision?.comply).toBe(true);
      }
    });
  });
});
