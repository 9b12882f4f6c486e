// An item's verdict as a badge: its label (pass, fail, a label rule's name), or the call error.
import { Badge } from '../../components/status';
import type { ExperimentItemRecord } from './experiment-types';

export function ItemVerdict(props: { readonly item: Pick<ExperimentItemRecord, 'error' | 'result'> | undefined }) {
  const item = props.item;
  if (item === undefined) return <span className="muted">not run</span>;
  if (item.error !== null || item.result === null) return <Badge tone="bad">call error</Badge>;
  if (item.result.errors > 0) return <Badge tone="warn">{item.result.label}</Badge>;
  return <Badge tone={item.result.passed ? 'good' : 'bad'}>{item.result.label}</Badge>;
}
