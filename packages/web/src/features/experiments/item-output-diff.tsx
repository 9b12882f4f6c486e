// One item in both runs: each criterion's verdict before and after, and the output diff (inline or side by side).
import { DataTable } from '../../components/data-table';
import { DiffView } from '../../components/diff-view';
import { CriterionStatus } from './criterion-status';
import type { ExperimentItemRecord } from './experiment-types';
import { ItemVerdict } from './item-verdict';
import { lineDiff, outputText } from './line-diff';

function sideText(item: ExperimentItemRecord | undefined): string {
  if (item === undefined) return '';
  return item.error !== null ? `(call failed: ${item.error})` : outputText(item.output);
}

export function ItemOutputDiff(props: {
  readonly itemId: string;
  readonly baseline: ExperimentItemRecord | undefined;
  readonly candidate: ExperimentItemRecord | undefined;
}) {
  const criteria = [
    ...new Set([
      ...(props.baseline?.result?.results ?? []).map((entry) => entry.criterionId),
      ...(props.candidate?.result?.results ?? []).map((entry) => entry.criterionId),
    ]),
  ];
  const find = (item: ExperimentItemRecord | undefined, id: string) =>
    item?.result?.results.find((entry) => entry.criterionId === id);
  return (
    <section className="card" data-testid="item-output-diff">
      <h2>
        Item <code>{props.itemId}</code>: <ItemVerdict item={props.baseline} /> → <ItemVerdict item={props.candidate} />
      </h2>
      {props.baseline === undefined || props.candidate === undefined ? (
        <p className="muted">Only one of the runs has this item.</p>
      ) : null}
      <DataTable<string>
        rows={criteria}
        rowKey={(id) => id}
        columns={[
          { header: 'Criterion', cell: (id) => <code>{id}</code> },
          { header: 'Baseline', cell: (id) => <CriterionStatus entry={find(props.baseline, id)} /> },
          { header: 'Candidate', cell: (id) => <CriterionStatus entry={find(props.candidate, id)} /> },
        ]}
      />
      <h3>Output</h3>
      <DiffView
        testId="output-diff"
        diff={lineDiff(sideText(props.baseline), sideText(props.candidate), {
          fromLabel: 'baseline',
          toLabel: 'candidate',
        })}
      />
    </section>
  );
}
