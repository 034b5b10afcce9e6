import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../factories/index.ts';
import { createTestApp, signIn, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const refusedAsAppendOnly = (err: unknown) => /append-only/.test(String((err as { cause?: Error }).cause?.message));

describe('audit log', () => {
  it('records who did what, when and from where, and pages newest first', async () => {
    const owner = await makeUser(t.ctx, { installationRole: 'owner' });
    const o = await signIn(t, owner.email, TEST_PASSWORD);
    const tenant = (await o.request({ method: 'POST', url: '/api/v1/tenants', payload: { name: 'Audit Co', slug: 'audit-co' }, headers: { 'user-agent': 'vitest' } })).json();
    await o.request({ method: 'POST', url: `/api/v1/tenants/${tenant.id}/api-tokens`, payload: { name: 'crm', scopes: ['tenant:read'] } });

    const page1 = (await o.request({ method: 'GET', url: '/api/v1/audit-events?limit=2' })).json();
    expect(page1.items.map((e: { action: string }) => e.action)).toEqual(['api_token.created', 'tenant.created']);
    expect(page1.items[1]).toMatchObject({ actor: { type: 'user', id: owner.id, label: owner.email }, tenantId: tenant.id, ip: '127.0.0.1' });
    const page2 = (await o.request({ method: 'GET', url: `/api/v1/audit-events?limit=2&before=${page1.nextBefore}` })).json();
    expect(page2.items[0].action).toBe('auth.login');
    const filtered = (await o.request({ method: 'GET', url: `/api/v1/audit-events?tenantId=${tenant.id}` })).json();
    expect(filtered.items).toHaveLength(2);
    expect(JSON.stringify(filtered)).not.toMatch(/vxp_/);
  });

  it('is append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    await makeTenant(t.ctx);
    const owner = await makeUser(t.ctx, { installationRole: 'owner' });
    await signIn(t, owner.email, TEST_PASSWORD);
    await expect(t.ctx.db.execute(sql`update audit_events set action = 'nothing'`)).rejects.toSatisfy(refusedAsAppendOnly);
    await expect(t.ctx.db.execute(sql`delete from audit_events`)).rejects.toSatisfy(refusedAsAppendOnly);
    await expect(t.ctx.db.execute(sql`truncate audit_events`)).rejects.toSatisfy(refusedAsAppendOnly);
  });
});
