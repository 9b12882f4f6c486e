// Cancel a running run, resume one that stopped before its end; the server's refusal is shown as it says it.
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/status';
import type { OptimizationRun } from './optimization-types';
import { canCancel, canResume } from './run-status';

export function RunControls(props: { readonly run: OptimizationRun; readonly onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const act = async (action: 'cancel' | 'resume') => {
    setBusy(true);
    setError(null);
    try {
      await api<OptimizationRun>(`/api/optimizations/${props.run.id}/${action}`, { method: 'POST', body: {} });
      props.onChanged();
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {canCancel(props.run) ? (
        <button type="button" className="danger" disabled={busy} onClick={() => act('cancel')}>
          Cancel run
        </button>
      ) : null}
      {canResume(props.run) ? (
        <button type="button" className="primary" disabled={busy} onClick={() => act('resume')}>
          Resume run
        </button>
      ) : null}
      <ErrorBox error={error} />
    </>
  );
}
