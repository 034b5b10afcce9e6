import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOutcomesCsvFor } from '../../src/app/analytics/importOutcomesCsv.ts';
import { NO_META } from '../../src/app/context.ts';
import { compareMeans, compareShares, meanFromValues, wilsonInterval } from '../../src/domain/metrics/index.ts';
import { answers, responses } from '../../src/store/schema/index.ts';
import { TEST_PASSWORD, makeContact, makeLaunchedSurvey, makeTenant, makeUser } from '../factories/index.ts';
import { createTestApp, signIn, type Browser, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let tenantId: string;
let surveyId: string;
let manager: Browser;
let operator: Browser;
let viewer: Browser;
let otherManager: Browser;
let otherTenantId: string;
const contactIds: Record<string, string> = {};

const base = () => `/api/v1/tenants/${tenantId}/analytics`;
const MARCH = 'from=2026-03-01&to=2026-03-31';

/** Completed NPS responses of named (or anonymous) contacts, written straight to the tables. */
async function answer(contactId: string | null, score: number, completedAt: Date, opts: { test?: boolean; surveyVersionId: string }) {
  const [row] = await t.ctx.db
    .insert(responses)
    .values({
      tenantId,
      surveyId,
      surveyVersionId: opts.surveyVersionId,
      contactId,
      anonymous: contactId === null,
      channel: 'web',
      language: 'ru',
      status: 'completed',
      test: opts.test ?? false,
      startedAt: new Date(completedAt.getTime() - 60_000),
      updatedAt: completedAt,
      completedAt,
    })
    .returning({ id: responses.id });
  await t.ctx.db.insert(answers).values({ tenantId, responseId: row!.id, questionId: 'nps', questionType: 'nps', metricKey: 'nps', score });
}

const csvBody = (...lines: string[]) => `${lines.join('\n')}\n`;
const postCsv = (who: Browser, body: string, query = '') =>
  who.request({ method: 'POST', url: `${base()}/outcomes.csv${query}`, headers: { 'content-type': 'text/csv; charset=utf-8' }, payload: body });

/*
 * The hand-made sample. Latest answer of March (Moscow time) per contact:
 *   promoters  P1 10, P2 9, P3 9, W 9 (no outcomes)      churned 0,0,1   revenue 100, 200, 300
 *   passives   A1 8, A2 7                                 churned 0,1     revenue 50, —
 *   detractors D1 0, D2 3, D3 6, D4 5, X 2 (X said 10 earlier in March)
 *                                                         churned 1,1,0,1,1  revenue 10, 20, 30, —, 40
 * Not counted: Y (answered in February only), Z (a test response), anonymous answers.
 */
const SCORES: Record<string, number> = { P1: 10, P2: 9, P3: 9, W: 9, A1: 8, A2: 7, D1: 0, D2: 3, D3: 6, D4: 5, X: 2 };
const CHURNED: Record<string, boolean> = { P1: false, P2: false, P3: true, A1: false, A2: true, D1: true, D2: true, D3: false, D4: true, X: true, Y: false, Z: false };

beforeAll(async () => {
  // A 1 MB file limit (below the 20 MB of an outcomes file) keeps the size tests quick.
  t = await createTestApp({ VOXPOP_IMPORT_MAX_MB: '1' });
  const tenant = await makeTenant(t.ctx);
  const other = await makeTenant(t.ctx);
  tenantId = tenant.id;
  otherTenantId = other.id;
  const { survey, version } = await makeLaunchedSurvey(t.ctx, tenantId);
  surveyId = survey.id;
  for (const [i, name] of ['P1', 'P2', 'P3', 'W', 'A1', 'A2', 'D1', 'D2', 'D3', 'D4', 'X', 'Y', 'Z'].entries()) {
    contactIds[name] = (await makeContact(t.ctx, tenantId, { externalId: name, phone: `+7916555${String(i).padStart(4, '0')}`, email: `${name.toLowerCase()}@example.ru` })).id;
  }
  const march = (day: number) => new Date(Date.UTC(2026, 2, day, 9));
  for (const [name, score] of Object.entries(SCORES)) {
    // P1 answered at 01:30 on 1 March in Moscow, still 28 February in UTC: local dates decide.
    const at = name === 'P1' ? new Date(Date.UTC(2026, 1, 28, 22, 30)) : march(name === 'X' ? 20 : 10);
    await answer(contactIds[name]!, score, at, { surveyVersionId: version.id });
  }
  await answer(contactIds.X!, 10, march(2), { surveyVersionId: version.id });
  await answer(contactIds.Y!, 10, new Date(Date.UTC(2026, 1, 15, 9)), { surveyVersionId: version.id });
  await answer(contactIds.Z!, 10, march(5), { surveyVersionId: version.id, test: true });
  for (let i = 0; i < 3; i += 1) await answer(null, 10, march(7), { surveyVersionId: version.id });

  const pm = await makeUser(t.ctx, { memberships: [{ tenantId, role: 'project_manager' }] });
  const op = await makeUser(t.ctx, { memberships: [{ tenantId, role: 'operator' }] });
  const cv = await makeUser(t.ctx, { memberships: [{ tenantId, role: 'client_viewer' }] });
  const opm = await makeUser(t.ctx, { memberships: [{ tenantId: other.id, role: 'project_manager' }] });
  manager = await signIn(t, pm.email, TEST_PASSWORD);
  operator = await signIn(t, op.email, TEST_PASSWORD);
  viewer = await signIn(t, cv.email, TEST_PASSWORD);
  otherManager = await signIn(t, opm.email, TEST_PASSWORD);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const storedValue = async (contactId: string, key: string) =>
  (await t.ctx.db.execute<{ value: number; observed_on: string | null }>(sql`select value, to_char(observed_on, 'YYYY-MM-DD') as observed_on from contact_outcomes where contact_id = ${contactId} and outcome_key = ${key}`)).rows[0];

describe('outcomes API upsert', () => {
  it('stores booleans as 0/1, reports unknown contacts by index, and audits counts only', async () => {
    const outcomes = [
      ...Object.entries(CHURNED).map(([name, churned], i) =>
        // Found by external id, phone or email alike.
        ({ contact: i % 3 === 0 ? { externalId: name } : i % 3 === 1 ? { email: `${name.toUpperCase()}@Example.ru` } : { externalId: name }, key: 'churned', value: churned, observedOn: '2026-04-01' }),
      ),
      { contact: { externalId: 'NOBODY' }, key: 'churned', value: true },
      { contact: { phone: '8 (916) 555-00-00' }, key: 'churned', value: false }, // P1's phone, national format
      { contact: { phone: '12345' }, key: 'churned', value: true },
    ];
    const res = await manager.request({ method: 'PUT', url: `${base()}/outcomes`, payload: { outcomes } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      received: 15,
      applied: 13,
      notFound: 1,
      unmatched: [
        { index: 12, code: 'unknown_contact', message: expect.any(String) },
        { index: 14, code: 'bad_phone', message: expect.any(String) },
      ],
    });
    expect(await storedValue(contactIds.P3!, 'churned')).toEqual({ value: 1, observed_on: '2026-04-01' });
    expect(await storedValue(contactIds.P1!, 'churned')).toEqual({ value: 0, observed_on: null });

    const audit = await t.ctx.db.execute<{ details: Record<string, unknown> }>(sql`select details from audit_events where action = 'analytics.outcomes.upserted' and tenant_id = ${tenantId}`);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.details).toEqual({ source: 'api', received: 15, applied: 13, unmatched: 2, keys: 1 });
    expect(JSON.stringify(audit.rows[0]!.details)).not.toMatch(/NOBODY|916|example/);
  });

  it('validates keys, values, dates and the size of a call', async () => {
    const one = (over: Record<string, unknown>) => ({ outcomes: [{ contact: { externalId: 'P1' }, key: 'churned', value: 1, ...over }] });
    for (const payload of [
      one({ key: 'Churned' }),
      one({ key: '1churn' }),
      one({ key: `k${'x'.repeat(64)}` }),
      one({ value: 'yes' }),
      one({ value: 1e13 }),
      one({ observedOn: '2026-02-30' }),
      one({ contact: {} }),
      one({ extra: 1 }),
      { outcomes: [] },
      { outcomes: Array.from({ length: 10_001 }, () => one({}).outcomes[0]) },
    ]) {
      const res = await manager.request({ method: 'PUT', url: `${base()}/outcomes`, payload });
      expect(res.statusCode, JSON.stringify(payload).slice(0, 100)).toBe(400);
    }
    const many = await manager.request({ method: 'PUT', url: `${base()}/outcomes`, payload: { outcomes: Array.from({ length: 10_000 }, () => one({ key: 'bulk_probe' }).outcomes[0]) } });
    expect(many.statusCode, many.body.slice(0, 200)).toBe(200);
    expect(many.json()).toMatchObject({ received: 10_000, applied: 10_000, notFound: 0 });
    await t.ctx.db.execute(sql`delete from contact_outcomes where outcome_key = 'bulk_probe'`);
  });

  it('lets only people who manage contacts write outcomes, and hides the organisation from others', async () => {
    const payload = { outcomes: [{ contact: { externalId: 'P1' }, key: 'churned', value: 0 }] };
    for (const who of [operator, viewer]) {
      const res = await who.request({ method: 'PUT', url: `${base()}/outcomes`, payload });
      expect([res.statusCode, res.json().code]).toEqual([403, 'forbidden']);
      const csv = await postCsv(who, csvBody('external_id,churned', 'P1,0'));
      expect(csv.statusCode).toBe(403);
    }
    const outsider = await otherManager.request({ method: 'PUT', url: `${base()}/outcomes`, payload });
    expect([outsider.statusCode, outsider.json().code]).toEqual([404, 'not_found']);
    for (const path of [`outcomes?${MARCH}&key=churned`, 'outcome-keys']) {
      const res = await otherManager.request({ method: 'GET', url: `${base()}/${path}` });
      expect([res.statusCode, res.json().code], path).toEqual([404, 'not_found']);
    }
    // A's identifiers mean nothing in B: nobody there is matched, nobody is created.
    const inOther = await otherManager.request({ method: 'PUT', url: `/api/v1/tenants/${otherTenantId}/analytics/outcomes`, payload });
    expect(inOther.json()).toMatchObject({ applied: 0, notFound: 1 });
    const created = await t.ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from contacts where tenant_id = ${otherTenantId}`);
    expect(created.rows[0]!.n).toBe(0);
  });
});

describe('outcomes CSV upload', () => {
  const FILE = csvBody(
    'external_id;revenue;observed_on', // line 1
    'P1;100;2026-03-31', // 2
    'P2;"200,0";31.03.2026', // 3: decimal comma, Russian date
    'P3;300;', // 4
    ';5;', // 5: no identifier
    'NOBODY;5;', // 6: unknown contact
    'A1;50;', // 7
    'D1;1O;', // 8: a letter O, not a zero
    'D1;10;2026-02-30', // 9: no such day
    'D1;10;', // 10
    '', // 11: blank, skipped
    'D2;20;', // 12
    'D3;30;', // 13
    'X;40;', // 14
    'D4;;', // 15: no value: nothing to apply, not a problem
  );

  it('reports every bad row by line and applies nothing on a dry run', async () => {
    const res = await postCsv(manager, FILE, '?dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ dryRun: true, applied: false, rows: 13, validRows: 9, values: 8, keys: ['revenue'], problemsOmitted: 0, stoppedAtLine: null });
    expect(report.problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [5, 'empty_identifier'],
      [6, 'unknown_contact'],
      [8, 'bad_number'],
      [9, 'bad_date'],
    ]);
    expect(report.problems.find((p: { line: number }) => p.line === 8)).toMatchObject({ column: 'revenue', value: '1O' });
    expect(await storedValue(contactIds.P1!, 'revenue')).toBeUndefined();
  });

  it('applies the good rows and returns the same problems', async () => {
    const res = await postCsv(manager, FILE);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, applied: true, validRows: 9, values: 8, problemCounts: { empty_identifier: 1, unknown_contact: 1, bad_number: 1, bad_date: 1 } });
    expect(await storedValue(contactIds.P2!, 'revenue')).toEqual({ value: 200, observed_on: '2026-03-31' });
    expect(await storedValue(contactIds.D1!, 'revenue')).toEqual({ value: 10, observed_on: null });
    expect(await storedValue(contactIds.D4!, 'revenue')).toBeUndefined();
    const audit = await t.ctx.db.execute<{ details: Record<string, unknown> }>(sql`select details from audit_events where action = 'analytics.outcomes.imported' and tenant_id = ${tenantId}`);
    expect(audit.rows.map((r) => r.details)).toEqual([{ source: 'csv', rows: 13, validRows: 9, values: 8, keys: 1, problems: 4 }]);
  });

  it('matches by phone as contact imports read it, and takes yes/no', async () => {
    const res = await postCsv(manager, csvBody('Phone,repeat_purchase', '8 916 555-00-01,да', '+7 (916) 555-00-02,no', '8 916 555,yes'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ validRows: 2, problems: [{ line: 4, code: 'bad_phone' }] });
    expect((await storedValue(contactIds.P2!, 'repeat_purchase'))?.value).toBe(1);
    expect((await storedValue(contactIds.P3!, 'repeat_purchase'))?.value).toBe(0);
  });

  it('refuses a header it cannot use and a file over the limit', async () => {
    for (const [body, code] of [
      [csvBody('name,churned', 'x,1'), 'contacts.outcomes_no_identifier'],
      [csvBody('external_id,Churn Rate', 'P1,1'), 'contacts.outcomes_bad_column'],
      [csvBody('external_id,observed_on', 'P1,2026-03-01'), 'contacts.outcomes_no_outcome'],
      ['', 'contacts.empty_file'],
    ] as const) {
      const res = await postCsv(manager, body);
      expect([res.statusCode, res.json().code], body).toEqual([400, code]);
    }
    const big = `external_id,revenue\n${'P1,1\n'.repeat(220_000)}`; // ≈ 1.1 MB
    const res = await postCsv(manager, big);
    expect([res.statusCode, res.json().code]).toEqual([413, 'contacts.file_too_large']);
    // Without a Content-Length the limit holds while reading.
    const chunks = (function* () {
      yield Buffer.from('external_id,revenue\n');
      for (let sent = 0; sent <= t.ctx.config.contactImport.maxBytes; sent += 65_536) yield Buffer.from('P1,x\n'.repeat(13_107)); // bad numbers: the test times the limit, not the database
    })();
    const streamed = importOutcomesCsvFor(t.ctx, { kind: 'system', label: 'test' }, tenantId, { body: Readable.from(chunks), declaredBytes: null, dryRun: false }, NO_META);
    await expect(streamed).rejects.toMatchObject({ code: 'contacts.file_too_large' });
    const xlsx = await manager.request({ method: 'POST', url: `${base()}/outcomes.csv`, headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]) });
    expect([xlsx.statusCode, xlsx.json().code]).toEqual([400, 'contacts.outcomes_not_csv']);
    expect(fs.readdirSync(path.join(t.ctx.config.dataDir, 'outcome-uploads', tenantId))).toEqual([]); // no scratch file left behind
    const json = await manager.request({ method: 'POST', url: `${base()}/outcomes.csv`, payload: { a: 1 } });
    expect(json.statusCode).toBe(400);
  });
});

describe('outcomes by NPS group', () => {
  it('equals the hand computation for a 0/1 outcome', async () => {
    const res = await viewer.request({ method: 'GET', url: `${base()}/outcomes?${MARCH}&key=churned` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ key: 'churned', kind: 'binary', period: { from: '2026-03-01', to: '2026-03-31' }, surveyId: null, contactsWithOutcome: 12, smallSampleMin: t.ctx.config.metrics.smallSampleMin });
    const groups = Object.fromEntries(body.groups.map((g: { group: string }) => [g.group, g]));
    expect(groups.promoter).toMatchObject({ respondents: 4, n: 3, estimate: 1 / 3, smallSample: true });
    expect(groups.passive).toMatchObject({ respondents: 2, n: 2, estimate: 1 / 2 });
    expect(groups.detractor).toMatchObject({ respondents: 5, n: 5, estimate: 4 / 5 });
    expect(groups.promoter.interval).toEqual(wilsonInterval(1, 3, 0.95));
    expect(groups.detractor.interval).toEqual(wilsonInterval(4, 5, 0.95));
    const test = compareShares({ successes: 4, n: 5 }, { successes: 1, n: 3 });
    expect(body.difference).toEqual({ estimate: 4 / 5 - 1 / 3, interval: test.interval, pValue: test.pValue, significant: test.significant, smallSample: true });
  });

  it('equals the hand computation for an amount, and filters by survey', async () => {
    const res = await viewer.request({ method: 'GET', url: `${base()}/outcomes?${MARCH}&key=revenue&surveyId=${surveyId}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'amount', surveyId });
    const scale = { min: 0, max: 300 };
    const groups = Object.fromEntries(body.groups.map((g: { group: string }) => [g.group, g]));
    const promoters = meanFromValues([100, 200, 300], scale);
    const detractors = meanFromValues([10, 20, 30, 40], scale);
    expect(groups.promoter).toMatchObject({ respondents: 4, n: 3, estimate: 200, interval: promoters.interval, standardDeviation: promoters.standardDeviation });
    expect(groups.passive).toMatchObject({ respondents: 2, n: 1, estimate: 50 });
    expect(groups.detractor).toMatchObject({ respondents: 5, n: 4, estimate: 25, interval: detractors.interval });
    const test = compareMeans(detractors.stats, promoters.stats, scale);
    expect(body.difference).toMatchObject({ estimate: -175, interval: test.interval, pValue: test.pValue, significant: test.significant });

    const otherSurvey = await viewer.request({ method: 'GET', url: `${base()}/outcomes?${MARCH}&key=revenue&surveyId=${crypto.randomUUID()}` });
    expect(otherSurvey.json().groups.map((g: { respondents: number }) => g.respondents)).toEqual([0, 0, 0]);
    expect(otherSurvey.json().difference).toMatchObject({ estimate: null, significant: false });
  });

  it('lists the keys with counts', async () => {
    const res = await viewer.request({ method: 'GET', url: `${base()}/outcome-keys` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map(({ updatedAt: _u, ...k }: { updatedAt: string }) => k)).toEqual([
      { key: 'churned', kind: 'binary', contacts: 12 },
      { key: 'repeat_purchase', kind: 'binary', contacts: 2 },
      { key: 'revenue', kind: 'amount', contacts: 8 },
    ]);
  });

  it('validates the query', async () => {
    for (const query of [`${MARCH}`, `${MARCH}&key=Bad`, 'from=2026-03-31&to=2026-03-01&key=churned', `${MARCH}&key=churned&surveyId=nope`, `${MARCH}&key=churned&extra=1`]) {
      const res = await viewer.request({ method: 'GET', url: `${base()}/outcomes?${query}` });
      expect(res.statusCode, query).toBe(400);
    }
  });
});

describe('outcomes are personal data', () => {
  it('are part of the contact’s export', async () => {
    const res = await manager.request({ method: 'GET', url: `/api/v1/tenants/${tenantId}/contacts/${contactIds.P2}/export` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().outcomes).toEqual([
      { key: 'churned', value: 0, observedOn: '2026-04-01', updatedAt: expect.any(String) },
      { key: 'repeat_purchase', value: 1, observedOn: null, updatedAt: expect.any(String) },
      { key: 'revenue', value: 200, observedOn: '2026-03-31', updatedAt: expect.any(String) },
    ]);
  });

  it('are deleted when the contact is erased', async () => {
    const erased = await manager.request({ method: 'POST', url: `/api/v1/tenants/${tenantId}/contacts/${contactIds.D1}/erase` });
    expect(erased.statusCode).toBe(204);
    const left = await t.ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from contact_outcomes where contact_id = ${contactIds.D1}`);
    expect(left.rows[0]!.n).toBe(0);
    const audit = await t.ctx.db.execute<{ details: Record<string, unknown> }>(sql`select details from audit_events where action = 'contact.erased' and target_id = ${contactIds.D1}`);
    expect(audit.rows[0]!.details).toMatchObject({ outcomes: 2 });
    // The erased person's score stays as an anonymous count; without a contact it no longer takes part here.
    const res = await viewer.request({ method: 'GET', url: `${base()}/outcomes?${MARCH}&key=churned` });
    expect(res.json().groups.find((g: { group: string }) => g.group === 'detractor')).toMatchObject({ respondents: 4, n: 4 });
  });
});
