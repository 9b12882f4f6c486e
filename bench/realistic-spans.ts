// Generates realistic OTLP/JSON batches of LLM agent traces (GenAI conventions, chat messages, tool calls) for benches.

const QUESTIONS = [
  'Extract the schema.org JSON-LD for this product page: <h1>Trail Runner 2</h1><p>Price: $129.00</p><p>In stock</p>',
  'Summarise the return policy in two sentences. The policy says items can be returned within 30 days with a receipt.',
  'Which of these recipes is vegetarian? 1. Beef stew 2. Lentil curry 3. Chicken soup. Answer with the number only.',
  'Translate to German: "The order has shipped and will arrive on Tuesday."',
];

function hex(random: () => number, length: number): string {
  let out = '';
  for (let index = 0; index < length; index++) out += Math.floor(random() * 16).toString(16);
  return out;
}

/** A small seeded PRNG (mulberry32) so every run sends the same bytes. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type JsonAttribute = { key: string; value: { stringValue: string } | { intValue: number } | { doubleValue: number } };

const str = (key: string, value: string): JsonAttribute => ({ key, value: { stringValue: value } });
const int = (key: string, value: number): JsonAttribute => ({ key, value: { intValue: value } });

interface JsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: JsonAttribute[];
  status: { code: number; message?: string };
}

/** One trace: an agent span, two chat calls with messages and usage, and a tool call (4 spans). */
function agentTrace(random: () => number, startMs: number): JsonSpan[] {
  const traceId = hex(random, 32);
  const rootId = hex(random, 16);
  const question = QUESTIONS[Math.floor(random() * QUESTIONS.length)] ?? '';
  const ns = (ms: number) => `${BigInt(Math.round(ms * 1000)) * 1000n}`;
  const chat = (offset: number, inputTokens: number, outputTokens: number, content: string): JsonSpan => ({
    traceId,
    spanId: hex(random, 16),
    parentSpanId: rootId,
    name: 'chat gpt-4o-mini',
    kind: 3,
    startTimeUnixNano: ns(startMs + offset),
    endTimeUnixNano: ns(startMs + offset + 400 + random() * 800),
    attributes: [
      str('gen_ai.operation.name', 'chat'),
      str('gen_ai.provider.name', 'openai'),
      str('gen_ai.request.model', 'gpt-4o-mini'),
      str('gen_ai.response.model', 'gpt-4o-mini-2024-07-18'),
      int('gen_ai.usage.input_tokens', inputTokens),
      int('gen_ai.usage.output_tokens', outputTokens),
      str(
        'gen_ai.input.messages',
        JSON.stringify([
          { role: 'system', parts: [{ type: 'text', content: 'You are a careful assistant for an online shop.' }] },
          { role: 'user', parts: [{ type: 'text', content: question }] },
        ]),
      ),
      str('gen_ai.output.messages', JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content }] }])),
      str('kaizen.prompt.name', 'shop-assistant'),
      str('kaizen.prompt.version', '3'),
    ],
    status: { code: 0 },
  });
  return [
    {
      traceId,
      spanId: rootId,
      name: 'invoke_agent shop-assistant',
      kind: 1,
      startTimeUnixNano: ns(startMs),
      endTimeUnixNano: ns(startMs + 2500),
      attributes: [str('gen_ai.operation.name', 'invoke_agent'), str('gen_ai.agent.name', 'shop-assistant')],
      status: { code: 1 },
    },
    chat(10, 180 + Math.floor(random() * 200), 40, '{"tool":"lookup_order","arguments":{"id":"A-1042"}}'),
    {
      traceId,
      spanId: hex(random, 16),
      parentSpanId: rootId,
      name: 'execute_tool lookup_order',
      kind: 1,
      startTimeUnixNano: ns(startMs + 1300),
      endTimeUnixNano: ns(startMs + 1350),
      attributes: [
        str('gen_ai.operation.name', 'execute_tool'),
        str('gen_ai.tool.name', 'lookup_order'),
        str('gen_ai.tool.call.arguments', '{"id":"A-1042"}'),
      ],
      status: { code: 0 },
    },
    chat(1400, 260 + Math.floor(random() * 200), 90, 'Your order A-1042 has shipped and will arrive on Tuesday.'),
  ];
}

/** Serialised OTLP/JSON request bodies, each with `spansPerBatch` spans (rounded down to whole traces). */
export function buildJsonBatches(options: { batches: number; spansPerBatch: number; seed: number }): string[] {
  const random = seededRandom(options.seed);
  const bodies: string[] = [];
  let clock = Date.UTC(2026, 10, 1);
  for (let batch = 0; batch < options.batches; batch++) {
    const spans: JsonSpan[] = [];
    while (spans.length + 4 <= options.spansPerBatch) {
      spans.push(...agentTrace(random, clock));
      clock += 50;
    }
    bodies.push(
      JSON.stringify({
        resourceSpans: [
          {
            resource: {
              attributes: [str('service.name', 'shop-assistant'), str('deployment.environment.name', 'production')],
            },
            scopeSpans: [{ scope: { name: 'bench', version: '1.0.0' }, spans }],
          },
        ],
      }),
    );
  }
  return bodies;
}
