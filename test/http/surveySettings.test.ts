import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../factories/index.ts';
import { createTestApp, signIn, type Browser, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const url = (tenantId: string) => `/api/v1/tenants/${tenantId}/survey-settings`;
const branch = { key: 'branch', label: { ru: 'Филиал', en: 'Branch' } };
const product = { key: 'product_line', label: { ru: 'Продукт', en: 'Product line' } };

async function managerOfNewTenant(): Promise<{ tenantId: string; pm: Browser }> {
  const tenant = await makeTenant(t.ctx);
  const user = await makeUser(t.ctx, { memberships: [{ tenantId: tenant.id, role: 'project_manager' }] });
  return { tenantId: tenant.id, pm: await signIn(t, user.email, TEST_PASSWORD) };
}

async function tokenFor(tenantId: string, scopes: string[]) {
  const owner = await makeUser(t.ctx, { installationRole: 'owner' });
  const admin = await signIn(t, owner.email, TEST_PASSWORD);
  const res = await admin.request({ method: 'POST', url: `/api/v1/tenants/${tenantId}/api-tokens`, payload: { name: scopes.join(' '), scopes } });
  return { authorization: `Bearer ${res.json().secret}` };
}

describe('survey settings', () => {
  it('start with no cap and no custom dimensions, and name the built-in dimensions in ru and en', async () => {
    const { tenantId, pm } = await managerOfNewTenant();
    const res = await pm.request({ method: 'GET', url: url(tenantId) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      frequencyCapDays: null,
      builtInDimensions: [
        { key: 'service_type', label: { ru: 'Тип услуги', en: 'Service type' } },
        { key: 'department', label: { ru: 'Отдел', en: 'Department' } },
        { key: 'employee', label: { ru: 'Сотрудник', en: 'Employee' } },
        { key: 'channel', label: { ru: 'Канал', en: 'Channel' } },
        { key: 'region', label: { ru: 'Регион', en: 'Region' } },
      ],
      customDimensions: [],
    });
  });

  it('lets a project manager set a 90-day cap and two custom dimensions (labels trimmed), audited with the changed fields', async () => {
    const { tenantId, pm } = await managerOfNewTenant();
    const put = await pm.request({
      method: 'PUT',
      url: url(tenantId),
      payload: { frequencyCapDays: 90, customDimensions: [{ key: 'branch', label: { ru: '  Филиал ', en: 'Branch ' } }, product] },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ frequencyCapDays: 90, customDimensions: [branch, product] });
    expect((await pm.request({ method: 'GET', url: url(tenantId) })).json()).toMatchObject({ frequencyCapDays: 90, customDimensions: [branch, product] });
    const stored = await t.ctx.db.execute(sql`select survey_frequency_cap_days, custom_dimensions from tenants where id = ${tenantId}`);
    expect(stored.rows).toEqual([{ survey_frequency_cap_days: 90, custom_dimensions: [branch, product] }]);

    // Only the cap changes: removing it is audited as a change of that field alone; saving the same again is not a change.
    await pm.request({ method: 'PUT', url: url(tenantId), payload: { frequencyCapDays: null, customDimensions: [branch, product] } });
    await pm.request({ method: 'PUT', url: url(tenantId), payload: { frequencyCapDays: null, customDimensions: [branch, product] } });
    const audit = await t.ctx.db.execute<{ action: string; actor_type: string; target_id: string; details: unknown }>(
      sql`select action, actor_type, target_id, details from audit_events where tenant_id = ${tenantId} and action = 'tenant.survey_settings_changed' order by id`,
    );
    expect(audit.rows).toEqual([
      { action: 'tenant.survey_settings_changed', actor_type: 'user', target_id: tenantId, details: { changed: ['frequencyCapDays', 'customDimensions'], frequencyCapDays: 90, customDimensionKeys: ['branch', 'product_line'] } },
      { action: 'tenant.survey_settings_changed', actor_type: 'user', target_id: tenantId, details: { changed: ['frequencyCapDays'], frequencyCapDays: null, customDimensionKeys: ['branch', 'product_line'] } },
    ]);
  });

  it('refuses reserved, invalid and repeated keys, naming each by its position, and keeps what was saved', async () => {
    const { tenantId, pm } = await managerOfNewTenant();
    await pm.request({ method: 'PUT', url: url(tenantId), payload: { frequencyCapDays: 30, customDimensions: [branch] } });
    const res = await pm.request({
      method: 'PUT',
      url: url(tenantId),
      payload: {
        frequencyCapDays: 90,
        customDimensions: [branch, { key: 'department', label: { ru: 'Отдел', en: 'Department' } }, { key: 'Branch Name', label: { ru: 'Филиал', en: 'Branch' } }, branch],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation');
    expect(res.json().errors).toEqual([
      { path: 'customDimensions.1.key', code: 'dimension.reserved_key', message: expect.stringContaining('built-in') },
      { path: 'customDimensions.2.key', code: 'dimension.invalid_key', message: expect.stringContaining('lowercase') },
      { path: 'customDimensions.3.key', code: 'dimension.duplicate_key', message: expect.stringContaining('already') },
    ]);
    expect((await pm.request({ method: 'GET', url: url(tenantId) })).json()).toMatchObject({ frequencyCapDays: 30, customDimensions: [branch] });
  });

  it('refuses blank or long labels, a cap outside 1–3650 days, unknown fields and more than 50 dimensions', async () => {
    const { tenantId, pm } = await managerOfNewTenant();
    const bad = async (payload: object) => {
      const res = await pm.request({ method: 'PUT', url: url(tenantId), payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      return (res.json().errors as Array<{ path: string }>).map((e) => e.path);
    };
    expect(await bad({ frequencyCapDays: null, customDimensions: [{ key: 'branch', label: { ru: '   ', en: 'Branch' } }] })).toEqual(['customDimensions.0.label.ru']);
    expect(await bad({ frequencyCapDays: null, customDimensions: [{ key: 'branch', label: { ru: 'Филиал', en: 'x'.repeat(101) } }] })).toEqual(['customDimensions.0.label.en']);
    expect(await bad({ frequencyCapDays: 0, customDimensions: [] })).toEqual(['frequencyCapDays']);
    expect(await bad({ frequencyCapDays: 3651, customDimensions: [] })).toEqual(['frequencyCapDays']);
    expect(await bad({ frequencyCapDays: 1.5, customDimensions: [] })).toEqual(['frequencyCapDays']);
    expect(await bad({ frequencyCapDays: 90, customDimensions: [], extra: true })).toHaveLength(1);
    expect(await bad({ customDimensions: [] })).toEqual(['frequencyCapDays']);
    const many = Array.from({ length: 51 }, (_, i) => ({ key: `d${i}`, label: { ru: `Д${i}`, en: `D${i}` } }));
    expect(await bad({ frequencyCapDays: null, customDimensions: many })).toEqual(['customDimensions']);
    expect((await pm.request({ method: 'PUT', url: url(tenantId), payload: { frequencyCapDays: 3650, customDimensions: many.slice(0, 50) } })).statusCode).toBe(200);
  });

  it.each(['operator', 'analyst', 'client_viewer'] as const)('lets a %s read the settings but not change them (403)', async (role) => {
    const { tenantId, pm } = await managerOfNewTenant();
    await pm.request({ method: 'PUT', url: url(tenantId), payload: { frequencyCapDays: 90, customDimensions: [branch] } });
    const user = await makeUser(t.ctx, { memberships: [{ tenantId, role }] });
    const b = await signIn(t, user.email, TEST_PASSWORD);
    expect((await b.request({ method: 'GET', url: url(tenantId) })).json()).toMatchObject({ frequencyCapDays: 90, customDimensions: [branch] });
    const put = await b.request({ method: 'PUT', url: url(tenantId), payload: { frequencyCapDays: null, customDimensions: [] } });
    expect(put.statusCode).toBe(403);
    expect(put.json().code).toBe('forbidden');
    expect((await pm.request({ method: 'GET', url: url(tenantId) })).json()).toMatchObject({ frequencyCapDays: 90, customDimensions: [branch] });
  });

  it('lets API tokens read with surveys:read and change with surveys:write, and nothing else', async () => {
    const { tenantId } = await managerOfNewTenant();
    const reader = await tokenFor(tenantId, ['surveys:read']);
    const writer = await tokenFor(tenantId, ['surveys:read', 'surveys:write']);
    const outsider = await tokenFor(tenantId, ['tenant:read', 'contacts:write']);
    const payload = { frequencyCapDays: 60, customDimensions: [branch] };
    expect((await t.app.inject({ method: 'GET', url: url(tenantId), headers: reader })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'PUT', url: url(tenantId), headers: reader, payload })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: url(tenantId), headers: outsider })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: url(tenantId), headers: outsider, payload })).statusCode).toBe(403);
    const put = await t.app.inject({ method: 'PUT', url: url(tenantId), headers: writer, payload });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject(payload);
    const audit = await t.ctx.db.execute(sql`select actor_type from audit_events where tenant_id = ${tenantId} and action = 'tenant.survey_settings_changed'`);
    expect(audit.rows).toEqual([{ actor_type: 'token' }]);
  });
});
