// Decides the kind of a span (llm, agent, tool, …) from the first convention that states it.
import type { OtlpSpan } from './otlp-span.js';
import { asText, field, firstText } from './read-attributes.js';
import type { SpanKind } from './span.js';

type KindTable = Readonly<Record<string, SpanKind>>;

const LANGFUSE_TYPES: KindTable = {
  generation: 'llm',
  agent: 'agent',
  tool: 'tool',
  chain: 'chain',
  retriever: 'retriever',
  embedding: 'embedding',
  span: 'other',
  event: 'other',
  evaluator: 'other',
  guardrail: 'other',
};

const OPENINFERENCE_KINDS: KindTable = {
  llm: 'llm',
  agent: 'agent',
  tool: 'tool',
  chain: 'chain',
  retriever: 'retriever',
  reranker: 'retriever',
  embedding: 'embedding',
};

const GENAI_OPERATIONS: KindTable = {
  chat: 'llm',
  text_completion: 'llm',
  completion: 'llm',
  generate_content: 'llm',
  embeddings: 'embedding',
  invoke_agent: 'agent',
  create_agent: 'agent',
  execute_tool: 'tool',
  invoke_workflow: 'chain',
  retrieval: 'retriever',
};

const TRACELOOP_KINDS: KindTable = { workflow: 'chain', task: 'chain', agent: 'agent', tool: 'tool' };

const LLM_REQUEST_TYPES: KindTable = { chat: 'llm', completion: 'llm', embedding: 'embedding', rerank: 'retriever' };

/**
 * AI SDK operations. The outer `ai.generateText`/`streamText`/`generateObject`/`streamObject` span is the loop that
 * runs steps and tool calls and carries their summed usage: `agent` says that, and keeps it from being read as one
 * more model call (summarizeTrace skips it as an aggregate either way). The `do*` spans are the model calls.
 */
function aiSdkKind(operationId: string): SpanKind | undefined {
  if (/^ai\.\w+\.do(Generate|Stream)$/.test(operationId)) return 'llm';
  if (/^ai\.embed(Many)?(\.doEmbed)?$/.test(operationId)) return 'embedding';
  if (operationId === 'ai.toolCall') return 'tool';
  if (/^ai\.(generateText|streamText|generateObject|streamObject)$/.test(operationId)) return 'agent';
  return undefined;
}

function lookup(table: KindTable, value: string | undefined): SpanKind | undefined {
  const key = value?.trim().toLowerCase();
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

const MODEL_KEYS = [
  'langfuse.observation.model.name',
  'gen_ai.request.model',
  'gen_ai.response.model',
  'llm.model_name',
] as const;

/**
 * The span's kind. First stated wins, in Langfuse's order: `langfuse.observation.type`, `openinference.span.kind`,
 * `gen_ai.operation.name`, then OpenLLMetry's `traceloop.span.kind` and `llm.request.type`, the AI SDK operation,
 * a GenAI tool name or call id (tool), any model attribute (llm), else `other`. An unrecognised value falls through
 * to the next convention, except OpenInference's: its kind is required, and GUARDRAIL, EVALUATOR, PROMPT or UNKNOWN
 * mean `other`.
 *
 * @example
 * resolveKind(spanWith({ 'gen_ai.operation.name': 'execute_tool' })); // 'tool'
 */
export function resolveKind(span: OtlpSpan): SpanKind {
  const attributes = span.attributes;
  const langfuse = asText(field(attributes, 'langfuse.observation.type'));
  const openInference = asText(field(attributes, 'openinference.span.kind'));
  const stated =
    lookup(LANGFUSE_TYPES, langfuse) ??
    (openInference !== undefined ? (lookup(OPENINFERENCE_KINDS, openInference) ?? 'other') : undefined) ??
    lookup(GENAI_OPERATIONS, asText(field(attributes, 'gen_ai.operation.name'))) ??
    lookup(TRACELOOP_KINDS, asText(field(attributes, 'traceloop.span.kind'))) ??
    lookup(LLM_REQUEST_TYPES, asText(field(attributes, 'llm.request.type'))) ??
    aiSdkKind(asText(field(attributes, 'ai.operationId')) ?? span.name);
  if (stated !== undefined) return stated;
  if (firstText(attributes, ['gen_ai.tool.name', 'gen_ai.tool.call.id']) !== undefined) return 'tool';
  if (firstText(attributes, MODEL_KEYS) !== undefined) return 'llm';
  return 'other';
}
