import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../factories/index.ts';
import { createTestApp, signIn, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

describe('per-tenant API tokens', () => {
  it('shows the secret once, stores only a hash, and lets the token read its own tenant by scope', async () => {
    const tenant = await makeTenant(t.ctx);
    const pm = await makeUser(t.ctx, { memberships: [{ tenantId: tenant.id, role: 'project_manager' }] });
    const b = await signIn(t, pm.email, TEST_PASSWORD);
    const created = await b.request({ method: 'POST', url: `/api/v1/tenants/${tenant.id}/api-tokens`, payload: { name: 'CRM', scopes: ['tenant:read'] } });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { token, secret } = created.json();
    expect(secret).toMatch(/^vxp_[A-Za-z0-9]{8}_/);
    expect(secret.startsWith(`vxp_${token.prefix}_`)).toBe(true);

    const listed = await b.request({ method: 'GET', url: `/api/v1/tenants/${tenant.id}/api-tokens` });
    expect(listed.body).not.toContain(secret);
    const stored = await t.ctx.db.execute(sql`select * from api_tokens`);
    expect(JSON.stringify(stored.rows)).not.toContain(secret.split('_').slice(2).join('_'));

    const auth = { authorization: `Bearer ${secret}` };
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/tenants/${tenant.id}`, headers: auth });
    expect(read.statusCode).toBe(200);
    expect(read.json().id).toBe(tenant.id);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tenants', headers: auth })).json().items.map((x: { id: string }) => x.id)).toEqual([tenant.id]);
    expect((await b.request({ method: 'GET', url: `/api/v1/tenants/${tenant.id}/api-tokens` })).json().items[0].lastUsedAt).not.toBeNull();

    expect((await b.request({ method: 'DELETE', url: `/api/v1/tenants/${tenant.id}/api-tokens/${token.id}` })).statusCode).toBe(204);
    const afterRevoke = await t.app.inject({ method: 'GET', url: `/api/v1/tenants/${tenant.id}`, headers: auth });
    expect(afterRevoke.statusCode).toBe(401);
  });

  it('refuses a token without the scope (403), an expired token (401) and an unknown scope (400)', async () => {
    const tenant = await makeTenant(t.ctx);
    const owner = await makeUser(t.ctx, { installationRole: 'owner' });
    const b = await signIn(t, owner.email, TEST_PASSWORD);
    const noScope = (await b.request({ method: 'POST', url: `/api/v1/tenants/${tenant.id}/api-tokens`, payload: { name: 'x', scopes: ['responses:read'] } })).json();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/tenants/${tenant.id}`, headers: { authorization: `Bearer ${noScope.secret}` } })).statusCode).toBe(403);

    const expiring = await b.request({
      method: 'POST',
      url: `/api/v1/tenants/${tenant.id}/api-tokens`,
      payload: { name: 'short', scopes: ['tenant:read'], expiresAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString() },
    });
    t.clock.advance(2 * 3_600_000);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/tenants/${tenant.id}`, headers: { authorization: `Bearer ${expiring.json().secret}` } })).statusCode).toBe(401);

    const unknown = await b.request({ method: 'POST', url: `/api/v1/tenants/${tenant.id}/api-tokens`, payload: { name: 'x', scopes: ['everything'] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toContain('scopes');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tenants', headers: { authorization: 'Bearer vxp_nothing' } })).statusCode).toBe(401);
  });
});

describe('roles', () => {
  it('keeps a client viewer read-only and away from tokens and users', async () => {
    const tenant = await makeTenant(t.ctx);
    const viewer = await makeUser(t.ctx, { memberships: [{ tenantId: tenant.id, role: 'client_viewer' }] });
    const b = await signIn(t, viewer.email, TEST_PASSWORD);
    expect((await b.request({ method: 'GET', url: `/api/v1/tenants/${tenant.id}` })).statusCode).toBe(200);
    expect((await b.request({ method: 'PATCH', url: `/api/v1/tenants/${tenant.id}`, payload: { name: 'Mine now' } })).statusCode).toBe(403);
    expect((await b.request({ method: 'GET', url: `/api/v1/tenants/${tenant.id}/api-tokens` })).statusCode).toBe(403);
    expect((await b.request({ method: 'POST', url: '/api/v1/tenants', payload: { name: 'X', slug: 'x' } })).statusCode).toBe(403);
    expect((await b.request({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
    expect((await b.request({ method: 'GET', url: '/api/v1/audit-events' })).statusCode).toBe(403);
  });

  it('lets only an owner grant administrator rights, and keeps one owner', async () => {
    const owner = await makeUser(t.ctx, { installationRole: 'owner' });
    const admin = await makeUser(t.ctx, { installationRole: 'admin' });
    const a = await signIn(t, admin.email, TEST_PASSWORD);
    const o = await signIn(t, owner.email, TEST_PASSWORD);
    const byAdmin = await a.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'new@example.test', name: 'New', installationRole: 'owner', password: TEST_PASSWORD } });
    expect(byAdmin.statusCode).toBe(403);
    const byOwner = await o.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'new@example.test', name: 'New', installationRole: 'admin', password: TEST_PASSWORD } });
    expect(byOwner.statusCode).toBe(201);
    const dup = await o.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'NEW@example.test', name: 'Dup' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('user.email_taken');
    const demoteSelf = await o.request({ method: 'PATCH', url: `/api/v1/users/${owner.id}`, payload: { installationRole: null } });
    expect(demoteSelf.statusCode).toBe(409);
    expect(demoteSelf.json().code).toBe('user.last_owner');
  });

  it('manages memberships and invites a user without a password by email', async () => {
    const tenant = await makeTenant(t.ctx);
    const owner = await makeUser(t.ctx, { installationRole: 'owner' });
    const o = await signIn(t, owner.email, TEST_PASSWORD);
    const created = await o.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'op@example.test', name: 'Operator', memberships: [{ tenantId: tenant.id, role: 'operator' }] } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json().memberships).toEqual([{ tenantId: tenant.id, tenantName: tenant.name, role: 'operator' }]);
    const changed = await o.request({ method: 'PUT', url: `/api/v1/users/${id}/memberships/${tenant.id}`, payload: { role: 'analyst' } });
    expect(changed.json().memberships[0].role).toBe('analyst');
    expect((await o.request({ method: 'DELETE', url: `/api/v1/users/${id}/memberships/${tenant.id}` })).statusCode).toBe(204);
    expect((await o.request({ method: 'DELETE', url: `/api/v1/users/${id}/memberships/${tenant.id}` })).statusCode).toBe(404);
    const jobs = await t.ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from graphile_worker._private_jobs`);
    expect(jobs.rows[0]!.n).toBe(1);
  });

  it('rejects unknown fields and names the bad field', async () => {
    const owner = await makeUser(t.ctx, { installationRole: 'owner' });
    const o = await signIn(t, owner.email, TEST_PASSWORD);
    const res = await o.request({ method: 'POST', url: '/api/v1/tenants', payload: { name: 'X', slug: 'Bad Slug!', colour: 'red' }, headers: { 'accept-language': 'ru-RU,ru' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation');
    expect(body.title).toBe('Запрос составлен неверно');
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['slug', 'body']));
    expect(body.requestId).toBe(res.headers['x-request-id']);
  });
});
