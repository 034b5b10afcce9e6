import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPhones, redactText, redactUrl } from '../../src/http/redact.ts';
import { makeTenant, makeUser, TEST_PASSWORD } from '../factories/index.ts';
import { createTestApp, signIn, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('logs', () => {
  it('never contain passwords, session cookies, CSRF or API tokens, or phone numbers', async () => {
    const tenant = await makeTenant(t.ctx);
    const owner = await makeUser(t.ctx, { installationRole: 'owner' });
    const b = await signIn(t, owner.email, TEST_PASSWORD);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: owner.email, password: 'wrong password 123' } });
    const { secret } = (await b.request({ method: 'POST', url: `/api/v1/tenants/${tenant.id}/api-tokens`, payload: { name: 'crm', scopes: ['tenant:read'] } })).json();
    await t.app.inject({ method: 'GET', url: `/api/v1/tenants/${tenant.id}?token=${secret}`, headers: { authorization: `Bearer ${secret}` } });
    await t.app.inject({ method: 'GET', url: '/reset-password/AM916o7eGNcbQOisolVRsRzP2nLOojO-q8TPLiEB-H8' });
    t.ctx.log.info({ contact: { phone: '+7 999 123-45-67' } }, 'calling 89991234567 now');

    const all = t.logs.join('\n');
    expect(all).toContain('request completed'); // the log is really captured
    for (const secretText of [TEST_PASSWORD, 'wrong password 123', secret, secret.split('_').slice(2).join('_') /* the random part may itself contain '_' */, b.csrfToken, b.cookie.split('=')[1], 'AM916o7eGNcbQOisolVRsRzP2nLOojO-q8TPLiEB-H8', '999 123-45-67', '89991234567']) {
      expect(all).not.toContain(secretText);
    }
    expect(all).toContain('[phone …67]');
  });

  it('masks phones in text and secrets in URLs', () => {
    expect(maskPhones('звоните +7 (495) 123-45-67 или 8 800 555 35 35')).toBe('звоните [phone …67] или [phone …35]');
    expect(maskPhones('order 12345, year 2026')).toBe('order 12345, year 2026');
    expect(redactUrl('/setup?token=abc&lang=ru')).toBe('/setup?token=%5Bredacted%5D&lang=ru');
    expect(redactText('connecting to smtp://mailer:p%40ss@mail.example.com:587 and postgres://u:pw@db/x')).toBe(
      'connecting to smtp://mailer:[redacted]@mail.example.com:587 and postgres://u:[redacted]@db/x',
    );
    expect(redactText('smtp://relay.example.com:25, user@example.com')).toBe('smtp://relay.example.com:25, user@example.com');
  });
});

describe('API document and probes', () => {
  it('serves OpenAPI 3.1 listing every API route, and a docs page', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    const served = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/')).map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(documented.sort()).toEqual(expect.arrayContaining(served.sort()));
    expect(doc.paths['/api/v1/tenants'].post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('answers /healthz and /readyz, and a problem for unknown API paths', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready' });
    const missing = await t.app.inject('/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
  });
});
