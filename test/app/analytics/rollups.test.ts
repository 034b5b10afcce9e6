import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npsHeadline, type NpsHeadlineFilter } from '../../../src/app/analytics/headline.ts';
import { ROLLUP_OVERLAP_MS } from '../../../src/app/analytics/refreshRollups.ts';
import type { Actor } from '../../../src/domain/access.ts';
import { previousPeriod, type DatePeriod } from '../../../src/domain/analytics/period.ts';
import { compareNpsResults, npsFromScores } from '../../../src/domain/metrics/index.ts';
import { analyticsRollupJob, requestRollup } from '../../../src/jobs/definitions/analytics.ts';
import { enqueue } from '../../../src/jobs/queue.ts';
import { answers, metricRollups, responses, rollupWatermarks, tenants } from '../../../src/store/schema/index.ts';
import { makeLaunchedSurvey, makeTenant } from '../../factories/index.ts';
import { createTestApp, type TestApp } from '../../helpers/app.ts';
import { drainJobs } from '../../helpers/jobs.ts';
import { seededRandom as prng } from '../../../bench/lib/contactsCsv.ts';

let t: TestApp;

const CHANNELS = ['web', 'sms', 'email', 'voice'];
const SERVICES = ['billing', 'tech', 'sales', 'returns'];
const EMPLOYEES = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];
const DEPARTMENTS = ['front', 'back'];
const REGIONS = ['north', 'south'];
const MARCH_START_MS = Date.UTC(2026, 2, 1);
const DAY_MS = 86_400_000;

interface Fixture {
  tenantId: string;
  timezone: string;
  surveyIds: string[];
  versionIds: string[];
}

const analyst = (tenantId: string): Actor => ({ kind: 'user', userId: randomUUID(), label: 'analyst', installationRole: null, memberships: [{ tenantId, role: 'analyst' }] });

async function makeFixture(timezone: string, surveys = 2): Promise<Fixture> {
  const tenant = await makeTenant(t.ctx);
  await t.ctx.db.update(tenants).set({ timezone }).where(eq(tenants.id, tenant.id));
  const made = [];
  for (let i = 0; i < surveys; i++) made.push(await makeLaunchedSurvey(t.ctx, tenant.id, { name: `Survey ${i}` }));
  return { tenantId: tenant.id, timezone, surveyIds: made.map((m) => m.survey.id), versionIds: made.map((m) => m.version.id) };
}

interface ResponseSpec {
  survey: number;
  completedAt: Date | null;
  score: number | null;
  channel: string;
  attributes: Record<string, string>;
  test?: boolean;
  comment?: string;
  updatedAt?: Date;
}

async function insertResponses(f: Fixture, specs: ResponseSpec[]): Promise<string[]> {
  const rows = await t.ctx.db
    .insert(responses)
    .values(
      specs.map((s) => ({
        tenantId: f.tenantId,
        surveyId: f.surveyIds[s.survey]!,
        surveyVersionId: f.versionIds[s.survey]!,
        anonymous: false,
        channel: s.channel,
        language: 'ru',
        status: s.completedAt ? 'completed' : 'partial',
        test: s.test ?? false,
        attributes: s.attributes,
        startedAt: new Date((s.completedAt ?? new Date(MARCH_START_MS)).getTime() - 60_000),
        updatedAt: s.updatedAt ?? s.completedAt ?? new Date(MARCH_START_MS),
        completedAt: s.completedAt,
      })),
    )
    .returning({ id: responses.id });
  const answerRows = rows.flatMap((row, i) => {
    const s = specs[i]!;
    const out: Array<typeof answers.$inferInsert> = [];
    if (s.score !== null) out.push({ tenantId: f.tenantId, responseId: row.id, questionId: 'nps', questionType: 'nps', metricKey: 'nps', score: s.score });
    if (s.comment) out.push({ tenantId: f.tenantId, responseId: row.id, questionId: 'low_score_reason', questionType: 'open_text', metricKey: null, text: s.comment });
    return out;
  });
  if (answerRows.length > 0) await t.ctx.db.insert(answers).values(answerRows);
  return rows.map((r) => r.id);
}

