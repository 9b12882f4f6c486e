// A prompt's versions, newest first, with the labels on each and links to view one or diff it with its parent.
import { Link } from '../../app/router';
import { DataTable } from '../../components/data-table';
import { Badge, dateTime } from '../../components/status';
import type { PromptVersionSummary } from './prompt-types';

export function VersionsTable(props: {
  readonly versions: readonly PromptVersionSummary[];
  readonly selected: number | null;
  /** The page's URL with the query changed. */
  readonly linkTo: (changes: Readonly<Record<string, string | null>>) => string;
}) {
  return (
    <DataTable<PromptVersionSummary>
      testId="versions-table"
      rows={props.versions}
      rowKey={(row) => String(row.version)}
      columns={[
        {
          header: 'Version',
          cell: (row) => (row.version === props.selected ? <strong>v{row.version}</strong> : `v${row.version}`),
        },
        {
          header: 'Labels',
          cell: (row) =>
            row.labels.map((label) => (
              <Badge key={label} tone={label === 'production' ? 'good' : 'neutral'}>
                {label}
              </Badge>
            )),
        },
        { header: 'Message', cell: (row) => row.message ?? <span className="muted">–</span> },
        { header: 'Author', cell: (row) => row.author ?? '–' },
        { header: 'Created', cell: (row) => dateTime(row.createdAt) },
        { header: 'Hash', cell: (row) => <code title={row.hash}>{row.hash.slice(0, 10)}</code> },
        {
          header: '',
          cell: (row) => (
            <span className="row-actions">
              <Link to={props.linkTo({ version: String(row.version) })}>View</Link>
              {row.version > 1 ? (
                <Link to={props.linkTo({ from: String(row.version - 1), to: String(row.version) })}>
                  Diff with v{row.version - 1}
                </Link>
              ) : null}
            </span>
          ),
        },
      ]}
    />
  );
}
