// The app shell: the session decides between sign-in and the pages; the address bar decides the page.
import { useEffect, useState } from 'react';
import { api, onUnauthorized } from '../api/client';
import { Loading } from '../components/status';
import { type SessionProject, SignInPage } from '../features/auth/sign-in-page';
import { Link, navigate, useLocation } from './router';
import { resolveRoute } from './routes';

const NAV = [
  { to: '/traces', label: 'Traces' },
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/prompts', label: 'Prompts' },
  { to: '/datasets', label: 'Datasets' },
  { to: '/experiments', label: 'Experiments' },
  { to: '/insights', label: 'Insights' },
  { to: '/optimizations', label: 'Optimizations' },
] as const;

export function App() {
  const [project, setProject] = useState<SessionProject | null | undefined>(undefined);
  const location = useLocation();

  useEffect(() => {
    api<{ project: SessionProject }>('/api/session')
      .then((session) => setProject(session.project))
      .catch(() => setProject(null));
    return onUnauthorized(() => setProject(null));
  }, []);

  if (project === undefined) return <Loading what="session" />;
  if (project === null) return <SignInPage onSignedIn={setProject} />;

  const signOut = async () => {
    await api('/api/session', { method: 'DELETE' }).catch(() => undefined);
    setProject(null);
    navigate('/', { replace: true });
  };

  return (
    <div className="shell">
      <nav className="nav">
        <span className="brand">Kaizen</span>
        {NAV.map((item) => (
          <Link key={item.to} to={item.to} className={location.path.startsWith(item.to) ? 'active' : ''}>
            {item.label}
          </Link>
        ))}
        <span className="nav-spacer" />
        <span className="muted" data-testid="project-name">
          {project.name}
        </span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </nav>
      <main className="content">{resolveRoute(location)}</main>
    </div>
  );
}
