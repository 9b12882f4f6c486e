// The dataset API: versions from items, from a trace view or from a file; versions, items by split, exports.
import { KaizenError } from '@kaizen/core';
import {
  collectTraceItems,
  type DatasetVersion,
  formatDatasetItems,
  parseDatasetFile,
  type Store,
  type TraceDatasetReader,
} from '@kaizen/store';
import type { Hono } from 'hono';
import { datasetFileFormat, readDatasetFile } from './dataset-routes-body.js';
import {
  CreateDatasetVersionBody,
  DatasetName,
  DatasetSplitParam,
  DatasetVersionParam,
  ExportFormatParam,
  FromTracesBody,
  LimitParam,
  routeParam,
  SeedParam,
  SplitFractionsParam,
} from './dataset-routes-schemas.js';
import { parseTraceQuery } from './trace-query-params.js';
import { readJsonBody } from './validate-body.js';

type ApiEnv = { Variables: { projectId: string } };

const CONTENT_TYPES = { jsonl: 'application/x-ndjson', csv: 'text/csv', json: 'application/json' } as const;
const EXPORT_PAGE = 1000;

/** The trace filters, checked as GET /api/traces checks them (ISO times, from ≤ to). */
function traceFilter(filter: FromTracesBody['filter']) {
  const { label, passed, failedCriterion, evaluator, ...traceFields } = filter;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(traceFields)) if (value !== undefined) params.set(key, value);
  const query = parseTraceQuery(params);
  return {
    ...query,
    promptName: filter.promptName,
    ...(label !== undefined ? { label } : {}),
    ...(passed !== undefined ? { passed } : {}),
    ...(failedCriterion !== undefined ? { failedCriterion } : {}),
    ...(evaluator !== undefined ? { evaluator } : {}),
  };
}

