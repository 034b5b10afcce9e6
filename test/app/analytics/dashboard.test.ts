import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npsBreakdown } from '../../../src/app/analytics/breakdown.ts';
import { employeeRanking } from '../../../src/app/analytics/employeeRanking.ts';
import { npsHeadline } from '../../../src/app/analytics/headline.ts';
import { metricsOverview } from '../../../src/app/analytics/metricsOverview.ts';
import { npsTrend } from '../../../src/app/analytics/trend.ts';
import type { Actor } from '../../../src/domain/access.ts';
import type { Granularity } from '../../../src/domain/analytics/buckets.ts';
import { npsFromScores } from '../../../src/domain/metrics/index.ts';
import { analyticsRollupJob } from '../../../src/jobs/definitions/analytics.ts';
import { enqueue } from '../../../src/jobs/queue.ts';
import { answers, responses, tenants } from '../../../src/store/schema/index.ts';
import { insertScoredResponses, type ScoredResponse } from '../../factories/analytics.ts';
import { makeLaunchedSurvey, makeTenant } from '../../factories/index.ts';
import { createTestApp, type TestApp } from '../../helpers/app.ts';
import { drainJobs } from '../../helpers/jobs.ts';
import { seededRandom as prng } from '../../../bench/lib/contactsCsv.ts';

let t: TestApp;

const DAY_MS = 86_400_000;
const SERVICES = ['billing', 'tech', 'sales', 'returns'];
const CHANNELS = ['web', 'sms', 'email'];

interface Fixture {
  tenantId: string;
  timezone: string;
  surveys: Array<{ surveyId: string; versionId: string }>;
}

const analyst = (tenantId: string): Actor => ({ kind: 'user', userId: randomUUID(), label: 'analyst', installationRole: null, memberships: [{ tenantId, role: 'analyst' }] });

async function makeFixture(timezone: string, opts: { anonymous?: boolean } = {}): Promise<Fixture> {
  const tenant = await makeTenant(t.ctx);
  await t.ctx.db.update(tenants).set({ timezone }).where(eq(tenants.id, tenant.id));
  const surveys = [];
  for (let i = 0; i < 2; i++) {
    const made = await makeLaunchedSurvey(t.ctx, tenant.id, { name: `Survey ${i}`, ...(opts.anonymous !== undefined ? { anonymous: opts.anonymous } : {}) });
    surveys.push({ surveyId: made.survey.id, versionId: made.version.id });
  }
  return { tenantId: tenant.id, timezone, surveys };
}

/** Answers from 20 February to 10 April 2026: two month boundaries and several week boundaries. */
function generate(f: Fixture, seed: number, count: number): ScoredResponse[] {
  const rnd = prng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const start = Date.UTC(2026, 1, 20);
  return Array.from({ length: count }, () => {
    const survey = pick(f.surveys);
    return {
      ...survey,
      completedAt: new Date(start + Math.floor(rnd() * 50 * DAY_MS)),
      score: Math.floor(rnd() * 11),
      channel: pick(CHANNELS),
      attributes: { service_type: pick(SERVICES), employee: `e${Math.floor(rnd() * 5)}`, department: pick(['front', 'back']) },
    };
  });
}

async function runRollupJob() {
  await enqueue(t.ctx.db, analyticsRollupJob, {});
  await drainJobs(t);
}

const localDate = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** Bucket keys computed here, independently of the SQL and of domain/analytics/buckets.ts. */
function bucketKey(day: string, granularity: Granularity): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  if (granularity === 'day') return day;
  if (granularity === 'month') return day.slice(0, 8) + '01';
  if (granularity === 'quarter') return `${y}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
  if (granularity === 'year') return `${y}-01-01`;
  const d = new Date(`${day}T00:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS);
  return monday.toISOString().slice(0, 10);
}

interface RawAnswer {
  day: string;
  score: number;
  surveyId: string;
  channel: string;
  attributes: Record<string, string>;
}

