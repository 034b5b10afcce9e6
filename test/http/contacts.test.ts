import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, invitations, responses } from '../../src/store/schema/index.ts';
import { makeContact, makeTenant, makeUser, TEST_PASSWORD } from '../factories/index.ts';
import { makeSurvey } from '../factories/surveys.ts';
import { createTestApp, signIn, type Browser, type TestApp } from '../helpers/app.ts';
import { analyseComments } from '../../src/app/analytics/analyseComments.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function managerOfNewTenant(): Promise<{ tenantId: string; b: Browser }> {
  const tenant = await makeTenant(t.ctx);
  const pm = await makeUser(t.ctx, { memberships: [{ tenantId: tenant.id, role: 'project_manager' }] });
  return { tenantId: tenant.id, b: await signIn(t, pm.email, TEST_PASSWORD) };
}

/** A completed response of the person to the NPS template: a score of 3 and a reason in their own words. */
async function answeredSurvey(tenantId: string, contactId: string) {
  const { survey, version } = await makeSurvey(t.ctx, tenantId, { launched: true });
  const [invitation] = await t.ctx.db
    .insert(invitations)
    .values({ tenantId, surveyId: survey.id, surveyVersionId: version!.id, contactId, tokenHash: `hash-${contactId}`, expiresAt: new Date(Date.now() + 86_400_000), attributes: { branch: 'Центр' } })
    .returning();
  const [response] = await t.ctx.db
    .insert(responses)
    .values({
      tenantId,
      surveyId: survey.id,
      surveyVersionId: version!.id,
      invitationId: invitation!.id,
      contactId,
      anonymous: false,
      channel: 'web',
      language: 'ru',
      status: 'completed',
      answers: { nps: 3, low_score_reason: 'Оператор Сидорова грубила, звоните мне на +79161230000' },
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0 test',
    })
    .returning();
  await t.ctx.db.insert(answers).values([
    { tenantId, responseId: response!.id, questionId: 'nps', questionType: 'nps', metricKey: 'nps', score: 3 },
    { tenantId, responseId: response!.id, questionId: 'low_score_reason', questionType: 'open_text', text: 'Оператор Сидорова грубила, звоните мне на +79161230000' },
  ]);
  return { invitation: invitation!, response: response! };
}

