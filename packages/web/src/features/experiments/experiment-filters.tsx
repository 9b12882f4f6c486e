// Filters of the experiments list; text filters apply on Enter or when the field loses focus.
import { type FormEvent, useEffect, useState } from 'react';

export interface ExperimentFilterValues {
  readonly promptName: string | null;
  readonly datasetName: string | null;
  readonly model: string | null;
  readonly status: string | null;
}

const TEXT_FIELDS = [
  ['promptName', 'Prompt'],
  ['datasetName', 'Dataset'],
  ['model', 'Model'],
] as const;

export function ExperimentFilters(props: {
  readonly values: ExperimentFilterValues;
  readonly onChange: (changes: Readonly<Record<string, string | null>>) => void;
}) {
  const [draft, setDraft] = useState(props.values);
  const { promptName, datasetName, model, status } = props.values;
  // The address bar changed (back, a link): show its filters.
  useEffect(() => setDraft({ promptName, datasetName, model, status }), [promptName, datasetName, model, status]);
  const apply = (event?: FormEvent) => {
    event?.preventDefault();
    props.onChange({ promptName: draft.promptName, datasetName: draft.datasetName, model: draft.model });
  };
  return (
    <form className="filters" onSubmit={apply} aria-label="Filter experiments">
      {TEXT_FIELDS.map(([key, label]) => (
        <label key={key}>
          {label}
          <input
            aria-label={label}
            value={draft[key] ?? ''}
            onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
            onBlur={() => apply()}
          />
        </label>
      ))}
      <label>
        Status
        <select
          aria-label="Status"
          value={props.values.status ?? ''}
          onChange={(event) => props.onChange({ status: event.target.value })}
        >
          <option value="">any</option>
          <option value="completed">completed</option>
          <option value="running">running</option>
          <option value="failed">failed</option>
        </select>
      </label>
      {/* A form with several text fields submits on Enter only when it has a submit button. */}
      <button type="submit">Filter</button>
    </form>
  );
}
