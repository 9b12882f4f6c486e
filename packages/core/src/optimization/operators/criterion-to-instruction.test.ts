import { describe, expect, it } from 'vitest';
import type { CheckSpec } from '../../evaluation/check-spec.js';
import type { Criterion } from '../../evaluation/checklist.js';
import type { PromptContent } from '../../prompts/prompt.js';
import { systemText } from './candidate.js';
import { criterionToInstruction, instructionForCriterion } from './criterion-to-instruction.js';

const content = (template: PromptContent['template']): PromptContent => ({
  template,
  variables: ['page'],
  outputSchema: null,
  model: null,
  params: {},
  tools: [],
  examples: [],
});
const criterion = (check: CheckSpec, description = 'A criterion'): Criterion => ({
  id: 'c1',
  description,
  weight: 1,
  check,
});

describe('criterionToInstruction', () => {
  it('appends to the system message and records the edit', () => {
    const base = content([
      { role: 'system', content: 'You extract data.' },
      { role: 'user', content: '{{page}}' },
    ]);
    const candidate = criterionToInstruction(base, criterion({ kind: 'json_valid' }), { causeId: 'cause:c1' });
    expect(candidate).not.toBeNull();
    expect(systemText(candidate?.content ?? base)).toBe(
      'You extract data.\nRespond with JSON only, no prose or code fences.',
    );
    expect(candidate?.edit).toMatchObject({
      part: 'system',
      operator: 'criterion-to-instruction',
      causeId: 'cause:c1',
    });
  });

  it('creates a system message for a text template and does not mutate the input', () => {
    const base = content('Extract from {{page}}');
    const snapshot = JSON.stringify(base);
    const candidate = criterionToInstruction(base, criterion({ kind: 'output_language', language: 'fr' }));
    expect(candidate?.content.template).toEqual([
      { role: 'system', content: 'Respond in French.' },
      { role: 'user', content: 'Extract from {{page}}' },
    ]);
    expect(JSON.stringify(base)).toBe(snapshot);
  });

  it('is idempotent: a second application gives null', () => {
    const checks: CheckSpec[] = [
      { kind: 'json_valid' },
      { kind: 'json_schema', schema: { $schema: 'x', type: 'object', required: ['name'] } },
      { kind: 'field_equals', path: '$.type', expected: { value: 'Recipe' } },
      { kind: 'field_matches', path: '$.date', pattern: '^\\d{4}' },
      { kind: 'contains', values: ['a', 'b'], match: 'any' },
      { kind: 'not_contains', values: ['sorry'] },
      { kind: 'regex', pattern: '^Answer:' },
      { kind: 'max_tokens', max: 100, tokens: 'output' },
      { kind: 'llm_judge', question: 'Is it polite?' },
      { kind: 'ifeval', instruction: 'punctuation:no_comma' },
    ];
    for (const check of checks) {
      const once = criterionToInstruction(content('{{page}}'), criterion(check, 'Uses no commas'));
      expect(once, check.kind).not.toBeNull();
      expect(
        criterionToInstruction(once?.content ?? content(''), criterion(check, 'Uses no commas')),
        check.kind,
      ).toBeNull();
    }
  });

  it('skips an equivalent instruction already present', () => {
    const base = content([{ role: 'system', content: 'Answer with JSON only.' }]);
    expect(criterionToInstruction(base, criterion({ kind: 'json_valid' }))).toBeNull();
  });

  it('phrases each kind', () => {
    expect(
      instructionForCriterion(
        criterion({ kind: 'json_schema', schema: { $schema: 'https://x', type: 'object', required: ['a'] } }),
      ),
    ).toBe('Respond with JSON matching this schema: {"required":["a"],"type":"object"}');
    expect(
      instructionForCriterion(criterion({ kind: 'field_equals', path: '$.type', expected: { value: 'Recipe' } })),
    ).toBe('In the JSON output, set $.type to "Recipe".');
    expect(
      instructionForCriterion(
        criterion({ kind: 'field_equals', path: '$.name', expected: { expectedPath: '$.name' } }, 'The page title'),
      ),
    ).toBe('In the JSON output, fill $.name correctly: The page title.');
    expect(instructionForCriterion(criterion({ kind: 'contains', values: ['x', 'y'] }))).toBe(
      'Include all of "x", "y" in your answer.',
    );
    expect(instructionForCriterion(criterion({ kind: 'max_tokens', max: 10, tokens: 'input' }))).toBeNull();
    expect(instructionForCriterion(criterion({ kind: 'llm_judge', question: 'Q?' }, 'Cites its sources'))).toBe(
      'Cite its sources.',
    );
    expect(instructionForCriterion(criterion({ kind: 'llm_judge', question: 'Q?' }, 'Polite tone'))).toBe(
      'Make sure your answer meets this requirement: Polite tone.',
    );
    expect(instructionForCriterion(criterion({ kind: 'max_latency_ms', max: 5 }, ''))).toBeNull();
    expect(instructionForCriterion(criterion({ kind: 'tool_called', tool: 'search' }))).toBe('Call the tool "search".');
  });
});
