// How often GPT-4 followed each IFEval instruction type: the simulator's compliance before any system prompt helps.
import type { IfevalInstructionId } from '@kaizen/core';

/**
 * [followed, total] per instruction type, counted from the strict per-instruction labels of GPT-4's responses in
 * `fixtures/ifeval/ifeval-gpt4.jsonl` (540 labelled prompts, 832 instructions, 697 followed: 83.8 %; the paper reports
 * 83.6 %). `ifeval-base-rates.test.ts` recounts them from the fixture, so the table cannot drift from the data.
 * @example
 * IFEVAL_BASE_RATES['punctuation:no_comma']; // [44, 66]: GPT-4 kept 44 of 66 no-comma instructions
 */
export const IFEVAL_BASE_RATES = {
  'keywords:existence': [38, 39],
  'keywords:frequency': [38, 42],
  'keywords:forbidden_words': [42, 49],
  'keywords:letter_frequency': [21, 33],
  'language:response_language': [30, 31],
  'length_constraints:number_sentences': [35, 52],
  'length_constraints:number_paragraphs': [23, 27],
  'length_constraints:number_words': [37, 52],
  'length_constraints:nth_paragraph_first_word': [9, 12],
  'detectable_content:number_placeholders': [25, 26],
  'detectable_content:postscript': [26, 26],
  'detectable_format:number_bullet_lists': [27, 31],
  'detectable_format:constrained_response': [8, 10],
  'detectable_format:number_highlighted_sections': [44, 47],
  'detectable_format:multiple_sections': [13, 14],
  'detectable_format:json_format': [17, 17],
  'detectable_format:title': [37, 37],
  'combination:two_responses': [22, 24],
  'combination:repeat_prompt': [26, 41],
  'startend:end_checker': [22, 26],
  'change_case:capital_word_frequency': [17, 25],
  'change_case:english_capital': [19, 25],
  'change_case:english_lowercase': [36, 39],
  'punctuation:no_comma': [44, 66],
  'startend:quotation': [41, 41],
} as const satisfies Record<IfevalInstructionId, readonly [number, number]>;

/**
 * The share of instructions of this type GPT-4 failed.
 * @example
 * baseFailureRate('punctuation:no_comma'); // 22 / 66 ≈ 0.333
 */
export function baseFailureRate(id: IfevalInstructionId): number {
  const [followed, total] = IFEVAL_BASE_RATES[id];
  return 1 - followed / total;
}