/** A few hundred responses over March 2026 across channels, services, employees; some test and some partial. */
function generate(seed: number, count: number, surveys: number): ResponseSpec[] {
  const rnd = prng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: count }, () => {
    const completedAt = new Date(MARCH_START_MS + Math.floor(rnd() * 31 * DAY_MS));
    const kind = rnd();
    const score = Math.floor(rnd() * 11);
    return {
      survey: Math.floor(rnd() * surveys),
      completedAt: kind < 0.1 ? null : completedAt,
      score: rnd() < 0.05 ? null : score,
      channel: pick(CHANNELS),
      attributes: { service_type: pick(SERVICES), employee: pick(EMPLOYEES), department: pick(DEPARTMENTS), region: pick(REGIONS) },
      test: kind >= 0.1 && kind < 0.2,
      comment: score <= 6 ? 'долго ждал' : undefined,
    };
  });
}

async function runRollupJob(tenantId?: string) {
  await enqueue(t.ctx.db, analyticsRollupJob, tenantId ? { tenantId } : {});
  await drainJobs(t);
}

const localDate = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** The metrics engine on the raw answers, filtered and bucketed here, independently of the rollup SQL. */
async function rawNps(f: Fixture, filter: NpsHeadlineFilter, period: DatePeriod) {
  const rows = await t.ctx.db
    .select({ score: answers.score, completedAt: responses.completedAt, status: responses.status, test: responses.test, surveyId: responses.surveyId, channel: responses.channel, attributes: responses.attributes, metricKey: answers.metricKey })
    .from(answers)
    .innerJoin(responses, eq(responses.id, answers.responseId))
    .where(eq(responses.tenantId, f.tenantId));
  const scores = rows
    .filter((r) => r.status === 'completed' && !r.test && r.metricKey === 'nps' && r.score !== null && r.completedAt)
    .filter((r) => !filter.surveyId || r.surveyId === filter.surveyId)
    .filter((r) => {
      if (!filter.dimension) return true;
      const value = filter.dimension === 'channel' ? r.channel : r.attributes[filter.dimension];
      return value === filter.value;
    })
    .filter((r) => {
      const day = localDate(r.completedAt!, f.timezone);
      return day >= period.from && day <= period.to;
    })
    .map((r) => r.score!);
  return npsFromScores(scores, { smallSampleThreshold: t.ctx.config.metrics.smallSampleMin });
}

async function expectHeadlineMatchesRaw(f: Fixture, filter: NpsHeadlineFilter) {
  const headline = await npsHeadline(t.ctx, analyst(f.tenantId), f.tenantId, filter);
  const period = { from: filter.from, to: filter.to };
  const current = await rawNps(f, filter, period);
  const previous = await rawNps(f, filter, previousPeriod(period));
  expect(headline.current.result).toEqual(current);
  expect(headline.previous.result).toEqual(previous);
  const test = compareNpsResults(current, previous);
  expect(headline.change).toEqual({ difference: test.difference, interval: test.interval, pValue: test.pValue, significant: test.significant });
  expect(headline.current.nps).toBe(current.estimate);
  expect(headline.current.shares).toEqual(current.shares);
  expect(headline.current.smallSample).toBe(current.smallSample);
  return headline;
}

function filtersFor(f: Fixture): NpsHeadlineFilter[] {
  const month = { from: '2026-03-01', to: '2026-03-31' };
  const half = { from: '2026-03-16', to: '2026-03-31' };
  const week = { from: '2026-03-09', to: '2026-03-15' };
  return [
    month,
    half,
    week,
    { from: '2026-03-11', to: '2026-03-11' },
    { ...month, surveyId: f.surveyIds[0] },
    { ...half, surveyId: f.surveyIds[1] },
    { ...month, dimension: 'channel', value: 'sms' },
    { ...half, dimension: 'service_type', value: 'tech' },
    { ...month, surveyId: f.surveyIds[0], dimension: 'employee', value: 'e3' },
    { ...week, dimension: 'department', value: 'back' },
    { ...month, dimension: 'region', value: 'north' },
    { ...month, dimension: 'employee', value: 'nobody' },
  ];
}

