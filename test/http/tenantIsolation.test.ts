import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SCOPES } from '../../src/domain/access.ts';
import { createCampaign } from '../../src/app/campaigns/campaigns.ts';
import { createEventHook } from '../../src/app/campaigns/eventHooks.ts';
import { NO_META } from '../../src/app/context.ts';
import { ChannelPlan } from '../../src/domain/campaigns/plan.ts';
import { TEST_PASSWORD, makeContact, makeSurvey, makeTenant, makeUser } from '../factories/index.ts';
import { insertContactImport } from '../../src/store/repos/contactImports.ts';
import { addDoNotContact } from '../../src/store/repos/doNotContact.ts';
import { createTestApp, signIn, type Browser, type TestApp } from '../helpers/app.ts';
import { insertFeedbackLink } from '../../src/store/repos/feedbackLinks.ts';
import { insertWebhookDeliveries, insertWebhookEndpoint } from '../../src/store/repos/webhooks.ts';
import { answers, responses } from '../../src/store/schema/index.ts';
import { insertWeightingScheme } from '../../src/store/repos/weightingSchemes.ts';

/**
 * The tenant wall, checked over the whole route table rather than hand-picked
 * routes: every route that names a resource is called with tenant B's ids by
 * people and tokens of tenant A, and must answer 404 — never 403, never data.
 * A new route is covered the day it is added; if it needs a body to reach its
 * check, add a sample below (the test fails with 400 until then).
 */
const CAMPAIGN_BODY = {
  name: 'probe',
  surveyId: randomUUID(),
  audience: { kind: 'contacts', filter: {} },
  plan: { steps: [{ channel: 'email' }] },
};
const SAMPLE_BODIES: Record<string, unknown> = {
  'PATCH /api/v1/tenants/:tenantId/surveys/:surveyId/feedback-links/:linkId': { active: false },
  'POST /api/v1/tenants/:tenantId/api-tokens': { name: 'probe', scopes: ['tenant:read'] },
  'PUT /api/v1/users/:userId/memberships/:tenantId': { role: 'analyst' },
  'POST /api/v1/tenants/:tenantId/contact-imports/:importId/check': { mapping: { columns: { Телефон: 'phone' } } },
  'PATCH /api/v1/tenants/:tenantId/contacts/:contactId': { fullName: 'probe' },
  'POST /api/v1/tenants/:tenantId/do-not-contact': { value: '+79161234567' },
  'POST /api/v1/tenants/:tenantId/surveys': { templateId: 'transactional_nps' },
  'PUT /api/v1/tenants/:tenantId/surveys/:surveyId': { name: 'probe' },
  'PUT /api/v1/tenants/:tenantId/survey-settings': { frequencyCapDays: 90, customDimensions: [] },
  'POST /api/v1/tenants/:tenantId/webhooks': { url: 'https://crm.example/hook', events: ['response.completed'] },
  'POST /api/v1/tenants/:tenantId/campaigns': CAMPAIGN_BODY,
  'PATCH /api/v1/tenants/:tenantId/campaigns/:campaignId': { name: 'probe' },
  'POST /api/v1/tenants/:tenantId/campaigns/:campaignId/preview': { step: 0 },
  'POST /api/v1/tenants/:tenantId/campaigns/:campaignId/test-send': { step: 0, to: 'probe@example.test' },
  'POST /api/v1/tenants/:tenantId/events': { eventId: 'probe-1', type: 'service_delivered', customer: { phone: '+79161234567' } },
  'POST /api/v1/tenants/:tenantId/event-hooks': { name: 'probe' },
  'PUT /api/v1/tenants/:tenantId/analytics/outcomes': { outcomes: [{ contact: { externalId: 'probe' }, key: 'churned', value: true }] },
  'PUT /api/v1/tenants/:tenantId/analytics/lexicon': { fallbackTopic: 'other', topics: [{ id: 'other', label: { ru: 'Другое', en: 'Other' }, entries: [] }] },
  'PUT /api/v1/tenants/:tenantId/analytics/comments/:answerId/correction': { topics: [], sentiment: 'neutral' },
  'PUT /api/v1/tenants/:tenantId/campaign-settings': {
    contactHours: { from: '09:00', to: '21:00' },
    email: { fromName: null, fromAddress: null, replyTo: null },
    sms: { senderId: null },
  },
  'POST /api/v1/tenants/:tenantId/analytics/weighting-schemes': { name: 'probe', dimension: 'region', shares: { north: 1 } },
  'PATCH /api/v1/tenants/:tenantId/analytics/weighting-schemes/:schemeId': { name: 'probe' },
};
/** A query string for GET routes that need one to get past validation to their tenant check. */
const SAMPLE_QUERIES: Record<string, string> = {
  'GET /api/v1/tenants/:tenantId/analytics/headline': 'from=2026-03-01&to=2026-03-31',
  'GET /api/v1/tenants/:tenantId/analytics/trend': 'from=2026-03-01&to=2026-03-31&granularity=week',
  'GET /api/v1/tenants/:tenantId/analytics/breakdown': 'from=2026-03-01&to=2026-03-31&dimension=employee',
  'GET /api/v1/tenants/:tenantId/analytics/employees': 'from=2026-03-01&to=2026-03-31',
  'GET /api/v1/tenants/:tenantId/analytics/export.csv': `surveyId=${randomUUID()}&from=2026-03-01&to=2026-03-31`,
  'GET /api/v1/tenants/:tenantId/analytics/export.xlsx': `surveyId=${randomUUID()}&from=2026-03-01&to=2026-03-31`,
  'GET /api/v1/tenants/:tenantId/analytics/metrics': 'from=2026-03-01&to=2026-03-31',
  'GET /api/v1/tenants/:tenantId/analytics/weighted': `schemeId=${randomUUID()}&from=2026-03-01&to=2026-03-31`,
  'GET /api/v1/tenants/:tenantId/analytics/funnel': 'from=2026-03-01&to=2026-03-31',
  'GET /api/v1/tenants/:tenantId/analytics/breakdown.csv': 'from=2026-03-01&to=2026-03-31&dimension=employee',
  'GET /api/v1/tenants/:tenantId/analytics/breakdown.xlsx': 'from=2026-03-01&to=2026-03-31&dimension=employee',
  'GET /api/v1/tenants/:tenantId/analytics/employees.csv': 'from=2026-03-01&to=2026-03-31',
  'GET /api/v1/tenants/:tenantId/analytics/employees.xlsx': 'from=2026-03-01&to=2026-03-31',
  'GET /api/v1/tenants/:tenantId/analytics/outcomes': 'from=2026-03-01&to=2026-03-31&key=churned',
};
const PUBLIC_PREFIXES = ['/api/v1/setup', '/api/v1/auth/', '/api/v1/hooks/'];

