// Unit tests: backend choice from the options.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';

describe('openStore', () => {
  it('refuses a database URL that is not Postgres rather than silently using SQLite', async () => {
    await expect(openStore({ databaseUrl: 'mysql://root@localhost/kaizen' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/postgres:\/\//),
    });
  });

  it('opens an in-folder SQLite database when no URL is given', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kaizen-open-store-'));
    try {
      const store = await openStore({ dataDir: join(folder, 'data'), databaseUrl: '' });
      expect(store.dialect).toBe('sqlite');
      await store.close();
      expect(existsSync(join(folder, 'data', 'kaizen.db'))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
