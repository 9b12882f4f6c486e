// Per-criterion results of one run: the checklist's criteria with their pass, fail, error and skip counts.
import { DataTable } from '../../components/data-table';
import { percent } from '../../components/status';
import type { CriterionSummary, Experiment } from './experiment-types';

interface Row {
  readonly id: string;
  readonly description: string;
  readonly kind: string;
  readonly weight: number;
  readonly counts: CriterionSummary | undefined;
}

export function CriteriaTable(props: { readonly experiment: Experiment }) {
  const counts = new Map(props.experiment.summary?.criteria.map((entry) => [entry.criterionId, entry]) ?? []);
  const rows: Row[] = props.experiment.criteria.map((criterion) => ({
    id: criterion.id,
    description: criterion.description,
    kind: criterion.kind,
    weight: criterion.weight,
    counts: counts.get(criterion.id),
  }));
  return (
    <DataTable<Row>
      testId="criteria-table"
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        { header: 'Criterion', cell: (row) => <code>{row.id}</code> },
        { header: 'Description', cell: (row) => row.description },
        { header: 'Kind', cell: (row) => row.kind },
        { header: 'Weight', className: 'num', cell: (row) => row.weight },
        { header: 'Pass rate', className: 'num', cell: (row) => percent(row.counts?.passRate) },
        { header: 'Passed', className: 'num', cell: (row) => row.counts?.passed ?? '–' },
        { header: 'Failed', className: 'num', cell: (row) => row.counts?.failed ?? '–' },
        { header: 'Errored', className: 'num', cell: (row) => row.counts?.errored ?? '–' },
        { header: 'Skipped', className: 'num', cell: (row) => row.counts?.skipped ?? '–' },
      ]}
    />
  );
}
