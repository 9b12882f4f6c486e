// Reads Vercel AI SDK telemetry attributes (`ai.*`, ai@4 to ai@6): prompt, response, tool calls, usage, metadata.
import type { ConventionFields } from './convention-fields.js';
import type { Attributes, OtlpSpan } from './otlp-span.js';
import { makeMessage, partsText, toMessages, toSpanIO, toToolCall } from './parse-messages.js';
import { asRecord, asText, field, firstNumber, firstPresent, firstText, readJson, toText } from './read-attributes.js';
import type { Message, SpanIO, ToolCall } from './span.js';

const METADATA = 'ai.telemetry.metadata.';

/** `ai.prompt` on the outer span: JSON `{system?, prompt?, messages?}`; kept raw when it is not that. */
function promptInput(raw: unknown): SpanIO | undefined {
  const parsed = asRecord(readJson(raw));
  if (parsed === undefined) return toSpanIO(raw);
  const messages: Message[] = [];
  const system = field(parsed, 'system');
  if (system !== undefined && system !== null) messages.push(makeMessage('system', partsText(system)));
  for (const key of ['messages', 'prompt']) {
    const value = field(parsed, key);
    if (typeof value === 'string') messages.push(makeMessage('user', value));
    else if (Array.isArray(value)) {
      const parsedMessages = toMessages(value);
      if (parsedMessages === undefined) return toText(raw);
      messages.push(...parsedMessages);
    }
  }
  return messages.length > 0 ? messages : toText(raw);
}

function nonEmptyText(attributes: Attributes, keys: readonly string[]): string | undefined {
  const value = firstPresent(attributes, keys);
  return value === undefined ? undefined : toText(value);
}

/** `ai.response.text` + `ai.response.toolCalls` (or ai@3's `ai.result.*`) as one assistant message. */
function responseMessage(attributes: Attributes): Message[] | undefined {
  const text = firstText(attributes, ['ai.response.text', 'ai.result.text']);
  const rawCalls = readJson(firstPresent(attributes, ['ai.response.toolCalls', 'ai.result.toolCalls']));
  const toolCalls: ToolCall[] = [];
  if (Array.isArray(rawCalls)) {
    for (const raw of rawCalls) {
      const call = toToolCall(raw);
      if (call !== undefined) toolCalls.push(call);
    }
  }
  if (text === undefined && toolCalls.length === 0) return undefined;
  return [makeMessage('assistant', text ?? '', { toolCalls })];
}

/**
 * AI SDK fields. Input: `ai.prompt.messages` (what the model call got) > `ai.prompt` (what the caller passed) >
 * tool call arguments > embedded values. Output: the response as an assistant message (text and tool calls) >
 * `ai.response.object` (raw JSON text) > tool call result. Usage: ai@5/6 names, then ai@4's, then `ai.usage.tokens`
 * (embeddings: all input). Session, user and prompt linkage from `ai.telemetry.metadata.*`: `sessionId`, `userId`,
 * `kaizenPromptName`/`kaizenPromptVersion`, or Langfuse's `langfusePrompt` JSON `{name, version}`.
 *
 * @example
 * mapAiSdk(span).inputTokens; // ai.usage.inputTokens (ai@5/6) or ai.usage.promptTokens (ai@4)
 */
export function mapAiSdk(span: OtlpSpan): ConventionFields {
  const attributes = span.attributes;
  const langfusePrompt = asRecord(readJson(field(attributes, `${METADATA}langfusePrompt`)));
  return {
    input:
      toSpanIO(field(attributes, 'ai.prompt.messages')) ??
      promptInput(field(attributes, 'ai.prompt')) ??
      nonEmptyText(attributes, ['ai.toolCall.args', 'ai.toolCall.input', 'ai.value', 'ai.values']),
    output:
      responseMessage(attributes) ??
      nonEmptyText(attributes, ['ai.response.object', 'ai.result.object', 'ai.toolCall.result', 'ai.toolCall.output']),
    inputTokens: firstNumber(attributes, ['ai.usage.inputTokens', 'ai.usage.promptTokens', 'ai.usage.tokens']),
    outputTokens: firstNumber(attributes, ['ai.usage.outputTokens', 'ai.usage.completionTokens']),
    totalTokens: firstNumber(attributes, ['ai.usage.totalTokens']),
    cacheReadTokens: firstNumber(attributes, [
      'ai.usage.cachedInputTokens',
      'ai.usage.inputTokenDetails.cacheReadTokens',
    ]),
    promptName:
      firstText(attributes, [`${METADATA}kaizenPromptName`]) ??
      (langfusePrompt !== undefined ? asText(field(langfusePrompt, 'name')) : undefined),
    promptVersion:
      firstText(attributes, [`${METADATA}kaizenPromptVersion`]) ??
      (langfusePrompt !== undefined ? asText(field(langfusePrompt, 'version')) : undefined),
    sessionId: firstText(attributes, [`${METADATA}sessionId`, `${METADATA}session_id`]),
    userId: firstText(attributes, [`${METADATA}userId`, `${METADATA}user_id`]),
  };
}
