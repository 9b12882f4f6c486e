// Sign-in with a project API key: the server answers with an HttpOnly session cookie; the key is not kept here.
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';

export interface SessionProject {
  readonly id: string;
  readonly name: string;
}

export function SignInPage(props: { readonly onSignedIn: (project: SessionProject) => void }) {
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api<{ project: SessionProject }>('/api/session', { method: 'POST', body: { apiKey } });
      setApiKey('');
      props.onSignedIn(session.project);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="sign-in">
      <h1>Kaizen</h1>
      <form onSubmit={submit}>
        <label htmlFor="api-key">Project API key</label>
        <input
          id="api-key"
          name="apiKey"
          type="password"
          autoComplete="off"
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
          placeholder="kz_…"
        />
        <button type="submit" disabled={busy || apiKey.trim() === ''}>
          Sign in
        </button>
        {error !== null ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      <p className="muted">
        Create a key with <code>npx kaizen keys create --project NAME</code>.
      </p>
    </main>
  );
}
