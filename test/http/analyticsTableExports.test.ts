import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREAKDOWN_COLUMNS, COMMENT_COLUMNS, EMPLOYEE_COLUMNS, TOPIC_COLUMNS } from '../../src/app/analytics/exportTables.ts';
import { analyticsRollupJob } from '../../src/jobs/definitions/analytics.ts';
import { enqueue } from '../../src/jobs/queue.ts';
import { answers, commentAnalyses, responses } from '../../src/store/schema/index.ts';
import { insertScoredResponses } from '../factories/analytics.ts';
import { TEST_PASSWORD, makeLaunchedSurvey, makeTenant, makeUser } from '../factories/index.ts';
import { createTestApp, signIn, type Browser, type TestApp } from '../helpers/app.ts';
import { drainJobs } from '../helpers/jobs.ts';
import { eq } from 'drizzle-orm';

let t: TestApp;
let tenantId: string;
let viewer: Browser;
let otherViewer: Browser;
let narrowToken: string;
const FORMULA = '=HYPERLINK("http://evil.example","click")';
/** More than one page of the explorer (200), so the export has to follow the cursor. */
const NAMED_COMMENTS = 230;

async function addComments(surveyId: string, count: number, label: (i: number) => 'negative' | 'neutral' | 'positive') {
  const rows = await t.ctx.db.select({ id: responses.id, score: answers.score }).from(responses).innerJoin(answers, eq(answers.responseId, responses.id)).where(eq(responses.surveyId, surveyId));
  const picked = rows.slice(0, count);
  const inserted = await t.ctx.db
    .insert(answers)
    .values(picked.map((r, i) => ({ tenantId, responseId: r.id, questionId: 'low_score_reason', questionType: 'open_text', text: i === 0 ? FORMULA : `Комментарий ${i}, "в кавычках"` })))
    .returning({ id: answers.id, responseId: answers.responseId, text: answers.text });
  await t.ctx.db.insert(commentAnalyses).values(
    inserted.map((a, i) => ({
      answerId: a.id, tenantId, surveyId, responseId: a.responseId, language: 'ru', text: a.text!, topics: i % 2 ? ['wait_time'] : ['staff', 'wait_time'],
      topicPolarity: {}, npsScore: picked[i]!.score, sentimentScore: 0, sentimentLabel: label(i), finalLabel: label(i), disagreement: i % 7 === 0, taxonomyVersion: 1,
    })),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  tenantId = (await makeTenant(t.ctx)).id;
  const other = await makeTenant(t.ctx);
  const { survey, version } = await makeLaunchedSurvey(t.ctx, tenantId);
  await insertScoredResponses(
    t.ctx,
    tenantId,
    Array.from({ length: 240 }, (_, i) => ({
      surveyId: survey.id, versionId: version.id, completedAt: new Date(Date.UTC(2026, 2, 1 + (i % 31), 9, i % 60)), score: (i * 7) % 11,
      channel: i % 2 ? 'sms' : 'web', attributes: { employee: `e${i % 6}`, department: i % 6 < 3 ? 'front' : 'back', service_type: i % 3 ? 'billing' : 'tech' },
    })),
  );
  await addComments(survey.id, NAMED_COMMENTS, (i) => (['negative', 'neutral', 'positive'] as const)[i % 3]!);
  const anon = await makeLaunchedSurvey(t.ctx, tenantId, { anonymous: true, name: 'eNPS' });
  await insertScoredResponses(
    t.ctx,
    tenantId,
    Array.from({ length: 6 }, (_, i) => ({ surveyId: anon.survey.id, versionId: anon.version.id, completedAt: new Date(Date.UTC(2026, 2, 5 + i, 14, 17)), score: 10 - i, anonymous: true })),
  );
  await addComments(anon.survey.id, 6, () => 'neutral');
  await enqueue(t.ctx.db, analyticsRollupJob, {});
  await drainJobs(t);
  const pm = await makeUser(t.ctx, { memberships: [{ tenantId, role: 'project_manager' }] });
  const u = await makeUser(t.ctx, { memberships: [{ tenantId, role: 'client_viewer' }] });
  const o = await makeUser(t.ctx, { memberships: [{ tenantId: other.id, role: 'client_viewer' }] });
  viewer = await signIn(t, u.email, TEST_PASSWORD);
  otherViewer = await signIn(t, o.email, TEST_PASSWORD);
  const manager = await signIn(t, pm.email, TEST_PASSWORD);
  narrowToken = (await manager.request({ method: 'POST', url: `/api/v1/tenants/${tenantId}/api-tokens`, payload: { name: 'narrow', scopes: ['surveys:read'] } })).json().secret;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const MARCH = 'from=2026-03-01&to=2026-03-31';
const path = (name: string, query: string) => `/api/v1/tenants/${tenantId}/analytics/${name}?${query}`;

async function json(name: string, query: string) {
  const res = await viewer.request({ method: 'GET', url: path(name, query) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The CSV as objects keyed by the stable column keys (headers are worded for people). */
async function csv(name: string, query: string, keys: readonly string[], headers: Record<string, string> = {}) {
  const res = await viewer.request({ method: 'GET', url: path(`${name}.csv`, query), headers });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/csv/);
  expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const [header, ...rows] = parse(res.rawPayload, { bom: true }) as string[][];
  expect(header).toHaveLength(keys.length);
  return { header: header!, rows: rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i]!]))) };
}

