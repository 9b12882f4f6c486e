// Every recording kind in fixtures/llm-wire/SOURCE.md, each with the call that reproduces it.
import { generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai';
import { expect } from 'vitest';
import {
  chatGenerate,
  chatStream,
  each,
  fromGenerate,
  fromStream,
  messages,
  modelOf,
  promptOf,
  responses,
  telemetryOption,
  toolsNamed,
  type WireCase,
} from './call-recipes.js';

const systemOf = (body: Record<string, unknown>) =>
  ((body.system ?? []) as { text?: string }[]).map((part) => part.text ?? '').join('');

const openAiChat: WireCase[] = [
  ...each(4, (i) => ({
    title: `chat, non-streaming #${i}`,
    recording: 'openai/chat_basic',
    interactions: [i],
    run: chatGenerate(),
  })),
  { title: 'chat, HAR', recording: 'openai/har_chat', interactions: [0], run: chatGenerate() },
  ...each(3, (i) => ({
    title: `chat with reasoning tokens (gpt-5-nano) #${i}`,
    recording: 'openai/chat_reasoning',
    interactions: [i],
    run: chatGenerate({ reasoningEffort: 'low' }),
    checkRequests: ([request]) => expect(request?.body.reasoning_effort).toBe('low'),
  })),
  { title: 'chat streaming, no usage chunk', recording: 'openai/chat_streaming', interactions: [0], run: chatStream() },
  {
    title: 'chat streaming, HAR, no usage chunk',
    recording: 'openai/har_chat_streaming',
    interactions: [0],
    run: chatStream(),
  },
  {
    title: 'chat streaming with include_usage',
    recording: 'openai/chat_streaming_include_usage',
    interactions: [0],
    run: chatStream(),
    // The AI SDK asks for the usage chunk itself; without it a stream has no token counts.
    checkRequests: ([request]) => expect(request?.body.stream_options).toEqual({ include_usage: true }),
  },
  {
    title: 'chat tool call',
    recording: 'openai/chat_tools',
    interactions: [0],
    run: chatGenerate({ tools: toolsNamed('get_current_weather') }),
  },
  {
    title: 'chat tool call, HAR (gpt-4)',
    recording: 'openai/har_chat_tool_calling',
    interactions: [0],
    run: chatGenerate({ tools: toolsNamed('get_current_weather') }),
  },
  {
    title: 'chat streamed tool call',
    recording: 'openai/chat_tools_streaming',
    interactions: [0],
    run: chatStream({ tools: toolsNamed('get_current_weather') }),
  },
  ...each(2, (i) => ({
    title: `chat streamed parallel tool calls #${i}`,
    recording: 'openai/chat_tools_streaming_parallel',
    interactions: [i],
    run: chatStream({ tools: toolsNamed('get_current_weather') }),
  })),
  {
    title: 'chat streamed calls of two tools, HAR',
    recording: 'openai/har_chat_stream_multiple_tools',
    interactions: [0],
    run: chatStream({ tools: toolsNamed('get_current_weather', 'get_tomorrow_weather') }),
  },
  {
    title: 'chat streaming agent loop: tool call, tool result, answer',
    recording: 'openai/chat_streaming_tools_include_usage_agent_loop',
    interactions: [0, 1],
    run: ({ openai }, telemetry, served) =>
      fromStream(
        streamText({
          model: openai.chat(modelOf(served)),
          system: 'A sync streaming agent with tools',
          prompt: promptOf(served),
          tools: {
            multiply: tool({
              description: 'Multiply two numbers.',
              inputSchema: jsonSchema<{ a: number; b: number }>({
                type: 'object',
                properties: { a: { type: 'number' }, b: { type: 'number' } },
                required: ['a', 'b'],
              }),
              execute: async ({ a, b }) => a * b,
            }),
          },
          stopWhen: stepCountIs(2),
          ...telemetryOption(telemetry),
        }),
      ),
    checkRequests: ([, second]) => {
      const sent = (second?.body.messages ?? []) as { role: string; content?: unknown; tool_call_id?: string }[];
      expect(sent.at(-1)).toMatchObject({ role: 'tool', content: '42', tool_call_id: 'call_6KQlxELWhphiY7wr0DV9WW5S' });
    },
  },
  ...each(3, (i) => ({
    title: `chat with tool call history #${i}`,
    recording: 'openai/chat_tool_calls_history',
    interactions: [i],
    run: async ({ openai }, telemetry, served) =>
      fromGenerate(
        await generateText({
          model: openai.chat(modelOf(served)),
          messages: [
            {
              role: 'assistant',
              content: [
                {
                  type: 'tool-call',
                  toolCallId: '1',
                  toolName: 'get_current_weather',
                  input: { location: 'San Francisco' },
                },
              ],
            },
            {
              role: 'tool',
              content: [
                {
                  type: 'tool-result',
                  toolCallId: '1',
                  toolName: 'get_current_weather',
                  output: { type: 'text', value: 'The weather in San Francisco is 70 degrees and sunny.' },
                },
              ],
            },
          ],
          ...telemetryOption(telemetry),
        }),
      ),
    checkRequests: ([request]) =>
      expect(request?.body.messages).toMatchObject([
        { role: 'assistant', tool_calls: [{ id: '1', type: 'function', function: { name: 'get_current_weather' } }] },
        { role: 'tool', tool_call_id: '1', content: 'The weather in San Francisco is 70 degrees and sunny.' },
      ]),
  })),
];

const openAiResponses: WireCase[] = [
  { title: 'Responses API', recording: 'openai/har_responses_api', interactions: [0], run: responses(false) },
  {
    title: 'Responses API with cached input tokens',
    recording: 'openai/har_responses_cached_tokens',
    interactions: [0],
    run: responses(false),
  },
  ...each(2, (i) => ({
    title: `Responses API streaming (typed SSE events) #${i}`,
    recording: 'openai/responses_streaming',
    interactions: [i],
    run: responses(true),
  })),
];

const anthropicMessages: WireCase[] = [
  { title: 'messages, non-streaming', recording: 'anthropic/messages_basic', interactions: [0], run: messages(false) },
  { title: 'messages, HAR', recording: 'anthropic/har_messages', interactions: [0], run: messages(false) },
  { title: 'messages streaming', recording: 'anthropic/messages_streaming', interactions: [0], run: messages(true) },
  {
    title: 'messages streaming, HAR',
    recording: 'anthropic/har_messages_streaming',
    interactions: [0],
    run: messages(true),
  },
  {
    title: 'messages: text and two tool calls',
    recording: 'anthropic/messages_tools',
    interactions: [0],
    run: messages(false, { tools: toolsNamed('get_weather', 'get_time') }),
  },
  {
    title: 'messages streaming tool calls (input_json_delta)',
    recording: 'anthropic/messages_tools_streaming',
    interactions: [0],
    run: messages(true, { tools: toolsNamed('get_weather', 'get_time') }),
  },
  {
    title: 'messages with tool_result history',
    recording: 'anthropic/messages_tools_history',
    interactions: [0],
    run: messages(false, {
      tools: toolsNamed('get_weather', 'get_time'),
      messages: [
        { role: 'user', content: 'What is the weather and current time in San Francisco?' },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: "I'll help you get the weather and current time in San Francisco." },
            {
              type: 'tool-call',
              toolCallId: 'call_1',
              toolName: 'get_weather',
              input: { location: 'San Francisco, CA' },
            },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'call_1',
              toolName: 'get_weather',
              output: { type: 'text', value: 'Sunny and 65 degrees Fahrenheit' },
            },
          ],
        },
      ],
    }),
    checkRequests: ([request]) =>
      expect(request?.body.messages).toMatchObject([
        { role: 'user' },
        { role: 'assistant', content: [{ type: 'text' }, { type: 'tool_use', id: 'call_1', name: 'get_weather' }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'call_1' }] },
      ]),
  },
  ...each(2, (i) => ({
    title: `messages with prompt caching (${i === 0 ? 'cache write' : 'cache read'})`,
    recording: 'anthropic/messages_prompt_caching',
    interactions: [i],
    run: async (providers, telemetry, served) => {
      const body = served[0]?.request.body ?? {};
      return messages(false, {
        system: systemOf(body),
        messages: [
          {
            role: 'user',
            content: [
              {
                type: 'text',
                text: promptOf(served),
                providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } },
              },
            ],
          },
        ],
      })(providers, telemetry, served);
    },
    checkRequests: ([request]) =>
      expect(request?.body.messages).toMatchObject([{ content: [{ cache_control: { type: 'ephemeral' } }] }]),
  })),
  {
    title: 'messages streaming with extended thinking',
    recording: 'anthropic/messages_thinking_streaming',
    interactions: [0],
    run: messages(true, { thinking: 1024 }),
    checkRequests: ([request]) => expect(request?.body.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 }),
  },
  {
    title: 'messages with extended thinking, HAR',
    recording: 'anthropic/har_messages_thinking',
    interactions: [0],
    run: messages(false, { thinking: 1024 }),
  },
];

export const WIRE_CASES: readonly WireCase[] = [...openAiChat, ...openAiResponses, ...anthropicMessages];
