// Contract: the prompt registry — immutable numbered versions, dedupe by hash, labels, rollback, audit log.
import { createPromptContent } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { expectKaizenError } from './expect-kaizen-error.js';
import type { StoreContext } from './store-context.js';

const content = (
  text: string,
  extra: Parameters<typeof createPromptContent>[0] extends infer T ? Partial<T> : never = {},
) => createPromptContent({ template: text, ...extra });

export function describePromptsContract(context: StoreContext): void {
  describe('prompt registry', () => {
    it('numbers versions from 1, keeps every field, and never changes a stored version', async () => {
      const { id } = await context.project();
      const prompts = context.store.prompts;
      const first = await prompts.createVersion(id, 'extractor', {
        content: createPromptContent({
          template: [
            { role: 'system', content: 'Answer with JSON-LD only.' },
            { role: 'user', content: 'Page: {{html}} — ünïcödé' },
          ],
          outputSchema: { type: 'object', required: ['@type'] },
          model: 'sim:schemaorg',
          params: { temperature: 0 },
          tools: [{ name: 'fetch', description: 'Fetch a URL' }],
          examples: [{ input: { html: '<h1>x</h1>' }, output: '{"@type":"Thing"}' }],
        }),
        message: 'first',
        author: 'ana',
      });
      expect(first.created).toBe(true);
      expect(first.version.version).toBe(1);
      expect(first.version.hash).toMatch(/^[0-9a-f]{64}$/);
      const second = await prompts.createVersion(id, 'extractor', { content: content('v2 {{html}}') });
      expect(second.version.version).toBe(2);

      const read = await prompts.getVersion(id, 'extractor', 1);
      expect(read).toEqual(first.version);
      expect(read?.variables).toEqual(['html']);
      expect(read?.author).toBe('ana');
      expect(await prompts.getVersion(id, 'extractor', 3)).toBeNull();
      expect(await prompts.getVersion(id, 'other', 1)).toBeNull();
    });

    it('returns the existing version for identical content instead of creating one', async () => {
      const { id } = await context.project();
      const prompts = context.store.prompts;
      const first = await prompts.createVersion(id, 'p', { content: content('same', { params: { a: 1, b: 2 } }) });
      await prompts.createVersion(id, 'p', { content: content('different') });
      // Same content with keys in another order: same hash.
      const again = await prompts.createVersion(id, 'p', {
        content: content('same', { params: { b: 2, a: 1 } }),
        message: 'ignored',
      });
      expect(again.created).toBe(false);
      expect(again.version.version).toBe(1);
      expect(again.version.hash).toBe(first.version.hash);
      expect((await prompts.getPrompt(id, 'p'))?.versions).toHaveLength(2);
    });

    it('moves labels, resolves by label, and records every move in the audit log', async () => {
      const { id } = await context.project();
      const prompts = context.store.prompts;
      for (const text of ['one', 'two', 'three']) await prompts.createVersion(id, 'p', { content: content(text) });

      const first = await prompts.setLabel(id, 'p', 'production', 1, 'ana');
      expect(first).toMatchObject({
        label: 'production',
        kind: 'promote',
        fromVersion: null,
        toVersion: 1,
        actor: 'ana',
      });
      await prompts.setLabel(id, 'p', 'staging', 3, 'bo');
      await prompts.setLabel(id, 'p', 'production', 2, 'bo');

      expect((await prompts.getVersionByLabel(id, 'p', 'production'))?.version).toBe(2);
      expect((await prompts.getVersionByLabel(id, 'p', 'staging'))?.template).toBe('three');
      expect(await prompts.getVersionByLabel(id, 'p', 'nope')).toBeNull();
      expect((await prompts.getVersion(id, 'p', 2))?.labels).toEqual(['production']);

      const details = await prompts.getPrompt(id, 'p');
      expect(details?.labels).toEqual({ production: 2, staging: 3 });
      expect(details?.versions.map((version) => version.version)).toEqual([3, 2, 1]);
      expect(details?.versions[0]?.labels).toEqual(['staging']);

      const history = await prompts.labelHistory(id, 'p', 'production');
      expect(history.map((event) => [event.fromVersion, event.toVersion, event.actor])).toEqual([
        [1, 2, 'bo'],
        [null, 1, 'ana'],
      ]);
      expect(await prompts.labelHistory(id, 'p')).toHaveLength(3);

      const list = await prompts.listPrompts(id);
      expect(list).toEqual([
        expect.objectContaining({ name: 'p', latestVersion: 3, labels: { production: 2, staging: 3 } }),
      ]);
    });

    it('refuses a label on a version that does not exist, and a no-op move adds no audit entry', async () => {
      const { id } = await context.project();
      const prompts = context.store.prompts;
      await prompts.createVersion(id, 'p', { content: content('one') });
      await expectKaizenError(prompts.setLabel(id, 'p', 'production', 7, null), 'not_found', /no version 7/);
      await prompts.setLabel(id, 'p', 'production', 1, null);
      await prompts.setLabel(id, 'p', 'production', 1, null);
      expect(await prompts.labelHistory(id, 'p', 'production')).toHaveLength(1);
    });

    it('rolls a label back step by step through its promotions, then refuses', async () => {
      const { id } = await context.project();
      const prompts = context.store.prompts;
      for (const text of ['one', 'two', 'three']) await prompts.createVersion(id, 'p', { content: content(text) });
      await prompts.setLabel(id, 'p', 'production', 1, null);
      await prompts.setLabel(id, 'p', 'production', 2, null);
      await prompts.setLabel(id, 'p', 'production', 3, null);

      const back = await prompts.rollbackLabel(id, 'p', 'production', 'ana');
      expect(back).toMatchObject({ kind: 'rollback', fromVersion: 3, toVersion: 2, actor: 'ana' });
      expect((await prompts.getVersionByLabel(id, 'p', 'production'))?.version).toBe(2);
      expect((await prompts.rollbackLabel(id, 'p', 'production', null)).toVersion).toBe(1);
      await expectKaizenError(prompts.rollbackLabel(id, 'p', 'production', null), 'conflict', /no earlier version/);
      await expectKaizenError(prompts.rollbackLabel(id, 'p', 'staging', null), 'not_found');
      expect((await prompts.labelHistory(id, 'p', 'production'))[0]?.kind).toBe('rollback');
    });

    it('numbers concurrent pushes without gaps or duplicates', async () => {
      const { id } = await context.project();
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          context.store.prompts.createVersion(id, 'p', { content: content(`v${index}`) }),
        ),
      );
      expect(results.map((result) => result.version.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it('keeps prompts of different projects apart', async () => {
      const a = await context.project();
      const b = await context.project();
      await context.store.prompts.createVersion(a.id, 'shared-name', { content: content('of a') });
      await context.store.prompts.setLabel(a.id, 'shared-name', 'production', 1, null);
      expect(await context.store.prompts.getVersion(b.id, 'shared-name', 1)).toBeNull();
      expect(await context.store.prompts.getVersionByLabel(b.id, 'shared-name', 'production')).toBeNull();
      expect(await context.store.prompts.listPrompts(b.id)).toEqual([]);
      const ofB = await context.store.prompts.createVersion(b.id, 'shared-name', { content: content('of a') });
      expect(ofB.created).toBe(true); // same content, other project: its own version 1
      await expectKaizenError(context.store.prompts.setLabel(b.id, 'shared-name', 'production', 2, null), 'not_found');
    });
  });
}