async function xlsx(name: string, query: string) {
  const res = await viewer.request({ method: 'GET', url: path(`${name}.xlsx`, query) });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/spreadsheetml/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const values: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
  return values;
}

const num = (s: string | undefined) => (s === '' || s === undefined ? null : Number(s));

describe('table exports', () => {
  it('breakdown: the same numbers as the JSON, in CSV and XLSX', async () => {
    const q = `${MARCH}&dimension=service_type`;
    const data = await json('breakdown', q);
    const { rows } = await csv('breakdown', q, BREAKDOWN_COLUMNS);
    expect(rows.map((r) => r.value)).toEqual(data.groups.map((g: { value: string }) => g.value));
    data.groups.forEach((g: { n: number; nps: number; interval: { lower: number; upper: number }; rank: number; counts: { promoters: number } }, i: number) => {
      expect(num(rows[i]!.n)).toBe(g.n);
      expect(num(rows[i]!.nps)).toBe(g.nps);
      expect(num(rows[i]!.interval_lower)).toBe(g.interval.lower);
      expect(num(rows[i]!.interval_upper)).toBe(g.interval.upper);
      expect(num(rows[i]!.promoters)).toBe(g.counts.promoters);
      expect(num(rows[i]!.rank)).toBe(g.rank);
    });
    const sheet = await xlsx('breakdown', q);
    expect(sheet).toHaveLength(data.groups.length + 1);
    expect(sheet[1]!.slice(0, 3)).toEqual([data.groups[0].value, data.groups[0].n, data.groups[0].nps]);
  });

  it('employees: the payroll file of the ranking, headers in the reader’s language', async () => {
    const q = `${MARCH}&method=lower_bound`;
    const data = await json('employees', q);
    const en = await csv('employees', q, EMPLOYEE_COLUMNS);
    expect(en.header.slice(0, 3)).toEqual(['Rank', 'Employee', 'Department']);
    expect(en.rows).toHaveLength(6);
    data.employees.forEach((e: { rank: number; employee: string; department: string; n: number; nps: number; interval: { lower: number; upper: number }; score: number; small: boolean }, i: number) => {
      const r = en.rows[i]!;
      expect([num(r.rank), r.employee, r.department, num(r.n), num(r.nps), num(r.interval_lower), num(r.interval_upper), num(r.ranking_score), r.method, r.small_sample]).toEqual([
        e.rank, e.employee, e.department, e.n, e.nps, e.interval.lower, e.interval.upper, e.score, 'lower_bound', e.small ? 'yes' : 'no',
      ]);
    });
    const ru = await csv('employees', q, EMPLOYEE_COLUMNS, { 'accept-language': 'ru-RU,ru;q=0.9' });
    expect(ru.header.slice(0, 3)).toEqual(['Место', 'Сотрудник', 'Отдел']);
    expect(ru.rows[0]!.small_sample).toMatch(/^(да|нет)$/);
    const sheet = await xlsx('employees', q);
    expect(sheet.slice(1).map((r) => r[7])).toEqual(data.employees.map((e: { score: number }) => e.score));
  });

  it('topics: the NPS impact table', async () => {
    const data = await json('topics', MARCH);
    const { rows } = await csv('topics', MARCH, TOPIC_COLUMNS);
    expect(rows.map((r) => r.topic)).toEqual(data.topics.map((x: { topic: string }) => x.topic));
    data.topics.forEach((x: { mentioning: { n: number; nps: number }; rest: { n: number }; impact: { difference: number; pValue: number } }, i: number) => {
      expect([num(rows[i]!.mentioning_n), num(rows[i]!.mentioning_nps), num(rows[i]!.rest_n), num(rows[i]!.impact), num(rows[i]!.p_value)]).toEqual([
        x.mentioning.n, x.mentioning.nps, x.rest.n, x.impact.difference, x.impact.pValue,
      ]);
    });
    expect((await xlsx('topics', MARCH)).length).toBe(data.topics.length + 1);
  });

  it('comments: every matching comment across pages, formulas neutralised, anonymous ones without response id and time', async () => {
    const items: Array<{ id: string; text: string; responseId: string | null; anonymous: boolean; completedAt: string; npsScore: number }> = [];
    let cursor: string | null = null;
    do {
      const page: { items: typeof items; nextCursor: string | null } = await json('comments', `${MARCH}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(items).toHaveLength(NAMED_COMMENTS + 6);
    const { rows } = await csv('comments', MARCH, COMMENT_COLUMNS);
    expect(rows).toHaveLength(items.length);
    expect(rows.map((r) => r.text!.replace(/^'/, ''))).toEqual(items.map((c) => c.text));
    expect(rows.map((r) => num(r.score))).toEqual(items.map((c) => c.npsScore));
    expect(rows.find((r) => r.text!.includes('HYPERLINK'))!.text).toBe(`'${FORMULA}`);
    const anonymous = rows.filter((r) => r.survey === 'eNPS');
    expect(anonymous).toHaveLength(6);
    for (const r of anonymous) {
      expect(r.response_id).toBe('');
      expect(r.completed_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const named = rows.filter((r) => r.survey !== 'eNPS');
    expect(named.every((r) => /^[0-9a-f-]{36}$/.test(r.response_id!) && r.completed_at!.endsWith('Z'))).toBe(true);

    const negative = await csv('comments', `${MARCH}&sentiment=negative&scoreMax=6`, COMMENT_COLUMNS);
    expect(negative.rows.length).toBeGreaterThan(0);
    expect(negative.rows.every((r) => r.sentiment === 'negative' && Number(r.score) <= 6)).toBe(true);
    const sheet = await xlsx('comments', `${MARCH}&sentiment=negative&scoreMax=6`);
    expect(sheet).toHaveLength(negative.rows.length + 1);
  });

  it('refuses other organisations, tokens without responses:read and bad filters', async () => {
    for (const name of ['breakdown.csv', 'employees.xlsx', 'topics.csv', 'comments.xlsx']) {
      const q = name.startsWith('breakdown') ? `${MARCH}&dimension=employee` : MARCH;
      expect((await otherViewer.request({ method: 'GET', url: path(name, q) })).statusCode, name).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: path(name, q), headers: { authorization: `Bearer ${narrowToken}` } })).statusCode, name).toBe(403);
    }
    expect((await viewer.request({ method: 'GET', url: path('comments.csv', `${MARCH}&scoreMin=9&scoreMax=2`) })).statusCode).toBe(400);
    expect((await viewer.request({ method: 'GET', url: path('breakdown.csv', MARCH) })).statusCode).toBe(400);
  });
});
