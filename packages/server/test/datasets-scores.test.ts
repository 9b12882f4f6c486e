// Datasets from a trace view filtered and stratified by the traces' stored scores (the scores store of the
// evaluation slice), through the API, on both backends.
import type { Checklist, CriterionResult } from '@kaizen/core';
import { toStoredChecklist } from '@kaizen/store';
import { makeSpan, makeStepSpan, newTraceId } from '@kaizen/store/testing';
import { expect, it } from 'vitest';
import { BACKENDS } from './support/backends.js';
import { useTestServer } from './support/test-server.js';

const CHECKLIST: Checklist = {
  name: 'extractor',
  passThreshold: 1,
  criteria: [
    { id: 'json', description: 'JSON only', weight: 1, check: { kind: 'json_valid' } },
    { id: 'type', description: 'Specific type', weight: 1, check: { kind: 'regex', pattern: '"@type"' } },
  ],
};

/** label, failed criteria — one trace each. */
const TRACES: [string, string[]][] = [
  ['fail', ['json']],
  ['fail', ['json', 'type']],
  ['fail', ['type']],
  ['pass', []],
  ['pass', []],
];

for (const backend of BACKENDS) {
  backend.describe(`datasets from scored traces (${backend.name})`, () => {
    const context = useTestServer(backend, { logger: () => undefined });

    it('filters by label and failed criterion, and stratifies by failed criterion', async () => {
      const { store, project, url, key } = context();
      await store.evaluators.createVersion(project.id, 'extractor', { definition: toStoredChecklist(CHECKLIST) });
      const traceIds: string[] = [];
      for (const [index, [label, failed]] of TRACES.entries()) {
        const traceId = newTraceId();
        traceIds.push(traceId);
        const startTime = `2025-05-01T10:00:0${index}.000Z`;
        const root = makeStepSpan({
          traceId,
          name: 'extractor',
          startTime,
          promptName: 'extractor',
          promptVersion: '1',
          attributes: { 'kaizen.prompt.variables': JSON.stringify({ html: `<p>${index}</p>` }) },
        });
        await store.insertSpans(project.id, [root, makeSpan({ traceId, parentSpanId: root.spanId, startTime })]);
        const results: CriterionResult[] = CHECKLIST.criteria.map((criterion) => ({
          criterionId: criterion.id,
          status: failed.includes(criterion.id) ? 'failed' : 'passed',
          rationale: null,
        }));
        await store.scores.write(project.id, {
          traceId,
          evaluatorName: 'extractor',
          evaluatorVersion: 1,
          score: (2 - failed.length) / 2,
          passed: label === 'pass',
          label,
          results,
          source: 'online',
          evaluatedAt: '2025-05-01T11:00:00.000Z',
        });
      }
      const create = async (name: string, body: unknown) => {
        const response = await fetch(`${url}/api/datasets/${name}/versions/from-traces`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const text = await response.text();
        expect(response.status, text).toBe(201);
        const items = await fetch(`${url}/api/datasets/${name}/versions/latest/items`, {
          headers: { authorization: `Bearer ${key}` },
        });
        return ((await items.json()) as { items: { itemId: string; metadata: Record<string, unknown> }[] }).items;
      };
      const view = { promptName: 'extractor', evaluator: 'extractor' };

      const failures = await create('failures', { filter: { ...view, label: 'fail' }, sample: { strategy: 'recent' } });
      expect(failures.map((item) => item.itemId)).toEqual([traceIds[2], traceIds[1], traceIds[0]]);
      expect(failures[0]?.metadata).toMatchObject({ label: 'fail', failedCriteria: ['type'], evaluator: 'extractor' });

      const json = await create('json', {
        filter: { ...view, failedCriterion: 'json' },
        sample: { strategy: 'recent' },
      });
      expect(json.map((item) => item.itemId)).toEqual([traceIds[1], traceIds[0]]);

      const strata = await create('strata', {
        filter: view,
        sample: { strategy: 'stratified-criterion', size: 3, seed: 2 },
      });
      // One per stratum: a trace failing json, one failing type, one passing.
      const failedCriteria = strata.map((item) => item.metadata.failedCriteria as string[]);
      expect(failedCriteria.some((failed) => failed.includes('json'))).toBe(true);
      expect(failedCriteria.some((failed) => failed.includes('type'))).toBe(true);
      expect(failedCriteria.some((failed) => failed.length === 0)).toBe(true);
    });
  });
}
