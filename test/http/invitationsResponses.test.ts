import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/app/secrets.ts';
import { makeContact, makeLaunchedSurvey, makeTenant, makeUser, TEST_PASSWORD } from '../factories/index.ts';
import { signIn } from '../helpers/app.ts';
import { answerPage, freshIp, invite, respondentWorld, type RespondentWorld } from './respondentHelpers.ts';

let w: RespondentWorld;
let surveyId: string;

beforeAll(async () => {
  w = await respondentWorld();
  surveyId = (await makeLaunchedSurvey(w.t.ctx, w.tenantId)).survey.id;
});
afterAll(async () => w.t.close());

const invitationsUrl = (sid: string, tenantId = w.tenantId) => `/api/v1/tenants/${tenantId}/surveys/${sid}/invitations`;
const responsesUrl = (sid: string, tenantId = w.tenantId) => `/api/v1/tenants/${tenantId}/surveys/${sid}/responses`;

describe('invitations', () => {
  it('makes a 128-bit token stored only as SHA-256, a public URL, a 30-day expiry and the contact’s language and dimensions', async () => {
    const contact = await makeContact(w.t.ctx, w.tenantId, { language: 'en', attributes: { department: 'sales', employee: 'op-1' } });
    const inv = await invite(w, surveyId, { contactId: contact.id, attributes: { employee: 'op-17', service_type: 'repair' } });
    expect(inv.token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(inv.url).toBe(`${w.t.ctx.config.http.publicUrl}/s/${inv.token}`);
    expect(new Date(inv.expiresAt).getTime() - w.t.clock.now().getTime()).toBe(30 * 86_400_000);
    const row = (await w.t.ctx.db.execute<Record<string, unknown>>(sql`select token_hash, language, attributes, contact_id from invitations where id = ${inv.id}`)).rows[0]!;
    expect(row).toEqual({ token_hash: sha256(inv.token), language: 'en', attributes: { department: 'sales', employee: 'op-17', service_type: 'repair' }, contact_id: contact.id });
    expect(JSON.stringify(row)).not.toContain(inv.token);
  });

  it('answers a repeated externalKey with 409 and the first invitation’s id', async () => {
    const first = await invite(w, surveyId, { externalKey: 'call-42' });
    const again = await w.pm.request({ method: 'POST', url: invitationsUrl(surveyId), payload: { externalKey: 'call-42' } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invitation.duplicate', invitationId: first.id });
    const count = await w.t.ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from invitations where external_key = 'call-42'`);
    expect(count.rows[0]!.n).toBe(1);
  });

  it('refuses a survey that is not active, unknown body fields, and people without the permission', async () => {
    const draft = await makeLaunchedSurvey(w.t.ctx, w.tenantId, { status: 'paused' });
    const paused = await w.pm.request({ method: 'POST', url: invitationsUrl(draft.survey.id), payload: {} });
    expect(paused.statusCode).toBe(409);
    expect(paused.json().code).toBe('invitation.survey_not_active');
    const unknown = await w.pm.request({ method: 'POST', url: invitationsUrl(surveyId), payload: { sneaky: true } });
    expect(unknown.statusCode).toBe(400);
    const analyst = await makeUser(w.t.ctx, { memberships: [{ tenantId: w.tenantId, role: 'analyst' }] });
    const asAnalyst = await signIn(w.t, analyst.email, TEST_PASSWORD);
    expect((await asAnalyst.request({ method: 'POST', url: invitationsUrl(surveyId), payload: {} })).statusCode).toBe(403);
    expect((await asAnalyst.request({ method: 'GET', url: responsesUrl(surveyId) })).statusCode).toBe(200);
  });
});

describe('responses API', () => {
  it('lists answers with dimensions, version, channel and language, newest first, with cursor paging; anonymous ones without contact', async () => {
    const own = await makeLaunchedSurvey(w.t.ctx, w.tenantId);
    const contact = await makeContact(w.t.ctx, w.tenantId);
    const ip = freshIp();
    for (const [score, dept] of [[3, 'billing'], [9, 'support'], [10, 'billing']] as const) {
      const inv = await invite(w, own.survey.id, { contactId: contact.id, attributes: { department: dept }, channel: 'email', language: 'en' });
      await answerPage(w.t, inv.path, { a_nps: String(score) }, ip);
      w.t.clock.advance(1_000);
    }
    const page1 = await w.pm.request({ method: 'GET', url: `${responsesUrl(own.survey.id)}?limit=2` });
    expect(page1.statusCode).toBe(200);
    const body1 = page1.json();
    expect(body1.items).toHaveLength(2);
    expect(body1.items[0]).toMatchObject({
      surveyVersion: 1,
      status: 'completed',
      channel: 'email',
      language: 'en',
      answers: { nps: 10 },
      attributes: { department: 'billing' },
      contactId: contact.id,
    });
    expect(body1.nextCursor).toEqual(expect.any(String));
    const page2 = (await w.pm.request({ method: 'GET', url: `${responsesUrl(own.survey.id)}?limit=2&cursor=${body1.nextCursor}` })).json();
    expect(page2.items.map((r: { answers: { nps: number } }) => r.answers.nps)).toEqual([3]);
    expect(page2.items[0]).toMatchObject({ status: 'partial', attributes: { department: 'billing' } });
    expect(page2.nextCursor).toBeNull();

    const anon = await makeLaunchedSurvey(w.t.ctx, w.tenantId, { templateId: 'enps' });
    const anonInv = await invite(w, anon.survey.id, { contactId: contact.id });
    const q = (await w.t.app.inject({ method: 'GET', url: `/api/public/v1/s/${anonInv.token}`, remoteAddress: ip })).json().questions[0].id;
    await w.t.app.inject({ method: 'POST', url: `/api/public/v1/s/${anonInv.token}/answers`, remoteAddress: ip, payload: { answers: { [q]: 7 } } });
    // One anonymous answer alone would be that person's answer: nothing is listed below five.
    const anonList = (await w.pm.request({ method: 'GET', url: responsesUrl(anon.survey.id) })).json();
    expect(anonList).toMatchObject({ items: [], anonymousWithheld: 1 });

    expect((await w.pm.request({ method: 'GET', url: `${responsesUrl(own.survey.id)}?cursor=garbage` })).statusCode).toBe(400);
  });

  it('lists anonymous answers only from five on, withholding dimension values shared by fewer than five and exact times', async () => {
    const anon = await makeLaunchedSurvey(w.t.ctx, w.tenantId, { templateId: 'enps' });
    const ip = freshIp();
    // Five in the call centre, one in legal: "department = legal" would name that person.
    const departments = ['call_centre', 'call_centre', 'call_centre', 'call_centre', 'call_centre', 'legal'];
    let questionId = '';
    for (const [i, department] of departments.entries()) {
      const inv = await invite(w, anon.survey.id, { attributes: { department } });
      questionId ||= (await w.t.app.inject({ method: 'GET', url: `/api/public/v1/s/${inv.token}`, remoteAddress: ip })).json().questions[0].id;
      const saved = await w.t.app.inject({ method: 'POST', url: `/api/public/v1/s/${inv.token}/answers`, remoteAddress: ip, payload: { answers: { [questionId]: i + 3 } } });
      expect(saved.statusCode).toBe(200);
      w.t.clock.advance(61_000);
    }
    const list = (await w.pm.request({ method: 'GET', url: responsesUrl(anon.survey.id) })).json();
    expect(list.anonymousWithheld).toBe(0);
    expect(list.items).toHaveLength(6);
    const legal = list.items.find((r: { answers: Record<string, number> }) => r.answers[questionId] === 8);
    expect(legal).toMatchObject({ contactId: null, attributes: {}, withheldAttributes: ['department'] });
    const centre = list.items.find((r: { answers: Record<string, number> }) => r.answers[questionId] === 3);
    expect(centre).toMatchObject({ attributes: { department: 'call_centre' }, withheldAttributes: [] });
    for (const item of list.items) expect(item.startedAt).toMatch(/T00:00:00\.000Z$/);
    // Paging does not leak exact times through the cursor either.
    const page = (await w.pm.request({ method: 'GET', url: `${responsesUrl(anon.survey.id)}?limit=2` })).json();
    expect(Buffer.from(page.nextCursor, 'base64url').toString('utf8')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('marks answers given through a test link as test answers', async () => {
    const own = await makeLaunchedSurvey(w.t.ctx, w.tenantId);
    const ip = freshIp();
    const trial = await invite(w, own.survey.id, { test: true });
    const real = await invite(w, own.survey.id);
    await answerPage(w.t, trial.path, { a_nps: '2' }, ip);
    await answerPage(w.t, real.path, { a_nps: '9' }, ip);
    const list = (await w.pm.request({ method: 'GET', url: responsesUrl(own.survey.id) })).json();
    const byScore = Object.fromEntries(list.items.map((r: { answers: { nps: number }; test: boolean }) => [r.answers.nps, r.test]));
    expect(byScore).toEqual({ 2: true, 9: false });
  });

  it('keeps the tenant wall inside a visible tenant: another tenant’s survey id is not found', async () => {
    const other = await makeTenant(w.t.ctx);
    const foreign = await makeLaunchedSurvey(w.t.ctx, other.id);
    expect((await w.pm.request({ method: 'GET', url: responsesUrl(foreign.survey.id) })).statusCode).toBe(404);
    expect((await w.pm.request({ method: 'POST', url: invitationsUrl(foreign.survey.id), payload: {} })).statusCode).toBe(404);
    expect((await w.pm.request({ method: 'GET', url: `/api/v1/tenants/${w.tenantId}/surveys/${foreign.survey.id}/feedback-links` })).statusCode).toBe(404);
    expect((await w.pm.request({ method: 'POST', url: `/api/v1/tenants/${w.tenantId}/surveys/${foreign.survey.id}/feedback-links`, payload: {} })).statusCode).toBe(404);
  });
});
