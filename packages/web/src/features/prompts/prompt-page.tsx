// One prompt: labels per environment (promote, roll back), versions, a diff between any two, a version's content
// and the audit log. The chosen versions live in the query string (?from=&to=&version=), so every view has a URL.
import { useApi } from '../../api/use-api';
import { navigate, useLocation, withQuery } from '../../app/router';
import { ErrorBox, Loading, Page } from '../../components/status';
import { HistoryTable } from './history-table';
import { LabelPanel } from './label-panel';
import { PromptDiff } from './prompt-diff';
import { type PromptDetails, type PromptHistory, promptPath } from './prompt-types';
import './prompts.css';
import { VersionContent } from './version-content';
import { VersionPicker } from './version-picker';
import { VersionsTable } from './versions-table';

/** A version number from the query when it names an existing version, else the fallback. */
function pick(raw: string | null, known: readonly number[], fallback: number): number {
  const value = Number(raw);
  return raw !== null && known.includes(value) ? value : fallback;
}

export function PromptPage(props: { readonly name: string }) {
  const location = useLocation();
  const details = useApi<PromptDetails>(promptPath(props.name));
  const history = useApi<PromptHistory>(`${promptPath(props.name)}/history`);
  const linkTo = (changes: Readonly<Record<string, string | null>>) => withQuery(location, changes);

  const data = details.data;
  if (data === null) {
    return (
      <Page title={props.name}>
        <ErrorBox error={details.error} />
        {details.error === null ? <Loading what="prompt" /> : null}
      </Page>
    );
  }
  const numbers = data.versions.map((version) => version.version);
  const latest = numbers[0] ?? 1;
  const to = pick(location.query.get('to'), numbers, latest);
  const from = pick(location.query.get('from'), numbers, Math.max(1, to - 1));
  const shown = pick(location.query.get('version'), numbers, latest);
  const changed = () => {
    details.reload();
    history.reload();
  };

  return (
    <Page title={props.name} actions={<span className="muted">{data.versions.length} versions</span>}>
      <div className="prompts-feature">
        <ErrorBox error={details.error} />
        <LabelPanel details={data} history={history.data?.items ?? []} onChanged={changed} />

        <section className="card">
          <h2>Versions</h2>
          <VersionsTable versions={data.versions} selected={shown} linkTo={linkTo} />
        </section>

        <section className="card">
          <h2>
            Diff v{from} → v{to}
          </h2>
          <VersionPicker
            versions={numbers}
            from={from}
            to={to}
            onChange={(next) => navigate(linkTo({ from: String(next.from), to: String(next.to) }), { replace: true })}
          />
          {from === to ? (
            <p className="muted">Pick two different versions.</p>
          ) : (
            <PromptDiff name={props.name} from={from} to={to} />
          )}
        </section>

        <section className="card">
          <h2>Content of v{shown}</h2>
          <VersionContent name={props.name} version={shown} />
        </section>

        <section className="card">
          <h2>History</h2>
          <ErrorBox error={history.error} />
          {history.data === null ? <Loading what="history" /> : <HistoryTable items={history.data.items} />}
        </section>
      </div>
    </Page>
  );
}
