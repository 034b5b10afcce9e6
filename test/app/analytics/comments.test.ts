import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseComments } from '../../../src/app/analytics/analyseComments.ts';
import { listCommentsForExplorer, topicImpact, type CommentQuery } from '../../../src/app/analytics/comments.ts';
import type { Actor } from '../../../src/domain/access.ts';
import { STARTER_TAXONOMY, topicsOf } from '../../../src/domain/comments/index.ts';
import { compareNpsResults, npsFromScores } from '../../../src/domain/metrics/index.ts';
import { commentsAnalyseJob } from '../../../src/jobs/definitions/comments.ts';
import { enqueue } from '../../../src/jobs/queue.ts';
import { answers, commentAnalyses, responses } from '../../../src/store/schema/index.ts';
import { TEST_PASSWORD, makeLaunchedSurvey, makeTenant, makeUser } from '../../factories/index.ts';
import { createTestApp, signIn, type TestApp } from '../../helpers/app.ts';
import { drainJobs } from '../../helpers/jobs.ts';

let t: TestApp;

const analyst = (tenantId: string): Actor => ({ kind: 'user', userId: randomUUID(), label: 'analyst', installationRole: null, memberships: [{ tenantId, role: 'analyst' }] });

interface Fixture {
  tenantId: string;
  surveyId: string;
  versionId: string;
}

interface Spec {
  comment: string | null;
  score: number | null;
  test?: boolean;
  completed?: boolean;
  channel?: string;
  attributes?: Record<string, string>;
  completedAt?: Date;
}

async function makeFixture(opts: { anonymous?: boolean } = {}): Promise<Fixture> {
  const tenant = await makeTenant(t.ctx);
  const { survey, version } = await makeLaunchedSurvey(t.ctx, tenant.id, { anonymous: opts.anonymous ?? false });
  return { tenantId: tenant.id, surveyId: survey.id, versionId: version.id };
}

const MARCH = Date.UTC(2026, 2, 10, 12);

async function insert(f: Fixture, specs: Spec[], anonymous = false): Promise<Array<{ responseId: string; answerId: number | null }>> {
  const out = [];
  for (const [i, s] of specs.entries()) {
    const completedAt = s.completed === false ? null : (s.completedAt ?? new Date(MARCH + i * 60_000));
    const [r] = await t.ctx.db
      .insert(responses)
      .values({
        tenantId: f.tenantId, surveyId: f.surveyId, surveyVersionId: f.versionId, anonymous, channel: s.channel ?? 'web', language: 'ru',
        status: completedAt ? 'completed' : 'partial', test: s.test ?? false, attributes: s.attributes ?? {}, completedAt,
      })
      .returning({ id: responses.id });
    if (s.score !== null) await t.ctx.db.insert(answers).values({ tenantId: f.tenantId, responseId: r!.id, questionId: 'nps', questionType: 'nps', metricKey: 'nps', score: s.score });
    let answerId: number | null = null;
    if (s.comment !== null) {
      const [a] = await t.ctx.db
        .insert(answers)
        .values({ tenantId: f.tenantId, responseId: r!.id, questionId: 'comment', questionType: 'open_text', metricKey: null, text: s.comment })
        .returning({ id: answers.id });
      answerId = a!.id;
    }
    out.push({ responseId: r!.id, answerId });
  }
  return out;
}

async function runJob(tenantId?: string) {
  await enqueue(t.ctx.db, commentsAnalyseJob, tenantId ? { tenantId } : {});
  await drainJobs(t);
}

const analysesOf = (tenantId: string) => t.ctx.db.select().from(commentAnalyses).where(eq(commentAnalyses.tenantId, tenantId)).orderBy(commentAnalyses.answerId);

const search = async (f: Fixture, query: CommentQuery) =>
  (await listCommentsForExplorer(t.ctx, analyst(f.tenantId), f.tenantId, { ...query, limit: 200 })).items.map((i) => i.text).sort();

