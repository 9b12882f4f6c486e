import { describe, expect, it } from 'vitest';
import type { Span } from '../trace/span.js';
import { summarizeTrace } from '../trace/summarize-trace.js';
import { extractRcaFeatures } from './extract-rca-features.js';

const base: Span = {
  traceId: 't',
  spanId: 'root',
  parentSpanId: null,
  name: 'agent',
  kind: 'agent',
  startTime: '2025-01-01T00:00:00.000Z',
  endTime: '2025-01-01T00:00:01.000Z',
  durationMs: 1000,
  status: 'ok',
  statusMessage: null,
  model: null,
  provider: null,
  inputTokens: null,
  outputTokens: null,
  totalTokens: null,
  costUsd: null,
  input: 'Bitte fasse den folgenden Artikel über die Geschichte der Stadt Berlin und ihre Entwicklung zusammen.',
  output: 'Berlin wurde im dreizehnten Jahrhundert gegründet.',
  promptName: 'summarizer',
  promptVersion: '3',
  environment: 'production',
  sessionId: null,
  userId: null,
  attributes: {
    'kaizen.metadata.tier': 'pro',
    'kaizen.prompt.variables': JSON.stringify({ topic: 'history', article: 'x'.repeat(500) }),
  },
};

describe('extractRcaFeatures', () => {
  it('derives model, prompt, lengths, tools, errors, metadata, variables, language and content type', () => {
    const spans: Span[] = [
      base,
      {
        ...base,
        spanId: 'llm',
        parentSpanId: 'root',
        kind: 'llm',
        model: 'gpt-4o-mini',
        input: null,
        output: null,
        attributes: {},
      },
      {
        ...base,
        spanId: 'tool',
        parentSpanId: 'root',
        kind: 'tool',
        name: 'search',
        status: 'error',
        attributes: { 'error.type': 'TimeoutError' },
      },
    ];
    const features = extractRcaFeatures(spans, summarizeTrace(spans));
    expect(features).toMatchObject({
      model: 'gpt-4o-mini',
      promptVersion: '3',
      environment: 'production',
      inputLength: 'short',
      outputLength: 'short',
      language: 'de',
      contentType: 'text',
      'tool.search': 'used',
      errorType: 'TimeoutError',
      'metadata.tier': 'pro',
      'variable.topic': 'history',
    });
    expect(features['variable.article']).toBeUndefined();
  });
});
