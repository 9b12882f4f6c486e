// Loads a recorded HTTP exchange from fixtures/llm-wire and reads its usage, text and tool calls from the raw wire.
import { readFileSync } from 'node:fs';

export interface RecordedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly json?: unknown;
  readonly text?: string;
  readonly sse_raw?: string;
  readonly sse_events?: readonly { readonly event?: string; readonly data: unknown }[];
}

export interface Interaction {
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: Record<string, unknown>;
  };
  readonly response: RecordedResponse;
}

export interface Recording {
  readonly name: string;
  readonly source: string;
  readonly interactions: readonly Interaction[];
}

export function loadRecording(name: string): Recording {
  const url = new URL(`../../fixtures/llm-wire/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Recording;
}

export function interaction(recording: Recording, index: number): Interaction {
  const found = recording.interactions[index];
  if (found === undefined) throw new Error(`${recording.name} has no interaction ${index}`);
  return found;
}

/** What the provider billed, read straight from the wire, independently of the AI SDK's parsing. */
export interface WireUsage {
  /** All input tokens, cached ones included (Anthropic reports them apart; they are added back here). */
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly cachedInputTokens: number;
  readonly cacheWriteInputTokens: number;
  readonly reasoningTokens: number;
}

export interface WireOutput {
  readonly model: string | null;
  readonly text: string;
  readonly reasoning: string;
  readonly toolCalls: readonly { readonly name: string; readonly input: unknown }[];
  readonly usage: WireUsage;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function dataOf(response: RecordedResponse): Json[] {
  return (response.sse_events ?? []).map((event) => obj(event.data));
}

function usageOf(raw: Json | undefined): WireUsage {
  if (raw === undefined) {
    return {
      inputTokens: null,
      outputTokens: null,
      cachedInputTokens: 0,
      cacheWriteInputTokens: 0,
      reasoningTokens: 0,
    };
  }
  const cacheRead = num(raw.cache_read_input_tokens) ?? 0;
  const cacheWrite = num(raw.cache_creation_input_tokens) ?? 0;
  const anthropic = 'cache_read_input_tokens' in raw || ('input_tokens' in raw && !('total_tokens' in raw));
  const input = num(raw.prompt_tokens) ?? num(raw.input_tokens);
  const details = obj(raw.prompt_tokens_details ?? raw.input_tokens_details);
  const outputDetails = obj(raw.completion_tokens_details ?? raw.output_tokens_details);
  return {
    inputTokens: input === undefined ? null : anthropic ? input + cacheRead + cacheWrite : input,
    outputTokens: num(raw.completion_tokens) ?? num(raw.output_tokens) ?? null,
    cachedInputTokens: anthropic ? cacheRead : (num(details.cached_tokens) ?? 0),
    cacheWriteInputTokens: cacheWrite,
    reasoningTokens: num(outputDetails.reasoning_tokens) ?? 0,
  };
}

function openAiChat(response: RecordedResponse): WireOutput {
  if (response.json !== undefined) {
    const body = obj(response.json);
    const message = obj(obj(list(body.choices)[0]).message);
    const toolCalls = list(message.tool_calls).map((call) => {
      const fn = obj(obj(call).function);
      return { name: str(fn.name), input: JSON.parse(str(fn.arguments)) as unknown };
    });
    return {
      model: str(body.model),
      text: str(message.content),
      reasoning: '',
      toolCalls,
      usage: usageOf(obj(body.usage)),
    };
  }
  const chunks = dataOf(response);
  let text = '';
  const calls: { name: string; args: string }[] = [];
  for (const chunk of chunks) {
    for (const choice of list(chunk.choices)) {
      const delta = obj(obj(choice).delta);
      text += str(delta.content);
      for (const part of list(delta.tool_calls)) {
        const index = num(obj(part).index) ?? 0;
        const fn = obj(obj(part).function);
        calls[index] ??= { name: '', args: '' };
        const call = calls[index];
        if (call !== undefined) {
          call.name += str(fn.name);
          call.args += str(fn.arguments);
        }
      }
    }
  }
  const usage = chunks.map((chunk) => chunk.usage).find((value) => typeof value === 'object' && value !== null);
  return {
    model: str(chunks[0]?.model),
    text,
    reasoning: '',
    toolCalls: calls.map((call) => ({ name: call.name, input: JSON.parse(call.args) as unknown })),
    usage: usageOf(usage === undefined ? undefined : obj(usage)),
  };
}

function openAiResponses(response: RecordedResponse): WireOutput {
  const body =
    response.json !== undefined
      ? obj(response.json)
      : obj(dataOf(response).find((event) => event.type === 'response.completed')?.response);
  const parts = list(body.output).flatMap((item) => list(obj(item).content));
  const text = parts.map((part) => str(obj(part).text)).join('');
  return { model: str(body.model), text, reasoning: '', toolCalls: [], usage: usageOf(obj(body.usage)) };
}

function anthropic(response: RecordedResponse): WireOutput {
  if (response.json !== undefined) {
    const body = obj(response.json);
    const blocks = list(body.content).map(obj);
    return {
      model: str(body.model),
      text: blocks.map((block) => (block.type === 'text' ? str(block.text) : '')).join(''),
      reasoning: blocks.map((block) => (block.type === 'thinking' ? str(block.thinking) : '')).join(''),
      toolCalls: blocks
        .filter((block) => block.type === 'tool_use')
        .map((b) => ({ name: str(b.name), input: b.input })),
      usage: usageOf(obj(body.usage)),
    };
  }
  const events = dataOf(response);
  const start = obj(events.find((event) => event.type === 'message_start')?.message);
  let text = '';
  let reasoning = '';
  const calls = new Map<number, { name: string; args: string }>();
  let usage: Json = { ...obj(start.usage) };
  for (const event of events) {
    const delta = obj(event.delta);
    const index = num(event.index) ?? 0;
    if (event.type === 'content_block_start' && obj(event.content_block).type === 'tool_use') {
      calls.set(index, { name: str(obj(event.content_block).name), args: '' });
    }
    if (delta.type === 'text_delta') text += str(delta.text);
    if (delta.type === 'thinking_delta') reasoning += str(delta.thinking);
    const call = calls.get(index);
    if (delta.type === 'input_json_delta' && call !== undefined) call.args += str(delta.partial_json);
    // message_delta carries the final (cumulative) counts; they replace message_start's.
    if (event.type === 'message_delta') usage = { ...usage, ...obj(event.usage) };
  }
  const toolCalls = [...calls.values()].map((call) => ({
    name: call.name,
    input: JSON.parse(call.args === '' ? '{}' : call.args) as unknown,
  }));
  return { model: str(start.model), text, reasoning, toolCalls, usage: usageOf(usage) };
}

/** Reads the recorded response the way its API documents it. */
export function wireOutput(recorded: Interaction): WireOutput {
  const url = new URL(recorded.request.url).pathname;
  if (url.endsWith('/v1/messages')) return anthropic(recorded.response);
  if (url.endsWith('/v1/responses')) return openAiResponses(recorded.response);
  return openAiChat(recorded.response);
}
