// AI SDK calls that reproduce a recorded exchange: same provider API, model, prompt, tools and options.
import { type AnthropicProvider, createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI, type OpenAIProvider } from '@ai-sdk/openai';
import {
  type GenerateTextResult,
  generateText,
  jsonSchema,
  type LanguageModelUsage,
  type ModelMessage,
  type StreamTextResult,
  streamText,
  type TelemetrySettings,
  type ToolSet,
  tool,
} from 'ai';
import type { Interaction } from './recording.js';
import type { ReceivedRequest } from './replay-server.js';

export interface Providers {
  readonly openai: OpenAIProvider;
  readonly anthropic: AnthropicProvider;
}

export function providersFor(baseURL: string): Providers {
  return { openai: createOpenAI({ baseURL, apiKey: 'test' }), anthropic: createAnthropic({ baseURL, apiKey: 'test' }) };
}

/** What the AI SDK made of the exchange. */
export interface Outcome {
  readonly text: string;
  readonly reasoning: string;
  readonly toolCalls: readonly { readonly name: string; readonly input: unknown }[];
  readonly usage: LanguageModelUsage;
  readonly responseModel: string;
}

export interface WireCase {
  readonly title: string;
  readonly recording: string;
  /** Interactions served in order; several when the call makes several requests (an agent loop). */
  readonly interactions: readonly number[];
  run(providers: Providers, telemetry: TelemetrySettings | undefined, served: readonly Interaction[]): Promise<Outcome>;
  /** Assertions on the requests the AI SDK sent. */
  checkRequests?(requests: readonly ReceivedRequest[]): void;
}

type Result<TOOLS extends ToolSet> = GenerateTextResult<TOOLS, never>;
type Parts<TOOLS extends ToolSet> = Pick<Result<TOOLS>, 'text' | 'reasoningText' | 'steps' | 'totalUsage' | 'response'>;

export function fromGenerate<TOOLS extends ToolSet>(result: Parts<TOOLS>): Outcome {
  return {
    text: result.text,
    reasoning: result.reasoningText ?? '',
    toolCalls: result.steps.flatMap((step) => step.toolCalls.map((c) => ({ name: c.toolName, input: c.input }))),
    usage: result.totalUsage,
    responseModel: result.response.modelId,
  };
}

export async function fromStream<TOOLS extends ToolSet>(result: StreamTextResult<TOOLS, never>): Promise<Outcome> {
  const [text, reasoningText, steps, totalUsage, response] = await Promise.all([
    result.text,
    result.reasoningText,
    result.steps,
    result.totalUsage,
    result.response,
  ]);
  return fromGenerate({ text, reasoningText, steps, totalUsage, response });
}

type Body = Record<string, unknown>;
const bodyOf = (served: readonly Interaction[]): Body => served[0]?.request.body ?? {};
export const modelOf = (served: readonly Interaction[]): string => String(bodyOf(served).model);

/** The text of the recorded request's last user message, so the replayed call asks what the recording asked. */
export function promptOf(served: readonly Interaction[]): string {
  const body = bodyOf(served);
  if (typeof body.input === 'string') return body.input;
  const messages = (body.messages ?? []) as { role: string; content: unknown }[];
  const last = messages.filter((message) => message.role === 'user').at(-1)?.content;
  if (typeof last === 'string') return last;
  return ((last ?? []) as { text?: string }[]).map((part) => part.text ?? '').join('');
}

export const telemetryOption = (telemetry: TelemetrySettings | undefined) =>
  telemetry !== undefined ? { experimental_telemetry: telemetry } : {};

const location = { type: 'string', description: 'The city and state, e.g. San Francisco, CA' } as const;
const unit = { type: 'string', enum: ['celsius', 'fahrenheit'] } as const;

type Input = Record<string, unknown>;

/** Tools as the recordings declared them; no `execute`, so calls come back to the caller. */
type ToolName = 'get_current_weather' | 'get_tomorrow_weather' | 'get_weather' | 'get_time';

// Typed as ToolSet entries where they are built: with exactOptionalPropertyTypes a `Tool<Input, never>` made
// elsewhere is not assignable to ToolSet, while `tool()` called with ToolSet as its context is.
const tools: Readonly<Record<ToolName, ToolSet[string]>> = {
  get_current_weather: tool({
    description: 'Get the current weather',
    inputSchema: jsonSchema<Input>({ type: 'object', properties: { location }, required: ['location'] }),
  }),
  get_tomorrow_weather: tool({
    description: "Get tomorrow's weather in a given location",
    inputSchema: jsonSchema<Input>({ type: 'object', properties: { location, unit }, required: ['location'] }),
  }),
  get_weather: tool({
    description: 'Get the current weather in a given location',
    inputSchema: jsonSchema<Input>({ type: 'object', properties: { location, unit }, required: ['location'] }),
  }),
  get_time: tool({
    description: 'Get the current time in a given time zone',
    inputSchema: jsonSchema<Input>({
      type: 'object',
      properties: { timezone: { type: 'string' } },
      required: ['timezone'],
    }),
  }),
};

export const toolsNamed = (...names: ToolName[]): ToolSet =>
  Object.fromEntries(names.map((name) => [name, tools[name]]));

export function chatGenerate(extra: { tools?: ToolSet; reasoningEffort?: string } = {}): WireCase['run'] {
  return async ({ openai }, telemetry, served) =>
    fromGenerate(
      await generateText({
        model: openai.chat(modelOf(served)),
        prompt: promptOf(served),
        ...(extra.tools !== undefined ? { tools: extra.tools } : {}),
        ...(extra.reasoningEffort !== undefined
          ? { providerOptions: { openai: { reasoningEffort: extra.reasoningEffort } } }
          : {}),
        ...telemetryOption(telemetry),
      }),
    );
}

export function chatStream(extra: { tools?: ToolSet } = {}): WireCase['run'] {
  return ({ openai }, telemetry, served) =>
    fromStream(
      streamText({
        model: openai.chat(modelOf(served)),
        prompt: promptOf(served),
        ...(extra.tools !== undefined ? { tools: extra.tools } : {}),
        ...telemetryOption(telemetry),
      }),
    );
}

export function responses(stream: boolean): WireCase['run'] {
  return async ({ openai }, telemetry, served) => {
    const call = { model: openai.responses(modelOf(served)), prompt: promptOf(served), ...telemetryOption(telemetry) };
    return stream ? fromStream(streamText(call)) : fromGenerate(await generateText(call));
  };
}

export function messages(
  stream: boolean,
  extra: { tools?: ToolSet; thinking?: number; messages?: ModelMessage[]; system?: string } = {},
): WireCase['run'] {
  return async ({ anthropic }, telemetry, served) => {
    const call = {
      model: anthropic(modelOf(served)),
      ...(extra.messages !== undefined ? { messages: extra.messages } : { prompt: promptOf(served) }),
      ...(extra.system !== undefined ? { system: extra.system } : {}),
      maxOutputTokens: Number(bodyOf(served).max_tokens),
      ...(extra.tools !== undefined ? { tools: extra.tools } : {}),
      ...(extra.thinking !== undefined
        ? { providerOptions: { anthropic: { thinking: { type: 'enabled', budgetTokens: extra.thinking } } } }
        : {}),
      ...telemetryOption(telemetry),
    } as const;
    return stream ? fromStream(streamText(call)) : fromGenerate(await generateText(call));
  };
}

export function each(count: number, make: (index: number) => WireCase): WireCase[] {
  return Array.from({ length: count }, (_, index) => make(index));
}
