// The items of one dataset version, 50 a page through the API's cursor: input and expected answer as text.
import { DataTable } from '../../components/data-table';
import { Badge, ErrorBox, Loading } from '../../components/status';
import { type DatasetItem, type DatasetItemPage, type DatasetSplit, datasetPath } from './dataset-types';
import { ItemText } from './item-text';
import { Pager } from './pager';
import { useCursorPages } from './use-cursor-pages';

const PAGE_SIZE = 50;

export function DatasetItemsTable(props: {
  readonly name: string;
  readonly version: number;
  readonly split: DatasetSplit | null;
  readonly total: number;
}) {
  const split = props.split === null ? '' : `&split=${props.split}`;
  const pages = useCursorPages<DatasetItemPage>(
    `${datasetPath(props.name)}/versions/${props.version}/items?limit=${PAGE_SIZE}${split}`,
  );
  const first = (pages.pageNumber - 1) * PAGE_SIZE;
  return (
    <div>
      <ErrorBox error={pages.error} />
      {pages.data === null ? (
        <Loading what="items" />
      ) : (
        <DataTable<DatasetItem>
          testId="dataset-items"
          rows={pages.data.items}
          rowKey={(row) => row.itemId}
          empty="No items in this split."
          columns={[
            { header: 'Item', cell: (row) => <code>{row.itemId}</code> },
            { header: 'Split', cell: (row) => <Badge>{row.split}</Badge> },
            { header: 'Input', cell: (row) => <ItemText value={row.input} /> },
            {
              header: 'Expected',
              cell: (row) =>
                'expected' in row ? <ItemText value={row.expected} /> : <span className="muted">no reference</span>,
            },
          ]}
        />
      )}
      <Pager
        label={
          pages.data === null
            ? `page ${pages.pageNumber}`
            : `${Math.min(first + 1, props.total)}–${Math.min(first + pages.data.items.length, props.total)} of ${props.total}`
        }
        hasPrevious={pages.hasPrevious}
        hasNext={pages.data?.nextCursor != null}
        busy={pages.loading}
        onPrevious={pages.previous}
        onNext={() => {
          const cursor = pages.data?.nextCursor;
          if (cursor != null) pages.next(cursor);
        }}
      />
    </div>
  );
}
