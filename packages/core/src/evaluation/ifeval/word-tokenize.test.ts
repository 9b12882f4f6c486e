import { describe, expect, it } from 'vitest';
import { treebankTokenize, wordTokenize } from './word-tokenize.js';

// Expected tokens are NLTK's own (docstrings of nltk/tokenize/__init__.py, treebank.py and destructive.py).
describe('wordTokenize', () => {
  it('splits sentences first, so only sentence-final periods become tokens', () => {
    expect(wordTokenize('Good muffins cost $3.88\nin New York.  Please buy me\ntwo of them.\n\nThanks.')).toEqual([
      'Good',
      'muffins',
      'cost',
      '$',
      '3.88',
      'in',
      'New',
      'York',
      '.',
      'Please',
      'buy',
      'me',
      'two',
      'of',
      'them',
      '.',
      'Thanks',
      '.',
    ]);
  });

  it('splits contractions and clitics', () => {
    expect(wordTokenize("They'll save and invest more.")).toEqual([
      'They',
      "'ll",
      'save',
      'and',
      'invest',
      'more',
      '.',
    ]);
    expect(wordTokenize("hi, my name can't hello,")).toEqual(['hi', ',', 'my', 'name', 'ca', "n't", 'hello', ',']);
    expect(wordTokenize("I CANNOT SAY I'M GONNA")).toEqual(['I', 'CAN', 'NOT', 'SAY', 'I', "'M", 'GON', 'NA']);
  });
});

describe('treebankTokenize', () => {
  it('keeps non-final periods and decimal commas, pads brackets', () => {
    const text = 'Good muffins cost $3.88 (roughly 3,36 euros)\nin New York.  Please buy me\ntwo of them.\nThanks.';
    expect(treebankTokenize(text)).toEqual([
      'Good',
      'muffins',
      'cost',
      '$',
      '3.88',
      '(',
      'roughly',
      '3,36',
      'euros',
      ')',
      'in',
      'New',
      'York.',
      'Please',
      'buy',
      'me',
      'two',
      'of',
      'them.',
      'Thanks',
      '.',
    ]);
  });

  it("turns double quotes into `` and '' and splits dashes", () => {
    expect(treebankTokenize('"Hi" -- she said—loudly.')).toEqual([
      '``',
      'Hi',
      "''",
      '--',
      'she',
      'said',
      '—',
      'loudly',
      '.',
    ]);
  });
});
