import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/index.ts';
import { envSchema, settingDocs } from '../src/config/schema.ts';

describe('configuration', () => {
  it('works on a laptop with nothing set', () => {
    const c = loadConfig({}, '/srv/voxpop');
    expect(c.http).toMatchObject({ host: '127.0.0.1', port: 3000, publicUrl: 'http://localhost:3000', secureCookies: false });
    expect(c.dataDir).toBe('/srv/voxpop/data');
    expect(c.database.url).toBeUndefined();
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', VOXPOP_ADMIN_EMAIL: 'a@b.c' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.join('\n')).toMatch(/PORT/);
      expect((err as ConfigError).problems.join('\n')).toMatch(/DATABASE_URL/);
    }
    expect(() => loadConfig({ VOXPOP_ADMIN_EMAIL: 'a@b.co' })).toThrow(/set together/);
  });

  it('documents exactly the settings it reads', () => {
    expect(settingDocs.map((d) => d.env).sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('makes cookies Secure behind https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://cx.example.com' }).http.secureCookies).toBe(true);
  });
});
