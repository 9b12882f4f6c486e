// The audit log of label moves: who moved which environment from which version to which, and when.
import { DataTable } from '../../components/data-table';
import { Badge, dateTime } from '../../components/status';
import type { LabelEvent } from './prompt-types';

export function HistoryTable(props: { readonly items: readonly LabelEvent[] }) {
  return (
    <DataTable<LabelEvent>
      testId="history-table"
      rows={props.items}
      // Events have no id; newest first and never reordered, so time, label and position identify them.
      rowKey={(row) => `${row.at}-${row.label}-${row.kind}-${row.fromVersion}-${row.toVersion}`}
      empty="No label has moved yet."
      columns={[
        { header: 'When', cell: (row) => dateTime(row.at) },
        { header: 'Environment', cell: (row) => row.label },
        {
          header: 'Action',
          cell: (row) => <Badge tone={row.kind === 'rollback' ? 'warn' : 'neutral'}>{row.kind}</Badge>,
        },
        { header: 'From', cell: (row) => (row.fromVersion === null ? '–' : `v${row.fromVersion}`) },
        { header: 'To', cell: (row) => `v${row.toVersion}` },
        { header: 'Who', cell: (row) => row.actor ?? '–' },
      ]}
    />
  );
}
