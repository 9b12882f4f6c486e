// Reads the words a keyword instruction names: quoted ("cat", 'dog', “x”), a Python list, or a bare list.

/** Quoted terms: double quotes, curly quotes, or single quotes that are not apostrophes. */
const QUOTED = /"([^"\n]{1,40}?)"|“([^”\n]{1,40}?)”|(?<![\w])['‘]([^'’\n]{1,40}?)['’](?![\w])/g;
/** Where a bare list ends: the rest of the sentence says where or how often, not which words. */
const LIST_END =
  /\s+(?:in|into|throughout|anywhere|at all|somewhere|for|from|to|should|must|each|when|while|as|so|but|if|because|appears?|at least|at most|more than|less than|only|once|twice|\d+\s+times)\b.*$/i;
const STOP = new Set(['the', 'a', 'an', 'word', 'words', 'keyword', 'keywords', 'and', 'or', 'etc', 'following']);

/**
 * The terms at the start of `segment` (the text after "include the keywords", "avoid the words"…).
 * @example
 * readTerms(' "friends" and "hanson" in the resume.'); // ['friends', 'hanson']
 * readTerms(': sleep, cook, feed\nMention it'); // ['sleep', 'cook', 'feed']
 */
export function readTerms(segment: string): string[] {
  const sentence = /^[^.!?\n]*(?:[.!?](?=\w)[^.!?\n]*)*/.exec(segment)?.[0] ?? segment;
  const leading = sentence.replace(/^[\s:,[(]+/, '').replace(/^(?:such as|like|including|namely)\s+/i, '');
  if (/^["“'‘]/.test(leading)) {
    const quoted = [...sentence.matchAll(QUOTED)].map((match) => (match[1] ?? match[2] ?? match[3] ?? '').trim());
    return quoted.filter((term) => term.length > 0);
  }
  const bare = leading.replace(LIST_END, '').replace(/[.!?;)\]]+$/, '');
  return bare
    .split(/\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*/)
    .map((term) => term.trim().replace(/^(?:the|a|an)\s+/i, ''))
    .filter((term) => /^[\p{L}\p{N}'-]+$/u.test(term) && !STOP.has(term.toLowerCase()));
}