async function rawAnswers(f: Fixture, from: string, to: string): Promise<RawAnswer[]> {
  const rows = await t.ctx.db
    .select({ score: answers.score, completedAt: responses.completedAt, status: responses.status, test: responses.test, surveyId: responses.surveyId, channel: responses.channel, attributes: responses.attributes })
    .from(answers)
    .innerJoin(responses, eq(responses.id, answers.responseId))
    .where(eq(responses.tenantId, f.tenantId));
  return rows
    .filter((r) => r.status === 'completed' && !r.test && r.score !== null && r.completedAt)
    .map((r) => ({ day: localDate(r.completedAt!, f.timezone), score: r.score!, surveyId: r.surveyId, channel: r.channel, attributes: r.attributes }))
    .filter((r) => r.day >= from && r.day <= to);
}

const valueOf = (r: RawAnswer, dimension: string) => (dimension === 'channel' ? r.channel : r.attributes[dimension]);
const engine = (scores: number[]) => npsFromScores(scores, { smallSampleThreshold: t.ctx.config.metrics.smallSampleMin });

let moscow: Fixture;
let newYork: Fixture;

beforeAll(async () => {
  t = await createTestApp();
  moscow = await makeFixture('Europe/Moscow');
  newYork = await makeFixture('America/New_York');
  await insertScoredResponses(t.ctx, moscow.tenantId, generate(moscow, 11, 600));
  await insertScoredResponses(t.ctx, newYork.tenantId, generate(newYork, 12, 500));
  for (const f of [moscow, newYork]) {
    const s = f.surveys[0]!;
    // 22:30 UTC on Sunday 8 March is Monday 9 March in Moscow, still Sunday in New York (UTC−4 after the DST change that day).
    // 22:30 UTC on 31 March is 1 April in Moscow; 02:00 UTC on 1 April is 31 March in New York.
    await insertScoredResponses(t.ctx, f.tenantId, [
      { ...s, completedAt: new Date('2026-03-08T22:30:00Z'), score: 10, attributes: { employee: 'edge-week' } },
      { ...s, completedAt: new Date('2026-03-31T22:30:00Z'), score: 0, attributes: { employee: 'edge-month' } },
      { ...s, completedAt: new Date('2026-04-01T02:00:00Z'), score: 5, attributes: { employee: 'edge-month-ny' } },
    ]);
  }
  await runRollupJob();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('NPS trend', () => {
  it('gives every bucket the metrics engine on the raw answers of its local days', async () => {
    const cases: Array<{ from: string; to: string; granularity: Granularity; surveyId?: number; dimension?: string; value?: string }> = [
      { from: '2026-02-20', to: '2026-04-10', granularity: 'week' },
      { from: '2026-02-20', to: '2026-04-10', granularity: 'month' },
      { from: '2026-03-01', to: '2026-03-20', granularity: 'day' },
      { from: '2026-02-01', to: '2026-04-30', granularity: 'quarter' },
      { from: '2026-01-01', to: '2026-12-31', granularity: 'year' },
      { from: '2026-03-04', to: '2026-03-25', granularity: 'week', surveyId: 1 },
      { from: '2026-02-20', to: '2026-04-10', granularity: 'month', dimension: 'service_type', value: 'tech' },
      { from: '2026-02-20', to: '2026-04-10', granularity: 'week', dimension: 'channel', value: 'sms' },
    ];
    for (const f of [moscow, newYork]) {
      for (const c of cases) {
        const surveyId = c.surveyId === undefined ? undefined : f.surveys[c.surveyId]!.surveyId;
        const trend = await npsTrend(t.ctx, analyst(f.tenantId), f.tenantId, { from: c.from, to: c.to, granularity: c.granularity, surveyId, dimension: c.dimension, value: c.value });
        const raw = (await rawAnswers(f, c.from, c.to)).filter((r) => (!surveyId || r.surveyId === surveyId) && (!c.dimension || valueOf(r, c.dimension) === c.value));
        const keys = [...new Set(raw.map((r) => bucketKey(r.day, c.granularity)))];
        for (const key of keys) expect(trend.points.map((p) => p.start)).toContain(key);
        for (const point of trend.points) {
          const expected = engine(raw.filter((r) => bucketKey(r.day, c.granularity) === point.start).map((r) => r.score));
          expect({ start: point.start, n: point.n, nps: point.nps, interval: point.interval, shares: point.shares, counts: point.counts }).toEqual({
            start: point.start,
            n: expected.n,
            nps: expected.estimate,
            interval: expected.interval,
            shares: expected.shares,
            counts: expected.counts,
          });
        }
        expect(trend.total.n).toBe(raw.length);
        expect(trend.distribution.map((b) => b.count)).toEqual(Array.from({ length: 11 }, (_, s) => raw.filter((r) => r.score === s).length));
      }
    }
  });

  it('buckets by the tenant zone at a week boundary and a month boundary', async () => {
    const points = async (f: Fixture, employee: string, granularity: Granularity) =>
      (await npsTrend(t.ctx, analyst(f.tenantId), f.tenantId, { from: '2026-03-01', to: '2026-04-30', granularity, dimension: 'employee', value: employee })).points
        .filter((p) => p.n > 0)
        .map((p) => [p.start, p.n]);
    // Weeks start on Monday: 2026-03-02 and 2026-03-09.
    expect(await points(moscow, 'edge-week', 'week')).toEqual([['2026-03-09', 1]]);
    expect(await points(newYork, 'edge-week', 'week')).toEqual([['2026-03-02', 1]]);
    expect(await points(moscow, 'edge-month', 'month')).toEqual([['2026-04-01', 1]]);
    expect(await points(newYork, 'edge-month', 'month')).toEqual([['2026-03-01', 1]]);
    expect(await points(newYork, 'edge-month-ny', 'month')).toEqual([['2026-03-01', 1]]);
    expect(await points(moscow, 'edge-month-ny', 'month')).toEqual([['2026-04-01', 1]]);
  });

  it('lists empty buckets and clips the ends to the period', async () => {
    const trend = await npsTrend(t.ctx, analyst(moscow.tenantId), moscow.tenantId, { from: '2026-01-15', to: '2026-03-10', granularity: 'month' });
    expect(trend.points.map((p) => [p.start, p.period, p.partial])).toEqual([
      ['2026-01-01', { from: '2026-01-15', to: '2026-01-31' }, true],
      ['2026-02-01', { from: '2026-02-01', to: '2026-02-28' }, false],
      ['2026-03-01', { from: '2026-03-01', to: '2026-03-10' }, true],
    ]);
    expect(trend.points[0]).toMatchObject({ n: 0, nps: null, interval: null, shares: null });
  });
});

describe('NPS breakdown', () => {
  it('gives each value the engine on its raw answers, sorted, small groups flagged and unranked', async () => {
    for (const f of [moscow, newYork]) {
      for (const dimension of ['service_type', 'channel', 'employee', 'department']) {
        const b = await npsBreakdown(t.ctx, analyst(f.tenantId), f.tenantId, { from: '2026-03-01', to: '2026-03-31', dimension });
        const raw = await rawAnswers(f, '2026-03-01', '2026-03-31');
        const values = [...new Set(raw.map((r) => valueOf(r, dimension)).filter((v): v is string => v !== undefined))].sort();
        expect(b.groups.map((g) => g.value).sort()).toEqual(values);
        for (const g of b.groups) {
          const expected = engine(raw.filter((r) => valueOf(r, dimension) === g.value).map((r) => r.score));
          expect({ n: g.n, nps: g.nps, interval: g.interval, counts: g.counts }).toEqual({ n: expected.n, nps: expected.estimate, interval: expected.interval, counts: expected.counts });
          expect(g.small).toBe(g.n < t.ctx.config.metrics.smallSampleMin);
          if (g.small) expect(g.rank).toBeNull();
          else expect(g.rank).toBeGreaterThan(0);
        }
        const ranked = b.groups.filter((g) => !g.small);
        expect(b.groups.slice(0, ranked.length)).toEqual(ranked);
        for (let i = 1; i < ranked.length; i++) {
          expect(ranked[i]!.nps!).toBeLessThanOrEqual(ranked[i - 1]!.nps!);
          expect(ranked[i]!.rank!).toBeGreaterThanOrEqual(ranked[i - 1]!.rank!);
        }
        expect(b.withheldGroups).toBe(0);
      }
    }
    const employees = await npsBreakdown(t.ctx, analyst(moscow.tenantId), moscow.tenantId, { from: '2026-03-01', to: '2026-04-30', dimension: 'employee' });
    expect(employees.groups.find((g) => g.value === 'edge-week')).toMatchObject({ n: 1, small: true, rank: null });
    expect(employees.groups.filter((g) => !g.small).map((g) => g.rank)).toEqual(employees.groups.filter((g) => !g.small).map((_, i) => i + 1));
  });

  it('withholds small groups of an anonymous survey entirely', async () => {
    const f = await makeFixture('Europe/Moscow', { anonymous: true });
    const s = f.surveys[0]!;
    const at = new Date('2026-03-10T10:00:00Z');
    await insertScoredResponses(t.ctx, f.tenantId, [
      ...Array.from({ length: 3 }, (_, i) => ({ ...s, anonymous: true, completedAt: at, score: i, attributes: { department: 'legal' } })),
      ...Array.from({ length: 12 }, (_, i) => ({ ...s, anonymous: true, completedAt: at, score: i % 11, attributes: { department: 'ops' } })),
    ]);
    await runRollupJob();
    const b = await npsBreakdown(t.ctx, analyst(f.tenantId), f.tenantId, { from: '2026-03-01', to: '2026-03-31', dimension: 'department' });
    expect(b.groups.map((g) => [g.value, g.n, g.small, g.rank])).toEqual([['ops', 12, true, null]]);
    expect(b.withheldGroups).toBe(1);
    // Filtering to the small value does not reveal it either: headline, trend and metrics show no answers, and say why.
    const period = { from: '2026-03-01', to: '2026-03-31' };
    const legal = { ...period, dimension: 'department', value: 'legal' };
    const headline = await npsHeadline(t.ctx, analyst(f.tenantId), f.tenantId, legal);
    expect([headline.withheld, headline.current.n, headline.current.nps]).toEqual([true, 0, null]);
    const trend = await npsTrend(t.ctx, analyst(f.tenantId), f.tenantId, { ...legal, granularity: 'day' });
    expect([trend.withheld, trend.total.n, trend.points.every((p) => p.n === 0)]).toEqual([true, 0, true]);
    expect((await metricsOverview(t.ctx, analyst(f.tenantId), f.tenantId, legal)).metrics).toEqual([]);
    const ops = await npsHeadline(t.ctx, analyst(f.tenantId), f.tenantId, { ...period, dimension: 'department', value: 'ops' });
    expect([ops.withheld, ops.current.n]).toEqual([false, 12]);
    expect((await npsHeadline(t.ctx, analyst(f.tenantId), f.tenantId, period)).current.n).toBe(15);
  });

  it('shows a tenant only to its members and refuses bad periods', async () => {
    const outsider = analyst(newYork.tenantId);
    await expect(npsBreakdown(t.ctx, outsider, moscow.tenantId, { from: '2026-03-01', to: '2026-03-31', dimension: 'employee' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(npsTrend(t.ctx, outsider, moscow.tenantId, { from: '2026-03-01', to: '2026-03-31', granularity: 'day' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(employeeRanking(t.ctx, outsider, moscow.tenantId, { from: '2026-03-01', to: '2026-03-31', method: 'lower_bound' })).rejects.toMatchObject({ code: 'not_found' });
    const actor = analyst(moscow.tenantId);
    await expect(npsTrend(t.ctx, actor, moscow.tenantId, { from: '2026-03-31', to: '2026-03-01', granularity: 'day' })).rejects.toMatchObject({ code: 'validation' });
    await expect(npsTrend(t.ctx, actor, moscow.tenantId, { from: '2020-01-01', to: '2026-03-01', granularity: 'day' })).rejects.toMatchObject({ code: 'validation' });
    await expect(npsTrend(t.ctx, actor, moscow.tenantId, { from: '2026-03-01', to: '2026-03-02', granularity: 'day', dimension: 'channel' })).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('employee ranking', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture('Europe/Moscow');
    const s = f.surveys[0]!;
    const at = (i: number) => new Date(Date.UTC(2026, 2, 1 + (i % 28), 9));
    const answersOf = (employee: string, scores: number[], department = 'front') => scores.map((score, i) => ({ ...s, completedAt: at(i), score, attributes: { employee, department } }));
    const repeat = (score: number, times: number) => Array.from({ length: times }, () => score);
    await insertScoredResponses(t.ctx, f.tenantId, [
      // 3 perfect answers: NPS 100, by luck as much as anything.
      ...answersOf('lucky', [10, 10, 10]),
      // 200 answers at NPS 60: 140 promoters, 40 passives, 20 detractors.
      ...answersOf('steady', [...repeat(10, 140), ...repeat(8, 40), ...repeat(3, 20)]),
      ...answersOf('a', [...repeat(9, 25), ...repeat(7, 15), ...repeat(2, 20)]),
      ...answersOf('b', [...repeat(9, 20), ...repeat(7, 20), ...repeat(2, 20)]),
      ...answersOf('c', [...repeat(9, 30), ...repeat(7, 10), ...repeat(2, 20)]),
      // Another department, and an employee whose answers mostly name the first one.
      ...answersOf('d', [...repeat(9, 30), ...repeat(2, 10)], 'back'),
      ...answersOf('a', [9], 'back'),
    ]);
    await runRollupJob();
  });

  it('does not let three perfect answers outrank two hundred at NPS 60 (empirical Bayes)', async () => {
    const r = await employeeRanking(t.ctx, analyst(f.tenantId), f.tenantId, { from: '2026-03-01', to: '2026-03-31', method: 'empirical_bayes' });
    expect(r.method).toBe('empirical_bayes');
    const by = Object.fromEntries(r.employees.map((e) => [e.employee, e]));
    expect(by.lucky).toMatchObject({ n: 3, nps: 100, small: true, department: 'front' });
    expect(by.steady).toMatchObject({ n: 200, nps: 60, department: 'front' });
    // Three answers are below the small-sample minimum: listed, scored, not ranked (and listed after the ranked).
    expect(by.lucky!.rank).toBeNull();
    expect(r.employees.at(-1)!.employee).toBe('lucky');
    expect(by.steady!.rank).toBe(1);
    expect(by.lucky!.shrunkNps!).toBeLessThan(by.steady!.shrunkNps!);
    // Shrunk toward the department: between the department's NPS and the employee's own.
    expect(by.lucky!.prior.group).toBe('front');
    expect(by.lucky!.shrunkNps!).toBeGreaterThan(by.lucky!.prior.nps);
    expect(by.lucky!.shrunkNps!).toBeLessThan(100);
    expect(by.a!.department).toBe('front');
    // 'back' has one employee with answers of its own there… plus 'a' is mapped to front: too few to be a prior.
    expect(by.d!.prior.group).toBeNull();
    const ranks = r.employees.filter((e) => e.rank !== null).map((e) => e.rank!);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
  });

  it('ranks by the interval lower bound when asked', async () => {
    const r = await employeeRanking(t.ctx, analyst(f.tenantId), f.tenantId, { from: '2026-03-01', to: '2026-03-31', method: 'lower_bound' });
    expect(r.method).toBe('lower_bound');
    const by = Object.fromEntries(r.employees.map((e) => [e.employee, e]));
    expect(by.steady!.score).toBe(by.steady!.interval!.lower);
    expect(by.steady!.rank).toBe(1);
    expect(by.lucky!.rank).toBeNull();
  });
});
