// Whether a pass-rate change is more than noise: McNemar's p under 0.05 and a 95% CI that leaves out zero.
import { Badge } from '../../components/status';
import type { FlipComparison } from './experiment-types';

const ALPHA = 0.05;

export function Significance(props: { readonly row: FlipComparison }) {
  const result = props.row.comparison;
  if (result === null) return <span className="muted">no paired verdicts</span>;
  const significant = result.pValue < ALPHA && (result.ci95[0] > 0 || result.ci95[1] < 0);
  if (!significant) return <Badge>not significant</Badge>;
  return (
    <Badge tone={result.delta > 0 ? 'good' : 'bad'}>
      {result.delta > 0 ? 'significantly better' : 'significantly worse'}
    </Badge>
  );
}
