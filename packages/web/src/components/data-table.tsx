// A plain table: columns render cells from rows; nothing is ever inserted as HTML.
import type { ReactNode } from 'react';

export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
  readonly className?: string;
}

export function DataTable<Row>(props: {
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  readonly empty?: string;
  readonly testId?: string;
}) {
  if (props.rows.length === 0) return <p className="muted">{props.empty ?? 'Nothing here yet.'}</p>;
  return (
    <table className="table" data-testid={props.testId}>
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th key={column.header} className={column.className}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={props.rowKey(row)}>
            {props.columns.map((column) => (
              <td key={column.header} className={column.className}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