const SPECS: Spec[] = [
  { comment: 'Очень долго ждал ответа оператора', score: 3, attributes: { service_type: 'billing' } },
  { comment: 'Операторы не грубили, всё объяснили', score: 9, attributes: { service_type: 'billing' } },
  { comment: 'Оператор хамил и грубил', score: 1, channel: 'sms', attributes: { service_type: 'tech' } },
  { comment: 'Вопрос решён быстро, спасибо', score: 10, attributes: { service_type: 'tech' } },
  { comment: 'Слишком долгое ожидание на линии', score: 6, attributes: { service_type: 'tech' } },
  { comment: 'I waited forty minutes on hold', score: 4, channel: 'email', attributes: { service_type: 'billing' } },
  { comment: 'The agent was rude and unhelpful', score: 8, attributes: { service_type: 'billing' } },
  { comment: 'Great service, problem solved quickly', score: 2, attributes: { service_type: 'tech' } },
  { comment: null, score: 9 },
  { comment: null, score: 0 },
  { comment: 'ок', score: 7 },
  { comment: 'Тестовый ответ про долгое ожидание', score: 0, test: true },
  { comment: 'Недозаполнено: долго ждал ответа', score: null, completed: false },
];

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('comments.analyse job', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture();
    await insert(f, SPECS);
    await runJob(f.tenantId);
  });

  it('analyses completed, non-test open-text answers in Russian and English', async () => {
    const rows = await analysesOf(f.tenantId);
    const byText = new Map(rows.map((r) => [r.text, r]));
    expect(rows).toHaveLength(9);
    expect(byText.has('Тестовый ответ про долгое ожидание')).toBe(false);
    expect(byText.has('Недозаполнено: долго ждал ответа')).toBe(false);

    const waited = byText.get('Очень долго ждал ответа оператора')!;
    expect(waited).toMatchObject({ language: 'ru', topics: ['wait_time'], topicPolarity: { wait_time: 'negative' }, npsScore: 3, finalLabel: 'negative', taxonomyVersion: STARTER_TAXONOMY.version });
    expect(waited.surveyId).toBe(f.surveyId);

    // "не грубили" mentions staff attitude, as praise, not rudeness.
    const polite = byText.get('Операторы не грубили, всё объяснили')!;
    expect(polite.topics).toContain('staff_attitude');
    expect(polite.topicPolarity.staff_attitude).toBe('positive');
    expect(byText.get('Оператор хамил и грубил')!.topicPolarity.staff_attitude).toBe('negative');

    expect(byText.get('I waited forty minutes on hold')).toMatchObject({ language: 'en', topics: ['wait_time'], sentimentLabel: 'negative' });
    // A detractor writing praise: the text decides, and the disagreement is flagged.
    expect(byText.get('Great service, problem solved quickly')).toMatchObject({ npsScore: 2, finalLabel: 'positive', disagreement: true });
  });

  it('folds ё and е: the same comment both ways gets the same analysis and is found by either spelling', async () => {
    const g = await makeFixture();
    await insert(g, [{ comment: 'Вопрос решён быстро, спасибо', score: 10 }, { comment: 'Вопрос решен быстро, спасибо', score: 10 }]);
    await runJob(g.tenantId);
    const [a, b] = await analysesOf(g.tenantId);
    expect(a!.topics).toEqual(b!.topics);
    expect(a!.topicPolarity).toEqual(b!.topicPolarity);
    expect(await search(g, { q: 'решён' })).toHaveLength(2);
    expect(await search(g, { q: 'решен' })).toHaveLength(2);
  });

  it('is idempotent: running again (with or without the watermark) changes nothing', async () => {
    const before = await analysesOf(f.tenantId);
    await runJob(f.tenantId);
    await runJob();
    expect(await analysesOf(f.tenantId)).toEqual(before);
    // Even from scratch: the same rows, untouched (analysed_at kept, because nothing they depend on changed).
    await t.ctx.db.execute(sql`delete from comment_watermarks where tenant_id = ${f.tenantId}`);
    const summary = await analyseComments(t.ctx, { tenantId: f.tenantId, batchSize: 3 });
    expect(summary.scanned).toBe(11);
    expect(summary.written).toBe(0);
    expect(await analysesOf(f.tenantId)).toEqual(before);
  });

  it('follows changes: an edited comment is re-analysed, a response turned into a test loses its analysis', async () => {
    const g = await makeFixture();
    const [one, two] = await insert(g, [{ comment: 'Очень долго ждал ответа', score: 3 }, { comment: 'Оператор хамил', score: 2 }]);
    await runJob(g.tenantId);
    expect(await analysesOf(g.tenantId)).toHaveLength(2);
    const later = new Date(Date.now() + 1000);
    await t.ctx.db.update(answers).set({ text: 'Operator was rude' }).where(eq(answers.id, one!.answerId!));
    await t.ctx.db.update(responses).set({ updatedAt: later }).where(eq(responses.id, one!.responseId));
    await t.ctx.db.update(responses).set({ test: true, updatedAt: later }).where(eq(responses.id, two!.responseId));
    await runJob(g.tenantId);
    const rows = await analysesOf(g.tenantId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ text: 'Operator was rude', language: 'en', topics: ['staff_attitude'] });
  });

  it('follows the response: the explorer’s dimension, channel and period filters see its new attributes after the job re-runs', async () => {
    const g = await makeFixture();
    const [one] = await insert(g, [
      { comment: 'Очень долго ждал ответа', score: 3, channel: 'web', attributes: { service_type: 'billing' } },
      { comment: 'Оператор хамил', score: 2, channel: 'web', attributes: { service_type: 'tech' } },
    ]);
    await runJob(g.tenantId);
    const ids = async (query: CommentQuery) => (await listCommentsForExplorer(t.ctx, analyst(g.tenantId), g.tenantId, { ...query, limit: 200 })).items.map((i) => i.answerId);
    expect(await ids({ dimension: 'service_type', value: 'billing' })).toEqual([one!.answerId]);
    expect(await ids({ dimension: 'service_type', value: 'tech', q: 'ждал' })).toEqual([]);
    const [before] = (await analysesOf(g.tenantId)).filter((r) => r.answerId === one!.answerId);
    expect(before).toMatchObject({ attributes: { service_type: 'billing' }, channel: 'web', completedAt: new Date(MARCH) });

    // The response moves to another service, channel and day; its comment's text does not change.
    const movedAt = new Date(Date.UTC(2026, 3, 2, 9));
    await t.ctx.db
      .update(responses)
      .set({ attributes: { service_type: 'tech' }, channel: 'sms', completedAt: movedAt, updatedAt: new Date(Date.now() + 1000) })
      .where(eq(responses.id, one!.responseId));
    const summary = await analyseComments(t.ctx, { tenantId: g.tenantId });
    expect(summary.written).toBe(1);

    expect(await ids({ dimension: 'service_type', value: 'billing' })).toEqual([]);
    expect(await ids({ dimension: 'service_type', value: 'tech', q: 'ждал' })).toEqual([one!.answerId]);
    expect(await ids({ dimension: 'channel', value: 'sms' })).toEqual([one!.answerId]);
    expect(await ids({ from: '2026-04-01', to: '2026-04-30' })).toEqual([one!.answerId]);
    expect(await ids({ from: '2026-03-01', to: '2026-03-31' })).toHaveLength(1);
    const [shown] = (await listCommentsForExplorer(t.ctx, analyst(g.tenantId), g.tenantId, { limit: 1 })).items;
    expect(shown).toMatchObject({ answerId: one!.answerId, attributes: { service_type: 'tech' }, channel: 'sms', completedAt: movedAt });
    const [after] = (await analysesOf(g.tenantId)).filter((r) => r.answerId === one!.answerId);
    expect(after).toMatchObject({ text: before!.text, topics: before!.topics, attributes: { service_type: 'tech' }, channel: 'sms', completedAt: movedAt });
    // Nothing changed since: the next run leaves the rows alone.
    expect((await analyseComments(t.ctx, { tenantId: g.tenantId })).written).toBe(0);
  });

  it('fills a row written without the response’s columns from its response', async () => {
    const g = await makeFixture();
    const [one] = await insert(g, [{ comment: 'Долго ждал', score: 3, channel: 'voice', attributes: { region: 'north' } }]);
    await t.ctx.db.insert(commentAnalyses).values({
      answerId: one!.answerId!, tenantId: g.tenantId, surveyId: g.surveyId, responseId: one!.responseId, language: 'ru', text: 'Долго ждал', topics: ['wait_time'],
      topicPolarity: {}, npsScore: 3, sentimentScore: -0.5, sentimentLabel: 'negative', finalLabel: 'negative', disagreement: false, taxonomyVersion: 1,
    });
    expect((await analysesOf(g.tenantId))[0]).toMatchObject({ completedAt: new Date(MARCH), attributes: { region: 'north' }, channel: 'voice' });
  });
});

