// Test helper: prompts of different quality for the score tests.

export const WEAK_PROMPT = 'Give me the JSON-LD for this page.';

export const STRONG_PROMPT = [
  'You convert web pages to schema.org JSON-LD.',
  'Respond with raw JSON only: no prose, no markdown fences.',
  'Use the most specific schema.org type for the main entity of the page.',
  'Include "@context": "https://schema.org".',
  'Use only information that is visible on the page; never invent values such as phone numbers or ratings.',
  'Fill every property the page supports.',
].join('\n');

/** The strong prompt buried in ~3,500 tokens of well-meant but useless guidance. */
export const PADDED_PROMPT = [
  STRONG_PROMPT,
  ...Array.from(
    { length: 60 },
    (_, index) =>
      `Guideline ${index + 1}: our team values accuracy, clarity and consistency; structured data helps search engines understand content, and careful work here reflects the quality of the whole site, so take your time and consider the reader.`,
  ),
].join('\n');
