// Labels per environment: where each points, promote a chosen version and roll back, each behind a confirmation.
import { useState } from 'react';
import { api } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { ConfirmPanel } from './confirm-panel';
import { rollbackTarget } from './label-stack';
import { PromoteForm } from './promote-form';
import { COMMON_LABELS, type LabelEvent, type PromptDetails, promptPath } from './prompt-types';

type Pending =
  | { readonly kind: 'promote'; readonly label: string; readonly version: number; readonly current: number | null }
  | { readonly kind: 'rollback'; readonly label: string; readonly current: number; readonly target: number };

interface Row {
  readonly label: string;
  readonly version: number | null;
}

/** The audit log names the person; the web session only knows the project, so the form asks. */
const DEFAULT_ACTOR = 'web';

export function LabelPanel(props: {
  readonly details: PromptDetails;
  readonly history: readonly LabelEvent[];
  readonly onChanged: () => void;
}) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [actor, setActor] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const name = props.details.name;
  const labels = [...new Set([...Object.keys(props.details.labels), ...COMMON_LABELS])].sort();
  const rows: Row[] = labels.map((label) => ({ label, version: props.details.labels[label] ?? null }));

  const start = (next: Pending) => {
    setDone(null);
    setPending(next);
  };
  const apply = async (action: Pending) => {
    const path = `${promptPath(name)}/labels/${encodeURIComponent(action.label)}`;
    const who = actor.trim() === '' ? DEFAULT_ACTOR : actor.trim();
    const event =
      action.kind === 'promote'
        ? await api<LabelEvent>(path, { method: 'PUT', body: { version: action.version, actor: who } })
        : await api<LabelEvent>(`${path}/rollback`, { method: 'POST', body: { actor: who } });
    setPending(null);
    setDone(`${event.label} now points at v${event.toVersion} (was ${versionText(event.fromVersion)}).`);
    props.onChanged();
  };

  return (
    <div className="card" data-testid="label-panel">
      <h2>Labels per environment</h2>
      <DataTable<Row>
        testId="labels-table"
        rows={rows}
        rowKey={(row) => row.label}
        columns={[
          { header: 'Environment', cell: (row) => row.label },
          { header: 'Version', cell: (row) => versionText(row.version) },
          {
            header: '',
            cell: (row) => {
              const target = rollbackTarget(props.history, row.label);
              return row.version === null ? null : (
                <button
                  type="button"
                  disabled={target === null}
                  title={target === null ? 'No earlier version to roll back to' : `Back to v${target}`}
                  onClick={() =>
                    start({ kind: 'rollback', label: row.label, current: row.version ?? 0, target: target ?? 0 })
                  }
                >
                  Roll back {row.label}…
                </button>
              );
            },
          },
        ]}
      />
      <PromoteForm
        labels={labels}
        versions={props.details.versions}
        onReview={(label, version) =>
          start({ kind: 'promote', label, version, current: props.details.labels[label] ?? null })
        }
      />
      {pending !== null ? (
        <ConfirmPanel
          title={pending.kind === 'promote' ? 'Confirm promotion' : 'Confirm rollback'}
          confirmLabel={pending.kind === 'promote' ? `Promote to ${pending.label}` : `Roll back ${pending.label}`}
          tone={pending.kind === 'promote' ? 'primary' : 'danger'}
          onConfirm={() => apply(pending)}
          onCancel={() => setPending(null)}
        >
          <p data-testid="confirm-message">
            {pending.kind === 'promote'
              ? `${pending.label} will point at v${pending.version} of ${name} (now ${versionText(pending.current)}). SDK clients reading ${pending.label} pick it up when their cached copy expires (60 s by default).`
              : `${pending.label} will go back from v${pending.current} to v${pending.target} of ${name}.`}
          </p>
          <label className="inline-field">
            Who (for the audit log)
            <input value={actor} placeholder={DEFAULT_ACTOR} onChange={(event) => setActor(event.target.value)} />
          </label>
        </ConfirmPanel>
      ) : null}
      {done !== null ? (
        <p className="muted" role="status" data-testid="label-result">
          {done}
        </p>
      ) : null}
    </div>
  );
}

function versionText(version: number | null): string {
  return version === null ? 'not set' : `v${version}`;
}
