import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainTenantClassifier } from '../../src/app/analytics/trainClassifier.ts';
import { STARTER_TAXONOMY } from '../../src/domain/comments/index.ts';
import { commentsAnalyseJob } from '../../src/jobs/definitions/comments.ts';
import { enqueue } from '../../src/jobs/queue.ts';
import { answers, auditEvents, commentAnalyses, responses } from '../../src/store/schema/index.ts';
import { TEST_PASSWORD, makeLaunchedSurvey, makeTenant, makeUser } from '../factories/index.ts';
import { createTestApp, type Browser, type TestApp } from '../helpers/app.ts';
import { drainJobs, queuedJobs } from '../helpers/jobs.ts';

/**
 * Issue 6, the learning half of comment analytics: a tenant's own topic
 * lexicon (GET/PUT/reset), analysts' corrections of single comments, and the
 * classifier learnt from them — each checked through the API, the job queue
 * and the stored analyses.
 */

let t: TestApp;

interface Tenant {
  id: string;
  surveyId: string;
  versionId: string;
  manager: Browser;
  analyst: Browser;
  viewer: Browser;
}

let logins = 0;

/** Signs in on first use, each from its own address: the login route allows 20 a minute per address. */
function lazyBrowser(email: string): Browser {
  let session: Promise<Browser> | null = null;
  const open = () =>
    (session ??= (async () => {
      logins += 1;
      const remoteAddress = `10.66.${Math.floor(logins / 250)}.${logins % 250}`;
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD }, remoteAddress });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
      const cookie = `voxpop_session=${res.cookies.find((c) => c.name === 'voxpop_session')!.value}`;
      const csrfToken = res.json().csrfToken as string;
      return { cookie, csrfToken, request: (opts) => t.app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) } }) } satisfies Browser;
    })());
  return { cookie: '', csrfToken: '', request: async (opts) => (await open()).request(opts) };
}

async function makeOrg(opts: { anonymous?: boolean } = {}): Promise<Tenant> {
  const tenant = await makeTenant(t.ctx);
  const { survey, version } = await makeLaunchedSurvey(t.ctx, tenant.id, { anonymous: opts.anonymous ?? false });
  const browsers: Browser[] = [];
  for (const role of ['project_manager', 'analyst', 'client_viewer'] as const) {
    const u = await makeUser(t.ctx, { memberships: [{ tenantId: tenant.id, role }] });
    browsers.push(lazyBrowser(u.email));
  }
  return { id: tenant.id, surveyId: survey.id, versionId: version.id, manager: browsers[0]!, analyst: browsers[1]!, viewer: browsers[2]! };
}

let clock = Date.UTC(2026, 2, 10, 12);

async function addComments(o: Tenant, comments: Array<[string, number]>, anonymous = false): Promise<number[]> {
  const ids: number[] = [];
  for (const [text, score] of comments) {
    clock += 60_000;
    const [r] = await t.ctx.db
      .insert(responses)
      .values({ tenantId: o.id, surveyId: o.surveyId, surveyVersionId: o.versionId, anonymous, channel: 'web', language: 'ru', status: 'completed', test: false, attributes: {}, completedAt: new Date(clock) })
      .returning({ id: responses.id });
    await t.ctx.db.insert(answers).values({ tenantId: o.id, responseId: r!.id, questionId: 'nps', questionType: 'nps', metricKey: 'nps', score });
    const [a] = await t.ctx.db
      .insert(answers)
      .values({ tenantId: o.id, responseId: r!.id, questionId: 'comment', questionType: 'open_text', metricKey: null, text })
      .returning({ id: answers.id });
    ids.push(a!.id);
  }
  return ids;
}

async function runAnalysis(tenantId: string) {
  await enqueue(t.ctx.db, commentsAnalyseJob, { tenantId });
  await drainJobs(t);
}

const analysis = async (answerId: number) => (await t.ctx.db.select().from(commentAnalyses).where(eq(commentAnalyses.answerId, answerId)))[0]!;
const lexiconUrl = (o: Tenant) => `/api/v1/tenants/${o.id}/analytics/lexicon`;
const correctionUrl = (o: Tenant, answerId: number) => `/api/v1/tenants/${o.id}/analytics/comments/${answerId}/correction`;

