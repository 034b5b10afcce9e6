import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_BATCH_SIZE } from '../../src/app/analytics/exportAnswers.ts';
import { csvField, csvLine } from '../../src/domain/exports/csv.ts';
import { answers, commentAnalyses, responses } from '../../src/store/schema/index.ts';
import { insertScoredResponses } from '../factories/analytics.ts';
import { TEST_PASSWORD, makeLaunchedSurvey, makeTenant, makeUser } from '../factories/index.ts';
import { createTestApp, signIn, type Browser, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let tenantId: string;
let surveyId: string;
let anonymousSurveyId: string;
let viewer: Browser;
let otherViewer: Browser;
const scores = new Map<string, number>();
const FORMULA = '=HYPERLINK("http://evil.example","click")';
const QUOTED = 'Долго ждал, "очень" долго\nвторая строка';

beforeAll(async () => {
  t = await createTestApp();
  tenantId = (await makeTenant(t.ctx)).id;
  const other = await makeTenant(t.ctx);
  const { survey, version } = await makeLaunchedSurvey(t.ctx, tenantId);
  surveyId = survey.id;
  const at = (i: number) => new Date(Date.UTC(2026, 2, 1 + i, 9, 30));
  await insertScoredResponses(t.ctx, tenantId, [
    ...Array.from({ length: 12 }, (_, i) => ({
      surveyId, versionId: version.id, completedAt: at(i), score: i % 11, channel: i % 2 ? 'sms' : 'web',
      attributes: { employee: `e${i % 3}`, service_type: i % 2 ? 'billing' : 'tech' },
    })),
    { surveyId, versionId: version.id, completedAt: at(3), score: 1, test: true },
    { surveyId, versionId: version.id, completedAt: new Date(Date.UTC(2026, 3, 5)), score: 2 },
  ]);
  const rows = await t.ctx.db.select({ id: responses.id, at: responses.completedAt, test: responses.test }).from(responses).where(eq(responses.surveyId, surveyId));
  for (const r of rows) {
    const [a] = await t.ctx.db.select({ score: answers.score }).from(answers).where(and(eq(answers.responseId, r.id), eq(answers.questionId, 'nps')));
    if (!r.test && r.at!.getUTCMonth() === 2) scores.set(r.id, a!.score!);
  }
  const [first, second] = rows.filter((r) => !r.test).sort((a, b) => a.at!.getTime() - b.at!.getTime());
  const [formulaAnswer] = await t.ctx.db
    .insert(answers)
    .values({ tenantId, responseId: first!.id, questionId: 'low_score_reason', questionType: 'open_text', text: FORMULA })
    .returning({ id: answers.id });
  const [quotedAnswer] = await t.ctx.db
    .insert(answers)
    .values({ tenantId, responseId: second!.id, questionId: 'low_score_reason', questionType: 'open_text', text: QUOTED })
    .returning({ id: answers.id });
  void formulaAnswer;
  await t.ctx.db.insert(commentAnalyses).values({
    answerId: quotedAnswer!.id, tenantId, surveyId, responseId: second!.id, language: 'ru', text: QUOTED, topics: ['wait_time', 'staff'],
    topicPolarity: { wait_time: 'negative', staff: 'neutral' }, npsScore: 1, sentimentScore: -0.6, sentimentLabel: 'negative', finalLabel: 'negative',
    disagreement: false, taxonomyVersion: 1,
  });

  const anon = await makeLaunchedSurvey(t.ctx, tenantId, { anonymous: true, name: 'eNPS' });
  anonymousSurveyId = anon.survey.id;
  await insertScoredResponses(
    t.ctx,
    tenantId,
    Array.from({ length: 6 }, (_, i) => ({ surveyId: anonymousSurveyId, versionId: anon.version.id, completedAt: at(i), score: 10 - i, anonymous: true, attributes: { department: 'front' } })),
  );

  const u = await makeUser(t.ctx, { memberships: [{ tenantId, role: 'client_viewer' }] });
  const o = await makeUser(t.ctx, { memberships: [{ tenantId: other.id, role: 'client_viewer' }] });
  viewer = await signIn(t, u.email, TEST_PASSWORD);
  otherViewer = await signIn(t, o.email, TEST_PASSWORD);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const MARCH = 'from=2026-03-01&to=2026-03-31';
const url = (ext: string, survey: string, query = MARCH) => `/api/v1/tenants/${tenantId}/analytics/export.${ext}?surveyId=${survey}&${query}`;

async function csvRows(path: string): Promise<Array<Record<string, string>>> {
  const res = await viewer.request({ method: 'GET', url: path });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(res.rawPayload, { bom: true, columns: true }) as Array<Record<string, string>>;
}

describe('CSV cells', () => {
  it('quotes as RFC 4180 says and neutralises formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(-5)).toBe('-5');
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1']) expect(csvField(s).startsWith("'") || csvField(s).startsWith(`"'`)).toBe(true);
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe('answers export', () => {
  it('exports every completed, non-test answer of the period with dimensions, topics and sentiment', async () => {
    const res = await viewer.request({ method: 'GET', url: url('csv', surveyId) });
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="answers-${surveyId}-2026-03-01-2026-03-31.csv"`);
    const rows = await csvRows(url('csv', surveyId));
    expect(rows).toHaveLength(12);
    expect(Object.keys(rows[0]!)).toEqual([
      'response_id', 'completed_at', 'survey_version', 'channel', 'language', 'service_type', 'department', 'employee', 'region',
      'nps', 'low_score_reason', 'low_score_reason_topics', 'low_score_reason_sentiment',
    ]);
    for (const r of rows) expect(Number(r.nps)).toBe(scores.get(r.response_id!));
    expect(rows[0]).toMatchObject({ completed_at: '2026-03-01T09:30:00.000Z', survey_version: '1', channel: 'web', service_type: 'tech', employee: 'e0', low_score_reason: `'${FORMULA}` });
    expect(rows[1]).toMatchObject({ low_score_reason: QUOTED, low_score_reason_topics: 'wait_time; staff', low_score_reason_sentiment: 'negative' });
    const joined = JSON.stringify(rows);
    expect(joined).not.toMatch(/contact|email|phone/i);

    const sms = await csvRows(url('csv', surveyId, `${MARCH}&dimension=channel&value=sms`));
    expect(sms).toHaveLength(6);
    expect(sms.every((r) => r.channel === 'sms')).toBe(true);
  });

  it('exports an anonymous survey without response ids or exact times', async () => {
    const rows = await csvRows(url('csv', anonymousSurveyId));
    expect(rows).toHaveLength(6);
    expect(Object.keys(rows[0]!)).not.toContain('response_id');
    expect(Object.keys(rows[0]!)).not.toContain('completed_at');
    expect(rows.map((r) => r.completed_on)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
    expect(rows.map((r) => Number(r.nps))).toEqual([10, 9, 8, 7, 6, 5]);
    expect(rows.every((r) => r.department === 'front')).toBe(true);
  });

  it('writes an XLSX with the same numbers as the CSV, bold header', async () => {
    const csv = await csvRows(url('csv', surveyId));
    const res = await viewer.request({ method: 'GET', url: url('xlsx', surveyId) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="answers-${surveyId}-2026-03-01-2026-03-31.xlsx"`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(Object.keys(csv[0]!));
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const npsCol = header.indexOf('nps') + 1;
    const idCol = header.indexOf('response_id') + 1;
    const textCol = header.indexOf('low_score_reason') + 1;
    const fromXlsx = [];
    for (let r = 2; r <= sheet.rowCount; r++) fromXlsx.push({ id: sheet.getRow(r).getCell(idCol).value, nps: sheet.getRow(r).getCell(npsCol).value });
    expect(fromXlsx).toEqual(csv.map((r) => ({ id: r.response_id, nps: Number(r.nps) })));
    expect(sheet.getRow(2).getCell(textCol).value).toBe(`'${FORMULA}`);
  });

  it('answers 404 to another organisation’s member, and 404 for a survey of another organisation', async () => {
    for (const ext of ['csv', 'xlsx']) {
      const res = await otherViewer.request({ method: 'GET', url: url(ext, surveyId) });
      expect(res.statusCode).toBe(404);
    }
    const res = await viewer.request({ method: 'GET', url: url('csv', '00000000-0000-4000-8000-000000000000') });
    expect(res.statusCode).toBe(404);
  });

  it('pages through more rows than one batch, ties on the completion time included', async () => {
    const big = await makeLaunchedSurvey(t.ctx, tenantId, { name: 'Big' });
    const n = EXPORT_BATCH_SIZE * 2 + 7;
    await insertScoredResponses(
      t.ctx,
      tenantId,
      Array.from({ length: n }, (_, i) => ({ surveyId: big.survey.id, versionId: big.version.id, completedAt: new Date(Date.UTC(2026, 2, 10, i % 3)), score: i % 11 })),
    );
    const rows = await csvRows(url('csv', big.survey.id));
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => r.response_id)).size).toBe(n);
    expect(rows.reduce((sum, r) => sum + Number(r.nps), 0)).toBe(Array.from({ length: n }, (_, i) => i % 11).reduce((a, b) => a + b, 0));
  }, 60_000);

  it('validates the query', async () => {
    for (const q of [`from=2026-03-01&to=2026-03-31`, `surveyId=${surveyId}&from=2026-03-31&to=2026-03-01`, `surveyId=${surveyId}&${MARCH}&dimension=channel`, `surveyId=${surveyId}&${MARCH}&extra=1`]) {
      const res = await viewer.request({ method: 'GET', url: `/api/v1/tenants/${tenantId}/analytics/export.csv?${q}` });
      expect(res.statusCode, q).toBe(400);
    }
  });
});