let t: TestApp;
let ids: Record<string, string>;
let actorsOfA: Array<{ label: string; headers: Record<string, string> }>;
let routes: Array<{ method: string; url: string }>;

beforeAll(async () => {
  t = await createTestApp();
  const a = await makeTenant(t.ctx, { name: 'Alpha' });
  const b = await makeTenant(t.ctx, { name: 'Bravo' });
  const owner = await makeUser(t.ctx, { installationRole: 'owner' });
  const bUser = await makeUser(t.ctx, { memberships: [{ tenantId: b.id, role: 'client_viewer' }] });
  const admin = await signIn(t, owner.email, TEST_PASSWORD);
  const bToken = await admin.request({ method: 'POST', url: `/api/v1/tenants/${b.id}/api-tokens`, payload: { name: 'B crm', scopes: ['tenant:read'] } });
  const aToken = await admin.request({ method: 'POST', url: `/api/v1/tenants/${a.id}/api-tokens`, payload: { name: 'A crm', scopes: Object.keys(API_SCOPES) } });
  ids = { tenantId: b.id, userId: bUser.id, tokenId: bToken.json().token.id };
  ids.surveyId = (await makeSurvey(t.ctx, b.id, { launched: true })).survey.id;
  ids.linkId = (await insertFeedbackLink(t.ctx.db, { tenantId: b.id, surveyId: ids.surveyId, slug: 'bravoprobe01' })).id;
  ids.version = '1';
  ids.contactId = (await makeContact(t.ctx, b.id)).id;
  ids.importId = (await insertContactImport(t.ctx.db, { id: randomUUID(), tenantId: b.id, fileName: 'b.csv', format: 'csv', sizeBytes: 10, headers: ['Телефон'], createdBy: null })).id;
  const bravoDnc = await addDoNotContact(t.ctx.db, { tenantId: b.id, kind: 'phone', value: '+79161234567', reason: 'manual', createdBy: null });
  ids.kind = bravoDnc.kind;
  ids.webhookId = (await insertWebhookEndpoint(t.ctx.db, { tenantId: b.id, url: 'https://bravo.example/hook', secret: 'whsec_bravo', events: ['response.completed'] })).id;
  ids.deliveryId = (await insertWebhookDeliveries(t.ctx.db, [{ tenantId: b.id, endpointId: ids.webhookId, event: 'response.completed', eventId: 'response.completed:probe', payload: {} }]))[0]!.id;
  ids.value = bravoDnc.value;
  ids.campaignId = (
    await createCampaign(t.ctx, { kind: 'system', label: 'test' }, b.id, { ...CAMPAIGN_BODY, surveyId: ids.surveyId, audience: { kind: 'contacts', filter: {} }, plan: ChannelPlan.parse(CAMPAIGN_BODY.plan) }, NO_META)
  ).id;
  ids.schemeId = (await insertWeightingScheme(t.ctx.db, { tenantId: b.id, name: 'Bravo regions', dimension: 'region', shares: { north: 1 } }))!.id;
  // A comment of B (an open-text answer id): the comment correction routes name one.
  const bComments = await makeSurvey(t.ctx, b.id, { launched: true });
  const [bResponse] = await t.ctx.db
    .insert(responses)
    .values({ tenantId: b.id, surveyId: bComments.survey.id, surveyVersionId: bComments.version!.id, anonymous: false, channel: 'web', language: 'ru', status: 'completed', completedAt: new Date() })
    .returning({ id: responses.id });
  const [bAnswer] = await t.ctx.db
    .insert(answers)
    .values({ tenantId: b.id, responseId: bResponse!.id, questionId: 'comment', questionType: 'open_text', text: 'Bravo: долго ждал' })
    .returning({ id: answers.id });
  ids.answerId = String(bAnswer!.id);
  ids.hookId = (await createEventHook(t.ctx, { kind: 'system', label: 'test' }, b.id, 'bravo pbx', NO_META)).hook.id;

  actorsOfA = [];
  for (const role of ['project_manager', 'operator', 'analyst', 'client_viewer'] as const) {
    const u = await makeUser(t.ctx, { memberships: [{ tenantId: a.id, role }] });
    const browser: Browser = await signIn(t, u.email, TEST_PASSWORD);
    actorsOfA.push({ label: `${role} of A`, headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrfToken } });
  }
  actorsOfA.push({ label: 'API token of A (all scopes)', headers: { authorization: `Bearer ${aToken.json().secret}` } });
  routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/') && !PUBLIC_PREFIXES.some((p) => r.url.startsWith(p)));
});
afterAll(async () => t.close());