export function registerDatasetRoutes(app: Hono<ApiEnv>, store: Store): void {
  const datasets = store.datasets;

  async function resolveVersion(projectId: string, name: string, raw: string | undefined): Promise<DatasetVersion> {
    const version = routeParam(DatasetVersionParam, raw, 'version');
    if (version === 'latest') {
      const details = await datasets.getDataset(projectId, name);
      const latest = details?.versions[0];
      if (latest === undefined) throw new KaizenError('not_found', `dataset "${name}" not found`);
      return latest;
    }
    const found = await datasets.getVersion(projectId, name, version);
    if (found === null) throw new KaizenError('not_found', `dataset "${name}" has no version ${version}`);
    return found;
  }

  app.get('/api/datasets', async (c) => c.json({ items: await datasets.listDatasets(c.get('projectId')) }));

  app.get('/api/datasets/:name', async (c) => {
    const name = routeParam(DatasetName, c.req.param('name'), 'name');
    const details = await datasets.getDataset(c.get('projectId'), name);
    if (details === null) throw new KaizenError('not_found', `dataset "${name}" not found`);
    return c.json(details);
  });

  app.post('/api/datasets/:name/versions', async (c) => {
    const name = routeParam(DatasetName, c.req.param('name'), 'name');
    const body = await readJsonBody(c, CreateDatasetVersionBody);
    const version = await datasets.createVersion(c.get('projectId'), name, {
      items: body.items,
      ...(body.splits !== undefined ? { splits: body.splits } : {}),
      source: { kind: 'import', format: 'json' },
      message: body.message ?? null,
    });
    return c.json(version, 201);
  });

  app.post('/api/datasets/:name/versions/from-traces', async (c) => {
    const name = routeParam(DatasetName, c.req.param('name'), 'name');
    const body = await readJsonBody(c, FromTracesBody);
    const projectId = c.get('projectId');
    const filter = traceFilter(body.filter);
    const sample = body.sample ?? { strategy: 'random' as const, size: 100 };
    const seed = sample.seed ?? body.splits?.seed ?? 0;
    // Score filters read the scores store when the server has one (TraceDatasetReader.scores is optional).
    const reader: TraceDatasetReader = store;
    const collected = await collectTraceItems(reader, projectId, filter, {
      strategy: sample.strategy,
      size: sample.size,
      seed,
      ...(sample.maxScan !== undefined ? { maxScan: sample.maxScan } : {}),
    });
    if (collected.items.length === 0) {
      throw new KaizenError(
        'invalid_input',
        collected.matched === 0
          ? 'no trace matches the view: check the environment, prompt and score filters'
          : `none of the ${collected.matched} matching traces recorded an input for prompt "${filter.promptName}"`,
      );
    }
    const version = await datasets.createVersion(projectId, name, {
      items: collected.items,
      splits: { ...body.splits, seed },
      source: {
        kind: 'traces',
        filter,
        sample: { strategy: sample.strategy, size: sample.size, seed },
        matched: collected.matched,
        skipped: collected.skipped,
      },
      message: body.message ?? null,
    });
    return c.json(version, 201);
  });

  app.post('/api/datasets/:name/versions/import', async (c) => {
    const name = routeParam(DatasetName, c.req.param('name'), 'name');
    const format = datasetFileFormat(c);
    const seedValue = c.req.query('seed');
    const fractions = c.req.query('splits');
    const message = c.req.query('message');
    const file = c.req.query('file');
    const text = await readDatasetFile(c);
    const version = await datasets.createVersion(c.get('projectId'), name, {
      items: parseDatasetFile(text, format),
      splits: {
        ...(seedValue !== undefined ? { seed: routeParam(SeedParam, seedValue, 'seed') } : {}),
        ...(fractions !== undefined ? routeParam(SplitFractionsParam, fractions, 'splits') : {}),
      },
      source: { kind: 'import', format, ...(file !== undefined ? { file: file.slice(0, 500) } : {}) },
      message: message?.slice(0, 2000) ?? null,
    });
    return c.json(version, 201);
  });

  app.get('/api/datasets/:name/versions/:version', async (c) => {
    const name = routeParam(DatasetName, c.req.param('name'), 'name');
    return c.json(await resolveVersion(c.get('projectId'), name, c.req.param('version')));
  });

  app.get('/api/datasets/:name/versions/:version/items', async (c) => {
    const name = routeParam(DatasetName, c.req.param('name'), 'name');
    const projectId = c.get('projectId');
    const split = c.req.query('split');
    const limit = c.req.query('limit');
    const cursor = c.req.query('cursor');
    const query = {
      ...(split !== undefined ? { split: routeParam(DatasetSplitParam, split, 'split') } : {}),
      ...(limit !== undefined ? { limit: routeParam(LimitParam, limit, 'limit') } : {}),
      ...(cursor !== undefined ? { cursor } : {}),
    };
    const version = await resolveVersion(projectId, name, c.req.param('version'));
    const page = await datasets.listItems(projectId, name, version.version, query);
    return c.json({ version: version.version, items: page.items, nextCursor: page.nextCursor });
  });

  app.get('/api/datasets/:name/versions/:version/export', async (c) => {
    const name = routeParam(DatasetName, c.req.param('name'), 'name');
    const projectId = c.get('projectId');
    const format = routeParam(ExportFormatParam, c.req.query('format') ?? 'jsonl', 'format');
    const splitValue = c.req.query('split');
    const split = splitValue === undefined ? undefined : routeParam(DatasetSplitParam, splitValue, 'split');
    const version = await resolveVersion(projectId, name, c.req.param('version'));
    const items = [];
    let cursor: string | null = null;
    do {
      const page = await datasets.listItems(projectId, name, version.version, {
        limit: EXPORT_PAGE,
        ...(split !== undefined ? { split } : {}),
        ...(cursor !== null ? { cursor } : {}),
      });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    c.header('content-type', `${CONTENT_TYPES[format]}; charset=utf-8`);
    c.header('content-disposition', `attachment; filename="${name}-v${version.version}.${format}"`);
    return c.body(items.length === 0 ? '' : formatDatasetItems(items, format));
  });
}
