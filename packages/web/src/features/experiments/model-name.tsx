// The model a run used, flagged when it is Kaizen's simulated model.
import { Badge } from '../../components/status';
import type { Experiment } from './experiment-types';

export function ModelName(props: { readonly experiment: Pick<Experiment, 'model' | 'simulated'> }) {
  return (
    <span>
      <code>{props.experiment.model}</code>{' '}
      {props.experiment.simulated ? (
        <Badge tone="warn">
          <span data-testid="simulated-badge">simulated</span>
        </Badge>
      ) : null}
    </span>
  );
}
