// One test per convention: spans built with the real OTel SDK, sent by the real OTLP exporters, read back via the API.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { expect, it } from 'vitest';
import { findTraceSummary, getTrace, spanNamed } from './support/api-client.js';
import { BACKENDS } from './support/backends.js';
import { at, bearer, exportSpans, startChild, traceIdOf, WIRES } from './support/otel-export.js';
import { useTestServer } from './support/test-server.js';

for (const backend of BACKENDS) {
  backend.describe(`conventions over ${backend.name}`, () => {
    const context = useTestServer(backend);
    const endpoint = () => `${context().url}/v1/traces`;

    it.each(WIRES)('GenAI semconv, current names and gen_ai.*.messages JSON (%s)', async (wire) => {
      let traceId = '';
      await exportSpans(
        {
          url: endpoint(),
          headers: bearer(context().key),
          wire,
          resource: { 'deployment.environment.name': 'staging' },
        },
        (tracer) => {
          const span = tracer.startSpan('chat gpt-4o', {
            kind: SpanKind.CLIENT,
            startTime: at(0),
            attributes: {
              'gen_ai.operation.name': 'chat',
              'gen_ai.provider.name': 'openai',
              'gen_ai.request.model': 'gpt-4o',
              'gen_ai.response.model': 'gpt-4o-2024-08-06',
              'gen_ai.usage.input_tokens': 100,
              'gen_ai.usage.output_tokens': 20,
              'gen_ai.response.finish_reasons': ['stop'],
              'gen_ai.conversation.id': 'conv-1',
              'gen_ai.input.messages': JSON.stringify([
                { role: 'user', parts: [{ type: 'text', content: 'Weather in Paris?' }] },
              ]),
              'gen_ai.output.messages': JSON.stringify([
                { role: 'assistant', parts: [{ type: 'text', content: 'Sunny.' }], finish_reason: 'stop' },
              ]),
            },
          });
          traceId = traceIdOf(span);
          span.end(at(1500));
        },
      );
      const span = spanNamed(await getTrace(context().url, context().key, traceId), 'chat gpt-4o');
      expect(span).toMatchObject({
        kind: 'llm',
        model: 'gpt-4o-2024-08-06',
        provider: 'openai',
        inputTokens: 100,
        outputTokens: 20,
        totalTokens: 120,
        status: 'ok',
        environment: 'staging',
        sessionId: 'conv-1',
        startTime: '2025-06-01T12:00:00.000Z',
        endTime: '2025-06-01T12:00:01.500Z',
        durationMs: 1500,
        input: [{ role: 'user', content: 'Weather in Paris?' }],
        output: [{ role: 'assistant', content: 'Sunny.' }],
      });
      // gpt-4o: $2.50 / $10 per million tokens.
      expect(span.costUsd).toBeCloseTo(100 * 2.5e-6 + 20 * 10e-6, 12);
      expect(span.attributes['gen_ai.response.finish_reasons']).toEqual(['stop']);
    });

    it('GenAI semconv, deprecated names and the flattened gen_ai.prompt.N / gen_ai.completion.N form', async () => {
      let traceId = '';
      await exportSpans({ url: endpoint(), headers: bearer(context().key), wire: 'json' }, (tracer) => {
        const span = tracer.startSpan('anthropic.chat', {
          kind: SpanKind.CLIENT,
          startTime: at(0),
          attributes: {
            'gen_ai.system': 'Anthropic',
            'gen_ai.request.model': 'claude-sonnet-4-5',
            'gen_ai.usage.prompt_tokens': 1000,
            'gen_ai.usage.completion_tokens': 200,
            'llm.request.type': 'chat',
            'gen_ai.prompt.0.role': 'system',
            'gen_ai.prompt.0.content': 'Be brief.',
            'gen_ai.prompt.1.role': 'user',
            'gen_ai.prompt.1.content': 'Capital of France?',
            'gen_ai.completion.0.role': 'assistant',
            'gen_ai.completion.0.content': 'Paris.',
            'gen_ai.completion.0.finish_reason': 'stop',
          },
        });
        traceId = traceIdOf(span);
        span.end(at(800));
      });
      const span = spanNamed(await getTrace(context().url, context().key, traceId), 'anthropic.chat');
      expect(span).toMatchObject({
        kind: 'llm',
        model: 'claude-sonnet-4-5',
        provider: 'anthropic',
        inputTokens: 1000,
        outputTokens: 200,
        input: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Capital of France?' },
        ],
        output: [{ role: 'assistant', content: 'Paris.' }],
      });
      expect(span.costUsd).toBeCloseTo(1000 * 3e-6 + 200 * 15e-6, 12);
    });

    it('GenAI semconv 1.28–1.36 per-message events (gen_ai.*.message, gen_ai.choice)', async () => {
      let traceId = '';
      await exportSpans({ url: endpoint(), headers: bearer(context().key), wire: 'protobuf' }, (tracer) => {
        const span = tracer.startSpan('chat gpt-4o-mini', {
          kind: SpanKind.CLIENT,
          startTime: at(0),
          attributes: {
            'gen_ai.operation.name': 'chat',
            'gen_ai.system': 'openai',
            'gen_ai.request.model': 'gpt-4o-mini',
            'gen_ai.usage.input_tokens': 12,
            'gen_ai.usage.output_tokens': 3,
          },
        });
        span.addEvent('gen_ai.system.message', { 'gen_ai.system': 'openai', content: 'You are terse.' }, at(1));
        span.addEvent('gen_ai.user.message', { 'gen_ai.system': 'openai', content: 'Hi!' }, at(2));
        span.addEvent(
          'gen_ai.choice',
          {
            'gen_ai.system': 'openai',
            index: 0,
            finish_reason: 'stop',
            message: JSON.stringify({ role: 'assistant', content: 'Hello.' }),
          },
          at(300),
        );
        traceId = traceIdOf(span);
        span.end(at(310));
      });
      const span = spanNamed(await getTrace(context().url, context().key, traceId), 'chat gpt-4o-mini');
      expect(span).toMatchObject({
        kind: 'llm',
        model: 'gpt-4o-mini',
        provider: 'openai',
        inputTokens: 12,
        outputTokens: 3,
        input: [
          { role: 'system', content: 'You are terse.' },
          { role: 'user', content: 'Hi!' },
        ],
        output: [{ role: 'assistant', content: 'Hello.' }],
      });
      expect(span.attributes['kaizen.events']).toHaveLength(3);
    });

    it('OpenInference (openinference.span.kind, llm.*, input.value, JSON-string metadata and tag.tags)', async () => {
      let traceId = '';
      await exportSpans(
        {
          url: endpoint(),
          headers: bearer(context().key),
          wire: 'protobuf',
          resource: { 'openinference.project.name': 'default' },
          scope: { name: '@arizeai/openinference-instrumentation-openai', version: '4.2.7' },
        },
        (tracer) => {
          const span = tracer.startSpan('OpenAI Chat Completions', {
            startTime: at(0),
            attributes: {
              'openinference.span.kind': 'LLM',
              'llm.model_name': 'gpt-4o-mini-2024-07-18',
              'llm.provider': 'openai',
              'llm.system': 'openai',
              'llm.invocation_parameters': '{"model":"gpt-4o-mini","temperature":0}',
              'llm.token_count.prompt': 25,
              'llm.token_count.completion': 7,
              'llm.token_count.total': 32,
              'llm.input_messages.0.message.role': 'user',
              'llm.input_messages.0.message.content': 'What is 2+2?',
              'llm.output_messages.0.message.role': 'assistant',
              'llm.output_messages.0.message.content': '4',
              'input.value': '{"messages":[{"role":"user","content":"What is 2+2?"}],"model":"gpt-4o-mini"}',
              'input.mime_type': 'application/json',
              'output.value': '{"choices":[{"message":{"role":"assistant","content":"4"}}]}',
              'output.mime_type': 'application/json',
              'session.id': 'session-oi',
              'user.id': 'user-oi',
              metadata: '{"tenant":"acme"}',
              'tag.tags': '["math","demo"]',
            },
          });
          span.setStatus({ code: SpanStatusCode.OK });
          traceId = traceIdOf(span);
          span.end(at(420));
        },
      );
      const span = spanNamed(await getTrace(context().url, context().key, traceId), 'OpenAI Chat Completions');
      expect(span).toMatchObject({
        kind: 'llm',
        model: 'gpt-4o-mini-2024-07-18',
        provider: 'openai',
        inputTokens: 25,
        outputTokens: 7,
        totalTokens: 32,
        sessionId: 'session-oi',
        userId: 'user-oi',
        status: 'ok',
        input: [{ role: 'user', content: 'What is 2+2?' }],
        output: [{ role: 'assistant', content: '4' }],
      });
      expect(span.costUsd).toBeCloseTo(25 * 0.15e-6 + 7 * 0.6e-6, 12);
      // Raw attributes are kept as sent: the JSON strings stay strings.
      expect(span.attributes.metadata).toBe('{"tenant":"acme"}');
      expect(span.attributes['tag.tags']).toBe('["math","demo"]');
    });

    it('Vercel AI SDK 6: root aggregate + doGenerate children + tool call; trace totals count each call once', async () => {
      let traceId = '';
      const common = {
        'ai.telemetry.functionId': 'weather-fn',
        'ai.telemetry.metadata.sessionId': 'sess-ai',
        'ai.telemetry.metadata.userId': 'user-ai',
        'ai.model.provider': 'openai.responses',
        'ai.model.id': 'gpt-4o-mini',
      };
      await exportSpans(
        {
          url: endpoint(),
          headers: bearer(context().key),
          wire: 'json',
          scope: { name: 'ai', version: '6.0.0' },
          resource: { 'deployment.environment.name': 'production' },
        },
        (tracer) => {
          const root = tracer.startSpan('ai.generateText', {
            startTime: at(0),
            attributes: {
              ...common,
              'ai.operationId': 'ai.generateText',
              'operation.name': 'ai.generateText weather-fn',
              'ai.prompt': '{"system":"You are a weather bot.","prompt":"Weather in Paris?"}',
              'ai.response.text': 'It is sunny and 24°C in Paris.',
              'ai.response.finishReason': 'stop',
              'ai.usage.inputTokens': 82,
              'ai.usage.outputTokens': 19,
              'ai.usage.totalTokens': 101,
            },
          });
          traceId = traceIdOf(root);
          const step = (
            name: string,
            input: number,
            output: number,
            start: number,
            end: number,
            extra: Record<string, string>,
          ) => {
            const child = startChild(tracer, root, name, {
              startTime: at(start),
              attributes: {
                ...common,
                ...extra,
                'ai.operationId': 'ai.generateText.doGenerate',
                'gen_ai.system': 'openai.responses',
                'gen_ai.request.model': 'gpt-4o-mini',
                'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
                'ai.usage.inputTokens': input,
                'ai.usage.outputTokens': output,
                'gen_ai.usage.input_tokens': input,
                'gen_ai.usage.output_tokens': output,
              },
            });
            child.end(at(end));
          };
          step('ai.generateText.doGenerate', 30, 8, 10, 900, {
            'ai.prompt.messages': '[{"role":"user","content":[{"type":"text","text":"Weather in Paris?"}]}]',
            'ai.response.toolCalls':
              '[{"toolCallId":"call_1","toolName":"weather","input":"{\\"city\\":\\"Paris\\"}"}]',
          });
          const tool = startChild(tracer, root, 'ai.toolCall', {
            startTime: at(905),
            attributes: {
              'ai.operationId': 'ai.toolCall',
              'ai.toolCall.name': 'weather',
              'ai.toolCall.id': 'call_1',
              'ai.toolCall.args': '{"city":"Paris"}',
              'ai.toolCall.result': '{"temperature":24}',
            },
          });
          tool.end(at(1000));
          step('ai.generateText.doGenerate', 52, 11, 1005, 2390, {
            'ai.response.text': 'It is sunny and 24°C in Paris.',
          });
          root.end(at(2400));
        },
      );
      const detail = await getTrace(context().url, context().key, traceId);
      expect(detail.spans).toHaveLength(4);
      const root = spanNamed(detail, 'ai.generateText');
      expect(root).toMatchObject({ kind: 'agent', inputTokens: 82, outputTokens: 19, parentSpanId: null });
      const calls = detail.spans.filter((span) => span.name === 'ai.generateText.doGenerate');
      expect(calls.map((span) => [span.kind, span.inputTokens, span.outputTokens, span.provider])).toEqual([
        ['llm', 30, 8, 'openai'],
        ['llm', 52, 11, 'openai'],
      ]);
      expect(calls[0]?.parentSpanId).toBe(root.spanId);
      expect(spanNamed(detail, 'ai.toolCall')).toMatchObject({ kind: 'tool' });
      expect(root).toMatchObject({ sessionId: 'sess-ai', userId: 'user-ai', environment: 'production' });

      const summary = await findTraceSummary(context().url, context().key, traceId);
      expect(summary).toMatchObject({
        rootName: 'ai.generateText',
        spanCount: 4,
        inputTokens: 82,
        outputTokens: 19,
        totalTokens: 101,
        environment: 'production',
        durationMs: 2400,
      });
      // Cost of the two calls once (gpt-4o-mini-2024-07-18 prices as gpt-4o-mini), never plus the root's aggregate.
      expect(summary.costUsd).toBeCloseTo(82 * 0.15e-6 + 19 * 0.6e-6, 12);
      expect(summary.models).toContain('gpt-4o-mini-2024-07-18');
    });

    it('Vercel AI SDK 4 usage names (ai.usage.promptTokens / completionTokens)', async () => {
      let traceId = '';
      await exportSpans(
        { url: endpoint(), headers: bearer(context().key), wire: 'protobuf', scope: { name: 'ai' } },
        (tracer) => {
          const root = tracer.startSpan('ai.generateText', {
            startTime: at(0),
            attributes: {
              'ai.operationId': 'ai.generateText',
              'ai.model.id': 'gpt-4o-mini',
              'ai.model.provider': 'openai.chat',
            },
          });
          traceId = traceIdOf(root);
          const call = startChild(tracer, root, 'ai.generateText.doGenerate', {
            startTime: at(5),
            attributes: {
              'ai.operationId': 'ai.generateText.doGenerate',
              'ai.model.id': 'gpt-4o-mini',
              'ai.model.provider': 'openai.chat',
              'ai.usage.promptTokens': 44,
              'ai.usage.completionTokens': 10,
              'ai.prompt.messages': '[{"role":"user","content":"Hello"}]',
              'ai.response.text': 'Hi there',
            },
          });
          call.end(at(500));
          root.end(at(510));
        },
      );
      const call = spanNamed(await getTrace(context().url, context().key, traceId), 'ai.generateText.doGenerate');
      expect(call).toMatchObject({
        kind: 'llm',
        model: 'gpt-4o-mini',
        provider: 'openai',
        inputTokens: 44,
        outputTokens: 10,
        input: [{ role: 'user', content: 'Hello' }],
        output: [{ role: 'assistant', content: 'Hi there' }],
      });
    });

    it('OpenLLMetry / Traceloop (traceloop.* entities, llm.usage.total_tokens, association properties)', async () => {
      let traceId = '';
      await exportSpans(
        {
          url: endpoint(),
          headers: bearer(context().key),
          wire: 'json',
          scope: { name: 'opentelemetry.instrumentation.openai' },
        },
        (tracer) => {
          const workflow = tracer.startSpan('answer_question.workflow', {
            startTime: at(0),
            attributes: {
              'traceloop.span.kind': 'workflow',
              'traceloop.entity.name': 'answer_question',
              'traceloop.entity.input': '{"inputs":{"question":"Why is the sky blue?"}}',
              'traceloop.entity.output': '{"outputs":"Rayleigh scattering."}',
              'traceloop.association.properties.session_id': 'sess-tl',
              'traceloop.association.properties.user_id': 'user-tl',
            },
          });
          traceId = traceIdOf(workflow);
          const call = startChild(tracer, workflow, 'openai.chat', {
            kind: SpanKind.CLIENT,
            startTime: at(10),
            attributes: {
              'llm.request.type': 'chat',
              'gen_ai.system': 'OpenAI',
              'gen_ai.request.model': 'gpt-4.1-mini',
              'gen_ai.response.model': 'gpt-4.1-mini-2025-04-14',
              'gen_ai.usage.prompt_tokens': 15,
              'gen_ai.usage.completion_tokens': 5,
              'llm.usage.total_tokens': 20,
              'gen_ai.prompt.0.role': 'user',
              'gen_ai.prompt.0.content': 'Why is the sky blue?',
              'gen_ai.completion.0.role': 'assistant',
              'gen_ai.completion.0.content': 'Rayleigh scattering.',
            },
          });
          call.end(at(700));
          workflow.end(at(710));
        },
      );
      const detail = await getTrace(context().url, context().key, traceId);
      expect(spanNamed(detail, 'answer_question.workflow')).toMatchObject({
        kind: 'chain',
        sessionId: 'sess-tl',
        userId: 'user-tl',
      });
      expect(spanNamed(detail, 'openai.chat')).toMatchObject({
        kind: 'llm',
        provider: 'openai',
        model: 'gpt-4.1-mini-2025-04-14',
        inputTokens: 15,
        outputTokens: 5,
        totalTokens: 20,
        input: [{ role: 'user', content: 'Why is the sky blue?' }],
        output: [{ role: 'assistant', content: 'Rayleigh scattering.' }],
      });
    });

    it('Langfuse attributes, sent to /api/public/otel/v1/traces with Basic auth (publicKey:secretKey)', async () => {
      let traceId = '';
      const basic = Buffer.from(`pk-lf-1234:${context().key}`).toString('base64');
      await exportSpans(
        {
          url: `${context().url}/api/public/otel/v1/traces`,
          headers: {
            authorization: `Basic ${basic}`,
            'x-langfuse-sdk-name': 'javascript',
            'x-langfuse-public-key': 'pk-lf-1234',
          },
          wire: 'protobuf',
          scope: { name: 'langfuse-sdk', version: '4.0.0' },
        },
        (tracer) => {
          const span = tracer.startSpan('support-answer', {
            startTime: at(0),
            attributes: {
              'langfuse.observation.type': 'generation',
              'langfuse.observation.model.name': 'gpt-4o',
              'langfuse.observation.usage_details': '{"input":40,"output":10,"total":50}',
              'langfuse.observation.cost_details': '{"total":0.0021}',
              'langfuse.observation.input': '[{"role":"user","content":"Where is my order?"}]',
              'langfuse.observation.output': '[{"role":"assistant","content":"It ships tomorrow."}]',
              'langfuse.observation.prompt.name': 'support-answer',
              'langfuse.observation.prompt.version': 7,
              'langfuse.session.id': 'sess-lf',
              'langfuse.user.id': 'user-lf',
              'langfuse.environment': 'production',
            },
          });
          span.setStatus({ code: SpanStatusCode.ERROR, message: 'guardrail tripped' });
          traceId = traceIdOf(span);
          span.end(at(250));
        },
      );
      const span = spanNamed(await getTrace(context().url, context().key, traceId), 'support-answer');
      expect(span).toMatchObject({
        kind: 'llm',
        model: 'gpt-4o',
        inputTokens: 40,
        outputTokens: 10,
        totalTokens: 50,
        costUsd: 0.0021,
        input: [{ role: 'user', content: 'Where is my order?' }],
        output: [{ role: 'assistant', content: 'It ships tomorrow.' }],
        promptName: 'support-answer',
        promptVersion: '7',
        sessionId: 'sess-lf',
        userId: 'user-lf',
        environment: 'production',
        status: 'error',
        statusMessage: 'guardrail tripped',
      });
      const summary = await findTraceSummary(context().url, context().key, traceId);
      expect(summary).toMatchObject({ status: 'error', promptName: 'support-answer', promptVersion: '7' });
    });

    it('Kaizen attributes (kaizen.prompt.*, kaizen.environment on the resource)', async () => {
      let traceId = '';
      await exportSpans(
        {
          url: endpoint(),
          headers: { 'x-kaizen-api-key': context().key },
          wire: 'json',
          resource: { 'kaizen.environment': 'canary' },
        },
        (tracer) => {
          const span = tracer.startSpan('chat gpt-4o', {
            startTime: at(0),
            attributes: {
              'gen_ai.operation.name': 'chat',
              'gen_ai.request.model': 'gpt-4o',
              'kaizen.prompt.name': 'triage',
              'kaizen.prompt.version': '12',
              'kaizen.session.id': 'sess-kz',
              'deployment.environment.name': 'production',
            },
          });
          traceId = traceIdOf(span);
          span.end(at(10));
        },
      );
      const span = spanNamed(await getTrace(context().url, context().key, traceId), 'chat gpt-4o');
      expect(span).toMatchObject({
        promptName: 'triage',
        promptVersion: '12',
        sessionId: 'sess-kz',
        environment: 'canary',
      });
    });
  });
}
