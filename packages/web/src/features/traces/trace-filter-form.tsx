// The trace list's filters besides the environment: model, prompt and version, status, text search and time range.
import { type FormEvent, useState } from 'react';
import { navigate, useLocation, withQuery } from '../../app/router';
import { type TraceFilters, withFilters } from './trace-filters';
import { isoToUtcInput, utcInputToIso } from './utc-input';

const RANGES = [
  { label: 'Last hour', ms: 3_600_000 },
  { label: 'Last 24 hours', ms: 86_400_000 },
  { label: 'Last 7 days', ms: 7 * 86_400_000 },
  { label: 'Last 30 days', ms: 30 * 86_400_000 },
] as const;

/** Remount it (key) when the query changes: its fields start from the filters in the address bar. */
export function TraceFilterForm(props: {
  readonly filters: TraceFilters;
  readonly models: readonly string[];
  readonly prompts: readonly string[];
}) {
  const location = useLocation();
  const [model, setModel] = useState(props.filters.model ?? '');
  const [promptName, setPromptName] = useState(props.filters.promptName ?? '');
  const [promptVersion, setPromptVersion] = useState(props.filters.promptVersion ?? '');
  const [status, setStatus] = useState(props.filters.status ?? '');
  const [q, setQ] = useState(props.filters.q ?? '');
  const [from, setFrom] = useState(isoToUtcInput(props.filters.from));
  const [to, setTo] = useState(isoToUtcInput(props.filters.to));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const changes = {
      model,
      promptName,
      promptVersion,
      status,
      q,
      from: utcInputToIso(from),
      to: utcInputToIso(to),
    };
    navigate(withQuery(location, withFilters(changes)));
  };
  const range = (ms: number | null) => {
    const start = ms === null ? null : new Date(Date.now() - ms).toISOString();
    navigate(withQuery(location, withFilters({ from: start, to: null })));
  };

  return (
    <form className="filters" onSubmit={apply} data-testid="trace-filters">
      <label>
        Search
        <input
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          placeholder="text in inputs or outputs"
        />
      </label>
      <label>
        Model
        <input value={model} onChange={(event) => setModel(event.target.value)} list="trace-models" />
      </label>
      <label>
        Prompt
        <input value={promptName} onChange={(event) => setPromptName(event.target.value)} list="trace-prompts" />
      </label>
      <label>
        Version
        <input value={promptVersion} onChange={(event) => setPromptVersion(event.target.value)} size={6} />
      </label>
      <label>
        Status
        <select value={status} onChange={(event) => setStatus(event.target.value)}>
          <option value="">any</option>
          <option value="ok">ok</option>
          <option value="error">error</option>
        </select>
      </label>
      <label>
        From (UTC)
        <input type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />
      </label>
      <label>
        To (UTC)
        <input type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} />
      </label>
      <button type="submit" className="primary">
        Apply
      </button>
      <select
        aria-label="Time range"
        value=""
        onChange={(event) => range(event.target.value === 'all' ? null : Number(event.target.value))}
      >
        <option value="" disabled>
          Time range…
        </option>
        {RANGES.map((item) => (
          <option key={item.ms} value={item.ms}>
            {item.label}
          </option>
        ))}
        <option value="all">Any time</option>
      </select>
      <datalist id="trace-models">
        {props.models.map((item) => (
          <option key={item} value={item} />
        ))}
      </datalist>
      <datalist id="trace-prompts">
        {props.prompts.map((item) => (
          <option key={item} value={item} />
        ))}
      </datalist>
    </form>
  );
}
