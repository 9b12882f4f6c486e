// The evaluator registry API: versioned checklists per project, and each judged criterion's agreement with humans.
import { compileChecklist, judgeAgreement, judgeAgreementByCriterion, KaizenError, type ModelPort } from '@kaizen/core';
import { fromStoredChecklist, judgedCriterionIds, type Store, type StoredChecklist } from '@kaizen/store';
import type { Hono } from 'hono';
import { CreateEvaluatorBody, EvaluatorName, parseParam, VersionNumber } from './evaluator-routes-schemas.js';
import { readJsonBody } from './validate-body.js';

type ApiEnv = { Variables: { projectId: string } };

/** Validation only: never called, so judged and custom criteria compile without a model or the config's code. */
const VALIDATION_JUDGE: ModelPort = { generate: () => Promise.reject(new Error('validation only')) };

/** Everything compileChecklist checks (regexes, schemas, paths, thresholds, label rules) is a 400 at push time. */
function validateDefinition(definition: StoredChecklist): void {
  compileChecklist(
    fromStoredChecklist(definition, () => () => true),
    { judge: VALIDATION_JUDGE },
  );
}

export interface EvaluationChangeListener {
  /** Rules or evaluator versions changed: the online worker re-reads them before the request is answered. */
  configurationChanged(): Promise<void>;
}

export function registerEvaluatorRoutes(
  app: Hono<ApiEnv>,
  store: Store,
  listener: EvaluationChangeListener | null,
): void {
  app.post('/api/evaluators', async (c) => {
    const body = await readJsonBody(c, CreateEvaluatorBody);
    // Zod checked the JSON's outline; compileChecklist below checks every check and condition in depth.
    const definition = body.definition as unknown as StoredChecklist;
    validateDefinition(definition);
    const result = await store.evaluators.createVersion(c.get('projectId'), body.name, {
      definition,
      message: body.message ?? null,
      author: body.author ?? null,
    });
    if (result.created) await listener?.configurationChanged();
    return c.json(result, result.created ? 201 : 200);
  });

  app.get('/api/evaluators', async (c) => c.json({ items: await store.evaluators.list(c.get('projectId')) }));

  app.get('/api/evaluators/:name', async (c) => {
    const name = parseParam(EvaluatorName, c.req.param('name'), 'name');
    const versions = await store.evaluators.versions(c.get('projectId'), name);
    const [latest] = versions;
    if (latest === undefined) throw new KaizenError('not_found', `evaluator "${name}" not found`);
    return c.json({
      name,
      latest,
      versions: versions.map(({ definition, ...version }) => ({ ...version, criteria: definition.criteria.length })),
    });
  });

  app.get('/api/evaluators/:name/versions/:version', async (c) => {
    const name = parseParam(EvaluatorName, c.req.param('name'), 'name');
    const version = parseParam(VersionNumber, c.req.param('version'), 'version');
    const found = await store.evaluators.get(c.get('projectId'), name, version);
    if (found === null) throw new KaizenError('not_found', `evaluator "${name}" has no version ${version}`);
    return c.json(found);
  });

  app.get('/api/evaluators/:name/agreement', async (c) => {
    const projectId = c.get('projectId');
    const name = parseParam(EvaluatorName, c.req.param('name'), 'name');
    const latest = await store.evaluators.get(projectId, name);
    if (latest === null) throw new KaizenError('not_found', `evaluator "${name}" not found`);
    const judged = judgedCriterionIds(latest.definition);
    const pairs = await store.labels.agreementPairs(projectId, name, judged);
    const byCriterion = judgeAgreementByCriterion(pairs);
    return c.json({
      evaluator: name,
      version: latest.version,
      criteria: judged.map((criterionId) => {
        const criterion = latest.definition.criteria.find((item) => item.id === criterionId);
        const agreement = byCriterion.get(criterionId) ?? judgeAgreement([]);
        return { criterionId, description: criterion?.description ?? '', ...agreement };
      }),
    });
  });
}