describe('comment explorer', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture();
    await insert(f, [
      ...SPECS,
      { comment: 'Ждали ответа целый час', score: 5 },
      { comment: 'Замучился ожиданием', score: 4 },
      { comment: 'Still waiting for a callback', score: 3 },
    ]);
    await runJob(f.tenantId);
  });

  it('searches each comment with its own language’s stemming', async () => {
    // Russian stems: "ожидание" finds "ожиданием" and "ожидание"; "ждал" finds "ждали".
    expect(await search(f, { q: 'ожидание' })).toEqual(['Замучился ожиданием', 'Слишком долгое ожидание на линии']);
    expect(await search(f, { q: 'ждал' })).toEqual(['Ждали ответа целый час', 'Очень долго ждал ответа оператора']);
    // English stems: "waiting" finds "waited".
    expect(await search(f, { q: 'waiting' })).toEqual(['I waited forty minutes on hold', 'Still waiting for a callback']);
    expect(await search(f, { q: '"долго ждал" -оператора' })).toEqual([]);
    // The test response's "ожидание" is never found.
    expect(await search(f, { q: 'тестовый' })).toEqual([]);
  });

  it('finds every wait-time comment by topic, whichever words were used', async () => {
    expect(await search(f, { topic: 'wait_time', q: undefined })).toEqual(
      expect.arrayContaining(['Очень долго ждал ответа оператора', 'Слишком долгое ожидание на линии', 'I waited forty minutes on hold']),
    );
    const waits = await search(f, { topic: 'wait_time', sentiment: 'negative' });
    expect(waits).not.toContain('Вопрос решён быстро, спасибо');
    expect(waits).toContain('Очень долго ждал ответа оператора');
  });

  it('filters by score range, dimension and period', async () => {
    expect(await search(f, { scoreMin: 9, scoreMax: 10 })).toEqual(['Вопрос решён быстро, спасибо', 'Операторы не грубили, всё объяснили']);
    expect(await search(f, { dimension: 'channel', value: 'sms' })).toEqual(['Оператор хамил и грубил']);
    expect(await search(f, { dimension: 'service_type', value: 'billing', topic: 'wait_time' })).toEqual(['I waited forty minutes on hold', 'Очень долго ждал ответа оператора']);
    expect(await search(f, { from: '2026-03-11' })).toEqual([]);
    expect(await search(f, { from: '2026-03-10', to: '2026-03-10' })).toHaveLength(12);
  });

  it('pages with a cursor, newest first, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await listCommentsForExplorer(t.ctx, analyst(f.tenantId), f.tenantId, { limit: 5, cursor });
      seen.push(...page.items.map((c) => c.text));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    expect(seen[0]).toBe('Still waiting for a callback');
  });

  it('computes each topic’s NPS impact as the metrics engine does on the raw answers', async () => {
    const result = await topicImpact(t.ctx, analyst(f.tenantId), f.tenantId, {});
    // Independently: the raw answers, the engine's topics per comment, the metrics engine on scores.
    const raw = await t.ctx.db
      .select({ responseId: responses.id, status: responses.status, test: responses.test, metricKey: answers.metricKey, score: answers.score, type: answers.questionType, text: answers.text })
      .from(answers)
      .innerJoin(responses, eq(responses.id, answers.responseId))
      .where(eq(responses.tenantId, f.tenantId));
    const counted = raw.filter((r) => r.status === 'completed' && !r.test);
    const scoreOf = new Map(counted.filter((r) => r.metricKey === 'nps' && r.score !== null).map((r) => [r.responseId, r.score!]));
    const topicsOfResponse = new Map<string, Set<string>>();
    for (const r of counted.filter((x) => x.type === 'open_text' && x.text)) {
      topicsOfResponse.set(r.responseId, new Set(topicsOf(r.text!, STARTER_TAXONOMY).map((x) => x.topic)));
    }
    expect(result.total.n).toBe(scoreOf.size);
    const expectedTopics = new Set([...scoreOf.keys()].flatMap((id) => [...(topicsOfResponse.get(id) ?? [])]));
    expect(result.topics.map((x) => x.topic).sort()).toEqual([...expectedTopics].sort());
    for (const topic of expectedTopics) {
      const mentioning = [...scoreOf].filter(([id]) => topicsOfResponse.get(id)?.has(topic)).map(([, s]) => s);
      const rest = [...scoreOf].filter(([id]) => !topicsOfResponse.get(id)?.has(topic)).map(([, s]) => s);
      const options = { smallSampleThreshold: t.ctx.config.metrics.smallSampleMin };
      const m = npsFromScores(mentioning, options);
      const r = npsFromScores(rest, options);
      const got = result.topics.find((x) => x.topic === topic)!;
      expect(got.mentioning.n).toBe(mentioning.length);
      expect(got.mentioning.estimate).toBeCloseTo(m.estimate!, 10);
      expect(got.mentioning.interval).toEqual(m.interval);
      expect(got.rest.n).toBe(rest.length);
      expect(got.rest.estimate).toBeCloseTo(r.estimate!, 10);
      expect(got.impact.difference).toBeCloseTo(compareNpsResults(m, r).difference!, 10);
    }
    const wait = result.topics.find((x) => x.topic === 'wait_time')!;
    expect(wait.mentioning.n).toBeGreaterThanOrEqual(5);
  });

  it('anonymous surveys: no response or contact id, days not times, nothing below five answers', async () => {
    const g = await makeFixture({ anonymous: true });
    const few = [
      { comment: 'Долго ждал', score: 3, attributes: { department: 'legal' } },
      { comment: 'Ждал ответа час', score: 4, attributes: { department: 'sales' } },
    ];
    await insert(g, few, true);
    await runJob(g.tenantId);
    const hidden = await listCommentsForExplorer(t.ctx, analyst(g.tenantId), g.tenantId, { limit: 50 });
    expect(hidden.items).toEqual([]);
    expect(hidden.anonymousWithheld).toBe(2);
    await insert(g, Array.from({ length: 4 }, () => ({ comment: 'Ждал долго', score: 5, attributes: { department: 'sales' } })), true);
    await runJob(g.tenantId);
    const shown = await listCommentsForExplorer(t.ctx, analyst(g.tenantId), g.tenantId, { limit: 50 });
    expect(shown.items).toHaveLength(6);
    for (const item of shown.items) {
      expect(item.responseId).toBeNull();
      expect(item.contactId).toBeNull();
      expect(item.completedAt.getUTCHours() + item.completedAt.getUTCMinutes()).toBe(0);
    }
    const legal = shown.items.find((i) => i.text === 'Долго ждал')!;
    expect(legal.attributes).toEqual({});
    expect(legal.withheldAttributes).toEqual(['department']);
    expect(shown.items.find((i) => i.text === 'Ждал ответа час')!.attributes).toEqual({ department: 'sales' });
  });

  it('rejects half a dimension, bad dates and a foreign cursor', async () => {
    const a = analyst(f.tenantId);
    await expect(listCommentsForExplorer(t.ctx, a, f.tenantId, { limit: 5, dimension: 'channel' })).rejects.toMatchObject({ code: 'validation' });
    await expect(listCommentsForExplorer(t.ctx, a, f.tenantId, { limit: 5, from: '10.03.2026' })).rejects.toMatchObject({ code: 'validation' });
    await expect(listCommentsForExplorer(t.ctx, a, f.tenantId, { limit: 5, cursor: 'bm9wZQ' })).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('over HTTP, between tenants', () => {
  it('shows each tenant only its own comments and topics, and refuses other tenants', async () => {
    const a = await makeFixture();
    const b = await makeFixture();
    await insert(a, [{ comment: 'Alpha: waited too long', score: 2 }]);
    const [bRow] = await insert(b, [{ comment: 'Бравo: долго ждал ответа', score: 2 }]);
    await runJob();
    const user = await makeUser(t.ctx, { memberships: [{ tenantId: a.tenantId, role: 'client_viewer' }] });
    const browser = await signIn(t, user.email, TEST_PASSWORD);

    const own = await browser.request({ method: 'GET', url: `/api/v1/tenants/${a.tenantId}/analytics/comments?q=wait` });
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((i: { text: string }) => i.text)).toEqual(['Alpha: waited too long']);
    expect(own.json().items[0]).toMatchObject({ language: 'en', topics: ['wait_time'], sentiment: { label: 'negative' } });
    expect(own.body).not.toContain(b.tenantId);
    expect(own.body).not.toContain(bRow!.responseId);

    const topics = await browser.request({ method: 'GET', url: `/api/v1/tenants/${a.tenantId}/analytics/topics` });
    expect(topics.statusCode).toBe(200);
    expect(topics.json().total.n).toBe(1);
    expect(topics.json().topics.map((x: { topic: string }) => x.topic)).toEqual(['wait_time']);

    for (const url of [`/api/v1/tenants/${b.tenantId}/analytics/comments`, `/api/v1/tenants/${b.tenantId}/analytics/topics`]) {
      const res = await browser.request({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
    }
    // A survey of B named in A's query is not found either.
    const foreign = await browser.request({ method: 'GET', url: `/api/v1/tenants/${a.tenantId}/analytics/comments?surveyId=${b.surveyId}` });
    expect(foreign.statusCode).toBe(404);
    const cursor = Buffer.from(String(bRow!.answerId)).toString('base64url');
    const badCursor = await browser.request({ method: 'GET', url: `/api/v1/tenants/${a.tenantId}/analytics/comments?cursor=${cursor}` });
    expect(badCursor.statusCode).toBe(400);
    const unknown = await browser.request({ method: 'GET', url: `/api/v1/tenants/${a.tenantId}/analytics/comments?nope=1` });
    expect(unknown.statusCode).toBe(400);
  });
});
