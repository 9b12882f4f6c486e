// Phrase families through which a system prompt reminds the model of a class of constraint (read with negation).
import type { IfevalInstructionId } from '@kaizen/core';
import { type InstructionFamily, phrase } from '../../instructions/detect-instruction.js';
import type { InstructionClass } from './ifeval-rules.js';

const family = (...affirm: string[]): InstructionFamily => ({ affirm: affirm.map(phrase) });

/** Any instruction: "follow every instruction exactly", "read the request carefully", "double-check your answer". */
export const FOLLOW_ALL: InstructionFamily = {
  affirm: [
    phrase(
      String.raw`\b(?:follow|obey|respect|honou?r|comply with|adhere to|satisfy|meet|apply)\b~\b(?:every|all|each|any)\b~\b(?:instructions?|constraints?|requirements?|rules?|directions?|requests?)\b`,
    ),
    phrase(
      String.raw`\b(?:all|every|each|the|these|my|our)\s+(?:instructions?|constraints?|requirements?)\b~\b(?:exactly|precisely|carefully|strictly|to the letter|literally)\b`,
    ),
    phrase(
      String.raw`\b(?:read|check|re-?read|review)\b~\b(?:instructions?|request|prompt|constraints?|requirements?)\b~\bcarefully\b`,
    ),
    phrase(String.raw`\bdouble[- ]check\b|\bverify\b~\b(?:constraints?|requirements?|instructions?|answer|response)\b`),
  ],
  contrary: [phrase(String.raw`\b(?:ignore|disregard|skip)\b~\b(?:instructions?|constraints?|requirements?|rules?)\b`)],
};

/** One family per IFEval class: broad reminders ("respect length limits", "follow formatting instructions exactly"). */
export const CLASS_REMINDERS: Readonly<Record<InstructionClass, InstructionFamily>> = {
  keywords: family(
    String.raw`\bkey ?words?\b`,
    String.raw`\b(?:requested|required|forbidden|banned|excluded|specific)\s+(?:words|terms)\b`,
    String.raw`\bletter\s+(?:counts?|frequenc(?:y|ies))\b`,
  ),
  language: family(
    String.raw`\b(?:requested|required|asked|specified|target|same)\s+language\b`,
    String.raw`\bno other language\b`,
    String.raw`\b(?:respond|answer|reply|write)\b~\bin\b~\blanguage\b`,
  ),
  length_constraints: family(
    String.raw`\b(?:length|word|sentence|paragraph)\s+(?:limits?|counts?|constraints?|requirements?|targets?|bounds?)\b`,
    String.raw`\bcount\b~\b(?:words|sentences|paragraphs)\b`,
    String.raw`\b(?:respect|stay within|keep to|honou?r|meet|mind)\b~\b(?:length|limits?)\b`,
    String.raw`\b(?:requested|required|exact)\s+(?:number of|length)\b`,
  ),
  detectable_content: family(
    String.raw`\bplaceholders?\b`,
    String.raw`\bpost-?\s?scripts?\b|\bP\.\s?P?\.?\s?S\b`,
    String.raw`\b(?:required|requested)\s+(?:content|elements?|parts?)\b`,
  ),
  detectable_format: family(
    String.raw`\bformat(?:ting)?\b~\b(?:instructions?|requirements?|constraints?|rules?|requests?)\b`,
    String.raw`\b(?:requested|required|exact)\s+(?:format|structure|layout)\b`,
    String.raw`\bmarkdown\b`,
  ),
  combination: family(
    String.raw`\brepeat\b~\b(?:request|prompt|question)\b`,
    String.raw`\btwo\s+(?:different\s+)?(?:responses|answers|versions)\b`,
  ),
  startend: family(
    String.raw`\b(?:start|end|beginning|ending)\b~\b(?:response|answer|reply)\b~\b(?:exactly|as (?:asked|requested)|required|requested)\b`,
    String.raw`\b(?:end|finish)\b~\b(?:exact|requested|given|required)\s+(?:phrase|sentence|words)\b`,
    String.raw`\bdouble\s+quot|\bquotation marks\b`,
  ),
  change_case: family(
    String.raw`\b(?:letter\s+)?case\b~\b(?:instructions?|requirements?|rules?|constraints?|requests?)\b`,
    String.raw`\bcapitali[sz]ation\b`,
    String.raw`\b(?:all\s+)?(?:upper|lower)\s?-?case\b`,
    String.raw`\b(?:all\s+)?capital letters\b|\ball[- ]caps\b`,
  ),
  punctuation: {
    affirm: [
      phrase(String.raw`\bno\s+commas?\b|\bcomma-?free\b|\bwithout\s+(?:any\s+)?commas?\b`),
      phrase(String.raw`\b(?:never|do not|don't|not)\s+(?:use|add|include|put|insert|write)\b~\bcommas?\b`),
      phrase(String.raw`\bavoid\b~\bcommas?\b|\bcommas?\b~\b(?:not allowed|forbidden|banned|prohibited)\b`),
      phrase(String.raw`\b(?:comma|punctuation)\s+(?:rules?|instructions?|constraints?|bans?|requirements?)\b`),
    ],
    contrary: [phrase(String.raw`\b(?:may|can|feel free to)\s+use\s+commas\b`)],
  },
};

