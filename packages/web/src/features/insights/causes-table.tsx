// The ranked root causes: criteria, failure rate, share of the lost score and the strongest driver, each row
// linking to the cause's section below.
import type { RootCause } from '@kaizen/core';
import { DataTable } from '../../components/data-table';
import { percent } from '../../components/status';
import { driverText, lift } from './rca-format';

export function CausesTable(props: { readonly causes: readonly RootCause[] }) {
  const rows = props.causes.map((cause, index) => ({ cause, rank: index + 1 }));
  return (
    <DataTable
      testId="causes-table"
      rows={rows}
      rowKey={(row) => row.cause.id}
      empty="No criterion failed in this view."
      columns={[
        { header: '#', className: 'num', cell: (row) => row.rank },
        {
          header: 'Criteria',
          cell: (row) => <a href={`#cause-${row.rank}`}>{row.cause.criteria.join(' + ')}</a>,
        },
        { header: 'Failure rate', className: 'num', cell: (row) => percent(row.cause.failureRate) },
        { header: 'Share of lost score', className: 'num', cell: (row) => percent(row.cause.lostScoreShare) },
        {
          header: 'Top driver',
          cell: (row) => {
            const top = row.cause.drivers[0];
            return top === undefined ? (
              <span className="muted">none significant</span>
            ) : (
              `${driverText(top)} (${lift(top.lift)})`
            );
          },
        },
      ]}
    />
  );
}
