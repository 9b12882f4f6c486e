// One dataset: its versions (split counts, where the items came from) and the items of one version, a page at a
// time. The version and split are in the query string (?version=&split=).
import './experiments.css';
import { useApi } from '../../api/use-api';
import { Link, navigate, useLocation, withQuery } from '../../app/router';
import { DataTable } from '../../components/data-table';
import { dateTime, ErrorBox, Loading, Page } from '../../components/status';
import { DatasetItemsTable } from './dataset-items-table';
import { type DatasetDetails, type DatasetSplit, type DatasetVersion, datasetPath, SPLITS } from './dataset-types';

export function DatasetPage(props: { readonly name: string }) {
  const location = useLocation();
  const { data, error } = useApi<DatasetDetails>(datasetPath(props.name));
  if (data === null) {
    return (
      <Page title={props.name}>
        <ErrorBox error={error} />
        {error === null ? <Loading what="dataset" /> : null}
      </Page>
    );
  }
  const requested = Number(location.query.get('version'));
  const version = data.versions.find((item) => item.version === requested) ?? data.versions[0];
  const splitParam = location.query.get('split');
  const split = SPLITS.find((item) => item === splitParam) ?? null;
  return (
    <Page
      title={props.name}
      actions={<Link to={`/experiments?datasetName=${encodeURIComponent(props.name)}`}>Experiments on it</Link>}
    >
      <div className="experiments-feature">
        <section className="card">
          <h2>Versions</h2>
          <DataTable<DatasetVersion>
            testId="dataset-versions"
            rows={data.versions}
            rowKey={(row) => String(row.version)}
            columns={[
              {
                header: 'Version',
                cell: (row) =>
                  row.version === version?.version ? (
                    <strong>v{row.version}</strong>
                  ) : (
                    <Link to={withQuery(location, { version: String(row.version) })}>v{row.version}</Link>
                  ),
              },
              { header: 'Items', className: 'num', cell: (row) => row.itemCount },
              ...SPLITS.map((name) => ({
                header: name,
                className: 'num',
                cell: (row: DatasetVersion) => row.splitCounts[name],
              })),
              { header: 'Source', cell: (row) => sourceText(row) },
              { header: 'Message', cell: (row) => row.message ?? '–' },
              { header: 'Created', cell: (row) => dateTime(row.createdAt) },
            ]}
          />
        </section>
        {version !== undefined ? (
          <section className="card">
            <h2>
              Items of v{version.version}
              {split === null ? '' : ` · ${split}`}
            </h2>
            <div className="filters">
              <label>
                Split
                <select
                  aria-label="Split"
                  value={split ?? ''}
                  onChange={(event) => navigate(withQuery(location, { split: event.target.value }), { replace: true })}
                >
                  <option value="">all ({version.itemCount})</option>
                  {SPLITS.map((name) => (
                    <option key={name} value={name}>
                      {name} ({version.splitCounts[name]})
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <DatasetItemsTable
              name={props.name}
              version={version.version}
              split={split}
              total={total(version, split)}
            />
          </section>
        ) : null}
      </div>
    </Page>
  );
}

function total(version: DatasetVersion, split: DatasetSplit | null): number {
  return split === null ? version.itemCount : version.splitCounts[split];
}

function sourceText(version: DatasetVersion): string {
  const source = version.source;
  if (source.kind === 'import')
    return `import (${source.format}${source.file === undefined ? '' : `, ${source.file}`})`;
  return `traces (${source.matched} matched, ${source.skipped} without input)`;
}
