// Maps the prompt registry routes of docs/api/prompts.md onto the in-memory registry.
import type { FakePromptRegistry } from './fake-prompt-registry.js';

type Answer = { status: number; body: unknown } | undefined;

interface Body {
  version?: number;
  actor?: string;
}

/** Undefined when no route matches. */
export function routePrompts(registry: FakePromptRegistry, method: string, url: URL, json: unknown): Answer {
  const parts = url.pathname.split('/').slice(1).map(decodeURIComponent);
  if (parts[0] !== 'api' || parts[1] !== 'prompts') return undefined;
  const [name, section, key, action] = parts.slice(2);
  const body = json as Body;
  const ok = (value: unknown) => ({ status: 200, body: value });
  if (name === undefined) return method === 'GET' ? ok(registry.list()) : undefined;
  if (section === undefined) return method === 'GET' ? ok(registry.get(name)) : undefined;
  if (section === 'versions' && key === undefined && method === 'POST') {
    return registry.push(name, json as Parameters<FakePromptRegistry['push']>[1]);
  }
  if (section === 'versions' && key !== undefined) return ok(registry.version(name, Number(key)));
  if (section === 'labels' && key !== undefined && action === 'rollback' && method === 'POST') {
    return ok(registry.rollback(name, key, body.actor ?? null));
  }
  if (section === 'labels' && key !== undefined && method === 'PUT') {
    return ok(registry.setLabel(name, key, body.version ?? 0, body.actor ?? null));
  }
  if (section === 'labels' && key !== undefined) return ok(registry.byLabel(name, key));
  if (section === 'diff') {
    return ok(registry.diff(name, Number(url.searchParams.get('from')), Number(url.searchParams.get('to'))));
  }
  if (section === 'history') return ok(registry.history(name, url.searchParams.get('label')));
  return undefined;
}
