import type { Span } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { buildSpanTree, type SpanNode } from './build-span-tree';

const span = (spanId: string, parentSpanId: string | null, second: number): Span =>
  ({ spanId, parentSpanId, startTime: `2025-01-01T00:00:${String(second).padStart(2, '0')}.000Z` }) as Span;

const outline = (nodes: readonly SpanNode[]): unknown[] =>
  nodes.map((node) => (node.children.length === 0 ? node.span.spanId : [node.span.spanId, outline(node.children)]));

describe('buildSpanTree', () => {
  it('nests children under their parent in start order', () => {
    const spans = [span('c', 'root', 3), span('root', null, 0), span('b', 'root', 1), span('b1', 'b', 2)];
    expect(outline(buildSpanTree(spans))).toEqual([['root', [['b', ['b1']], 'c']]]);
  });

  it('shows a span whose parent never arrived as a root', () => {
    expect(outline(buildSpanTree([span('a', 'missing', 1), span('root', null, 0)]))).toEqual(['root', 'a']);
  });

  it('keeps every span of a parent cycle, once', () => {
    const tree = buildSpanTree([span('a', 'b', 0), span('b', 'a', 1), span('self', 'self', 2)]);
    const ids: string[] = [];
    const walk = (nodes: readonly SpanNode[]) => {
      for (const node of nodes) {
        ids.push(node.span.spanId);
        walk(node.children);
      }
    };
    walk(tree);
    expect(ids.sort()).toEqual(['a', 'b', 'self']);
  });
});