/** The starter plus a "delivery" topic. */
function withDelivery(entries: Array<{ term: string; lang: 'ru' | 'en'; polarity?: 'negative' | 'positive' }>) {
  return {
    fallbackTopic: 'other',
    topics: [...STARTER_TAXONOMY.topics, { id: 'delivery', label: { ru: 'Доставка', en: 'Delivery' }, entries }],
  };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('tenant lexicon', () => {
  it('starts as the starter, is readable by every role, writable by the project manager only', async () => {
    const o = await makeOrg();
    const res = await o.viewer.request({ method: 'GET', url: lexiconUrl(o) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: STARTER_TAXONOMY.version, starter: true, updatedAt: null, reanalysis: { pending: 0, inProgress: false } });
    expect(res.json().taxonomy.topics.map((x: { id: string }) => x.id)).toEqual(STARTER_TAXONOMY.topics.map((x) => x.id));
    for (const b of [o.analyst, o.viewer]) {
      const put = await b.request({ method: 'PUT', url: lexiconUrl(o), payload: withDelivery([]) });
      expect(put.statusCode).toBe(403);
      const reset = await b.request({ method: 'POST', url: `${lexiconUrl(o)}/reset` });
      expect(reset.statusCode).toBe(403);
    }
  });

  it('refuses a bad lexicon field by field', async () => {
    const o = await makeOrg();
    const starter = STARTER_TAXONOMY.topics;
    const bad = {
      fallbackTopic: 'nothing',
      topics: [
        { ...starter[0]!, id: 'Wait Time' },
        starter[1]!,
        { ...starter[2]!, id: starter[1]!.id },
        { ...starter[3]!, entries: [{ term: '  ', lang: 'ru' }, { term: '!!!', lang: 'en' }, { term: 'решено', lang: 'ru' }, { term: 'Решено', lang: 'ru' }] },
      ],
    };
    const res = await o.manager.request({ method: 'PUT', url: lexiconUrl(o), payload: bad });
    expect(res.statusCode, res.body).toBe(400);
    const paths = (res.json().errors as Array<{ path: string }>).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['topics.0.id', 'topics.2.id', 'topics.3.entries.0.term', 'topics.3.entries.1.term', 'topics.3.entries.3.term', 'fallbackTopic']),
    );
    const tooMany = await o.manager.request({ method: 'PUT', url: lexiconUrl(o), payload: { fallbackTopic: 'other', topics: [] } });
    expect(tooMany.statusCode).toBe(400);
    const extra = await o.manager.request({ method: 'PUT', url: lexiconUrl(o), payload: { ...withDelivery([]), version: 3 } });
    expect(extra.statusCode).toBe(400);
    expect((await o.manager.request({ method: 'GET', url: lexiconUrl(o) })).json().version).toBe(STARTER_TAXONOMY.version);
  });

  it('a new term re-analyses the tenant’s comments in the background; a reset takes it back', async () => {
    const o = await makeOrg();
    const other = await makeOrg();
    const [late, rude] = await addComments(o, [['Курьер опоздал на встречу с клиентом', 3], ['Оператор нагрубил', 1]]);
    const [foreign] = await addComments(other, [['Курьер опоздал на встречу с клиентом', 3]]);
    await runAnalysis(o.id);
    await runAnalysis(other.id);
    expect((await analysis(late!)).topics).toEqual(['other']);

    const put = await o.manager.request({ method: 'PUT', url: lexiconUrl(o), payload: withDelivery([{ term: 'курьер*', lang: 'ru' }, { term: 'courier*', lang: 'en' }]) });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ version: STARTER_TAXONOMY.version + 1, starter: false, reanalysis: { pending: 2, inProgress: true } });
    expect(put.json().taxonomy.topics.at(-1)).toMatchObject({ id: 'delivery', entries: [{ term: 'курьер*', lang: 'ru' }, { term: 'courier*', lang: 'en' }] });
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, o.id), eq(auditEvents.action, 'comments.lexicon_saved')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ version: STARTER_TAXONOMY.version + 1 });
    // The save asked for an analysis run of this tenant; the job redoes the stale analyses.
    expect((await queuedJobs(t.ctx)).some((j) => j.task === 'comments.analyse' && j.payload.data.tenantId === o.id)).toBe(true);
    await drainJobs(t);

    expect(await analysis(late!)).toMatchObject({ topics: ['delivery'], taxonomyVersion: STARTER_TAXONOMY.version + 1 });
    expect((await analysis(rude!)).topics).toEqual(['staff_attitude']);
    expect((await analysis(foreign!)).topics).toEqual(['other']);
    const after = await o.analyst.request({ method: 'GET', url: lexiconUrl(o) });
    expect(after.json()).toMatchObject({ version: STARTER_TAXONOMY.version + 1, reanalysis: { pending: 0, inProgress: false } });
    const topics = await o.viewer.request({ method: 'GET', url: `/api/v1/tenants/${o.id}/analytics/topics` });
    expect(topics.json().topics.find((x: { topic: string }) => x.topic === 'delivery').label).toEqual({ ru: 'Доставка', en: 'Delivery' });

    const reset = await o.manager.request({ method: 'POST', url: `${lexiconUrl(o)}/reset` });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ version: STARTER_TAXONOMY.version + 2, starter: true });
    await drainJobs(t);
    expect(await analysis(late!)).toMatchObject({ topics: ['other'], taxonomyVersion: STARTER_TAXONOMY.version + 2 });
  });
});

