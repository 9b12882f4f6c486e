// sim:ifeval reads instructions and their parameters from the prompt text, through families of phrasings.
import { describe, expect, it } from 'vitest';
import { readIfevalPrompt } from '../../src/simulated/index.js';
import { loadIfevalItems, sameKwargs } from './load-ifeval-items.js';

const ids = (prompt: string) => readIfevalPrompt(prompt).map((found) => found.id);
const kwargsOf = (prompt: string, id: string) =>
  readIfevalPrompt(prompt)
    .filter((found) => found.id === id)
    .map((found) => found.kwargs);

describe('readIfevalPrompt over the 541 fixture prompts', () => {
  it('reads at least 97% of the instructions with the same parameters as the dataset', () => {
    let total = 0;
    let same = 0;
    for (const item of loadIfevalItems()) {
      const found = readIfevalPrompt(item.prompt);
      item.instruction_id_list.forEach((id, index) => {
        total += 1;
        const match = found.findIndex((entry) => entry.id === id && sameKwargs(entry.kwargs, item.kwargs[index] ?? {}));
        if (match >= 0) {
          same += 1;
          found.splice(match, 1);
        }
      });
    }
    expect(total).toBe(834);
    expect(same / total).toBeGreaterThanOrEqual(0.97);
  });
});

describe('readIfevalPrompt phrasings', () => {
  it('reads counts written in digits, words, ranges and bounds after the number', () => {
    expect(kwargsOf('Answer in 100 to 120 words.', 'length_constraints:number_words')).toEqual([
      { relation: 'at least', num_words: 100 },
      { relation: 'less than', num_words: 121 },
    ]);
    expect(kwargsOf('Give me a 300+ word pitch.', 'length_constraints:number_words')).toEqual([
      { relation: 'at least', num_words: 300 },
    ]);
    expect(kwargsOf('Keep your entire response 100 words or less.', 'length_constraints:number_words')).toEqual([
      { relation: 'less than', num_words: 101 },
    ]);
    expect(kwargsOf('Have more than 30 sentences in your response.', 'length_constraints:number_sentences')).toEqual([
      { relation: 'at least', num_sentences: 31 },
    ]);
    expect(kwargsOf('Make sure the word cousins appears more than 2 times.', 'keywords:frequency')).toEqual([
      { keyword: 'cousins', relation: 'at least', frequency: 3 },
    ]);
    expect(kwargsOf('Avoid using the letter i more than twice.', 'keywords:letter_frequency')).toEqual([
      { letter: 'i', let_relation: 'less than', let_frequency: 3 },
    ]);
  });

  it('reads negations: "do not include the keyword JSON" is no request for JSON, "do not use commas" is', () => {
    expect(ids('Write a post in JSON format.')).toContain('detectable_format:json_format');
    expect(ids('Write a post. Do not include keywords "flea" and "JSON" in the response.')).toEqual([
      'keywords:forbidden_words',
    ]);
    for (const prompt of [
      'Do not use any commas.',
      'Commas are not allowed.',
      'Refrain from using commas.',
      'Write it without any comma.',
    ]) {
      expect(ids(prompt)).toEqual(['punctuation:no_comma']);
    }
    expect(ids('Separate the items with commas.')).toEqual([]);
  });

  it('tells all-capital answers from counts of capitalised words', () => {
    expect(ids('Your entire response should be in English, and in all capital letters.')).toEqual([
      'change_case:english_capital',
    ]);
    expect(ids('Include at least 10 words in all capital letters.')).toEqual(['change_case:capital_word_frequency']);
    expect(ids('Please answer in lowercase letters only. No capital letters are allowed.')).toEqual([
      'change_case:english_lowercase',
    ]);
  });

  it('reads the request to repeat, the end phrase and the language', () => {
    const repeat = readIfevalPrompt(
      'Write a haiku about rain.\n\nFirst repeat the request word for word without change, then give your answer.',
    );
    expect(repeat[0]?.kwargs).toEqual({ prompt_to_repeat: 'Write a haiku about rain.' });
    expect(
      kwargsOf('Finish your response with the exact phrase "Any other questions?".', 'startend:end_checker'),
    ).toEqual([{ end_phrase: 'Any other questions?' }]);
    expect(
      kwargsOf(
        'Please respond using only the Kannada language, no other language is allowed.',
        'language:response_language',
      ),
    ).toEqual([{ language: 'kn' }]);
    expect(ids('Explain in French why healthy food matters.')).toEqual([]);
  });
});
