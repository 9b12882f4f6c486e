// Seeds a prompt through the API: three versions of a chat template (v2 changes one system line and the params,
// v3 another line), production promoted to v1 then v2 (so a rollback has somewhere to go), staging to v3.
import { apiRequest, type WebServer } from './web-server.js';

export const PROMPT = 'extractor';

/** The system line each version carries: the line the diff tests look for. */
export const SYSTEM_LINES = {
  1: 'Return the schema.org JSON-LD of the page.',
  2: 'Return only the schema.org JSON-LD of the page, with "@context": "https://schema.org".',
  3: 'Return only raw JSON-LD with "@context" and the most specific "@type" of the page.',
} as const;

function template(version: keyof typeof SYSTEM_LINES) {
  return [
    { role: 'system', content: `You extract structured data.\n${SYSTEM_LINES[version]}\nNo prose, no code fences.` },
    { role: 'user', content: '{{html}}' },
  ];
}

export interface LabelAnswer {
  readonly version: number;
}

/** Pushes v1–v3 and moves the labels; answers the prompt's name. */
export async function seedPrompt(web: WebServer, name: string = PROMPT): Promise<string> {
  const path = `/api/prompts/${name}`;
  await apiRequest(web, `${path}/versions`, 'POST', {
    template: template(1),
    model: 'sim:schemaorg',
    params: { temperature: 0.7 },
    message: 'first cut',
    author: 'ana',
  });
  await apiRequest(web, `${path}/versions`, 'POST', {
    template: template(2),
    model: 'sim:schemaorg',
    params: { temperature: 0, maxOutputTokens: 800 },
    message: 'ask for @context, deterministic',
    author: 'ben',
  });
  await apiRequest(web, `${path}/versions`, 'POST', {
    template: template(3),
    model: 'sim:schemaorg',
    params: { temperature: 0, maxOutputTokens: 800 },
    message: 'most specific @type',
    author: 'ana',
  });
  await apiRequest(web, `${path}/labels/production`, 'PUT', { version: 1, actor: 'ana' });
  await apiRequest(web, `${path}/labels/production`, 'PUT', { version: 2, actor: 'ben' });
  await apiRequest(web, `${path}/labels/staging`, 'PUT', { version: 3, actor: 'ana' });
  return name;
}

/** The version a label points at, read through the API. */
export async function labelVersion(web: WebServer, name: string, label: string): Promise<number> {
  return (await apiRequest<LabelAnswer>(web, `/api/prompts/${name}/labels/${label}`)).version;
}
