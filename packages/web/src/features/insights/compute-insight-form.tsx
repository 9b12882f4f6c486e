// The form that computes a root-cause report: a view (production traces, a dataset or an experiment) and an
// evaluator, posted to POST /api/insights; the new report opens when it is ready.
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { navigate } from '../../app/router';
import { ErrorBox } from '../../components/status';
import { EMPTY_FORM, type FormState, insightBody, type Range, type Source } from './insight-form-state';
import type { Insight } from './insight-types';

interface Named {
  readonly name: string;
}
interface ExperimentSummary {
  readonly id: string;
  readonly name: string | null;
  readonly promptName: string;
  readonly promptVersion: number;
  readonly datasetName: string;
  readonly model: string;
  readonly evaluator: string;
  readonly createdAt: string;
}

export function ComputeInsightForm(props: { readonly evaluators: readonly string[] }) {
  const [form, setForm] = useState<FormState>(EMPTY_FORM);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const prompts = useApi<{ items: Named[] }>('/api/prompts');
  const datasets = useApi<{ items: Named[] }>(form.source === 'dataset' ? '/api/datasets' : null);
  const experiments = useApi<{ items: ExperimentSummary[] }>(
    form.source === 'experiment' ? '/api/experiments?limit=100' : null,
  );
  const set = (changes: Partial<FormState>) => setForm((previous) => ({ ...previous, ...changes }));
  const evaluator =
    form.evaluator === '' && form.source !== 'experiment' ? (props.evaluators[0] ?? '') : form.evaluator;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api<Insight>('/api/insights', {
        method: 'POST',
        body: insightBody({ ...form, evaluator }, Date.now()),
      });
      navigate(`/insights/${created.id}`);
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
      setBusy(false);
    }
  };

  const missing =
    (form.source === 'dataset' && form.datasetName === '') ||
    (form.source === 'experiment' && form.experimentId === '') ||
    (form.source !== 'experiment' && evaluator === '');

  return (
    <form className="card insight-form" onSubmit={submit} aria-label="Compute a report">
      <h2>Compute a report</h2>
      <div className="filters">
        <label>
          Over
          <select value={form.source} onChange={(event) => set({ source: event.target.value as Source })}>
            <option value="traces">Production traces</option>
            <option value="dataset">A dataset's source traces</option>
            <option value="experiment">An experiment</option>
          </select>
        </label>
        <label>
          Evaluator
          <select value={evaluator} onChange={(event) => set({ evaluator: event.target.value })}>
            {form.source === 'experiment' ? <option value="">The experiment's own</option> : null}
            {props.evaluators.length === 0 && form.source !== 'experiment' ? <option value="">None yet</option> : null}
            {props.evaluators.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {form.source === 'traces' ? (
          <>
            <label>
              Environment
              <input
                value={form.environment}
                placeholder="any"
                onChange={(event) => set({ environment: event.target.value })}
              />
            </label>
            <label>
              Prompt
              <select
                value={form.promptName}
                onChange={(event) => set({ promptName: event.target.value, promptVersion: '' })}
              >
                <option value="">Any</option>
                {(prompts.data?.items ?? []).map((prompt) => (
                  <option key={prompt.name} value={prompt.name}>
                    {prompt.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Prompt version
              <input
                value={form.promptVersion}
                placeholder="any"
                size={6}
                disabled={form.promptName === ''}
                onChange={(event) => set({ promptVersion: event.target.value })}
              />
            </label>
            <label>
              Traces from the last
              <select value={form.range} onChange={(event) => set({ range: event.target.value as Range })}>
                <option value="24h">24 hours</option>
                <option value="7d">7 days</option>
                <option value="30d">30 days</option>
                <option value="all">All time</option>
              </select>
            </label>
          </>
        ) : null}
        {form.source === 'dataset' ? (
          <>
            <label>
              Dataset
              <select value={form.datasetName} onChange={(event) => set({ datasetName: event.target.value })}>
                <option value="">Choose…</option>
                {(datasets.data?.items ?? []).map((dataset) => (
                  <option key={dataset.name} value={dataset.name}>
                    {dataset.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Version
              <input
                value={form.datasetVersion}
                placeholder="latest"
                size={6}
                onChange={(event) => set({ datasetVersion: event.target.value })}
              />
            </label>
          </>
        ) : null}
        {form.source === 'experiment' ? (
          <label>
            Experiment
            <select value={form.experimentId} onChange={(event) => set({ experimentId: event.target.value })}>
              <option value="">Choose…</option>
              {(experiments.data?.items ?? []).map((experiment) => (
                <option key={experiment.id} value={experiment.id}>
                  {experiment.name ?? experiment.id.slice(0, 8)} — {experiment.promptName} v{experiment.promptVersion}{' '}
                  on {experiment.datasetName}, {experiment.model}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit" className="primary" disabled={busy || missing}>
          {busy ? 'Computing…' : 'Compute'}
        </button>
      </div>
      <ErrorBox error={error ?? datasets.error ?? experiments.error} />
    </form>
  );
}
