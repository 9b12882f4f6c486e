// Picks the baseline and the candidate among completed runs; the candidate list keeps to the baseline's dataset,
// the only runs the server compares it with.
import { useApi } from '../../api/use-api';
import { dateTime, ErrorBox, percent } from '../../components/status';
import { type Experiment, type ExperimentList, experimentTitle } from './experiment-types';

function optionText(run: Experiment): string {
  const split = run.datasetSplit ?? 'all';
  return `${experimentTitle(run)} · ${run.promptName}@v${run.promptVersion} · ${run.datasetName} v${run.datasetVersion} ${split} · ${percent(run.summary?.passRate)} · ${dateTime(run.createdAt)}`;
}

export function ComparePicker(props: {
  readonly baseline: string | null;
  readonly candidate: string | null;
  readonly onChange: (changes: { readonly baseline?: string | null; readonly candidate?: string | null }) => void;
}) {
  const { data, error } = useApi<ExperimentList>('/api/experiments?status=completed&limit=200');
  const runs = data?.items ?? [];
  const baseline = runs.find((run) => run.id === props.baseline);
  const candidates = runs.filter(
    (run) => run.id !== props.baseline && (baseline === undefined || run.datasetName === baseline.datasetName),
  );
  return (
    <div className="filters compare-picker">
      <ErrorBox error={error} />
      <label>
        Baseline
        <select
          aria-label="Baseline"
          value={props.baseline ?? ''}
          onChange={(event) => props.onChange({ baseline: event.target.value })}
        >
          <option value="">pick a run…</option>
          {/* The chosen run stays listed while the list loads or when it is older than the newest 200. */}
          {props.baseline !== null && baseline === undefined ? (
            <option value={props.baseline}>{props.baseline}</option>
          ) : null}
          {runs.map((run) => (
            <option key={run.id} value={run.id}>
              {optionText(run)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Candidate
        <select
          aria-label="Candidate"
          value={props.candidate ?? ''}
          onChange={(event) => props.onChange({ candidate: event.target.value })}
        >
          <option value="">pick a run…</option>
          {props.candidate !== null && !candidates.some((run) => run.id === props.candidate) ? (
            <option value={props.candidate}>{props.candidate}</option>
          ) : null}
          {candidates.map((run) => (
            <option key={run.id} value={run.id}>
              {optionText(run)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={props.baseline === null || props.candidate === null}
        onClick={() => props.onChange({ baseline: props.candidate, candidate: props.baseline })}
      >
        Swap
      </button>
    </div>
  );
}
