// The prompt registry: every prompt with how many versions it has and where each label (environment) points.
import { useApi } from '../../api/use-api';
import { Link } from '../../app/router';
import { DataTable } from '../../components/data-table';
import { dateTime, ErrorBox, Loading, Page } from '../../components/status';
import { LabelBadges } from './label-badges';
import type { PromptList } from './prompt-types';
import './prompts.css';

type Row = PromptList['items'][number];

export function PromptsPage(_props: Record<string, never>) {
  const { data, error, loading } = useApi<PromptList>('/api/prompts');
  return (
    <Page title="Prompts">
      <ErrorBox error={error} />
      {loading && data === null ? <Loading what="prompts" /> : null}
      {data !== null ? (
        <DataTable<Row>
          testId="prompts-table"
          rows={data.items}
          rowKey={(row) => row.name}
          empty="No prompts yet: push one with `kaizen prompts push` or the SDK."
          columns={[
            {
              header: 'Name',
              cell: (row) => <Link to={`/prompts/${encodeURIComponent(row.name)}`}>{row.name}</Link>,
            },
            { header: 'Versions', className: 'num', cell: (row) => row.latestVersion },
            {
              header: 'Labels',
              cell: (row) => <LabelBadges labels={row.labels} />,
            },
            { header: 'Updated', cell: (row) => dateTime(row.updatedAt) },
          ]}
        />
      ) : null}
    </Page>
  );
}
