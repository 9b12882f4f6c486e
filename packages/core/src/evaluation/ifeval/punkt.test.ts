import { describe, expect, it } from 'vitest';
import { punktSentences } from './punkt.js';

// Expected splits are NLTK's own (docstrings of nltk/tokenize/punkt.py and __init__.py, pretrained English model).
describe('punktSentences', () => {
  it('keeps periods of known abbreviations and initials inside the sentence', () => {
    const text =
      'Punkt knows that the periods in Mr. Smith and Johann S. Bach\ndo not mark sentence boundaries.  And sometimes ' +
      'sentences\ncan start with non-capitalized words.  i is a good variable\nname.';
    expect(punktSentences(text)).toEqual([
      'Punkt knows that the periods in Mr. Smith and Johann S. Bach\ndo not mark sentence boundaries.',
      'And sometimes sentences\ncan start with non-capitalized words.',
      'i is a good variable\nname.',
    ]);
  });

  it('realigns closing quotes and brackets with their sentence', () => {
    const text =
      '(How does it deal with this parenthesis?)  "It should be part of the\nprevious sentence." "(And the same with ' +
      "this one.)\" ('And this one!')\n\"('(And (this)) '?)\" [(and this. )]";
    expect(punktSentences(text)).toEqual([
      '(How does it deal with this parenthesis?)',
      '"It should be part of the\nprevious sentence."',
      '"(And the same with this one.)"',
      "('And this one!')",
      '"(\'(And (this)) \'?)"',
      '[(and this. )]',
    ]);
  });

  it('splits after a number with a period before a capitalised word, not before a lowercase one', () => {
    expect(punktSentences('Good muffins cost $3.88\nin New York.  Please buy me\ntwo of them.\n\nThanks.')).toEqual([
      'Good muffins cost $3.88\nin New York.',
      'Please buy me\ntwo of them.',
      'Thanks.',
    ]);
    expect(punktSentences('1. Eat well.\n2. Sleep.')).toHaveLength(4);
    expect(punktSentences('It rose 5. percent today.')).toHaveLength(1);
  });

  it('does not split on newlines alone, and takes a final sentence without punctuation', () => {
    expect(punktSentences('Title\n\n- one item\n- another item')).toHaveLength(1);
    expect(punktSentences('Hello! How are you? fine')).toEqual(['Hello!', 'How are you?', 'fine']);
  });

  it('treats "Very bad acting!!!" as one sentence end', () => {
    expect(punktSentences('Very bad acting!!! I promise.')).toEqual(['Very bad acting!!!', 'I promise.']);
  });

  it('gives no sentence for blank text', () => {
    expect(punktSentences('   \n ')).toEqual([]);
  });
});
