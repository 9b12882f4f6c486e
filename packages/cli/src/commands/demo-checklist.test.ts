import { compileChecklist, type EvaluationSubject } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { DEMO_CHECKLIST } from './demo-checklist.js';

const checklist = compileChecklist(DEMO_CHECKLIST);
const PAGE = '<h1>Lemon tart</h1><p>By Ana. 4 eggs, 2 lemons. Rated 4.5 by 12 cooks. Call 555-0100.</p>';

async function statuses(subject: EvaluationSubject) {
  const result = await checklist.evaluate(subject);
  return Object.fromEntries(result.results.map((item) => [item.criterionId, item.status]));
}

describe('the demo checklist', () => {
  it('passes a grounded, specific, complete answer, as a trace (messages) or as a dataset item (variables)', async () => {
    const output = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'Recipe',
      name: 'Lemon tart',
      author: 'Ana',
      recipeIngredient: ['4 eggs', '2 lemons'],
      aggregateRating: { '@type': 'AggregateRating', ratingValue: '4.5', reviewCount: '12' },
      telephone: '555-0100',
    });
    const all = {
      'json-only': 'passed',
      context: 'passed',
      'specific-type': 'passed',
      'no-invented-rating': 'passed',
      'property-coverage': 'passed',
    };
    expect(await statuses({ output, input: [{ role: 'user', content: PAGE }] })).toEqual(all);
    expect(await statuses({ output, input: { html: PAGE }, expected: { mainTypes: ['Recipe'] } })).toEqual(all);
  });

  it('fails prose, a generic or wrong type, an invented rating, and counts no invented fact as coverage', async () => {
    const output = `Here you go:\n${JSON.stringify({
      '@type': 'Thing',
      name: 'Lemon tart',
      description: 'A tart',
      telephone: '+1-555-0199',
      aggregateRating: { ratingValue: '4.1' },
    })}`;
    expect(await statuses({ output, input: { html: PAGE } })).toEqual({
      'json-only': 'failed',
      context: 'failed',
      'specific-type': 'failed',
      'no-invented-rating': 'failed',
      'property-coverage': 'failed',
    });
    const wrongType = JSON.stringify({ '@type': 'Article', name: 'Lemon tart' });
    const result = await checklist.evaluate({
      output: wrongType,
      input: { html: PAGE },
      expected: { mainTypes: ['Recipe'] },
    });
    expect(result.results.find((item) => item.criterionId === 'specific-type')?.rationale).toBe(
      "@type Article; the page's markup says Recipe",
    );
  });
});
