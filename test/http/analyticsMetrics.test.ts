import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CES_SCALE,
  CLI_SCALE,
  CSAT_SCALE,
  cesFromScores,
  compareMeans,
  compareNps,
  compareShares,
  csatFromScores,
  enpsFromScores,
  fcrFromAnswers,
  meanFromValues,
  npsCountsFromScores,
  npsFromScores,
  sufficientStatsFromValues,
} from '../../src/domain/metrics/index.ts';
import { analyticsRollupJob } from '../../src/jobs/definitions/analytics.ts';
import { enqueue } from '../../src/jobs/queue.ts';
import { insertMultiScoredResponses, type MultiScoredResponse } from '../factories/analytics.ts';
import { TEST_PASSWORD, makeLaunchedSurvey, makeTenant, makeUser } from '../factories/index.ts';
import { createTestApp, signIn, type Browser, type TestApp } from '../helpers/app.ts';
import { drainJobs } from '../helpers/jobs.ts';

let t: TestApp;
let tenantId: string;
let viewer: Browser;
let otherViewer: Browser;
let narrowToken: string;
let current: MultiScoredResponse[];
let previous: MultiScoredResponse[];
const options = { smallSampleThreshold: 30 };

beforeAll(async () => {
  t = await createTestApp();
  tenantId = (await makeTenant(t.ctx)).id;
  const other = await makeTenant(t.ctx);
  const { survey, version } = await makeLaunchedSurvey(t.ctx, tenantId);
  const base = { surveyId: survey.id, versionId: version.id };
  current = Array.from({ length: 90 }, (_, i) => {
    const scores: Record<string, number> = { nps: i % 11, ces: 1 + ((i * 5) % 7), fcr: i % 4 === 0 ? 0 : 1, 'cli.recommend': (i * 7) % 11 };
    if (i % 3 === 0) scores.enps = (i * 3) % 11;
    if (i % 2 === 0) scores.csat = 1 + (i % 5);
    if (i < 20) scores.store_quality = (i % 6) + 2;
    if (i < 5) scores.wide_scale = 40 + i;
    return { ...base, completedAt: new Date(Date.UTC(2026, 2, 1 + (i % 31), 9)), channel: i % 2 ? 'sms' : 'web', scores };
  });
  previous = Array.from({ length: 60 }, (_, i) => ({
    ...base,
    completedAt: new Date(Date.UTC(2026, 1, 1 + (i % 28), 9)),
    channel: i % 2 ? 'sms' : 'web',
    scores: { nps: (i * 2) % 11, csat: 1 + ((i + 2) % 5), ces: (i % 7) + 1, fcr: i % 3 === 0 ? 0 : 1, 'cli.recommend': i % 11 },
  }));
  await insertMultiScoredResponses(t.ctx, tenantId, [...current, ...previous]);
  await enqueue(t.ctx.db, analyticsRollupJob, {});
  await drainJobs(t);
  const pm = await makeUser(t.ctx, { memberships: [{ tenantId, role: 'project_manager' }] });
  const u = await makeUser(t.ctx, { memberships: [{ tenantId, role: 'client_viewer' }] });
  const o = await makeUser(t.ctx, { memberships: [{ tenantId: other.id, role: 'client_viewer' }] });
  viewer = await signIn(t, u.email, TEST_PASSWORD);
  otherViewer = await signIn(t, o.email, TEST_PASSWORD);
  const manager = await signIn(t, pm.email, TEST_PASSWORD);
  const token = await manager.request({ method: 'POST', url: `/api/v1/tenants/${tenantId}/api-tokens`, payload: { name: 'settings only', scopes: ['tenant:read'] } });
  expect(token.statusCode, token.body).toBe(201);
  narrowToken = token.json().secret;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const url = (query: string) => `/api/v1/tenants/${tenantId}/analytics/metrics?${query}`;
const MARCH = 'from=2026-03-01&to=2026-03-31';
const scoresOf = (rows: MultiScoredResponse[], key: string) => rows.flatMap((r) => (r.scores[key] === undefined ? [] : [r.scores[key]!]));
const pick = (r: { estimate: number | null; interval: unknown; n: number; smallSample: boolean }) => ({ value: r.estimate, interval: r.interval, n: r.n, smallSample: r.smallSample });
const pickChange = (d: { difference: number | null; interval: unknown; pValue: number | null; significant: boolean }) => ({ difference: d.difference, interval: d.interval, pValue: d.pValue, significant: d.significant });

describe('GET /analytics/metrics', () => {
  it('gives every metric key with the engine’s figures on the raw scores', async () => {
    const res = await viewer.request({ method: 'GET', url: url(MARCH) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.previousPeriod).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(body.metrics.map((m: { metricKey: string }) => m.metricKey)).toEqual(['nps', 'enps', 'csat', 'ces', 'fcr', 'cli.recommend', 'store_quality']);
    expect(body.unsupported).toEqual([{ metricKey: 'wide_scale', reason: 'scale_unknown' }]);
    const byKey = Object.fromEntries(body.metrics.map((m: { metricKey: string }) => [m.metricKey, m]));

    const nps = npsFromScores(scoresOf(current, 'nps'), options);
    expect(byKey.nps.current).toMatchObject(pick(nps));
    expect(byKey.nps.previous).toMatchObject(pick(npsFromScores(scoresOf(previous, 'nps'), options)));
    expect(byKey.nps.change).toMatchObject(pickChange(compareNps(npsCountsFromScores(scoresOf(current, 'nps')), npsCountsFromScores(scoresOf(previous, 'nps')), options)));

    const enps = enpsFromScores(scoresOf(current, 'enps'), options);
    expect(byKey.enps.current).toMatchObject({ ...pick(enps), measure: 'enps' });
    expect(byKey.enps.previous.n).toBe(0);
    expect(byKey.enps.change.difference).toBeNull();

    const csatNow = csatFromScores(scoresOf(current, 'csat'), options);
    const csatThen = csatFromScores(scoresOf(previous, 'csat'), options);
    expect(byKey.csat).toMatchObject({ kind: 'share', scale: CSAT_SCALE });
    expect(byKey.csat.current).toMatchObject({ ...pick(csatNow.topTwoBox), measure: 'csat_top2_box' });
    expect(byKey.csat.alongside).toMatchObject({ ...pick(csatNow.mean), measure: 'csat_mean' });
    expect(byKey.csat.change).toMatchObject({
      ...pickChange(compareShares({ successes: csatNow.topTwoBox.successes, n: csatNow.topTwoBox.n }, { successes: csatThen.topTwoBox.successes, n: csatThen.topTwoBox.n }, options)),
      method: 'two_proportion_z',
    });

    const cesNow = scoresOf(current, 'ces');
    const cesThen = scoresOf(previous, 'ces');
    expect(byKey.ces.current).toMatchObject({ ...pick(cesFromScores(cesNow, options).mean), measure: 'ces_mean' });
    expect(byKey.ces.alongside).toMatchObject(pick(cesFromScores(cesNow, options).easyShare));
    expect(byKey.ces.change).toMatchObject({
      ...pickChange(compareMeans(sufficientStatsFromValues(cesNow, CES_SCALE), sufficientStatsFromValues(cesThen, CES_SCALE), CES_SCALE, options)),
      method: 'welch_t',
    });

    const fcrNow = fcrFromAnswers(scoresOf(current, 'fcr').map((s) => s === 1), options);
    const fcrThen = fcrFromAnswers(scoresOf(previous, 'fcr').map((s) => s === 1), options);
    expect(byKey.fcr.current).toMatchObject({ ...pick(fcrNow), measure: 'fcr', unit: 'share' });
    expect(byKey.fcr.change).toMatchObject(pickChange(compareShares({ successes: fcrNow.successes, n: fcrNow.n }, { successes: fcrThen.successes, n: fcrThen.n }, options)));

    const cliNow = scoresOf(current, 'cli.recommend');
    expect(byKey['cli.recommend'].current).toMatchObject({ ...pick(meanFromValues(cliNow, CLI_SCALE, options)), measure: 'cli' });
    expect(byKey['cli.recommend'].change).toMatchObject(
      pickChange(compareMeans(sufficientStatsFromValues(cliNow, CLI_SCALE), sufficientStatsFromValues(scoresOf(previous, 'cli.recommend'), CLI_SCALE), CLI_SCALE, options)),
    );

    const own = meanFromValues(scoresOf(current, 'store_quality'), { min: 0, max: 10 }, options);
    expect(byKey.store_quality.current).toMatchObject({ ...pick(own), measure: 'mean' });
    expect(byKey.store_quality.current.smallSample).toBe(true);
  });

  it('filters by a dimension value and a survey', async () => {
    const res = await viewer.request({ method: 'GET', url: url(`${MARCH}&dimension=channel&value=sms`) });
    expect(res.statusCode, res.body).toBe(200);
    const sms = current.filter((r) => r.channel === 'sms');
    const nps = res.json().metrics.find((m: { metricKey: string }) => m.metricKey === 'nps');
    expect(nps.current).toMatchObject(pick(npsFromScores(scoresOf(sms, 'nps'), options)));
    const none = await viewer.request({ method: 'GET', url: url(`${MARCH}&surveyId=00000000-0000-4000-8000-000000000000`) });
    expect(none.statusCode).toBe(200);
    expect(none.json().metrics).toEqual([]);
  });

  it('refuses other organisations, tokens without responses:read and bad queries', async () => {
    expect((await otherViewer.request({ method: 'GET', url: url(MARCH) })).statusCode).toBe(404);
    const narrow = await t.app.inject({ method: 'GET', url: url(MARCH), headers: { authorization: `Bearer ${narrowToken}` } });
    expect(narrow.statusCode, narrow.body).toBe(403);
    for (const q of ['from=2026-03-01', `${MARCH}&dimension=channel`, 'from=2026-03-31&to=2026-03-01', `${MARCH}&extra=1`]) {
      expect((await viewer.request({ method: 'GET', url: url(q) })).statusCode, q).toBe(400);
    }
  });
});
