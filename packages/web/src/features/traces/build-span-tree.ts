// Nests a trace's spans by parentSpanId; a span whose parent never arrived is a root, and cycles cannot loop.
import type { Span } from '@kaizen/core';

export interface SpanNode {
  readonly span: Span;
  readonly children: readonly SpanNode[];
}

const byStart = (a: Span, b: Span) =>
  a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : a.spanId < b.spanId ? -1 : 1;

/**
 * @example
 * buildSpanTree(spans); // [{ span: root, children: [{ span: llmCall, children: [] }, …] }]
 */
export function buildSpanTree(spans: readonly Span[]): SpanNode[] {
  const ids = new Set(spans.map((span) => span.spanId));
  const childrenOf = new Map<string, Span[]>();
  const roots: Span[] = [];
  for (const span of spans) {
    const parent = span.parentSpanId;
    if (parent === null || parent === span.spanId || !ids.has(parent)) {
      roots.push(span);
      continue;
    }
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(span);
    childrenOf.set(parent, siblings);
  }
  const placed = new Set<string>();
  const build = (span: Span): SpanNode => {
    placed.add(span.spanId);
    const children = (childrenOf.get(span.spanId) ?? []).filter((child) => !placed.has(child.spanId)).sort(byStart);
    return { span, children: children.map(build) };
  };
  const tree = roots.sort(byStart).map(build);
  // Spans on a parent cycle are reachable from no root: show each as a root rather than drop it.
  for (const span of [...spans].sort(byStart)) if (!placed.has(span.spanId)) tree.push(build(span));
  return tree;
}
