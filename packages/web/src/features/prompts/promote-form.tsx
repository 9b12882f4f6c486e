// Picks an environment and a version to promote; the change itself waits for the confirmation step.
import { type FormEvent, useState } from 'react';
import type { PromptVersionSummary } from './prompt-types';

export function PromoteForm(props: {
  readonly labels: readonly string[];
  readonly versions: readonly PromptVersionSummary[];
  readonly onReview: (label: string, version: number) => void;
}) {
  const [label, setLabel] = useState(props.labels.includes('production') ? 'production' : (props.labels[0] ?? ''));
  const [version, setVersion] = useState(String(props.versions[0]?.version ?? ''));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = Number(version);
    if (label.trim() === '' || !Number.isInteger(chosen) || chosen < 1) return;
    props.onReview(label.trim(), chosen);
  };
  return (
    <form className="filters promote-form" onSubmit={submit} aria-label="Promote a version">
      <label>
        Environment
        <input
          list="prompt-label-options"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          aria-label="Environment"
        />
        <datalist id="prompt-label-options">
          {props.labels.map((option) => (
            <option key={option} value={option} />
          ))}
        </datalist>
      </label>
      <label>
        Version to promote
        <select value={version} onChange={(event) => setVersion(event.target.value)} aria-label="Version to promote">
          {props.versions.map((item) => (
            <option key={item.version} value={item.version}>
              v{item.version}
              {item.message === null ? '' : ` — ${item.message.slice(0, 60)}`}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={label.trim() === '' || version === ''}>
        Promote…
      </button>
    </form>
  );
}
