// The items a change fixed (failed before, pass after) and broke, overall or for one criterion, each with a link to
// its output diff; 20 a page each.
import { useState } from 'react';
import { Link } from '../../app/router';
import { DataTable } from '../../components/data-table';
import type { ExperimentItemRecord } from './experiment-types';
import { ItemVerdict } from './item-verdict';
import { Pager } from './pager';

const PAGE_SIZE = 20;

export function FlippedItems(props: {
  readonly title: string;
  readonly ids: readonly string[];
  readonly baseline: ReadonlyMap<string, ExperimentItemRecord>;
  readonly candidate: ReadonlyMap<string, ExperimentItemRecord>;
  readonly selected: string | null;
  readonly linkTo: (changes: Readonly<Record<string, string | null>>) => string;
  readonly testId: string;
}) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(props.ids.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = props.ids.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  return (
    <section className="card" data-testid={props.testId}>
      <h3>
        {props.title} ({props.ids.length})
      </h3>
      <DataTable<string>
        rows={shown}
        rowKey={(id) => id}
        empty="None."
        columns={[
          { header: 'Item', cell: (id) => (id === props.selected ? <strong>{id}</strong> : <code>{id}</code>) },
          { header: 'Baseline', cell: (id) => <ItemVerdict item={props.baseline.get(id)} /> },
          { header: 'Candidate', cell: (id) => <ItemVerdict item={props.candidate.get(id)} /> },
          { header: '', cell: (id) => <Link to={props.linkTo({ item: id })}>Output diff</Link> },
        ]}
      />
      {pages > 1 ? (
        <Pager
          label={`page ${current} of ${pages}`}
          hasPrevious={current > 1}
          hasNext={current < pages}
          onPrevious={() => setPage(current - 1)}
          onNext={() => setPage(current + 1)}
        />
      ) : null}
    </section>
  );
}
