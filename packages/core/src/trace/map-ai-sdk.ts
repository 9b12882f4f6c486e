// Reads Vercel AI SDK telemetry attributes (`ai.*`, ai@4 to ai@6): prompt, response, tool calls, usage, metadata.
import type { ConventionFields } from './convention-fields.js';
import type { Attributes, OtlpSpan } from './otlp-span.js';
import { makeMessage, partsText, toMessages, toToolCall } from './parse-messages.js';
import { isPlainMessages } from './plain-messages.js';
import { asRecord, asText, field, firstNumber, firstText, readJson } from './read-attributes.js';
import type { Message, ToolCall } from './span.js';
import { type Content, contentOf, readContent, textContentOf } from './span-content.js';

const METADATA = 'ai.telemetry.metadata.';
const PROMPT_FIELDS: ReadonlySet<string> = new Set(['system', 'messages', 'prompt']);

/**
 * `ai.prompt` on the outer span: JSON `{system?, prompt?, messages?}`; kept raw when it is not that. It is the
 * prompt's whole content when it holds nothing else, a string system and prompt, and plain messages.
 */
function promptInput(attributes: Attributes): Content | undefined {
  const raw = field(attributes, 'ai.prompt');
  const parsed = asRecord(readJson(raw));
  if (parsed === undefined) return contentOf(raw, 'ai.prompt');
  const messages: Message[] = [];
  let whole = Object.keys(parsed).every((key) => PROMPT_FIELDS.has(key));
  const system = field(parsed, 'system');
  if (system !== undefined && system !== null) {
    messages.push(makeMessage('system', partsText(system)));
    whole &&= typeof system === 'string';
  }
  for (const key of ['messages', 'prompt']) {
    const value = field(parsed, key);
    if (typeof value === 'string') messages.push(makeMessage('user', value));
    else if (Array.isArray(value)) {
      const parsedMessages = toMessages(value);
      if (parsedMessages === undefined) return textContentOf(raw, 'ai.prompt');
      messages.push(...parsedMessages);
      whole &&= isPlainMessages(value);
    } else if (value !== undefined && value !== null) whole = false;
  }
  if (messages.length === 0) return textContentOf(raw, 'ai.prompt');
  return { value: messages, keys: whole ? ['ai.prompt'] : [] };
}

/** The first of `keys` set to something, as text. */
function firstTextContent(attributes: Attributes, keys: readonly string[]): Content | undefined {
  for (const key of keys) {
    const content = textContentOf(field(attributes, key), key);
    if (content !== undefined) return content;
  }
  return undefined;
}

const TEXT_KEYS = ['ai.response.text', 'ai.result.text'] as const;
const TOOL_CALLS_KEYS = ['ai.response.toolCalls', 'ai.result.toolCalls'] as const;

/**
 * `ai.response.text` + `ai.response.toolCalls` (or ai@3's `ai.result.*`) as one assistant message. Only text alone
 * is the whole of its attribute: tool calls are reshaped, so their attribute stays raw.
 */
function responseMessage(attributes: Attributes): Content | undefined {
  const textKey = TEXT_KEYS.find((key) => asText(field(attributes, key)) !== undefined);
  const text = textKey !== undefined ? asText(field(attributes, textKey)) : undefined;
  const callsKey = TOOL_CALLS_KEYS.find((key) => {
    const value = field(attributes, key);
    return value !== undefined && value !== null && value !== '';
  });
  const rawCalls = callsKey !== undefined ? readJson(field(attributes, callsKey)) : undefined;
  const toolCalls: ToolCall[] = [];
  if (Array.isArray(rawCalls)) {
    for (const raw of rawCalls) {
      const call = toToolCall(raw);
      if (call !== undefined) toolCalls.push(call);
    }
  }
  if (text === undefined && toolCalls.length === 0) return undefined;
  const value = [makeMessage('assistant', text ?? '', { toolCalls })];
  const whole = textKey !== undefined && typeof field(attributes, textKey) === 'string' && callsKey === undefined;
  return { value, keys: whole && textKey !== undefined ? [textKey] : [] };
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
      readContent(attributes, 'ai.prompt.messages') ??
      promptInput(attributes) ??
      firstTextContent(attributes, ['ai.toolCall.args', 'ai.toolCall.input', 'ai.value', 'ai.values']),
    output:
      responseMessage(attributes) ??
      firstTextContent(attributes, [
        'ai.response.object',
        'ai.result.object',
        'ai.toolCall.result',
        'ai.toolCall.output',
      ]),
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