describe('corrections', () => {
  it('override the engine at once, survive re-analysis, and can be undone', async () => {
    const o = await makeOrg();
    const [id] = await addComments(o, [['Долго ждал, но оператор всё решил', 4]]);
    await runAnalysis(o.id);
    const before = await analysis(id!);
    expect(before.topics).toEqual(expect.arrayContaining(['wait_time', 'resolution']));

    const res = await o.analyst.request({ method: 'PUT', url: correctionUrl(o, id!), payload: { topics: ['resolution', 'resolution'], sentiment: 'positive' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: String(id), topics: ['resolution'], corrected: true, sentiment: { label: 'positive', disagreement: false } });
    expect(await analysis(id!)).toMatchObject({ topics: ['resolution'], finalLabel: 'positive' });
    const listed = await o.viewer.request({ method: 'GET', url: `/api/v1/tenants/${o.id}/analytics/comments?topic=resolution` });
    expect(listed.json().items).toEqual([expect.objectContaining({ id: String(id), corrected: true, topics: ['resolution'] })]);

    // A new lexicon version re-analyses everything; the correction stays.
    await o.manager.request({ method: 'PUT', url: lexiconUrl(o), payload: withDelivery([{ term: 'оператор', lang: 'ru' }]) });
    await drainJobs(t);
    expect(await analysis(id!)).toMatchObject({ topics: ['resolution'], finalLabel: 'positive', taxonomyVersion: STARTER_TAXONOMY.version + 1 });
    // So does an edit of the answer picked up by the change scan.
    await t.ctx.db.update(responses).set({ updatedAt: new Date(Date.now() + 1000) }).where(eq(responses.id, before.responseId));
    await runAnalysis(o.id);
    expect((await analysis(id!)).topics).toEqual(['resolution']);

    const undo = await o.analyst.request({ method: 'DELETE', url: correctionUrl(o, id!) });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json().corrected).toBe(false);
    expect(undo.json().topics).toEqual(expect.arrayContaining(['wait_time', 'resolution', 'delivery']));
    const again = await o.analyst.request({ method: 'DELETE', url: correctionUrl(o, id!) });
    expect(again.statusCode).toBe(200);
  });

  it('are for analysts and managers; refuse unknown topics and unknown comments', async () => {
    const o = await makeOrg();
    const other = await makeOrg();
    const [id] = await addComments(o, [['Оператор нагрубил', 1]]);
    const [foreign] = await addComments(other, [['Оператор нагрубил', 1]]);
    await runAnalysis(o.id);
    await runAnalysis(other.id);
    const body = { topics: ['staff_attitude'], sentiment: 'negative' };
    expect((await o.viewer.request({ method: 'PUT', url: correctionUrl(o, id!), payload: body })).statusCode).toBe(403);
    expect((await o.viewer.request({ method: 'DELETE', url: correctionUrl(o, id!) })).statusCode).toBe(403);
    expect((await o.manager.request({ method: 'PUT', url: correctionUrl(o, id!), payload: body })).statusCode).toBe(200);
    const unknown = await o.analyst.request({ method: 'PUT', url: correctionUrl(o, id!), payload: { topics: ['nope'], sentiment: 'negative' } });
    expect(unknown.statusCode).toBe(400);
    const badLabel = await o.analyst.request({ method: 'PUT', url: correctionUrl(o, id!), payload: { topics: [], sentiment: 'angry' } });
    expect(badLabel.statusCode).toBe(400);
    // Another tenant's comment id through this tenant: not found, and untouched.
    expect((await o.analyst.request({ method: 'PUT', url: correctionUrl(o, foreign!), payload: body })).statusCode).toBe(404);
    expect((await o.analyst.request({ method: 'PUT', url: correctionUrl(o, 999_999_999), payload: body })).statusCode).toBe(404);
    const rows = await t.ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from comment_corrections where answer_id = ${foreign!}`);
    expect(rows.rows[0]!.n).toBe(0);
  });

  it('work on anonymous surveys’ comments too, once the explorer shows them', async () => {
    const o = await makeOrg({ anonymous: true });
    const ids = await addComments(o, [['Долго ждал', 3], ['Ждал ответа час', 4]], true);
    await runAnalysis(o.id);
    const hidden = await o.analyst.request({ method: 'PUT', url: correctionUrl(o, ids[0]!), payload: { topics: ['wait_time'], sentiment: 'negative' } });
    expect(hidden.statusCode).toBe(404);
    await addComments(o, Array.from({ length: 4 }, () => ['Ждал долго', 5] as [string, number]), true);
    await runAnalysis(o.id);
    const res = await o.analyst.request({ method: 'PUT', url: correctionUrl(o, ids[0]!), payload: { topics: ['wait_time', 'staff_attitude'], sentiment: 'negative' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ responseId: null, contactId: null, corrected: true, topics: ['wait_time', 'staff_attitude'] });
  });
});

describe('the tenant’s classifier', () => {
  it('is retrained at most once a minute after corrections, and teaches the engine a topic the lexicon has no word for', async () => {
    const o = await makeOrg();
    await o.manager.request({ method: 'PUT', url: lexiconUrl(o), payload: withDelivery([]) });
    const taught = await addComments(o, [
      ['Курьер опоздал на два часа', 2], ['Курьер привёз не тот заказ', 3], ['Курьера ждали весь день', 2], ['Курьер приехал вовремя, молодец', 10], ['Курьер перепутал адрес', 4],
      ['Оператор нагрубил', 1], ['Тариф дорогой', 5], ['Приложение зависает', 3], ['Всё понятно объяснили', 9], ['Вопрос решили быстро', 10],
    ]);
    const [unseen] = await addComments(o, [['Курьер снова задержался', 3]]);
    await runAnalysis(o.id);
    expect((await analysis(unseen!)).topics).toEqual(['other']);

    const labels: Array<[string[], string]> = [
      [['delivery'], 'negative'], [['delivery'], 'negative'], [['delivery', 'wait_time'], 'negative'], [['delivery'], 'positive'], [['delivery'], 'negative'],
      [['staff_attitude'], 'negative'], [['price'], 'negative'], [['technical_problems'], 'negative'], [['information'], 'positive'], [['resolution', 'wait_time'], 'positive'],
    ];
    for (const [i, [topics, sentiment]] of labels.entries()) {
      const res = await o.analyst.request({ method: 'PUT', url: correctionUrl(o, taught[i]!), payload: { topics, sentiment } });
      expect(res.statusCode, res.body).toBe(200);
    }
    // Ten corrections, one pending training, a minute after the first.
    const training = (await queuedJobs(t.ctx)).filter((j) => j.task === 'comments.train' && j.payload.data.tenantId === o.id);
    expect(training).toHaveLength(1);
    const { rows } = await t.database.pool.query<{ delay: number }>(
      `select extract(epoch from run_at - now())::int as delay from graphile_worker._private_jobs where key = $1`, [`comments.train:${o.id}`],
    );
    expect(rows[0]!.delay).toBeGreaterThan(30);
    expect(rows[0]!.delay).toBeLessThanOrEqual(60);

    // What the job does when its minute comes.
    const first = await trainTenantClassifier(t.ctx, o.id);
    expect(first).toMatchObject({ examples: 10, changed: true, generation: 1 });
    const state = (await o.viewer.request({ method: 'GET', url: lexiconUrl(o) })).json();
    expect(state.classifier).toMatchObject({ examples: 10, activeTopics: ['delivery'], sentimentActive: false, minTopicExamples: 5 });
    expect(state.reanalysis.inProgress).toBe(true);
    await drainJobs(t);
    expect((await analysis(unseen!)).topics).toEqual(['delivery']);
    expect(await analysis(taught[5]!)).toMatchObject({ topics: ['staff_attitude'] });
    // Same corrections, same model: no new generation, nothing to redo.
    expect(await trainTenantClassifier(t.ctx, o.id)).toMatchObject({ changed: false, generation: 1 });
  });
});
