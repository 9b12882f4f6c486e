// The prompt registry API: versions, labels (promote/rollback), history and diffs, per project.
import { createPromptContent, diffPrompt, KaizenError } from '@kaizen/core';
import type { Store } from '@kaizen/store';
import type { Hono } from 'hono';
import type { z } from 'zod';
import { Label, PromptName, PromptVersionBody, RollbackBody, SetLabelBody, VersionNumber } from './prompt-schemas.js';
import { readJsonBody } from './validate-body.js';

type ApiEnv = { Variables: { projectId: string } };

function param<Schema extends z.ZodType>(schema: Schema, value: string | undefined, name: string): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new KaizenError(
      'invalid_input',
      `${name}: ${parsed.error.issues[0]?.message ?? 'invalid'} (got "${String(value).slice(0, 80)}")`,
    );
  }
  return parsed.data;
}

export function registerPromptRoutes(app: Hono<ApiEnv>, store: Store): void {
  const prompts = store.prompts;

  app.post('/api/prompts/:name/versions', async (c) => {
    const name = param(PromptName, c.req.param('name'), 'name');
    const body = await readJsonBody(c, PromptVersionBody);
    const { message, author, ...content } = body;
    const result = await prompts.createVersion(c.get('projectId'), name, {
      content: createPromptContent({
        template: content.template,
        ...(content.variables !== undefined ? { variables: content.variables } : {}),
        ...(content.outputSchema !== undefined ? { outputSchema: content.outputSchema } : {}),
        ...(content.model !== undefined ? { model: content.model } : {}),
        ...(content.params !== undefined ? { params: content.params } : {}),
        ...(content.tools !== undefined ? { tools: content.tools } : {}),
        ...(content.examples !== undefined ? { examples: content.examples } : {}),
      }),
      message: message ?? null,
      author: author ?? null,
    });
    return c.json(result, result.created ? 201 : 200);
  });

  app.get('/api/prompts', async (c) => c.json({ items: await prompts.listPrompts(c.get('projectId')) }));

  app.get('/api/prompts/:name', async (c) => {
    const name = param(PromptName, c.req.param('name'), 'name');
    const details = await prompts.getPrompt(c.get('projectId'), name);
    if (details === null) throw new KaizenError('not_found', `prompt "${name}" not found`);
    return c.json(details);
  });

  app.get('/api/prompts/:name/versions/:version', async (c) => {
    const name = param(PromptName, c.req.param('name'), 'name');
    const version = param(VersionNumber, c.req.param('version'), 'version');
    const found = await prompts.getVersion(c.get('projectId'), name, version);
    if (found === null) throw new KaizenError('not_found', `prompt "${name}" has no version ${version}`);
    return c.json(found);
  });

  app.get('/api/prompts/:name/labels/:label', async (c) => {
    const name = param(PromptName, c.req.param('name'), 'name');
    const label = param(Label, c.req.param('label'), 'label');
    const found = await prompts.getVersionByLabel(c.get('projectId'), name, label);
    if (found === null) throw new KaizenError('not_found', `prompt "${name}" has no label "${label}"`);
    return c.json(found);
  });

  app.put('/api/prompts/:name/labels/:label', async (c) => {
    const name = param(PromptName, c.req.param('name'), 'name');
    const label = param(Label, c.req.param('label'), 'label');
    const body = await readJsonBody(c, SetLabelBody);
    return c.json(await prompts.setLabel(c.get('projectId'), name, label, body.version, body.actor ?? null));
  });

  app.post('/api/prompts/:name/labels/:label/rollback', async (c) => {
    const name = param(PromptName, c.req.param('name'), 'name');
    const label = param(Label, c.req.param('label'), 'label');
    const body = await readJsonBody(c, RollbackBody);
    return c.json(await prompts.rollbackLabel(c.get('projectId'), name, label, body.actor ?? null));
  });

  app.get('/api/prompts/:name/history', async (c) => {
    const name = param(PromptName, c.req.param('name'), 'name');
    const labelValue = c.req.query('label');
    const label = labelValue === undefined ? undefined : param(Label, labelValue, 'label');
    return c.json({ items: await prompts.labelHistory(c.get('projectId'), name, label) });
  });

  app.get('/api/prompts/:name/diff', async (c) => {
    const name = param(PromptName, c.req.param('name'), 'name');
    const from = param(VersionNumber, c.req.query('from'), 'from');
    const to = param(VersionNumber, c.req.query('to'), 'to');
    const [before, after] = await Promise.all([
      prompts.getVersion(c.get('projectId'), name, from),
      prompts.getVersion(c.get('projectId'), name, to),
    ]);
    if (before === null) throw new KaizenError('not_found', `prompt "${name}" has no version ${from}`);
    if (after === null) throw new KaizenError('not_found', `prompt "${name}" has no version ${to}`);
    const diff = diffPrompt(before, after, { fromLabel: `${name} v${from}`, toLabel: `${name} v${to}` });
    return c.json({ from, to, ...diff });
  });
}
