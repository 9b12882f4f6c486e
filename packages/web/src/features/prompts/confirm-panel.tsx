// An in-page confirmation step (never window.confirm): says what will happen and waits for Confirm or Cancel.
import { type ReactNode, useState } from 'react';
import { ErrorBox } from '../../components/status';

export function ConfirmPanel(props: {
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly tone?: 'primary' | 'danger';
  /** Rejects with the server's message, shown in the panel; the panel stays open to retry or cancel. */
  readonly onConfirm: () => Promise<void>;
  readonly onCancel: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
      setBusy(false);
    }
  };
  return (
    <section className="card confirm" aria-label={props.title} data-testid="confirm-panel">
      <h3>{props.title}</h3>
      {props.children}
      <div className="actions">
        <button type="button" className={props.tone ?? 'primary'} disabled={busy} onClick={confirm}>
          {props.confirmLabel}
        </button>
        <button type="button" disabled={busy} onClick={props.onCancel}>
          Cancel
        </button>
      </div>
      <ErrorBox error={error} />
    </section>
  );
}