async function rollupSnapshot(tenantId: string) {
  return t.ctx.db
    .select()
    .from(metricRollups)
    .where(eq(metricRollups.tenantId, tenantId))
    .orderBy(metricRollups.surveyId, metricRollups.day, metricRollups.dimension, metricRollups.dimensionValue);
}

let moscow: Fixture;
let newYork: Fixture;

beforeAll(async () => {
  t = await createTestApp();
  // Moscow is UTC+3: 22:30 UTC is already the next local day. New York is UTC−5/−4 (DST from 8 March 2026): 02:00 UTC is still the day before.
  moscow = await makeFixture('Europe/Moscow');
  newYork = await makeFixture('America/New_York');
  await insertResponses(moscow, generate(1, 300, 2));
  await insertResponses(newYork, generate(2, 250, 2));
  const edge = { survey: 0, score: 10, channel: 'web', attributes: { employee: 'edge' } };
  await insertResponses(moscow, [{ ...edge, completedAt: new Date('2026-03-10T22:30:00Z') }]);
  await insertResponses(newYork, [{ ...edge, completedAt: new Date('2026-03-11T02:00:00Z') }]);
  await runRollupJob();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('metric rollups', () => {
  it('bucket answers by the local day of the tenant time zone', async () => {
    const edgeDays = async (f: Fixture) =>
      (await rollupSnapshot(f.tenantId)).filter((r) => r.dimension === 'employee' && r.dimensionValue === 'edge').map((r) => ({ day: r.day, n: r.n, counts: r.counts }));
    const ten = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    expect(await edgeDays(moscow)).toEqual([{ day: '2026-03-11', n: 1, counts: ten }]);
    expect(await edgeDays(newYork)).toEqual([{ day: '2026-03-10', n: 1, counts: ten }]);
  });

  it('give headline numbers equal to the metrics engine on the raw answers', async () => {
    for (const f of [moscow, newYork]) {
      for (const filter of filtersFor(f)) await expectHeadlineMatchesRaw(f, filter);
    }
    const headline = await npsHeadline(t.ctx, analyst(moscow.tenantId), moscow.tenantId, { from: '2026-03-01', to: '2026-03-31' });
    expect(headline.current.n).toBeGreaterThan(150);
    expect(headline.current.interval).not.toBeNull();
    // The previous 31 days (January 29 – February 28) hold no answers.
    expect(headline.previous.n).toBe(0);
    expect(headline.change.significant).toBe(false);
  });

  it('count no test, partial or other-tenant answers', async () => {
    const counted = async (f: Fixture) => {
      const { rows } = await t.ctx.db.execute<{ n: number }>(sql`
        select count(*)::int as n from answers a join responses r on r.id = a.response_id
         where r.tenant_id = ${f.tenantId} and r.status = 'completed' and not r.test and a.metric_key = 'nps'`);
      return rows[0]!.n;
    };
    const { rows } = await t.ctx.db.execute<{ tenant_id: string; n: number }>(
      sql`select tenant_id, sum(n)::int as n from metric_rollups where dimension = 'all' and metric_key = 'nps' group by tenant_id`,
    );
    const byTenant = Object.fromEntries(rows.map((r) => [r.tenant_id, r.n]));
    expect(byTenant[moscow.tenantId]).toBe(await counted(moscow));
    expect(byTenant[newYork.tenantId]).toBe(await counted(newYork));
    const { rows: all } = await t.ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from answers a join responses r on r.id = a.response_id where r.tenant_id = ${moscow.tenantId} and a.metric_key = 'nps'`);
    expect(all[0]!.n).toBeGreaterThan(byTenant[moscow.tenantId]!);
    // Another tenant's survey id never lets its answers into this tenant's headline.
    const foreign = await npsHeadline(t.ctx, analyst(moscow.tenantId), moscow.tenantId, { from: '2026-03-01', to: '2026-03-31', surveyId: newYork.surveyIds[0] });
    expect(foreign.current.n).toBe(0);
  });

  it('is idempotent: another run, or a rebuild from scratch, changes nothing', async () => {
    const before = await rollupSnapshot(moscow.tenantId);
    await runRollupJob();
    expect(await rollupSnapshot(moscow.tenantId)).toEqual(before);
    await t.ctx.db.delete(rollupWatermarks).where(eq(rollupWatermarks.tenantId, moscow.tenantId));
    await runRollupJob(moscow.tenantId);
    expect(await rollupSnapshot(moscow.tenantId)).toEqual(before);
  });

  it('follow edits, new answers, answers marked test and late commits on the next run', async () => {
    const newYorkBefore = await rollupSnapshot(newYork.tenantId);
    const now = new Date();
    const completed = await t.ctx.db
      .select({ id: responses.id })
      .from(responses)
      .where(sql`${responses.tenantId} = ${moscow.tenantId} and ${responses.status} = 'completed' and not ${responses.test}`)
      .orderBy(responses.id)
      .limit(20);
    const edited = completed.slice(0, 10).map((r) => r.id);
    const madeTest = completed.slice(10, 15).map((r) => r.id);
    await t.ctx.db.update(answers).set({ score: sql`10 - ${answers.score}` }).where(inArray(answers.responseId, edited));
    await t.ctx.db.update(responses).set({ updatedAt: now }).where(inArray(responses.id, edited));
    await t.ctx.db.update(responses).set({ test: true, updatedAt: now }).where(inArray(responses.id, madeTest));
    await insertResponses(moscow, generate(3, 40, 2).map((s) => ({ ...s, updatedAt: now })));
    await runRollupJob();
    for (const filter of filtersFor(moscow)) await expectHeadlineMatchesRaw(moscow, filter);

    // A transaction that commits after the run, with an updated_at older than the last change seen.
    const late = new Date(now.getTime() - ROLLUP_OVERLAP_MS / 2);
    await insertResponses(moscow, [{ survey: 1, score: 0, channel: 'sms', attributes: { employee: 'late' }, completedAt: new Date('2026-03-20T12:00:00Z'), updatedAt: late }]);
    // Asked for on demand, for this tenant only.
    await requestRollup(t.ctx.db, moscow.tenantId);
    await drainJobs(t);
    for (const filter of filtersFor(moscow)) await expectHeadlineMatchesRaw(moscow, filter);
    expect((await rollupSnapshot(moscow.tenantId)).some((r) => r.dimensionValue === 'late')).toBe(true);
    // The other tenant's rollups were not touched.
    expect(await rollupSnapshot(newYork.tenantId)).toEqual(newYorkBefore);
  });

  it('shows a tenant only to its members', async () => {
    const outsider: Actor = { kind: 'user', userId: randomUUID(), label: 'outsider', installationRole: null, memberships: [{ tenantId: newYork.tenantId, role: 'analyst' }] };
    await expect(npsHeadline(t.ctx, outsider, moscow.tenantId, { from: '2026-03-01', to: '2026-03-31' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a malformed period', async () => {
    const actor = analyst(moscow.tenantId);
    await expect(npsHeadline(t.ctx, actor, moscow.tenantId, { from: '2026-03-31', to: '2026-03-01' })).rejects.toMatchObject({ code: 'validation' });
    await expect(npsHeadline(t.ctx, actor, moscow.tenantId, { from: '2026-02-30', to: '2026-03-01' })).rejects.toMatchObject({ code: 'validation' });
    await expect(npsHeadline(t.ctx, actor, moscow.tenantId, { from: '2026-03-01', to: '2026-03-02', dimension: 'channel' })).rejects.toMatchObject({ code: 'validation' });
  });
});
