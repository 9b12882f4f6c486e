// Contract: migrations, projects and API keys.
import { describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKey } from '../../src/api-keys.js';
import { expectKaizenError } from './expect-kaizen-error.js';
import { makeSpan } from './span-fixtures.js';
import type { StoreContext } from './store-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function describeProjectsContract(context: StoreContext): void {
  describe('migrations', () => {
    it('migrate() is idempotent and keeps the data', async () => {
      const project = await context.project();
      await context.store.insertSpans(project.id, [makeSpan()]);
      await context.store.migrate();
      await context.store.migrate();
      const page = await context.store.listTraces(project.id, {});
      expect(page.items).toHaveLength(1);
    });
  });

  describe('projects', () => {
    it('creates a project and finds it by name', async () => {
      const project = await context.store.createProject('checkout-agent');
      expect(project.id).toMatch(UUID);
      expect(project.name).toBe('checkout-agent');
      expect(Number.isNaN(Date.parse(project.createdAt))).toBe(false);
      expect(await context.store.getProjectByName('checkout-agent')).toEqual(project);
    });

    it('returns null for an unknown name', async () => {
      expect(await context.store.getProjectByName('nope')).toBeNull();
    });

    it('rejects a duplicate name with conflict', async () => {
      await context.store.createProject('twice');
      await expectKaizenError(context.store.createProject('twice'), 'conflict', /twice/);
    });
  });

  describe('API keys', () => {
    it('finds the project by the hash of its key', async () => {
      const project = await context.project();
      const { key, prefix, hash } = generateApiKey();
      const record = await context.store.createApiKey(project.id, hash, prefix);
      expect(record).toMatchObject({ projectId: project.id, prefix });
      expect(record.id).toMatch(UUID);
      expect(await context.store.findProjectByKeyHash(hashApiKey(key))).toEqual(project);
    });

    it('returns null for an unknown hash', async () => {
      expect(await context.store.findProjectByKeyHash(hashApiKey('kz_unknown'))).toBeNull();
    });

    it('rejects a key for an unknown project with not_found, and a reused hash with conflict', async () => {
      const { prefix, hash } = generateApiKey();
      await expectKaizenError(
        context.store.createApiKey('00000000-0000-4000-8000-000000000000', hash, prefix),
        'not_found',
      );
      const project = await context.project();
      await context.store.createApiKey(project.id, hash, prefix);
      await expectKaizenError(context.store.createApiKey(project.id, hash, prefix), 'conflict');
    });
  });
}