/** Specific reminders of one instruction type ("count your words carefully", "wrap JSON"): stronger than a class's. */
export const TYPE_REMINDERS: Readonly<Partial<Record<IfevalInstructionId, InstructionFamily>>> = {
  'length_constraints:number_words': family(
    String.raw`\bcount\b~\bwords\b`,
    String.raw`\bword\s+(?:counts?|limits?)\b`,
    String.raw`\bnumber of words\b`,
  ),
  'length_constraints:number_sentences': family(
    String.raw`\bcount\b~\bsentences\b`,
    String.raw`\bsentence\s+(?:counts?|limits?)\b`,
    String.raw`\bnumber of sentences\b`,
  ),
  'length_constraints:number_paragraphs': family(
    String.raw`\bmarkdown divider\b|\*\*\*`,
    String.raw`\b(?:number of|count)\b~\bparagraphs\b`,
  ),
  'length_constraints:nth_paragraph_first_word': family(
    String.raw`\bfirst word\b`,
    String.raw`\bparagraph\b~\bstarts?\s+with\b`,
  ),
  'keywords:existence': family(String.raw`\binclude\b~\b(?:every|all|each|the)\b~\b(?:key ?words?|requested words)\b`),
  'keywords:frequency': family(
    String.raw`\b(?:how many times|number of times)\b`,
    String.raw`\bkey ?word\s+(?:counts?|frequency)\b`,
  ),
  // "Never use forbidden words" reminds of them: the negation belongs to the phrase, so it is matched whole.
  'keywords:forbidden_words': family(
    String.raw`\b(?:never|do not|don't|not)\s+(?:use|write|include)\s+(?:any\s+)?(?:forbidden|banned|excluded|prohibited)\s+(?:key ?)?words\b`,
    String.raw`\bavoid\s+(?:the\s+|any\s+)?(?:forbidden|banned|excluded|prohibited)\s+(?:key ?)?words\b`,
    String.raw`\b(?:forbidden|banned|excluded|prohibited)\s+(?:key ?)?(?:words?|terms?)\b`,
  ),
  'keywords:letter_frequency': family(
    String.raw`\bcount\b~\bletters?\b`,
    String.raw`\bletter\s+(?:counts?|frequenc(?:y|ies))\b`,
  ),
  'detectable_format:json_format': family(String.raw`\bjson\b`),
  'detectable_format:title': family(String.raw`<<|\btitles?\b`),
  'detectable_format:number_bullet_lists': family(String.raw`\bbullet(?:s|\s*points?)?\b`),
  'detectable_format:number_highlighted_sections': family(String.raw`\bhighlight|\bitalic`),
  'detectable_format:multiple_sections': family(
    String.raw`\bsection\s+(?:markers?|headers?|labels?|headings?)\b|\bSECTION X\b`,
  ),
  'detectable_format:constrained_response': family(
    String.raw`\bmy answer is\b|\b(?:exact|given|offered)\s+(?:answer\s+)?(?:options?|choices?|phrases?)\b`,
  ),
  'detectable_content:number_placeholders': family(String.raw`\bplaceholders?\b`),
  'detectable_content:postscript': family(String.raw`\bpost-?\s?scripts?\b|\bP\.\s?P?\.?\s?S\b`),
  'combination:repeat_prompt': family(String.raw`\brepeat\b~\b(?:request|prompt|question)\b`),
  'combination:two_responses': family(String.raw`\btwo\s+(?:different\s+)?(?:responses|answers|versions)\b|\*{6}`),
  'startend:end_checker': family(
    String.raw`\b(?:end|finish)\b~\b(?:exact|requested|given|required)\s+(?:phrase|sentence|words)\b`,
  ),
  'startend:quotation': family(String.raw`\bdouble\s+quot|\bquotation marks\b`),
  'change_case:english_lowercase': family(String.raw`\blower\s?-?case\b`),
  'change_case:english_capital': family(String.raw`\b(?:all\s+)?(?:capital letters|upper\s?-?case)\b|\ball[- ]caps\b`),
  'change_case:capital_word_frequency': family(String.raw`\b(?:capitali[sz]ed|all-?caps|capital)\s+words\b`),
  'punctuation:no_comma': CLASS_REMINDERS.punctuation,
  'language:response_language': CLASS_REMINDERS.language,
};
