// Small shared pieces: loading and error states, badges, the simulated-model notice.
import type { ReactNode } from 'react';

export function Loading(props: { readonly what?: string }) {
  return (
    <p className="muted" role="status">
      Loading{props.what === undefined ? '' : ` ${props.what}`}…
    </p>
  );
}

export function ErrorBox(props: { readonly error: Error | null }) {
  if (props.error === null) return null;
  return (
    <p className="error" role="alert">
      {props.error.message}
    </p>
  );
}

export function Badge(props: { readonly tone?: 'good' | 'bad' | 'neutral' | 'warn'; readonly children: ReactNode }) {
  return <span className={`badge badge-${props.tone ?? 'neutral'}`}>{props.children}</span>;
}

/** Shown wherever results come from Kaizen's simulated model: they measure the machinery, not a real model. */
export function SimulatedNotice() {
  return (
    <p className="notice" data-testid="simulated-notice">
      Simulated model: these results come from Kaizen's deterministic simulated model and measure the machinery, not
      real-model quality.
    </p>
  );
}

export function Page(props: { readonly title: string; readonly actions?: ReactNode; readonly children: ReactNode }) {
  return (
    <section className="page">
      <header className="page-header">
        <h1>{props.title}</h1>
        {props.actions !== undefined ? <div className="page-actions">{props.actions}</div> : null}
      </header>
      {props.children}
    </section>
  );
}

/** 0.8123 → "81.2%"; null → "–". */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '–' : `${(value * 100).toFixed(digits)}%`;
}

/** A number with a fixed number of decimals, or "–". */
export function fixed(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined ? '–' : value.toFixed(digits);
}

export function usd(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `$${value < 0.01 ? value.toFixed(5) : value.toFixed(2)}`;
}

export function dateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().replace('T', ' ').slice(0, 19);
}
