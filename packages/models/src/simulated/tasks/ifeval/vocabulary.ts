// The filler vocabulary the ifeval simulator writes English sentences from, around the prompt's own topic words.

/** Subject determiners: never "a" or "I", which would count as ALL-CAPS words at a sentence start. */
export const SUBJECT_DETERMINERS = ['the', 'every', 'this', 'our', 'each', 'that', 'one'];
/** Object determiners, again without "a"/"an" (no article agreement to get wrong). */
export const OBJECT_DETERMINERS = ['the', 'some', 'our', 'this', 'every', 'one', 'any', 'your'];

export const ADJECTIVES = (
  'good simple clear quiet bright small useful careful steady honest fresh strong gentle local modern ' +
  'curious calm happy bold solid warm quick rare smart plain kind vivid wild real open unique major ' +
  'jolly cozy amazing extra exact proud humble loyal busy tidy polite lucky wise young old big long ' +
  'sunny'
).split(' ');

export const NOUNS = (
  'plan idea story moment path choice detail step friend team goal habit place voice lesson season ' +
  'project journey question result world morning reason window garden map song day quest quality ' +
  'technique puzzle prize zone job joy box example text family city group method future memory picture ' +
  'skill spirit light road bridge circle home book hope mind heart rhythm colour pattern system'
).split(' ');

export const VERBS = (
  'shapes needs brings supports changes helps shows invites deserves improves guides follows builds ' +
  'opens carries reveals makes holds meets finds requires enjoys joins explains organizes lifts calls ' +
  'grows draws warms starts keeps gives creates protects connects inspires welcomes teaches balances'
).split(' ');

export const TAILS = (
  'today|over time|in practice|for many people|with real care|at every step|in the end|right now|' +
  'each morning|without delay|for a long while|in small ways|across the region|on most days|by design|' +
  'at its core|in quiet ways|with a smile|for the whole team|in plain terms|from the start|as a rule|' +
  'every season|after all|just in time|for good reason'
).split('|');

/** Openers that carry a comma: what makes ordinary prose fail a "no commas" instruction. */
export const COMMA_OPENERS = ['In short', 'Of course', 'Even so', 'Over time', 'Still', 'In fact', 'Above all', 'Yes'];

/** Words rich in one letter (space-separated), for "the letter q at least 5 times". */
export const LETTER_WORDS: Readonly<Record<string, string>> = {
  q: 'quick quiet unique quest question quality technique request square queen',
  j: 'journey job joy joke project jacket jungle major jolly jazz',
  z: 'zone puzzle prize zeal amazing cozy zebra breeze maze zigzag',
  x: 'box extra exact example text fox next mix relax index',
  k: 'kind book keeps kite kettle knock park market milk look',
  v: 'vivid voice valley velvet vote visit view village violin vast',
  w: 'window world wise warm wild wave willow wonder window wheel',
  y: 'young yellow yard yearly youth busy lucky tidy sunny happy',
  p: 'plan path place project puzzle prize picture pattern proud pepper',
  c: 'choice circle city calm clear curious cozy careful colour chocolate',
  g: 'good goal group garden gentle grows guides giving gigantic gorge',
  l: 'lesson light local loyal lucky long little lullaby lollipop lily',
  m: 'moment morning map memory method mind modern humble momentum mammoth',
  n: 'plan moment morning garden window season lesson open noon nineteen',
  o: 'morning window moment road book home hope zone box zoo',
  t: 'text team step street tent trust title tattoo attitude tight',
  e: 'tree feel green steel breeze keeps needs sleeve eleven welcome',
};
