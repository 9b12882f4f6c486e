// A run's status: completed (good), failed (bad), running (neutral).
import { Badge } from '../../components/status';
import type { ExperimentStatus } from './experiment-types';

export function StatusBadge(props: { readonly status: ExperimentStatus }) {
  const tone = props.status === 'completed' ? 'good' : props.status === 'failed' ? 'bad' : 'neutral';
  return <Badge tone={tone}>{props.status}</Badge>;
}
