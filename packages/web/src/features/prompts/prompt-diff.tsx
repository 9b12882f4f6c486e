// The diff between any two versions: the template as a unified diff (inline or side by side) and every other
// changed field (model, parameters, schema, variables, tools, examples) as before/after.
import { useApi } from '../../api/use-api';
import { DataTable } from '../../components/data-table';
import { DiffView } from '../../components/diff-view';
import { ErrorBox, Loading } from '../../components/status';
import { type FieldChange, type PromptVersionDiff, promptPath } from './prompt-types';

export function PromptDiff(props: { readonly name: string; readonly from: number; readonly to: number }) {
  const { data, error } = useApi<PromptVersionDiff>(`${promptPath(props.name)}/diff?from=${props.from}&to=${props.to}`);
  if (error !== null) return <ErrorBox error={error} />;
  if (data === null || data.from !== props.from || data.to !== props.to) return <Loading what="diff" />;
  return (
    <div data-testid="prompt-diff">
      <h3>Template</h3>
      <DiffView diff={data.unified} testId="template-diff" />
      <h3>Other fields</h3>
      <DataTable<FieldChange>
        testId="field-changes"
        rows={data.changes}
        rowKey={(row) => row.field}
        empty="Model, parameters, schema, variables, tools and examples are the same."
        columns={[
          { header: 'Field', cell: (row) => row.field },
          { header: `v${props.from}`, cell: (row) => <pre className="block">{show(row.before)}</pre> },
          { header: `v${props.to}`, cell: (row) => <pre className="block">{show(row.after)}</pre> },
        ]}
      />
    </div>
  );
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
