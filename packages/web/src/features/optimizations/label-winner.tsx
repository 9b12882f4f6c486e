// "Label winner staging": points the prompt's `staging` label at the best candidate's version, after an in-page
// confirmation that says what moves from where to where. Nothing to label while the best is the start.
import { useState } from 'react';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorBox } from '../../components/status';
import type { LabelEvent, OptimizationRun, PromptLabels } from './optimization-types';
import { bestIsStart } from './run-status';

const LABEL = 'staging';

function refusal(run: OptimizationRun, version: number | null, current: number | undefined): string | null {
  if (run.status === 'running') return 'The best candidate may still change: label it when the run ends.';
  if (bestIsStart(run) || version === null) return 'Nothing beat the start prompt: there is no winner to label.';
  if (current === version) return `${LABEL} already points at v${version}.`;
  return null;
}

export function LabelWinner(props: {
  readonly run: OptimizationRun;
  readonly bestId: string | null;
  readonly bestVersion: number | null;
}) {
  const { run } = props;
  const name = run.promptName;
  const prompt = useApi<PromptLabels>(`/api/prompts/${encodeURIComponent(name)}`);
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<LabelEvent | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const current = prompt.data?.labels[LABEL];
  const version = props.bestVersion;
  const why = refusal(run, version, current);

  const confirm = async () => {
    if (version === null) return;
    setSaving(true);
    setError(null);
    try {
      const event = await api<LabelEvent>(`/api/prompts/${encodeURIComponent(name)}/labels/${LABEL}`, {
        method: 'PUT',
        body: { version },
      });
      setDone(event);
      setConfirming(false);
      prompt.reload();
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="card" data-testid="label-winner">
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <button
          type="button"
          className="primary"
          disabled={why !== null || confirming || saving}
          onClick={() => {
            setDone(null);
            setConfirming(true);
          }}
        >
          Label winner {LABEL}
        </button>
        <span className="muted" data-testid="label-current">
          {current === undefined ? `${name} has no ${LABEL} label yet` : `${LABEL} → v${current}`}
          {why === null ? '' : ` · ${why}`}
        </span>
      </div>
      {confirming && version !== null ? (
        <fieldset className="notice" style={{ marginTop: 8 }} data-testid="label-confirm">
          <legend>Confirm the label</legend>
          <p style={{ margin: '0 0 6px' }}>
            Point <code>{LABEL}</code> of <strong>{name}</strong> at v{version} ({props.bestId}, the best candidate)
            {current === undefined ? '' : `, moving it from v${current}`}? Whatever reads {name}@{LABEL} gets this
            prompt.
          </p>
          <div style={{ display: 'flex', gap: 8 }}>
            <button type="button" className="primary" disabled={saving} onClick={confirm}>
              Confirm: label v{version} {LABEL}
            </button>
            <button type="button" disabled={saving} onClick={() => setConfirming(false)}>
              Keep it as it is
            </button>
          </div>
        </fieldset>
      ) : null}
      {done !== null ? (
        <p role="status" data-testid="label-result" style={{ margin: '8px 0 0' }}>
          {done.label} of {done.name} now points at v{done.toVersion}
          {done.fromVersion === null ? ' (new label)' : ` (was v${done.fromVersion})`}.
        </p>
      ) : null}
      <ErrorBox error={error} />
      <ErrorBox error={prompt.error} />
    </div>
  );
}
