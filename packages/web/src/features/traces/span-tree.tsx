// The trace's spans nested by parent, each selectable; the selected one is shown in full beside the tree.
import type { SpanNode } from './build-span-tree';
import { SpanTreeItem, type TraceWindow } from './span-tree-item';

export function SpanTree(props: {
  readonly roots: readonly SpanNode[];
  readonly selected: string | null;
  readonly onSelect: (spanId: string) => void;
  readonly window: TraceWindow;
}) {
  return (
    <nav className="span-tree" aria-label="Spans" data-testid="span-tree">
      <ul className="tree tree-root">
        {props.roots.map((node) => (
          <SpanTreeItem
            key={node.span.spanId}
            node={node}
            selected={props.selected}
            onSelect={props.onSelect}
            window={props.window}
          />
        ))}
      </ul>
    </nav>
  );
}
