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

  it('sends mail to the outbox unless VOXPOP_SMTP_URL is set', () => {
    expect(loadConfig({}).mail.smtp).toBeUndefined();
    const c = loadConfig({ VOXPOP_SMTP_URL: 'smtp://mailer%40cx:p%40ss%3Aw0rd@mail.example.com', VOXPOP_SMTP_POOL_SIZE: '8' }, '/srv/voxpop');
    expect(c.mail.smtp).toEqual({
      host: 'mail.example.com',
      port: 587,
      tls: 'starttls',
      auth: { user: 'mailer@cx', pass: 'p@ss:w0rd' },
      maxConnections: 8,
      maxMessages: 100,
      dkim: undefined,
    });
    expect(loadConfig({ VOXPOP_SMTP_URL: 'smtps://mail.example.com' }).mail.smtp).toMatchObject({ port: 465, tls: 'implicit', auth: undefined });
    expect(loadConfig({ VOXPOP_SMTP_URL: 'smtp://127.0.0.1:25', VOXPOP_SMTP_STARTTLS: 'off' }).mail.smtp).toMatchObject({ port: 25, tls: 'none' });
    const signed = loadConfig(
      { VOXPOP_SMTP_URL: 'smtp://relay', VOXPOP_DKIM_DOMAIN: 'cx.example.com', VOXPOP_DKIM_SELECTOR: 'vxp', VOXPOP_DKIM_KEY_FILE: 'keys/dkim.pem' },
      '/srv/voxpop',
    );
    expect(signed.mail.smtp?.dkim).toEqual({ domain: 'cx.example.com', selector: 'vxp', keyFile: '/srv/voxpop/keys/dkim.pem' });
  });

  it('refuses a bad SMTP or DKIM setting without repeating the password', () => {
    for (const url of ['http://user:hunter2secret@mail.example.com', 'not a url hunter2secret']) {
      try {
        loadConfig({ VOXPOP_SMTP_URL: url });
        expect.unreachable();
      } catch (err) {
        expect((err as ConfigError).problems.join('\n')).toMatch(/VOXPOP_SMTP_URL/);
        expect((err as ConfigError).message).not.toContain('hunter2secret');
      }
    }
    expect(() => loadConfig({ VOXPOP_SMTP_URL: 'smtp://relay', VOXPOP_DKIM_DOMAIN: 'cx.example.com' })).toThrow(/set together/);
    expect(() => loadConfig({ VOXPOP_DKIM_DOMAIN: 'a.b', VOXPOP_DKIM_SELECTOR: 's', VOXPOP_DKIM_KEY_FILE: 'k.pem' })).toThrow(/VOXPOP_SMTP_URL/);
  });

  it('makes cookies Secure behind https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://cx.example.com' }).http.secureCookies).toBe(true);
  });
});
