// Start vs best on one split: the score and pass rate, then per criterion the pass rates before and after, the
// change, items broken and fixed, McNemar's p-value, and a marker on a criterion that fell significantly.
import { type Column, DataTable } from '../../components/data-table';
import { Badge, percent } from '../../components/status';
import { deltaPoints, pValue, score } from './optimization-format';
import type { CriterionChange, SplitReport } from './optimization-types';

const COLUMNS: readonly Column<CriterionChange>[] = [
  { header: 'Criterion', cell: (change) => change.criterionId },
  { header: 'Before', className: 'num', cell: (change) => percent(change.before) },
  { header: 'After', className: 'num', cell: (change) => percent(change.after) },
  {
    header: 'Δ',
    className: 'num',
    cell: (change) => {
      const fell = change.before !== null && change.after !== null && change.after < change.before;
      return <span style={fell ? { color: 'var(--bad)' } : undefined}>{deltaPoints(change.before, change.after)}</span>;
    },
  },
  { header: 'Broke / fixed', className: 'num', cell: (change) => `${change.broke} / ${change.fixed}` },
  { header: 'n', className: 'num', cell: (change) => change.n },
  { header: 'p (McNemar)', className: 'num', cell: (change) => pValue(change.pValue) },
  {
    header: 'Verdict',
    cell: (change) =>
      change.regressed ? (
        <span data-testid={`regressed-${change.criterionId}`}>
          <Badge tone="bad">⚠ regressed</Badge>
        </span>
      ) : change.after !== null && change.before !== null && change.after > change.before ? (
        <Badge tone="good">improved</Badge>
      ) : (
        <span className="muted">no significant fall</span>
      ),
  },
];

export function CriteriaReport(props: {
  readonly title: string;
  readonly report: SplitReport | null;
  readonly testId: string;
  readonly missing: string;
}) {
  const { report } = props;
  return (
    <section data-testid={props.testId} style={{ marginBottom: 12 }}>
      <h3 style={{ fontSize: 15, margin: '8px 0 4px' }}>{props.title}</h3>
      {report === null ? (
        <p className="muted">{props.missing}</p>
      ) : (
        <>
          <p style={{ margin: '0 0 6px' }}>
            Score {score(report.before.score)} → <strong>{score(report.after.score)}</strong> · pass rate{' '}
            {percent(report.before.passRate)} → <strong>{percent(report.after.passRate)}</strong> · {report.itemsFixed}{' '}
            item{report.itemsFixed === 1 ? '' : 's'} fixed, {report.itemsBroken} broken · n={report.after.n}
            {report.criteria.some((change) => change.regressed) ? (
              <>
                {' '}
                <Badge tone="bad">⚠ a criterion regressed</Badge>
              </>
            ) : null}
          </p>
          <DataTable columns={COLUMNS} rows={report.criteria} rowKey={(change) => change.criterionId} />
        </>
      )}
    </section>
  );
}
