// Picks the prompt's own topic words (its content words), so the simulated answer talks about what was asked.

/** Words of instructions rather than topics: a response about "commas" and "paragraphs" would read as a parody. */
const INSTRUCTION_WORDS = new Set(
  (
    'write writing written make sure include including includes response responses answer answers reply words word ' +
    'sentence sentences paragraph paragraphs section sections letter letters capital capitals lowercase uppercase ' +
    'comma commas bullet bullets point points title titles format json markdown highlight highlighted italic ' +
    'placeholder placeholders postscript wrap wrapped double quotation quotes marks mark angular brackets square ' +
    'entire whole least less than more exactly times twice once language english allowed following keywords keyword ' +
    'repeat request change without before after first second third last start starts end ending phrase exact ' +
    'separated separate asterisk asterisks symbols divider should must please could would your about there their ' +
    'they them this that these those with from into only also just what which where when while have does give ' +
    'provide using used other another such like very some many most much each every here other being been were ' +
    'will shall might tell know think want need help explain describe create generate list rewrite expand ' +
    'summarize summary elaborate version versions contain contains containing appear appears throughout'
  ).split(' '),
);
const STOP = new Set(
  'the and for are but not you all any can had her was one our out day get has him his how man new now old see two way who boy did its let put say she too use'.split(
    ' ',
  ),
);

/**
 * Up to `limit` content words of the prompt, in order of first appearance, lowercased unless they are names.
 * @example
 * topicWords('Write a haiku about Ireland in the style of Basho.'); // ['haiku', 'Ireland', 'style', 'Basho']
 */
export function topicWords(prompt: string, limit = 8): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  // Quoted sentences are phrases to end with or repeat ("Is there anything else I can help with?"), not the topic.
  const text = prompt.replace(/"[^"\n]*"|“[^”\n]*”/g, (quoted) => (quoted.split(/\s+/).length > 3 ? ' ' : quoted));
  for (const match of text.matchAll(/[\p{L}][\p{L}'-]*[\p{L}]/gu)) {
    const word = match[0];
    const lower = word.toLowerCase();
    if (lower.length < 4 || INSTRUCTION_WORDS.has(lower) || STOP.has(lower) || seen.has(lower)) continue;
    if (!/^[a-z'-]+$/i.test(word) || word.includes("'")) continue;
    seen.add(lower);
    const name = /^[A-Z][a-z]+$/.test(word) && match.index > 0 && !/[.!?]\s*$/.test(text.slice(0, match.index));
    words.push(name ? word : lower);
    if (words.length >= limit) break;
  }
  return words;
}
