// `kaizen replay` end to end: production traces made with the SDK, replayed against a candidate into the shadow view.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKaizenApi, init, prompt } from '@kaizen/sdk';
import { type RunningServer, startServer } from '@kaizen/server';
import { openStore, type Store } from '@kaizen/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli as run } from './support/run-cli.js';

const PAGES = [
  '<html><head><title>Trail Runner 2</title></head><body><h1>Trail Runner 2</h1><p>Price: $129.00</p></body></html>',
  '<html><head><title>Lentil curry</title></head><body><h1>Lentil curry</h1><p>Prep time: 20 minutes</p></body></html>',
  '<html><head><title>City news</title></head><body><h1>Bridge reopens</h1><p>By Ana Lima</p></body></html>',
];

describe('kaizen replay', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let env: NodeJS.ProcessEnv;
  const productionTraceIds: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaizen-cli-replay-'));
    const key = (await run(['keys', 'create', '--project', 'p', '--data', dir], {})).stdout.trim();
    store = await openStore({ dataDir: dir });
    server = await startServer({ store, port: 0, logger: () => undefined });
    env = { KAIZEN_URL: server.url, KAIZEN_API_KEY: key };

    // Production traffic, as an app instrumented with the SDK produces it.
    const client = init({ url: server.url, apiKey: key, environment: 'production' });
    const extractor = prompt('extractor', {
      template: [
        { role: 'system', content: 'Extract schema.org data from the page.' },
        { role: 'user', content: '{{html}}' },
      ],
      variables: z.object({ html: z.string() }),
      model: 'sim:schemaorg',
    });
    const pushed = await extractor.push(client);
    await client.api.prompts.setLabel('extractor', 'production', pushed.version.version);
    for (const html of PAGES) {
      const result = await extractor.generate(client, { html });
      productionTraceIds.push(result.traceId);
    }
    await client.shutdown();
    await client.api.prompts.pushVersion('extractor', {
      template: [
        {
          role: 'system',
          content:
            'Answer with raw JSON-LD only. Include "@context": "https://schema.org" and the most specific @type.',
        },
        { role: 'user', content: '{{html}}' },
      ],
      model: 'sim:schemaorg',
    });
  });

  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates one linked shadow trace per production trace and leaves production untouched', async () => {
    const api = createKaizenApi({ url: server.url, apiKey: env.KAIZEN_API_KEY ?? '' });
    const snapshot = async () => {
      const page = await api.listTraces({ environment: 'production' });
      return { page, details: await Promise.all(page.items.map((item) => api.getTrace(item.traceId))) };
    };
    const before = await snapshot();
    expect(before.page.items.map((item) => item.traceId).sort()).toEqual([...productionTraceIds].sort());

    const result = await run(['replay', '--prompt', 'extractor', '--candidate', '2', '--limit', '10', '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as {
      total: number;
      replayed: number;
      simulated: boolean;
      environment: string;
      items: { sourceTraceId: string; shadowTraceId: string; status: string }[];
    };
    expect(summary).toMatchObject({ total: 3, replayed: 3, simulated: true, environment: 'shadow' });
    expect(result.stderr).toContain('Replaying');
    expect(result.stderr).toContain('3/3');

    const shadow = await api.listTraces({ environment: 'shadow' });
    expect(shadow.items).toHaveLength(3);
    const links = new Map<string, string>();
    for (const item of shadow.items) {
      expect(item).toMatchObject({ environment: 'shadow', promptName: 'extractor', promptVersion: '2' });
      const trace = await api.getTrace(item.traceId);
      const root = trace.spans.find((span) => span.attributes['kaizen.replay.source_trace_id'] !== undefined);
      expect(root?.output).not.toBeNull();
      links.set(item.traceId, String(root?.attributes['kaizen.replay.source_trace_id']));
    }
    expect([...links.values()].sort()).toEqual([...productionTraceIds].sort());
    expect(new Set(summary.items.map((item) => item.shadowTraceId))).toEqual(new Set(links.keys()));

    expect(await snapshot()).toEqual(before);
  });

  it('prints a readable summary that says the model is simulated, and refuses bad input', async () => {
    const table = await run(['replay', '--prompt', 'extractor', '--candidate', '2', '--limit', '1'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('SIMULATED');
    expect(table.stdout).toContain('kaizen traces list --environment shadow');
    const missing = await run(['replay', '--prompt', 'extractor', '--candidate', '9'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no version 9');
    const fromShadow = await run(['replay', '--prompt', 'extractor', '--candidate', '2', '--from', 'shadow'], env);
    expect(fromShadow.code).toBe(2);
  });
});
