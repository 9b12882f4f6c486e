// Frequent English function words: the English profile of the language detector and Punkt's stand-in ortho data.

/** Lowercase English function words (pronouns, articles, auxiliaries, prepositions, conjunctions). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers ' +
    'herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on ' +
    'once only or other our ours ourselves out over own same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up very was we were what when where ' +
    'which while who whom why will with would you your yours yourself yourselves also may might must shall us let ' +
    'many much every another however although though yet since whether within without upon across along among around'
  ).split(' '),
);

/**
 * Frequent English words beyond the function words (common verbs, nouns, adjectives and adverbs, many of them
 * sentence openers such as "please" or "note"): the Punkt port treats all of these as seen lowercase.
 */
export const FREQUENT_ENGLISH_WORDS: ReadonlySet<string> = new Set([
  ...ENGLISH_STOP_WORDS,
  ...(
    'please note make take give get go come see look know think say tell ask use find keep let put set try call ' +
    'start begin end stop turn move help need want like feel seem become leave show play run read write add check ' +
    'remember consider imagine include follow choose create build plan learn understand explain describe ensure ' +
    'avoid allow provide offer remove open close bring hold stay wait watch listen speak talk walk live work ' +
    'thank thanks welcome hello hi yes no okay well now here today tomorrow yesterday first second third next last ' +
    'finally then also still even again always never often sometimes usually perhaps maybe instead overall ' +
    'therefore thus hence indeed besides additionally furthermore moreover meanwhile otherwise similarly likewise ' +
    'unfortunately fortunately hopefully clearly simply really actually basically generally specifically ' +
    'good great new old big small long short high low right left best better last little own other same different ' +
    'important possible sure true real whole early late young full free easy hard clear simple certain ' +
    'time year day week month way thing man woman child people person world life hand part place case point ' +
    'home water room mother father family friend school money business number night idea story fact game ' +
    'one two three four five six seven eight nine ten'
  ).split(' '),
]);
