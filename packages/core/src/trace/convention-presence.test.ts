// Unit tests: a convention mapper reads nothing outside its family of keys, so skipping absent families is exact.
import { describe, expect, it } from 'vitest';
import type { ConventionFields } from './convention-fields.js';
import { type ConventionPresence, conventionPresence } from './convention-presence.js';
import { mapAiSdk } from './map-ai-sdk.js';
import { mapGenAi } from './map-genai.js';
import { mapKaizen } from './map-kaizen.js';
import { mapLangfuse, mapLangfuseTrace } from './map-langfuse.js';
import { mapOpenInference } from './map-openinference.js';
import { mapTraceloop } from './map-traceloop.js';
import type { Attributes, OtlpSpan } from './otlp-span.js';
import { makeOtlpSpan } from './testing/make-otlp-span.js';

const messages = JSON.stringify([{ role: 'user', content: 'Hi' }]);

/** Every key each mapper reads, with a value it would use. */
const EVERY_CONVENTION: Attributes = {
  'kaizen.prompt.name': 'p',
  'kaizen.prompt.version': '1',
  'kaizen.session.id': 's',
  'kaizen.user.id': 'u',
  'langfuse.observation.input': 'in',
  'langfuse.observation.output': 'out',
  'langfuse.observation.usage_details': '{"input":1,"output":2,"total":3,"input_cached_tokens":1}',
  'langfuse.observation.cost_details': '{"total":0.1}',
  'langfuse.observation.prompt.name': 'p',
  'langfuse.observation.prompt.version': 1,
  'langfuse.session.id': 's',
  'langfuse.user.id': 'u',
  'langfuse.trace.input': 'in',
  'langfuse.trace.output': 'out',
  'ai.prompt.messages': messages,
  'ai.prompt': '{"prompt":"Hi"}',
  'ai.response.text': 'Hello',
  'ai.toolCall.args': '{}',
  'ai.usage.inputTokens': 1,
  'ai.usage.outputTokens': 2,
  'ai.usage.totalTokens': 3,
  'ai.usage.cachedInputTokens': 1,
  'ai.telemetry.metadata.sessionId': 's',
  'ai.telemetry.metadata.userId': 'u',
  'ai.telemetry.metadata.kaizenPromptName': 'p',
  'ai.telemetry.metadata.kaizenPromptVersion': '1',
  'gen_ai.system_instructions': 'Be brief.',
  'gen_ai.input.messages': messages,
  'gen_ai.output.messages': messages,
  'gen_ai.prompt.0.role': 'user',
  'gen_ai.prompt.0.content': 'Hi',
  'gen_ai.completion.0.role': 'assistant',
  'gen_ai.completion.0.content': 'Hello',
  'gen_ai.tool.call.arguments': '{}',
  'gen_ai.usage.input_tokens': 1,
  'gen_ai.usage.output_tokens': 2,
  'gen_ai.usage.total_tokens': 3,
  'gen_ai.usage.cache_read.input_tokens': 1,
  'gen_ai.usage.cost': 0.1,
  'gen_ai.conversation.id': 'c',
  'llm.input_messages.0.message.role': 'user',
  'llm.input_messages.0.message.content': 'Hi',
  'llm.output_messages.0.message.role': 'assistant',
  'llm.output_messages.0.message.content': 'Hello',
  'llm.token_count.prompt': 1,
  'llm.token_count.completion': 2,
  'llm.token_count.total': 3,
  'llm.token_count.prompt_details.cache_read': 1,
  'llm.cost.total': 0.1,
  'llm.prompt_template.version': 'v1',
  'input.value': 'in',
  'input.mime_type': 'text/plain',
  'output.value': 'out',
  'output.mime_type': 'text/plain',
  'session.id': 's',
  'user.id': 'u',
  metadata: '{"session_id":"s","user_id":"u"}',
  'traceloop.entity.input': 'in',
  'traceloop.entity.output': 'out',
  'llm.usage.total_tokens': 3,
  'traceloop.prompt.key': 'p',
  'traceloop.prompt.version': '1',
  'traceloop.association.properties.session_id': 's',
  'traceloop.association.properties.user_id': 'u',
};

const MAPPERS: readonly [keyof ConventionPresence, string, (span: OtlpSpan) => ConventionFields][] = [
  ['kaizen', 'mapKaizen', mapKaizen],
  ['langfuse', 'mapLangfuse', mapLangfuse],
  ['langfuse', 'mapLangfuseTrace', mapLangfuseTrace],
  ['aiSdk', 'mapAiSdk', mapAiSdk],
  ['genAi', 'mapGenAi', mapGenAi],
  ['openInference', 'mapOpenInference', mapOpenInference],
  ['traceloop', 'mapTraceloop', mapTraceloop],
];

const spanWith = (attributes: Attributes) => makeOtlpSpan({ attributes });

describe('conventionPresence', () => {
  for (const [family, name, map] of MAPPERS) {
    it(`${name} reads only ${family} keys`, () => {
      const own = Object.entries(EVERY_CONVENTION).filter(
        ([key]) => conventionPresence(spanWith({ [key]: 1 }))[family],
      );
      const others = Object.fromEntries(
        Object.entries(EVERY_CONVENTION).filter(([key]) => !conventionPresence(spanWith({ [key]: 1 }))[family]),
      );
      expect(own.length).toBeGreaterThan(0);
      expect(conventionPresence(spanWith(others))[family]).toBe(false);
      const fields = map(spanWith(others));
      expect(Object.entries(fields).filter(([, value]) => value !== undefined)).toEqual([]);
      // With its own keys back, the mapper does read something.
      expect(Object.values(map(spanWith(EVERY_CONVENTION))).some((value) => value !== undefined)).toBe(true);
    });
  }

  it('counts span events as GenAI content', () => {
    const span = makeOtlpSpan({ events: [{ name: 'gen_ai.user.message', timeUnixNano: '1', attributes: {} }] });
    expect(conventionPresence(span)).toMatchObject({ genAi: true, aiSdk: false, openInference: false });
  });
});
