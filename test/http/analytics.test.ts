import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsRollupJob } from '../../src/jobs/definitions/analytics.ts';
import { enqueue } from '../../src/jobs/queue.ts';
import { insertScoredResponses } from '../factories/analytics.ts';
import { TEST_PASSWORD, makeLaunchedSurvey, makeTenant, makeUser } from '../factories/index.ts';
import { createTestApp, signIn, type Browser, type TestApp } from '../helpers/app.ts';
import { drainJobs } from '../helpers/jobs.ts';

let t: TestApp;
let tenantId: string;
let viewer: Browser;
let otherViewer: Browser;

beforeAll(async () => {
  t = await createTestApp();
  const tenant = await makeTenant(t.ctx);
  const other = await makeTenant(t.ctx);
  tenantId = tenant.id;
  const { survey, version } = await makeLaunchedSurvey(t.ctx, tenantId);
  const at = (i: number) => new Date(Date.UTC(2026, 2, 1 + (i % 31), 9));
  await insertScoredResponses(
    t.ctx,
    tenantId,
    Array.from({ length: 120 }, (_, i) => ({
      surveyId: survey.id,
      versionId: version.id,
      completedAt: at(i),
      score: i % 11,
      channel: i % 2 ? 'sms' : 'web',
      attributes: { employee: `e${i % 4}`, department: 'front', service_type: i % 3 ? 'billing' : 'tech' },
    })),
  );
  await enqueue(t.ctx.db, analyticsRollupJob, {});
  await drainJobs(t);
  const u = await makeUser(t.ctx, { memberships: [{ tenantId, role: 'client_viewer' }] });
  const o = await makeUser(t.ctx, { memberships: [{ tenantId: other.id, role: 'client_viewer' }] });
  viewer = await signIn(t, u.email, TEST_PASSWORD);
  otherViewer = await signIn(t, o.email, TEST_PASSWORD);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const url = (path: string, query: string) => `/api/v1/tenants/${tenantId}/analytics/${path}?${query}`;
const MARCH = 'from=2026-03-01&to=2026-03-31';

describe('analytics API', () => {
  it('lets a client viewer read the headline, trend, breakdown and employee ranking', async () => {
    const headline = await viewer.request({ method: 'GET', url: url('headline', MARCH) });
    expect(headline.statusCode, headline.body).toBe(200);
    expect(headline.json().current).toMatchObject({ n: 120, period: { from: '2026-03-01', to: '2026-03-31' } });
    expect(headline.json().current.result).toBeUndefined();

    const trend = await viewer.request({ method: 'GET', url: url('trend', `${MARCH}&granularity=week&dimension=channel&value=sms`) });
    expect(trend.statusCode, trend.body).toBe(200);
    expect(trend.json().points[0]).toMatchObject({ start: '2026-02-23', partial: true });
    expect(trend.json().total.n).toBe(60);
    expect(trend.json().distribution).toHaveLength(11);

    const breakdown = await viewer.request({ method: 'GET', url: url('breakdown', `${MARCH}&dimension=service_type`) });
    expect(breakdown.statusCode, breakdown.body).toBe(200);
    expect(breakdown.json().groups.map((g: { value: string }) => g.value).sort()).toEqual(['billing', 'tech']);

    const employees = await viewer.request({ method: 'GET', url: url('employees', `${MARCH}&method=lower_bound`) });
    expect(employees.statusCode, employees.body).toBe(200);
    expect(employees.json().method).toBe('lower_bound');
    expect(employees.json().employees).toHaveLength(4);
    const defaults = await viewer.request({ method: 'GET', url: url('employees', MARCH) });
    expect(defaults.json().method).toBe('empirical_bayes');
  });

  it('answers 404 to another organisation’s member', async () => {
    for (const [path, query] of [['headline', MARCH], ['trend', MARCH], ['breakdown', `${MARCH}&dimension=employee`], ['employees', MARCH]] as const) {
      const res = await otherViewer.request({ method: 'GET', url: url(path, query) });
      expect(res.statusCode, path).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
  });

  it('validates the query', async () => {
    for (const [path, query] of [
      ['trend', `${MARCH}&granularity=hour`],
      ['trend', 'from=2026-02-30&to=2026-03-31'],
      ['trend', 'from=2026-03-01'],
      ['breakdown', `${MARCH}&dimension=Bad-Key`],
      ['employees', `${MARCH}&method=best`],
      ['headline', `${MARCH}&surveyId=nope`],
      ['headline', `${MARCH}&extra=1`],
      ['headline', `${MARCH}&dimension=channel`],
      ['trend', 'from=2026-03-31&to=2026-03-01'],
    ] as const) {
      const res = await viewer.request({ method: 'GET', url: url(path, query) });
      expect(res.statusCode, `${path}?${query}`).toBe(400);
    }
  });
});
