import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateDefinition } from '../../src/domain/surveys/index.ts';
import { makeSurvey, makeTenant, makeUser, TEST_PASSWORD } from '../factories/index.ts';
import { createTestApp, signIn, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Every survey route, for a survey that is launched (so version 1 exists). */
const surveyRoutes = (surveyId: string): Array<{ method: Method; path: string; payload?: object; writes: boolean }> => [
  { method: 'GET', path: '', writes: false },
  { method: 'GET', path: `/${surveyId}`, writes: false },
  { method: 'GET', path: `/${surveyId}/versions`, writes: false },
  { method: 'GET', path: `/${surveyId}/versions/1`, writes: false },
  { method: 'POST', path: '', payload: { templateId: 'ces' }, writes: true },
  { method: 'PUT', path: `/${surveyId}`, payload: { name: 'Changed' }, writes: true },
  { method: 'POST', path: `/${surveyId}/launch`, writes: true },
  { method: 'POST', path: `/${surveyId}/pause`, writes: true },
  { method: 'POST', path: `/${surveyId}/resume`, writes: true },
  { method: 'POST', path: `/${surveyId}/close`, writes: true },
  { method: 'DELETE', path: `/${surveyId}`, writes: true },
];

async function tokenFor(tenantId: string, scopes: string[]) {
  const owner = await makeUser(t.ctx, { installationRole: 'owner' });
  const admin = await signIn(t, owner.email, TEST_PASSWORD);
  const res = await admin.request({ method: 'POST', url: `/api/v1/tenants/${tenantId}/api-tokens`, payload: { name: scopes.join(' '), scopes } });
  return { authorization: `Bearer ${res.json().secret}` };
}

describe('who may read and change surveys', () => {
  it.each(['operator', 'analyst', 'client_viewer'] as const)('a %s reads surveys but changes nothing (403)', async (role) => {
    const tenant = await makeTenant(t.ctx);
    const { survey } = await makeSurvey(t.ctx, tenant.id, { launched: true });
    const user = await makeUser(t.ctx, { memberships: [{ tenantId: tenant.id, role }] });
    const browser = await signIn(t, user.email, TEST_PASSWORD);
    for (const route of surveyRoutes(survey.id)) {
      const res = await browser.request({ method: route.method, url: `/api/v1/tenants/${tenant.id}/surveys${route.path}`, ...(route.payload ? { payload: route.payload } : {}) });
      expect(res.statusCode, `${route.method} ${route.path}`).toBe(route.writes ? 403 : 200);
    }
    const row = (await t.ctx.db.execute(sql`select name, status, archived_at from surveys where id = ${survey.id}`)).rows[0];
    expect(row).toEqual({ name: survey.name, status: 'active', archived_at: null });
  });

  it('lets API tokens read with surveys:read and change with surveys:write, and nothing else', async () => {
    const tenant = await makeTenant(t.ctx);
    const { survey } = await makeSurvey(t.ctx, tenant.id, { launched: true });
    const url = `/api/v1/tenants/${tenant.id}/surveys`;
    const reader = await tokenFor(tenant.id, ['surveys:read']);
    const writer = await tokenFor(tenant.id, ['surveys:read', 'surveys:write']);
    const outsider = await tokenFor(tenant.id, ['tenant:read', 'contacts:read']);

    expect((await t.app.inject({ method: 'GET', url: `${url}/${survey.id}`, headers: reader })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url, headers: reader, payload: { templateId: 'ces' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url, headers: outsider })).statusCode).toBe(403);

    const created = await t.app.inject({ method: 'POST', url, headers: writer, payload: { templateId: 'ces' } });
    expect(created.statusCode).toBe(201);
    const launched = await t.app.inject({ method: 'POST', url: `${url}/${created.json().id}/launch`, headers: writer });
    expect(launched.json()).toMatchObject({ status: 'active', currentVersion: 1 });
    const audit = await t.ctx.db.execute(sql`select actor_type, action from audit_events where target_id = ${created.json().id} order by id`);
    expect(audit.rows).toEqual([
      { actor_type: 'token', action: 'survey.created' },
      { actor_type: 'token', action: 'survey.launched' },
    ]);
  });

  it('does not find another organisation’s survey through one’s own organisation (404, nothing changed)', async () => {
    const mine = await makeTenant(t.ctx);
    const theirs = await makeTenant(t.ctx);
    const { survey } = await makeSurvey(t.ctx, theirs.id, { launched: true });
    const pm = await makeUser(t.ctx, { memberships: [{ tenantId: mine.id, role: 'project_manager' }] });
    const browser = await signIn(t, pm.email, TEST_PASSWORD);
    for (const route of surveyRoutes(survey.id).filter((r) => r.path !== '')) {
      const res = await browser.request({ method: route.method, url: `/api/v1/tenants/${mine.id}/surveys${route.path}`, ...(route.payload ? { payload: route.payload } : {}) });
      expect(res.statusCode, `${route.method} ${route.path}`).toBe(404);
    }
    expect((await browser.request({ method: 'GET', url: `/api/v1/tenants/${mine.id}/surveys` })).json().items).toEqual([]);
    const row = (await t.ctx.db.execute(sql`select name, status, archived_at from surveys where id = ${survey.id}`)).rows[0];
    expect(row).toEqual({ name: survey.name, status: 'active', archived_at: null });
  });
});

describe('concurrent launches', () => {
  it('freeze one version between them, whoever comes first', async () => {
    const tenant = await makeTenant(t.ctx);
    const pm = await makeUser(t.ctx, { memberships: [{ tenantId: tenant.id, role: 'project_manager' }] });
    const browser = await signIn(t, pm.email, TEST_PASSWORD);
    const { survey } = await makeSurvey(t.ctx, tenant.id, { templateId: null, draft: templateDefinition('would_miss_us') });
    const launch = () => browser.request({ method: 'POST', url: `/api/v1/tenants/${tenant.id}/surveys/${survey.id}/launch` });

    const first = await Promise.all([launch(), launch(), launch(), launch()]);
    expect(first.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(first.map((r) => r.json().currentVersion)).toEqual([1, 1, 1, 1]);

    const draft = templateDefinition('would_miss_us');
    draft.thankYou.en = 'Thanks a lot!';
    await browser.request({ method: 'PUT', url: `/api/v1/tenants/${tenant.id}/surveys/${survey.id}`, payload: { draft } });
    const second = await Promise.all([launch(), launch(), launch(), launch()]);
    expect(second.map((r) => r.json().currentVersion)).toEqual([2, 2, 2, 2]);
    const versions = await t.ctx.db.execute(sql`select version from survey_versions where survey_id = ${survey.id} order by version`);
    expect(versions.rows).toEqual([{ version: 1 }, { version: 2 }]);
  });
});
