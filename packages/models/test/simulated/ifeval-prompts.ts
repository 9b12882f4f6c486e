// System prompts for the ifeval tests: none, a weak one, a good reminder, the reminder padded past 2,000 tokens.

export const WEAK_SYSTEM = 'You are a helpful assistant.';

/** Reminds of every class of constraint, through the phrase families (general, class and type reminders). */
export const REMINDER_SYSTEM = [
  'You are a meticulous assistant. Follow every instruction in the request exactly.',
  'Count your words and sentences carefully and respect length limits.',
  'Follow formatting instructions exactly: titles, bullet points, sections, highlights, placeholders and JSON.',
  'Never use commas when the request forbids them.',
  'Write in all lowercase or all capital letters when asked.',
  'Include every requested keyword and never use forbidden words.',
  'End exactly with the requested phrase and use double quotation marks when asked.',
  'Answer in the requested language.',
].join('\n');

const PADDING =
  'Our company values clarity, warmth and accuracy in every message we send to customers, partners and colleagues. ';

/** The reminder buried in ~3,500 tokens of house style: long enough that instructions get forgotten. */
export const OVERLOADED_SYSTEM = `${REMINDER_SYSTEM}\n\n${PADDING.repeat(120)}`;