describe('tenant isolation over the route table', () => {
  it('covers a meaningful number of routes', () => {
    expect(routes.filter((r) => r.url.includes(':')).length).toBeGreaterThanOrEqual(6);
  });

  it('answers 404 to A for every route that names a resource of B', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.url.includes(':'))) {
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => {
        if (!ids[name]) throw new Error(`no tenant-B id for :${name} in ${route.url}; add one to the test`);
        return ids[name]!;
      });
      const key = `${route.method} ${route.url}`;
      for (const actor of actorsOfA) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: SAMPLE_QUERIES[key] ? `${url}?${SAMPLE_QUERIES[key]}` : url,
          headers: actor.headers,
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: (SAMPLE_BODIES[key] ?? {}) as object }),
        });
        if (res.statusCode !== 404) failures.push(`${key} as ${actor.label}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        else expect(res.json().code).toBe('not_found');
      }
    }
    expect(failures).toEqual([]);
  });

  it('never shows B’s ids in what A can list', async () => {
    for (const route of routes.filter((r) => r.method === 'GET' && !r.url.includes(':'))) {
      for (const actor of actorsOfA) {
        const res = await t.app.inject({ method: 'GET', url: route.url, headers: actor.headers });
        // Only ids are secret-ish; a parameter such as :version = '1' appears in any body.
        for (const id of Object.values(ids).filter((value) => /^[0-9a-f-]{36}$/.test(value))) expect(res.body, `${route.url} as ${actor.label}`).not.toContain(id);
      }
    }
  });
});
