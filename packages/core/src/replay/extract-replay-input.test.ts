import { describe, expect, it } from 'vitest';
import type { Span } from '../trace/span.js';
import { extractReplayInput } from './extract-replay-input.js';

function span(overrides: Partial<Span>): Span {
  return {
    traceId: 't'.repeat(32),
    spanId: 's1',
    parentSpanId: null,
    name: 'span',
    kind: 'other',
    startTime: '2026-11-01T00:00:00.000Z',
    endTime: '2026-11-01T00:00:01.000Z',
    durationMs: 1000,
    status: 'ok',
    statusMessage: null,
    model: null,
    provider: null,
    inputTokens: null,
    outputTokens: null,
    totalTokens: null,
    costUsd: null,
    input: null,
    output: null,
    promptName: null,
    promptVersion: null,
    environment: null,
    sessionId: null,
    userId: null,
    attributes: {},
    ...overrides,
  };
}

describe('extractReplayInput', () => {
  it('prefers the variables the SDK recorded on the prompt span', () => {
    const spans = [
      span({ spanId: 'llm', kind: 'llm', input: [{ role: 'user', content: 'rendered' }] }),
      span({
        spanId: 'prompt',
        promptName: 'extractor',
        attributes: { 'kaizen.prompt.variables': '{"html":"<h1>Hi</h1>","url":"https://x"}' },
      }),
    ];
    expect(extractReplayInput(spans, 'extractor')).toEqual({
      kind: 'variables',
      variables: { html: '<h1>Hi</h1>', url: 'https://x' },
      spanId: 'prompt',
    });
  });

  it('reads OpenInference template variables', () => {
    const spans = [span({ promptName: 'p', attributes: { 'llm.prompt_template.variables': '{"city":"Oslo"}' } })];
    expect(extractReplayInput(spans, 'p')).toMatchObject({ kind: 'variables', variables: { city: 'Oslo' } });
  });

  it('falls back to the messages of the model call, and ignores malformed variables', () => {
    const messages = [
      { role: 'system', content: 'old system prompt' },
      { role: 'user', content: 'What is 2+2?' },
    ];
    const spans = [
      span({ spanId: 'prompt', promptName: 'p', attributes: { 'kaizen.prompt.variables': '{not json' } }),
      span({ spanId: 'llm', kind: 'llm', input: messages }),
    ];
    expect(extractReplayInput(spans, 'p')).toEqual({ kind: 'messages', messages, spanId: 'llm' });
  });

  it('returns null when the trace has nothing replayable', () => {
    expect(extractReplayInput([span({ kind: 'llm', input: 'plain text' })], 'p')).toBeNull();
    expect(extractReplayInput([], 'p')).toBeNull();
  });
});

describe('buildReplayMessages', () => {
  it('renders the candidate with recorded variables', async () => {
    const { buildReplayMessages } = await import('./build-replay-messages.js');
    const { createPromptContent } = await import('../prompts/prompt-content.js');
    const candidate = createPromptContent({
      template: [
        { role: 'system', content: 'Answer in JSON.' },
        { role: 'user', content: 'Page: {{html}}' },
      ],
    });
    expect(buildReplayMessages(candidate, { kind: 'variables', variables: { html: '<p>x</p>' }, spanId: 's' })).toEqual(
      [
        { role: 'system', content: 'Answer in JSON.' },
        { role: 'user', content: 'Page: <p>x</p>' },
      ],
    );
  });

  it('swaps the system prompt into a recorded conversation, and refuses when variables would be needed', async () => {
    const { buildReplayMessages } = await import('./build-replay-messages.js');
    const { createPromptContent } = await import('../prompts/prompt-content.js');
    const recorded = {
      kind: 'messages' as const,
      spanId: 's',
      messages: [
        { role: 'system', content: 'old' },
        { role: 'user', content: 'hi' },
        { role: 'tool', content: 'ignored' },
      ],
    };
    const candidate = createPromptContent({
      template: [
        { role: 'system', content: 'new' },
        { role: 'user', content: '{{q}}' },
      ],
    });
    expect(buildReplayMessages(candidate, recorded)).toEqual([
      { role: 'system', content: 'new' },
      { role: 'user', content: 'hi' },
    ]);
    const needsVariables = createPromptContent({ template: [{ role: 'system', content: 'Shop {{shop}}' }] });
    expect(() => buildReplayMessages(needsVariables, recorded)).toThrow(/needs shop/);
    expect(() => buildReplayMessages(createPromptContent({ template: 'text {{q}}' }), recorded)).toThrow(
      /no system prompt/,
    );
  });
});

describe('buildReplayMessages with few-shot examples', () => {
  it('places the demonstrations as user/assistant turns before the replayed input', async () => {
    const { buildReplayMessages } = await import('./build-replay-messages.js');
    const messages = buildReplayMessages(
      {
        template: [
          { role: 'system', content: 'Extract.' },
          { role: 'user', content: 'Page: {{html}}' },
        ],
        variables: ['html'],
        outputSchema: null,
        model: null,
        params: {},
        tools: [],
        examples: [{ input: { html: '<p>a</p>' }, output: '{"a":1}' }],
      },
      { kind: 'variables', variables: { html: '<p>b</p>' }, spanId: 's' },
    );
    expect(messages).toEqual([
      { role: 'system', content: 'Extract.' },
      { role: 'user', content: 'Page: <p>a</p>' },
      { role: 'assistant', content: '{"a":1}' },
      { role: 'user', content: 'Page: <p>b</p>' },
    ]);
  });
});