/** Every text-like column of every table in the public schema that contains `needle`. */
async function tablesHolding(needle: string): Promise<string[]> {
  const columns = await t.ctx.db.execute<{ table_name: string; column_name: string }>(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`);
  const found: string[] = [];
  for (const { table_name, column_name } of columns.rows) {
    const hit = await t.ctx.db.execute(sql`select 1 from ${sql.identifier(table_name)} where ${sql.identifier(column_name)}::text ilike ${`%${needle}%`} limit 1`);
    if (hit.rows.length > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

describe('contacts', () => {
  it('lists newest first with cursor paging, and searches by phone as typed, email or name', async () => {
    const { tenantId, b } = await managerOfNewTenant();
    for (let i = 0; i < 5; i += 1) {
      t.clock.advance(1000);
      await makeContact(t.ctx, tenantId, { fullName: `Клиент ${i}`, phone: `+7916000000${i}`, email: `c${i}@example.ru`, createdAt: t.clock.now() });
    }
    const first = (await b.request({ method: 'GET', url: `/api/v1/tenants/${tenantId}/contacts?limit=2` })).json();
    expect(first.items.map((c: { fullName: string }) => c.fullName)).toEqual(['Клиент 4', 'Клиент 3']);
    const second = (await b.request({ method: 'GET', url: `/api/v1/tenants/${tenantId}/contacts?limit=2&cursor=${first.nextCursor}` })).json();
    expect(second.items.map((c: { fullName: string }) => c.fullName)).toEqual(['Клиент 2', 'Клиент 1']);
    const last = (await b.request({ method: 'GET', url: `/api/v1/tenants/${tenantId}/contacts?limit=2&cursor=${second.nextCursor}` })).json();
    expect(last).toMatchObject({ items: [{ fullName: 'Клиент 0' }], nextCursor: null });

    const search = async (q: string) =>
      (await b.request({ method: 'GET', url: `/api/v1/tenants/${tenantId}/contacts?search=${encodeURIComponent(q)}` })).json().items.map((c: { fullName: string }) => c.fullName);
    expect(await search('8 (916) 000-00-03')).toEqual(['Клиент 3']);
    expect(await search('C2@example.ru')).toEqual(['Клиент 2']);
    expect(await search('клиент 1')).toEqual(['Клиент 1']);
  });

  it('changes a contact with normalised values and history, and refuses a taken external id', async () => {
    const { tenantId, b } = await managerOfNewTenant();
    const contact = await makeContact(t.ctx, tenantId, { externalId: 'A-1', fullName: 'Старое Имя' });
    await makeContact(t.ctx, tenantId, { externalId: 'TAKEN' });
    const url = `/api/v1/tenants/${tenantId}/contacts/${contact.id}`;
    const patched = await b.request({ method: 'PATCH', url, payload: { fullName: 'Новое Имя', phone: '8 (926) 111-22-33', consent: { sms: false }, attributes: { branch: 'Юг' }, frequencyCapDays: 90 } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ fullName: 'Новое Имя', phone: '+79261112233', consent: { sms: false }, attributes: { branch: 'Юг' }, frequencyCapDays: 90 });
    const detail = (await b.request({ method: 'GET', url })).json();
    expect(detail.history).toHaveLength(1);
    expect(detail.history[0]).toMatchObject({ importId: null, changes: { fullName: ['Старое Имя', 'Новое Имя'], consentSms: [null, false], 'attributes.branch': [null, 'Юг'], frequencyCapDays: [null, 90] } });
    expect(detail.history[0].changedBy).toBeTruthy();

    const taken = await b.request({ method: 'PATCH', url, payload: { externalId: 'TAKEN' } });
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'contacts.external_id_taken']);
    const badPhone = await b.request({ method: 'PATCH', url, payload: { phone: '12' } });
    expect([badPhone.statusCode, badPhone.json().code]).toEqual([400, 'contacts.phone_invalid']);
    const unknownField = await b.request({ method: 'PATCH', url, payload: { erased: false } });
    expect(unknownField.statusCode).toBe(400);
  });

  it('erases a person: no personal data left in any table, scores kept as anonymous counts, audited without the data', async () => {
    const { tenantId, b } = await managerOfNewTenant();
    const contact = await makeContact(t.ctx, tenantId, { externalId: 'ERASE-ME-1', phone: '+79169876543', email: 'erase.me@example.ru', fullName: 'Забытов Евгений', attributes: { employee: 'Сидорова' } });
    await b.request({ method: 'PATCH', url: `/api/v1/tenants/${tenantId}/contacts/${contact.id}`, payload: { firstName: 'Евгений' } });
    const { response } = await answeredSurvey(tenantId, contact.id);
    // Analysed and corrected, as the comment job and an analyst would leave it: the analysis holds the text.
    await analyseComments(t.ctx, { tenantId });
    const analysed = await t.ctx.db.execute<{ answer_id: string }>(sql`select answer_id from comment_analyses where response_id = ${response.id}`);
    expect(analysed.rows).toHaveLength(1);
    await t.ctx.db.execute(sql`insert into comment_corrections (answer_id, tenant_id, topics, sentiment) values (${analysed.rows[0]!.answer_id}, ${tenantId}, '{staff_attitude}', 'negative')`);

    const erased = await b.request({ method: 'POST', url: `/api/v1/tenants/${tenantId}/contacts/${contact.id}/erase` });
    expect(erased.statusCode).toBe(204);
    for (const needle of ['79169876543', 'erase.me@example.ru', 'Забытов', 'Евгений', 'ERASE-ME-1', '203.0.113.7', 'Mozilla/5.0 test', 'грубила']) {
      expect(await tablesHolding(needle), needle).toEqual([]);
    }
    const leftOver = await t.ctx.db.execute(sql`select 1 from comment_corrections where answer_id = ${analysed.rows[0]!.answer_id}`);
    expect(leftOver.rows).toEqual([]);
    const kept = await t.ctx.db.execute<{ score: number; contact_id: string | null; answers: Record<string, unknown> }>(
      sql`select a.score, r.contact_id, r.answers from answers a join responses r on r.id = a.response_id where r.id = ${response.id} and a.question_id = 'nps'`,
    );
    expect(kept.rows).toEqual([{ score: 3, contact_id: null, answers: { nps: 3, low_score_reason: '' } }]);
    const view = (await b.request({ method: 'GET', url: `/api/v1/tenants/${tenantId}/contacts/${contact.id}` })).json();
    expect(view).toMatchObject({ erased: true, phone: null, email: null, fullName: null, attributes: {}, history: [] });
    const audit = await t.ctx.db.execute<{ details: unknown }>(sql`select details from audit_events where action = 'contact.erased' and target_id = ${contact.id}`);
    expect(audit.rows).toEqual([{ details: { responses: 1, invitations: 1, messages: 0, outcomes: 0 } }]);
    const again = await b.request({ method: 'PATCH', url: `/api/v1/tenants/${tenantId}/contacts/${contact.id}`, payload: { fullName: 'Назад' } });
    expect([again.statusCode, again.json().code]).toEqual([409, 'contacts.erased']);
  });

  it('exports everything held about a person as JSON', async () => {
    const { tenantId, b } = await managerOfNewTenant();
    const contact = await makeContact(t.ctx, tenantId, { fullName: 'Экспортов Пётр', attributes: { branch: 'Север' } });
    await b.request({ method: 'PATCH', url: `/api/v1/tenants/${tenantId}/contacts/${contact.id}`, payload: { lastName: 'Экспортов' } });
    const { invitation, response } = await answeredSurvey(tenantId, contact.id);
    const res = await b.request({ method: 'GET', url: `/api/v1/tenants/${tenantId}/contacts/${contact.id}/export` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`contact-${contact.id}.json`);
    const data = res.json();
    expect(data.contact).toMatchObject({ id: contact.id, fullName: 'Экспортов Пётр', lastName: 'Экспортов', attributes: { branch: 'Север' } });
    expect(data.history).toEqual([expect.objectContaining({ changes: { lastName: [null, 'Экспортов'] } })]);
    expect(data.invitations).toEqual([expect.objectContaining({ id: invitation.id, channel: 'web' })]);
    expect(data.invitations[0]).not.toHaveProperty('tokenHash');
    expect(data.responses).toEqual([expect.objectContaining({ id: response.id, ip: '203.0.113.7', answers: { nps: 3, low_score_reason: expect.stringContaining('грубила') } })]);
    const audit = await t.ctx.db.execute(sql`select 1 from audit_events where action = 'contact.exported' and target_id = ${contact.id}`);
    expect(audit.rows).toHaveLength(1);
  });

  it('keeps a do-not-contact list of normalised phones and emails', async () => {
    const { tenantId, b } = await managerOfNewTenant();
    const base = `/api/v1/tenants/${tenantId}/do-not-contact`;
    const phone = await b.request({ method: 'POST', url: base, payload: { value: '8 (916) 123-45-67', reason: 'asked on a call' } });
    expect(phone.statusCode).toBe(201);
    expect(phone.json()).toMatchObject({ kind: 'phone', value: '+79161234567', reason: 'asked on a call' });
    expect((await b.request({ method: 'POST', url: base, payload: { value: '+7 916 123 45 67' } })).json()).toMatchObject({ value: '+79161234567', reason: 'asked on a call' });
    expect((await b.request({ method: 'POST', url: base, payload: { kind: 'email', value: 'No.Mail@Example.RU' } })).json()).toMatchObject({ kind: 'email', value: 'no.mail@example.ru' });
    const bad = await b.request({ method: 'POST', url: base, payload: { kind: 'phone', value: 'позвоните' } });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'contacts.phone_invalid']);

    const list = (await b.request({ method: 'GET', url: base })).json();
    expect(list.items.map((i: { kind: string; value: string }) => `${i.kind}:${i.value}`)).toEqual(['email:no.mail@example.ru', 'phone:+79161234567']);
    expect((await b.request({ method: 'DELETE', url: `${base}/phone/${encodeURIComponent('89161234567')}` })).statusCode).toBe(204);
    expect((await b.request({ method: 'DELETE', url: `${base}/phone/${encodeURIComponent('+79161234567')}` })).statusCode).toBe(404);
    expect((await b.request({ method: 'GET', url: base })).json().items).toHaveLength(1);
  });

  it("shows on a contact's page whether their phone or email is on the do-not-contact list", async () => {
    const { tenantId, b } = await managerOfNewTenant();
    const contact = await makeContact(t.ctx, tenantId, { email: 'Mixed.Case@Example.test' });
    const detail = async () => (await b.request({ method: 'GET', url: `/api/v1/tenants/${tenantId}/contacts/${contact.id}` })).json().doNotContact;
    expect(await detail()).toEqual({ phone: false, email: false });
    await b.request({ method: 'POST', url: `/api/v1/tenants/${tenantId}/do-not-contact`, payload: { kind: 'email', value: 'mixed.case@example.test' } });
    expect(await detail()).toEqual({ phone: false, email: true });
    await b.request({ method: 'POST', url: `/api/v1/tenants/${tenantId}/do-not-contact`, payload: { kind: 'phone', value: contact.phone! } });
    expect(await detail()).toEqual({ phone: true, email: true });
  });

  it('hides contacts from analysts and client viewers, and from tokens without contacts scopes', async () => {
    const { tenantId } = await managerOfNewTenant();
    const contact = await makeContact(t.ctx, tenantId);
    for (const role of ['analyst', 'client_viewer'] as const) {
      const user = await makeUser(t.ctx, { memberships: [{ tenantId, role }] });
      const b = await signIn(t, user.email, TEST_PASSWORD);
      for (const url of [`contacts`, `contacts/${contact.id}`, `contacts/${contact.id}/export`, `do-not-contact`, `contact-imports`]) {
        expect((await b.request({ method: 'GET', url: `/api/v1/tenants/${tenantId}/${url}` })).statusCode, `${role} ${url}`).toBe(403);
      }
      expect((await b.request({ method: 'POST', url: `/api/v1/tenants/${tenantId}/contacts/${contact.id}/erase` })).statusCode).toBe(403);
    }
    const operator = await signIn(t, (await makeUser(t.ctx, { memberships: [{ tenantId, role: 'operator' }] })).email, TEST_PASSWORD);
    expect((await operator.request({ method: 'GET', url: `/api/v1/tenants/${tenantId}/contacts/${contact.id}` })).statusCode).toBe(200);
    expect((await operator.request({ method: 'PATCH', url: `/api/v1/tenants/${tenantId}/contacts/${contact.id}`, payload: { fullName: 'X' } })).statusCode).toBe(403);
  });
});
