// Narratives in insight reports over a real server: with a narrative model, POST /api/insights stores a hypothesis
// per cause beside the statistics; one citing evidence traces is kept, one citing an unknown trace is dropped.
import type { ModelPort, ModelPortRequest } from '@kaizen/core';
import { expect, it } from 'vitest';
import { BACKENDS } from './support/backends.js';
import { jsonRequest, jsonSpan, newTraceId, postTraces } from './support/otlp-json.js';
import { useTestServer } from './support/test-server.js';

const definition = {
  name: 'extractor',
  passThreshold: 0.5,
  criteria: [
    { id: 'json', description: 'JSON only', weight: 2, check: { kind: 'json_valid' } },
    { id: 'short', description: 'Short', weight: 1, check: { kind: 'custom', name: 'short' } },
  ],
};

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

interface Cause {
  id: string;
  criteria: string[];
  evidence: { failing: { traceId: string }[]; passingContrast: { traceId: string }[] };
}

const requests: ModelPortRequest[] = [];
const FAKE = 'ab'.repeat(16);
/** The JSON cause gets a hypothesis citing its first evidence trace; any other cause cites a trace that is not there. */
const narrativePort: ModelPort = {
  generate(request) {
    requests.push(request);
    const user = request.messages[1]?.content ?? '';
    const cited = /\[([0-9a-f]{32})\]/.exec(user)?.[1] ?? '';
    const text = user.includes('criteria fails: json')
      ? `German inputs produce invalid JSON [${cited}].`
      : `Long answers fail the length check [${FAKE}].`;
    return Promise.resolve({ text, usage: null });
  },
};

for (const backend of BACKENDS) {
  backend.describe(`insight narratives (${backend.name})`, () => {
    const context = useTestServer(backend, { logger: () => undefined, onlineEvaluation: false, narrativePort });

    it('stores a kept narrative and a dropped one beside unchanged statistics', async () => {
      const { url, key, store, project } = context();
      const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
      const pushed = await fetch(`${url}/api/evaluators`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'extractor', definition }),
      });
      expect(pushed.status).toBe(201);
      const next = random(5);
      const traces: { traceId: string; language: string }[] = [];
      const spans: Record<string, unknown>[] = [];
      for (let index = 0; index < 240; index += 1) {
        const traceId = newTraceId();
        const language = index % 2 === 0 ? 'de' : 'en';
        traces.push({ traceId, language });
        spans.push(
          jsonSpan({
            traceId,
            startMs: Date.UTC(2025, 5, 1) + index * 60_000,
            attributes: {
              'gen_ai.request.model': 'gpt-4o',
              'kaizen.prompt.name': 'extract',
              'kaizen.prompt.version': '1',
              'kaizen.prompt.variables': JSON.stringify({ language }),
            },
          }),
        );
      }
      expect((await postTraces(url, key, jsonRequest(spans, { 'deployment.environment': 'production' }))).status).toBe(
        200,
      );
      for (const trace of traces) {
        const jsonFails = next() < (trace.language === 'de' ? 0.7 : 0.05);
        const shortFails = next() < 0.15;
        await store.scores.write(project.id, {
          traceId: trace.traceId,
          evaluatorName: 'extractor',
          evaluatorVersion: 1,
          score: jsonFails ? 0 : 1,
          passed: !jsonFails,
          label: jsonFails ? 'fail' : 'pass',
          results: [
            { criterionId: 'json', status: jsonFails ? 'failed' : 'passed', rationale: null },
            { criterionId: 'short', status: shortFails ? 'failed' : 'passed', rationale: null },
          ],
          source: 'manual',
          evaluatedAt: '2025-06-02T00:00:00.000Z',
        });
      }

      requests.length = 0;
      const created = await fetch(`${url}/api/insights`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ evaluatorName: 'extractor', environment: 'production', promptName: 'extract' }),
      });
      const body = (await created.json()) as { id: string; report: Record<string, unknown> };
      expect(created.status, JSON.stringify(body)).toBe(201);
      const causes = body.report.causes as Cause[];
      const jsonCause = causes.find((cause) => cause.criteria.includes('json'));
      const shortCause = causes.find((cause) => !cause.criteria.includes('json'));
      if (jsonCause === undefined || shortCause === undefined) throw new Error(`expected two causes: ${causes.length}`);
      expect(requests).toHaveLength(causes.length);
      expect(requests.every((request) => request.temperature === 0)).toBe(true);
      const narratives = body.report.narratives as Record<string, { text?: string; dropped?: string }>;
      const firstEvidence = jsonCause.evidence.failing[0]?.traceId ?? '';
      expect(narratives[jsonCause.id]).toEqual({ text: `German inputs produce invalid JSON [${firstEvidence}].` });
      expect(narratives[shortCause.id]?.dropped).toContain(FAKE);

      // The stored report is the one answered, narratives included.
      const read = await fetch(`${url}/api/insights/${body.id}`, { headers });
      expect(((await read.json()) as { report: unknown }).report).toEqual(body.report);
    });
  });
}
