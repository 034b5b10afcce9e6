import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npsFromScores } from '../../src/domain/metrics/index.ts';
import { analyticsRollupJob } from '../../src/jobs/definitions/analytics.ts';
import { enqueue } from '../../src/jobs/queue.ts';
import { auditEvents } from '../../src/store/schema/index.ts';
import { insertScoredResponses } from '../factories/analytics.ts';
import { TEST_PASSWORD, makeLaunchedSurvey, makeTenant, makeUser } from '../factories/index.ts';
import { createTestApp, signIn, type Browser, type TestApp } from '../helpers/app.ts';
import { drainJobs } from '../helpers/jobs.ts';

let t: TestApp;
let tenantId: string;
let manager: Browser;
let viewer: Browser;
let otherManager: Browser;
const scoresByRegion: Record<string, number[]> = { north: [], south: [], east: [], central: [] };

beforeAll(async () => {
  t = await createTestApp();
  tenantId = (await makeTenant(t.ctx)).id;
  const other = await makeTenant(t.ctx);
  const { survey, version } = await makeLaunchedSurvey(t.ctx, tenantId);
  // Over-samples north: 60 answers, south 25, east 15, and 4 from a region the scheme does not list.
  const plan: Array<[string, number, (i: number) => number]> = [
    ['north', 60, (i) => (i * 7) % 11],
    ['south', 25, (i) => 10 - (i % 5)],
    ['east', 15, (i) => i % 8],
    ['central', 4, () => 10],
  ];
  const specs = plan.flatMap(([region, n, score]) =>
    Array.from({ length: n }, (_, i) => {
      scoresByRegion[region]!.push(score(i));
      return { surveyId: survey.id, versionId: version.id, completedAt: new Date(Date.UTC(2026, 2, 1 + (i % 28), 9)), score: score(i), attributes: { region } };
    }),
  );
  await insertScoredResponses(t.ctx, tenantId, specs);
  await enqueue(t.ctx.db, analyticsRollupJob, {});
  await drainJobs(t);
  const pm = await makeUser(t.ctx, { memberships: [{ tenantId, role: 'project_manager' }] });
  const u = await makeUser(t.ctx, { memberships: [{ tenantId, role: 'analyst' }] });
  const o = await makeUser(t.ctx, { memberships: [{ tenantId: other.id, role: 'project_manager' }] });
  manager = await signIn(t, pm.email, TEST_PASSWORD);
  viewer = await signIn(t, u.email, TEST_PASSWORD);
  otherManager = await signIn(t, o.email, TEST_PASSWORD);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const schemes = () => `/api/v1/tenants/${tenantId}/analytics/weighting-schemes`;
const MARCH = 'from=2026-03-01&to=2026-03-31';
const SHARES = { north: 0.3, south: 0.4, east: 0.3 };

describe('weighting schemes', () => {
  it('are created, listed, changed and removed by a project manager, read by an analyst, and audited', async () => {
    const created = await manager.request({ method: 'POST', url: schemes(), payload: { name: 'Calls by region', dimension: 'region', shares: SHARES } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ name: 'Calls by region', dimension: 'region', shares: SHARES });

    const listed = await viewer.request({ method: 'GET', url: schemes() });
    expect(listed.json().items.map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await viewer.request({ method: 'GET', url: `${schemes()}/${id}` })).json().name).toBe('Calls by region');
    expect((await viewer.request({ method: 'POST', url: schemes(), payload: { name: 'x', dimension: 'region', shares: { a: 1 } } })).statusCode).toBe(403);
    expect((await otherManager.request({ method: 'GET', url: `${schemes()}/${id}` })).statusCode).toBe(404);
    expect((await otherManager.request({ method: 'PATCH', url: `${schemes()}/${id}`, payload: { name: 'stolen' } })).statusCode).toBe(404);

    const patched = await manager.request({ method: 'PATCH', url: `${schemes()}/${id}`, payload: { shares: { north: 0.333, south: 0.333, east: 0.333 } } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().shares.north).toBe(0.333);

    const removed = await manager.request({ method: 'DELETE', url: `${schemes()}/${id}` });
    expect(removed.statusCode).toBe(204);
    expect((await viewer.request({ method: 'GET', url: `${schemes()}/${id}` })).statusCode).toBe(404);
    const actions = (await t.ctx.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.tenantId, tenantId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['weighting_scheme.created', 'weighting_scheme.updated', 'weighting_scheme.deleted']));
  });

  it('explains what is wrong with a scheme, field by field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ name: 'a', dimension: 'region', shares: { north: 0.5, south: 0.4 } }, 'shares'],
      [{ name: 'a', dimension: 'region', shares: {} }, 'shares'],
      [{ name: 'a', dimension: 'region', shares: { north: -0.5, south: 1.5 } }, 'shares.north'],
      [{ name: 'a', dimension: 'Region!', shares: { north: 1 } }, 'dimension'],
      [{ name: '', dimension: 'region', shares: { north: 1 } }, 'name'],
      [{ name: 'a', dimension: 'region', shares: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`v${i}`, 1 / 501])) }, 'shares'],
    ];
    for (const [payload, path] of cases) {
      const res = await manager.request({ method: 'POST', url: schemes(), payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' '), res.body).toContain(path);
    }
    // Rounded percentages within ±0.001 are accepted.
    expect((await manager.request({ method: 'POST', url: schemes(), payload: { name: 'rounded', dimension: 'region', shares: { north: 0.3333, south: 0.3333, east: 0.3333 } } })).statusCode).toBe(201);
    const dup = await manager.request({ method: 'POST', url: schemes(), payload: { name: 'rounded', dimension: 'region', shares: { north: 1 } } });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0].path).toBe('name');
  });
});

