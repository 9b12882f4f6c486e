// One span of the tree: a button with its name, kind, model and duration, a bar placing it in the trace, its children.
import { Badge } from '../../components/status';
import type { SpanNode } from './build-span-tree';
import { duration } from './trace-format';

export interface TraceWindow {
  readonly startMs: number;
  readonly durationMs: number;
}

export function SpanTreeItem(props: {
  readonly node: SpanNode;
  readonly selected: string | null;
  readonly onSelect: (spanId: string) => void;
  readonly window: TraceWindow;
}) {
  const { span, children } = props.node;
  const total = props.window.durationMs > 0 ? props.window.durationMs : 1;
  const offset = ((Date.parse(span.startTime) - props.window.startMs) / total) * 100;
  const width = Math.max((span.durationMs / total) * 100, 0.5);
  return (
    <li>
      <button
        type="button"
        className="span-row"
        aria-pressed={props.selected === span.spanId}
        onClick={() => props.onSelect(span.spanId)}
        data-testid="span-row"
      >
        <span className="span-label">
          <span className="span-title">{span.name}</span> <Badge>{span.kind}</Badge>
          {span.status === 'error' ? <Badge tone="bad">error</Badge> : null}
          {span.model !== null ? <span className="muted"> {span.model}</span> : null}
        </span>
        <span className="span-timing">
          <span className="span-bar-track">
            <span
              className={`span-bar${span.status === 'error' ? ' span-bar-error' : ''}`}
              style={{ left: `${Math.min(Math.max(offset, 0), 99.5)}%`, width: `${Math.min(width, 100)}%` }}
            />
          </span>
          <span className="span-duration">{duration(span.durationMs)}</span>
        </span>
      </button>
      {children.length > 0 ? (
        <ul className="tree">
          {children.map((child) => (
            <SpanTreeItem
              key={child.span.spanId}
              node={child}
              selected={props.selected}
              onSelect={props.onSelect}
              window={props.window}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
