// Every dataset with its latest version, item count and number of versions.
import './experiments.css';
import { useApi } from '../../api/use-api';
import { Link } from '../../app/router';
import { DataTable } from '../../components/data-table';
import { dateTime, ErrorBox, Loading, Page } from '../../components/status';
import type { DatasetList } from './dataset-types';

type Row = DatasetList['items'][number];

export function DatasetsPage(_props: Record<string, never>) {
  const { data, error } = useApi<DatasetList>('/api/datasets');
  return (
    <Page title="Datasets">
      <ErrorBox error={error} />
      {data === null && error === null ? <Loading what="datasets" /> : null}
      {data !== null ? (
        <DataTable<Row>
          testId="datasets-table"
          rows={data.items}
          rowKey={(row) => row.name}
          empty="No datasets yet: import one with `kaizen datasets import` or build one from traces."
          columns={[
            {
              header: 'Name',
              cell: (row) => <Link to={`/datasets/${encodeURIComponent(row.name)}`}>{row.name}</Link>,
            },
            { header: 'Latest version', className: 'num', cell: (row) => `v${row.latestVersion}` },
            { header: 'Items (latest)', className: 'num', cell: (row) => row.itemCount },
            { header: 'Versions', className: 'num', cell: (row) => row.versions },
            { header: 'Updated', cell: (row) => dateTime(row.updatedAt) },
          ]}
        />
      ) : null}
    </Page>
  );
}