describe('GET /analytics/weighted', () => {
  it('post-stratifies NPS to the scheme’s shares, with Kish’s effective n', async () => {
    const scheme = (await manager.request({ method: 'POST', url: schemes(), payload: { name: 'Population', dimension: 'region', shares: SHARES } })).json();
    const res = await viewer.request({ method: 'GET', url: `/api/v1/tenants/${tenantId}/analytics/weighted?${MARCH}&schemeId=${scheme.id}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();

    // By hand: weighted NPS = Σ P_h · NPS_h; w_h = P_h · n / n_h; n_eff = (Σ n_h w_h)² / Σ n_h w_h².
    const regions = ['north', 'south', 'east'] as const;
    const n = regions.reduce((s, r) => s + scoresByRegion[r]!.length, 0);
    const npsOf = (scores: number[]) => (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
    const expected = regions.reduce((s, r) => s + SHARES[r] * npsOf(scoresByRegion[r]!), 0);
    const weight = (r: (typeof regions)[number]) => (SHARES[r] * n) / scoresByRegion[r]!.length;
    const sumW = regions.reduce((s, r) => s + scoresByRegion[r]!.length * weight(r), 0);
    const sumW2 = regions.reduce((s, r) => s + scoresByRegion[r]!.length * weight(r) ** 2, 0);
    expect(body.weighted.nps).toBeCloseTo(expected, 9);
    expect(body.weighted.effectiveN).toBeCloseTo((sumW * sumW) / sumW2, 9);
    expect(body.effectiveN).toBe(body.weighted.effectiveN);
    expect(body.weighted.n).toBe(n);
    expect(body.weighted.interval.lower).toBeLessThan(body.weighted.nps);

    // Unweighted: every answer with a region, the unlisted one included.
    const all = Object.values(scoresByRegion).flat();
    expect(body.unweighted).toMatchObject({ n: all.length, nps: npsFromScores(all).estimate });
    expect(body.missingStrata).toEqual([]);
    expect(body.unlistedStrata).toEqual(['central']);

    const north = body.strata.find((s: { value: string }) => s.value === 'north');
    expect(north).toMatchObject({ populationShare: 0.3, sampleN: 60, sampleShare: 0.6 });
    expect(north.weight).toBeCloseTo(0.5, 12);
    expect(north.nps.nps).toBeCloseTo(npsOf(scoresByRegion.north!), 9);
    expect(body.strata.find((s: { value: string }) => s.value === 'central')).toMatchObject({ populationShare: null, sampleN: 4, sampleShare: null, weight: 0 });
  });

  it('reports strata without answers instead of renormalising them away', async () => {
    const scheme = (
      await manager.request({ method: 'POST', url: schemes(), payload: { name: 'With west', dimension: 'region', shares: { north: 0.3, south: 0.3, east: 0.3, west: 0.1 } } })
    ).json();
    const res = await viewer.request({ method: 'GET', url: `/api/v1/tenants/${tenantId}/analytics/weighted?${MARCH}&schemeId=${scheme.id}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ weighted: null, effectiveN: null, missingStrata: ['west'] });
    expect(res.json().strata.find((s: { value: string }) => s.value === 'west')).toMatchObject({ sampleN: 0, weight: null, populationShare: 0.1 });
    expect(res.json().unweighted.n).toBe(104);
  });

  it('answers 404 for an unknown or foreign scheme', async () => {
    const res = await viewer.request({ method: 'GET', url: `/api/v1/tenants/${tenantId}/analytics/weighted?${MARCH}&schemeId=00000000-0000-4000-8000-000000000000` });
    expect(res.statusCode).toBe(404);
  });
});
