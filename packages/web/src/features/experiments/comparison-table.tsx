// Per-criterion pass rates before and after, with the change (points and percent), its 95% CI, McNemar's p and the
// items fixed and broken; the overall verdict first. A row's "items" link lists its fixed and broken items.
import { Link } from '../../app/router';
import { fixed, percent } from '../../components/status';
import type { ExperimentComparison, FlipComparison } from './experiment-types';
import { Significance } from './significance';

interface Row extends FlipComparison {
  readonly key: string;
  readonly title: string;
}

function points(value: number): string {
  const text = (value * 100).toFixed(1);
  return `${value > 0 ? '+' : ''}${text} pp`;
}

function signed(value: number | null): string {
  if (value === null) return '–';
  return `${value > 0 ? '+' : ''}${value.toFixed(1)}%`;
}

export function ComparisonTable(props: {
  readonly comparison: ExperimentComparison;
  readonly scope: string;
  readonly linkTo: (changes: Readonly<Record<string, string | null>>) => string;
}) {
  const rows: Row[] = [
    { key: '', title: 'Overall (item passes)', ...props.comparison.overall },
    ...props.comparison.criteria.map((criterion) => ({
      key: criterion.criterionId,
      title: criterion.criterionId,
      ...criterion,
    })),
  ];
  return (
    <table className="table" data-testid="comparison-table">
      <thead>
        <tr>
          <th>Criterion</th>
          <th className="num">Baseline</th>
          <th className="num">Candidate</th>
          <th className="num">Δ</th>
          <th className="num">% change</th>
          <th className="num">95% CI of Δ</th>
          <th className="num">p (McNemar)</th>
          <th>Significance</th>
          <th className="num">Fixed</th>
          <th className="num">Broken</th>
          <th className="num">n</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const result = row.comparison;
          return (
            <tr
              key={row.key}
              data-testid="comparison-row"
              data-criterion={row.key === '' ? 'overall' : row.key}
              className={row.key === props.scope ? 'selected' : undefined}
            >
              <td>{row.key === '' ? <strong>{row.title}</strong> : <code>{row.title}</code>}</td>
              <td className="num">{percent(result?.baselineRate)}</td>
              <td className="num">{percent(result?.candidateRate)}</td>
              <td className="num" data-testid="delta">
                {result === null ? '–' : points(result.delta)}
              </td>
              <td className="num">{signed(result?.percentChange ?? null)}</td>
              <td className="num" data-testid="ci">
                {result === null ? '–' : `[${points(result.ci95[0])}, ${points(result.ci95[1])}]`}
              </td>
              <td className="num">{fixed(result?.pValue, 3)}</td>
              <td>
                <Significance row={row} />
              </td>
              <td className="num">{row.fixedItemIds.length}</td>
              <td className="num">{row.brokenItemIds.length}</td>
              <td className="num" title={`${row.excluded} paired items left out (errored or skipped)`}>
                {result?.n ?? 0}
              </td>
              <td>
                <Link to={props.linkTo({ criterion: row.key === '' ? null : row.key, item: null })}>items</Link>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
