// `kaizen traces list|show`: reads traces from a running server through the API.
import type { Span, TraceSummary } from '@kaizen/core';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { addConnectionOptions, type ConnectionFlags, connect } from '../connect.js';
import { examples } from '../help.js';
import { formatTable, printJson } from '../output.js';
import { parsePositiveInteger } from '../parse-options.js';

interface ConnectionOptions extends ConnectionFlags {
  json?: boolean;
}

interface ListOptions extends ConnectionOptions {
  from?: string;
  to?: string;
  environment?: string;
  model?: string;
  prompt?: string;
  promptVersion?: string;
  status?: string;
  q?: string;
  limit: string;
  cursor?: string;
}

function formatTokens(value: number | null): string {
  return value === null ? '-' : String(value);
}

function formatCost(value: number | null): string {
  return value === null ? '-' : `$${value.toFixed(6)}`;
}

function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)}s` : `${Math.round(ms)}ms`;
}

function traceRow(trace: TraceSummary): string[] {
  const prompt = trace.promptName === null ? '-' : `${trace.promptName}@${trace.promptVersion ?? '?'}`;
  return [
    trace.traceId,
    trace.startTime,
    trace.rootName,
    formatDuration(trace.durationMs),
    trace.models.join(',') || '-',
    formatTokens(trace.totalTokens),
    formatCost(trace.costUsd),
    trace.status,
    trace.environment ?? '-',
    prompt,
  ];
}

function spanRows(spans: readonly Span[]): string[][] {
  const children = new Map<string | null, Span[]>();
  const ids = new Set(spans.map((span) => span.spanId));
  for (const span of spans) {
    // A span whose parent has not arrived is shown at the top level rather than hidden.
    const parent = span.parentSpanId !== null && ids.has(span.parentSpanId) ? span.parentSpanId : null;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const rows: string[][] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const span of children.get(parent) ?? []) {
      rows.push([
        `${'  '.repeat(depth)}${span.name}`,
        span.kind,
        span.model ?? '-',
        formatTokens(span.inputTokens),
        formatTokens(span.outputTokens),
        formatCost(span.costUsd),
        formatDuration(span.durationMs),
        span.status,
      ]);
      if (depth < 64) visit(span.spanId, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

export function registerTracesCommand(program: Command, context: CommandContext): void {
  const traces = program
    .command('traces')
    .description('Browse stored traces')
    .addHelpText('after', examples(['kaizen traces list --status error', 'kaizen traces show TRACE_ID --json']));

  addConnectionOptions(traces.command('list').description('List traces, newest first'))
    .option('--from <iso>', 'traces that started at or after this time')
    .option('--to <iso>', 'traces that started before this time')
    .option('--environment <name>', 'e.g. production, staging')
    .option('--model <model>', 'any span used this model')
    .option('--prompt <name>', 'prompt name')
    .option('--prompt-version <version>', 'prompt version')
    .option('--status <status>', 'ok or error')
    .option('--q <text>', 'text in any input or output')
    .option('--limit <n>', 'page size', '50')
    .option('--cursor <cursor>', 'next page, from a previous --json output')
    .addHelpText(
      'after',
      examples(
        [
          'kaizen traces list --environment production --status error',
          'kaizen traces list --prompt extractor --prompt-version 4 --limit 20 --json',
        ],
        'Pages: the next page is --cursor CURSOR, printed last (nextCursor with --json).',
      ),
    )
    .action(async (options: ListOptions) => {
      const client = await connect(options, context);
      const page = await client.listTraces({
        ...(options.from !== undefined ? { from: options.from } : {}),
        ...(options.to !== undefined ? { to: options.to } : {}),
        ...(options.environment !== undefined ? { environment: options.environment } : {}),
        ...(options.model !== undefined ? { model: options.model } : {}),
        ...(options.prompt !== undefined ? { promptName: options.prompt } : {}),
        ...(options.promptVersion !== undefined ? { promptVersion: options.promptVersion } : {}),
        ...(options.status !== undefined ? { status: options.status } : {}),
        ...(options.q !== undefined ? { q: options.q } : {}),
        ...(options.cursor !== undefined ? { cursor: options.cursor } : {}),
        limit: parsePositiveInteger(options.limit, '--limit'),
      });
      if (options.json) return printJson(context.output, page);
      const headers = ['TRACE', 'START', 'NAME', 'DURATION', 'MODELS', 'TOKENS', 'COST', 'STATUS', 'ENV', 'PROMPT'];
      context.output.stdout(page.items.length === 0 ? 'No traces.' : formatTable(headers, page.items.map(traceRow)));
      if (page.nextCursor !== null) context.output.stdout(`More: --cursor ${page.nextCursor}`);
    });

  addConnectionOptions(traces.command('show <traceId>').description('Show one trace as a span tree'))
    .addHelpText(
      'after',
      examples([
        'kaizen traces show 4bf92f3577b34da6a3ce929d0e0e4736',
        'kaizen traces show 4bf92f3577b34da6a3ce929d0e0e4736 --json',
      ]),
    )
    .action(async (traceId: string, options: ConnectionOptions) => {
      const client = await connect(options, context);
      const trace = await client.getTrace(traceId);
      if (options.json) return printJson(context.output, trace);
      const headers = ['SPAN', 'KIND', 'MODEL', 'IN', 'OUT', 'COST', 'DURATION', 'STATUS'];
      context.output.stdout(`Trace ${trace.traceId}\n${formatTable(headers, spanRows(trace.spans))}`);
    });
}
