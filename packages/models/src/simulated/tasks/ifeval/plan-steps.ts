// The exhaustive table of planning steps: a new IFEval instruction id does not compile until it has one.
import type { IfevalInstructionId } from '@kaizen/core';
import {
  capitalWordFrequency,
  forbiddenWords,
  keywordExistence,
  keywordFrequency,
  letterFrequency,
  numberSentences,
  numberWords,
} from './plan-counts.js';
import {
  constrainedResponse,
  endChecker,
  englishCapital,
  englishLowercase,
  jsonFormat,
  multipleSections,
  noComma,
  nthParagraphFirstWord,
  numberBulletLists,
  numberHighlightedSections,
  numberParagraphs,
  numberPlaceholders,
  postscript,
  quotation,
  repeatPrompt,
  responseLanguage,
  title,
  twoResponses,
} from './plan-format.js';
import type { PlanStep } from './plan-step.js';

/**
 * How each instruction shapes the plan, followed or violated.
 * @example
 * PLAN_STEPS['punctuation:no_comma'](plan, {}, true, draw); // plan.commas === 'none'
 */
export const PLAN_STEPS = {
  'keywords:existence': keywordExistence,
  'keywords:frequency': keywordFrequency,
  'keywords:forbidden_words': forbiddenWords,
  'keywords:letter_frequency': letterFrequency,
  'language:response_language': responseLanguage,
  'length_constraints:number_sentences': numberSentences,
  'length_constraints:number_paragraphs': numberParagraphs,
  'length_constraints:number_words': numberWords,
  'length_constraints:nth_paragraph_first_word': nthParagraphFirstWord,
  'detectable_content:number_placeholders': numberPlaceholders,
  'detectable_content:postscript': postscript,
  'detectable_format:number_bullet_lists': numberBulletLists,
  'detectable_format:constrained_response': constrainedResponse,
  'detectable_format:number_highlighted_sections': numberHighlightedSections,
  'detectable_format:multiple_sections': multipleSections,
  'detectable_format:json_format': jsonFormat,
  'detectable_format:title': title,
  'combination:two_responses': twoResponses,
  'combination:repeat_prompt': repeatPrompt,
  'startend:end_checker': endChecker,
  'change_case:capital_word_frequency': capitalWordFrequency,
  'change_case:english_capital': englishCapital,
  'change_case:english_lowercase': englishLowercase,
  'punctuation:no_comma': noComma,
  'startend:quotation': quotation,
} as const satisfies Record<IfevalInstructionId, PlanStep>;
