// A person's verdict on one criterion: pass or fail with a note, saved as the trace's human label (PUT labels).
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/status';
import type { HumanLabel } from './trace-api-types';

export function CriterionLabelForm(props: {
  readonly traceId: string;
  readonly evaluator: string;
  readonly criterionId: string;
  readonly label: HumanLabel | undefined;
  readonly onSaved: (label: HumanLabel) => void;
}) {
  const [passed, setPassed] = useState<boolean | null>(props.label?.passed ?? null);
  const [note, setNote] = useState(props.label?.note ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const unchanged = passed === (props.label?.passed ?? null) && note === (props.label?.note ?? '');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (passed === null) return;
    setSaving(true);
    setError(null);
    try {
      const body = { evaluator: props.evaluator, criterion: props.criterionId, passed, note: note.trim() || null };
      const label = await api<HumanLabel>(`/api/traces/${props.traceId}/labels`, { method: 'PUT', body });
      props.onSaved(label);
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="label-form" onSubmit={save} aria-label={`Label ${props.criterionId}`}>
      <div className="label-choice">
        <button type="button" aria-pressed={passed === true} onClick={() => setPassed(true)}>
          Pass
        </button>
        <button type="button" aria-pressed={passed === false} onClick={() => setPassed(false)}>
          Fail
        </button>
      </div>
      <textarea
        aria-label="Note"
        placeholder="Why (optional)"
        rows={1}
        maxLength={5000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <button type="submit" className="primary" disabled={passed === null || saving || unchanged}>
        {saving ? 'Saving…' : props.label === undefined ? 'Save label' : 'Update label'}
      </button>
      <ErrorBox error={error} />
    </form>
  );
}
