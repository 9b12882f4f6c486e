// resolveSetting: one order for every setting (flag > environment > config), empty values unset, sources named.
import { describe, expect, it } from 'vitest';
import { resolveServerSettings, resolveSetting, resolveStoreSettings, SETTINGS } from './settings.js';

const loaded = {
  config: { url: 'http://config:4318', model: 'sim:config', optimizerModel: 'sim:opt' },
  path: '/p/k.ts',
};

describe('resolveSetting', () => {
  it('takes the flag, else the environment, else the config, and says which', () => {
    const env = { KAIZEN_URL: 'http://env:4318' };
    expect(resolveSetting(SETTINGS.url, 'http://flag:4318', env, loaded)).toEqual({
      value: 'http://flag:4318',
      from: '--url',
    });
    expect(resolveSetting(SETTINGS.url, undefined, env, loaded)).toEqual({
      value: 'http://env:4318',
      from: 'KAIZEN_URL',
    });
    expect(resolveSetting(SETTINGS.url, '', { KAIZEN_URL: '' }, loaded)).toEqual({
      value: 'http://config:4318',
      from: 'url in /p/k.ts',
    });
    expect(resolveSetting(SETTINGS.url, undefined, {})).toBeUndefined();
  });

  it('keeps the same order for models, and ignores names a setting does not have', () => {
    expect(resolveSetting(SETTINGS.defaultModel, undefined, {}, loaded)?.value).toBe('sim:config');
    expect(resolveSetting(SETTINGS.defaultModel, undefined, { KAIZEN_MODEL: 'sim:env' }, loaded)?.value).toBe(
      'sim:env',
    );
    // defaultModel has no flag: --model is an override of every version, handled by the commands.
    expect(resolveSetting(SETTINGS.defaultModel, 'sim:flag', {}, loaded)?.value).toBe('sim:config');
    expect(resolveSetting(SETTINGS.optimizerModel, 'none', { KAIZEN_OPTIMIZER_MODEL: 'sim:env' }, loaded)?.value).toBe(
      'none',
    );
  });

  it('never reads the API key from the config, and defaults the URL', () => {
    const settings = resolveServerSettings({}, { KAIZEN_API_KEY: 'kz_env' });
    expect(settings).toEqual({
      url: 'http://127.0.0.1:4318',
      apiKey: 'kz_env',
      urlFrom: 'the default',
      apiKeyFrom: 'KAIZEN_API_KEY',
    });
    expect(() => resolveServerSettings({ apiKey: '' }, {}, loaded)).toThrow(/set KAIZEN_API_KEY or pass --api-key/);
  });

  it('reads the store from --data, KAIZEN_DATA_DIR and KAIZEN_DATABASE_URL', () => {
    expect(resolveStoreSettings({ data: 'a' }, { KAIZEN_DATA_DIR: 'b' })).toEqual({ dataDir: 'a' });
    expect(resolveStoreSettings({}, { KAIZEN_DATA_DIR: 'b', KAIZEN_DATABASE_URL: 'postgres://x' })).toEqual({
      dataDir: 'b',
      databaseUrl: 'postgres://x',
    });
    expect(resolveStoreSettings({}, { KAIZEN_DATA_DIR: '' })).toEqual({});
  });
});
