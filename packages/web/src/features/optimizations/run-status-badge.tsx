// A run's status as a badge; a running run says so in words, not only in colour.
import { Badge } from '../../components/status';
import type { OptimizationRunStatus } from './optimization-types';
import { statusTone } from './run-status';

export function RunStatusBadge(props: { readonly status: OptimizationRunStatus }) {
  return (
    <span data-testid="run-status">
      <Badge tone={statusTone(props.status)}>{props.status === 'running' ? 'running…' : props.status}</Badge>
    </span>
  );
}
