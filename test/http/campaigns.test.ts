import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeSmsSender } from '../../src/channels/sms/fakeSmsSender.ts';
import type { TenantRole } from '../../src/domain/access.ts';
import { makeContact, makeLaunchedSurvey, makeSurvey, makeTenant, makeUser, TEST_PASSWORD } from '../factories/index.ts';
import { createTestApp, signIn, type Browser, type TestApp } from '../helpers/app.ts';
import { drainJobs } from '../helpers/jobs.ts';

/** 11:00 in Moscow, a Tuesday: inside the default contact hours. */
const MORNING_MOSCOW = new Date('2026-03-10T08:00:00Z');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  t.ctx.sms = undefined;
  await t.close();
});
beforeEach(() => {
  t.clock.set(MORNING_MOSCOW);
  t.ctx.sms = new FakeSmsSender();
});

const emailThenSms = {
  steps: [
    { channel: 'email', delayMinutes: 0 },
    { channel: 'sms', delayMinutes: 24 * 60 },
  ],
};

/** A tenant of its own, its project manager signed in, and an active survey. */
async function world() {
  const tenant = await makeTenant(t.ctx);
  const user = await makeUser(t.ctx, { memberships: [{ tenantId: tenant.id, role: 'project_manager' }] });
  const pm = await signIn(t, user.email, TEST_PASSWORD);
  const { survey } = await makeLaunchedSurvey(t.ctx, tenant.id);
  const base = `/api/v1/tenants/${tenant.id}`;
  return { tenant, pm, surveyId: survey.id, base };
}
type World = Awaited<ReturnType<typeof world>>;

async function asRole(w: World, role: TenantRole): Promise<Browser> {
  const user = await makeUser(t.ctx, { memberships: [{ tenantId: w.tenant.id, role }] });
  return signIn(t, user.email, TEST_PASSWORD);
}

async function create(w: World, body: Record<string, unknown> = {}) {
  const res = await w.pm.request({ method: 'POST', url: `${w.base}/campaigns`, payload: { name: 'After-visit NPS', surveyId: w.surveyId, audience: { kind: 'contacts' }, plan: emailThenSms, ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string; name: string };
}

const action = (w: World, id: string, verb: string) => w.pm.request({ method: 'POST', url: `${w.base}/campaigns/${id}/${verb}` });

/** Emails in the outbox directory: header lines and a decoded subject. */
async function outbox(): Promise<Array<{ file: string; from: string; to: string; subject: string; body: string }>> {
  const files = await fs.readdir(t.outboxDir).catch(() => [] as string[]);
  const mails = [];
  for (const file of files.filter((f) => f.endsWith('.eml'))) {
    const raw = await fs.readFile(path.join(t.outboxDir, file), 'utf8');
    const [head, body] = raw.split('\r\n\r\n');
    const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(head!)?.[1] ?? '';
    const encoded = /=\?UTF-8\?B\?([^?]*)\?=/.exec(header('Subject'))?.[1] ?? '';
    mails.push({ file, from: header('From'), to: header('To'), subject: Buffer.from(encoded, 'base64').toString('utf8'), body: body ?? '' });
  }
  return mails;
}

describe('campaigns over HTTP', () => {
  it('creates, lists, reads and changes a draft', async () => {
    const w = await world();
    const created = await create(w, { sendWindow: { days: [1, 2, 3, 4, 5], from: '10:00', to: '18:00' }, limits: { maxMessages: 100 } });
    expect(created).toMatchObject({ status: 'draft', name: 'After-visit NPS', surveyId: w.surveyId, planStatus: 'pending', planned: 0, launchedAt: null });
    expect(created).toMatchObject({ sendWindow: { days: [1, 2, 3, 4, 5], from: '10:00', to: '18:00' }, limits: { maxMessages: 100 }, expiresInDays: 30 });
    // Plan defaults are filled in.
    expect((created as unknown as { plan: { steps: unknown[] } }).plan.steps[0]).toMatchObject({ channel: 'email', attempts: 1, retryMinutes: 120, template: {} });

    const listed = await w.pm.request({ method: 'GET', url: `${w.base}/campaigns` });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((c: { id: string }) => c.id)).toEqual([created.id]);
    expect((await w.pm.request({ method: 'GET', url: `${w.base}/campaigns?status=running` })).json().items).toEqual([]);

    const got = await w.pm.request({ method: 'GET', url: `${w.base}/campaigns/${created.id}` });
    expect(got.json()).toMatchObject({ id: created.id, status: 'draft' });

    const other = await makeLaunchedSurvey(t.ctx, w.tenant.id, { name: 'Second' });
    const patched = await w.pm.request({ method: 'PATCH', url: `${w.base}/campaigns/${created.id}`, payload: { name: 'Renamed', surveyId: other.survey.id, sendWindow: null } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Renamed', surveyId: other.survey.id, sendWindow: null });

    const missing = await w.pm.request({ method: 'GET', url: `${w.base}/campaigns/00000000-0000-4000-8000-000000000001` });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses bad plans, windows and surveys with the field named', async () => {
    const w = await world();
    const post = (body: Record<string, unknown>) =>
      w.pm.request({ method: 'POST', url: `${w.base}/campaigns`, payload: { name: 'x', surveyId: w.surveyId, audience: { kind: 'contacts' }, plan: emailThenSms, ...body } });

    const empty = await post({ plan: { steps: [] } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('validation');
    expect(empty.json().errors.map((e: { path: string }) => e.path)).toContain('plan.steps');

    const unknownChannel = await post({ plan: { steps: [{ channel: 'pigeon' }] } });
    expect(unknownChannel.statusCode).toBe(400);
    expect(unknownChannel.json().errors[0].path).toBe('plan.steps.0.channel');

    const badWindow = await post({ sendWindow: { days: [1], from: '25:00', to: '26:00' } });
    expect(badWindow.statusCode).toBe(400);
    expect(badWindow.json().errors.map((e: { path: string }) => e.path)).toContain('sendWindow.from');

    const backwards = await post({ sendWindow: { days: [1], from: '18:00', to: '09:00' } });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([expect.objectContaining({ path: 'sendWindow' })]);

    const stranger = await makeTenant(t.ctx);
    const theirs = await makeLaunchedSurvey(t.ctx, stranger.id);
    const foreign = await post({ surveyId: theirs.survey.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({ code: 'validation', errors: [expect.objectContaining({ path: 'surveyId' })] });

    const anonymous = await makeLaunchedSurvey(t.ctx, w.tenant.id, { anonymous: true });
    const anon = await post({ surveyId: anonymous.survey.id });
    expect(anon.statusCode).toBe(400);
    expect(anon.json().code).toBe('campaign.anonymous_survey');

    expect((await w.pm.request({ method: 'GET', url: `${w.base}/campaigns` })).json().items).toEqual([]);
  });

  it('launches only with an active survey and deliverable channels', async () => {
    const w = await world();
    const draftSurvey = await makeSurvey(t.ctx, w.tenant.id);
    const notActive = await create(w, { surveyId: draftSurvey.survey.id });
    const refused = await action(w, notActive.id, 'launch');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('campaign.survey_not_active');

    const voice = await create(w, { plan: { steps: [{ channel: 'email' }, { channel: 'voice', delayMinutes: 60 }] } });
    const noVoice = await action(w, voice.id, 'launch');
    expect(noVoice.statusCode).toBe(400);
    expect(noVoice.json().code).toBe('campaign.channel_unavailable');
    expect((await w.pm.request({ method: 'GET', url: `${w.base}/campaigns/${voice.id}` })).json().status).toBe('draft');
  });

  it('moves through pause, resume and cancel, refuses the rest, and keeps survey and audience after launch', async () => {
    const w = await world();
    const c = await create(w);
    expect((await action(w, c.id, 'pause')).json().code).toBe('campaign.invalid_transition');
    expect((await action(w, c.id, 'resume')).statusCode).toBe(409);

    const launched = await action(w, c.id, 'launch');
    expect(launched.statusCode, launched.body).toBe(200);
    expect(launched.json()).toMatchObject({ status: 'running', launchedAt: MORNING_MOSCOW.toISOString() });
    expect((await action(w, c.id, 'launch')).json().code).toBe('campaign.not_draft');
    expect((await action(w, c.id, 'resume')).json().code).toBe('campaign.invalid_transition');

    const other = await makeLaunchedSurvey(t.ctx, w.tenant.id);
    const survey = await w.pm.request({ method: 'PATCH', url: `${w.base}/campaigns/${c.id}`, payload: { surveyId: other.survey.id } });
    expect(survey.statusCode).toBe(409);
    expect(survey.json().code).toBe('campaign.launched');
    const audience = await w.pm.request({ method: 'PATCH', url: `${w.base}/campaigns/${c.id}`, payload: { audience: { kind: 'contacts', filter: { languages: ['en'] } } } });
    expect(audience.json().code).toBe('campaign.launched');
    const fewerSteps = await w.pm.request({ method: 'PATCH', url: `${w.base}/campaigns/${c.id}`, payload: { plan: { steps: [{ channel: 'email' }] } } });
    expect(fewerSteps.json().code).toBe('campaign.launched');
    const renamed = await w.pm.request({ method: 'PATCH', url: `${w.base}/campaigns/${c.id}`, payload: { name: 'Still running', limits: { maxMessages: 5 } } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Still running', limits: { maxMessages: 5 }, surveyId: w.surveyId });

    expect((await action(w, c.id, 'pause')).json().status).toBe('paused');
    expect((await action(w, c.id, 'pause')).json().code).toBe('campaign.invalid_transition');
    expect((await action(w, c.id, 'resume')).json().status).toBe('running');
    const cancelled = await action(w, c.id, 'cancel');
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', finishedAt: MORNING_MOSCOW.toISOString() });
    expect((await action(w, c.id, 'cancel')).json().code).toBe('campaign.invalid_transition');
    expect((await action(w, c.id, 'resume')).json().code).toBe('campaign.invalid_transition');
    const late = await w.pm.request({ method: 'PATCH', url: `${w.base}/campaigns/${c.id}`, payload: { name: 'Too late' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('campaign.finished');

    // A draft can be cancelled too.
    const draft = await create(w);
    expect((await action(w, draft.id, 'cancel')).json().status).toBe('cancelled');

    // A draft may be deleted; a launched campaign is cancelled instead and keeps its history.
    const scratch = await create(w);
    expect((await w.pm.request({ method: 'DELETE', url: `${w.base}/campaigns/${scratch.id}` })).statusCode).toBe(204);
    expect((await w.pm.request({ method: 'GET', url: `${w.base}/campaigns/${scratch.id}` })).statusCode).toBe(404);
    const kept = await w.pm.request({ method: 'DELETE', url: `${w.base}/campaigns/${c.id}` });
    expect(kept.statusCode).toBe(409);
    expect(kept.json().code).toBe('campaign.not_draft');
  });

  it('a plan changed after launch is followed by the messages still waiting', async () => {
    const w = await world();
    const person = await makeContact(t.ctx, w.tenant.id);
    const c = await create(w, { plan: { steps: [{ channel: 'email' }, { channel: 'sms', delayMinutes: 24 * 60, attempts: 2 }] } });
    await action(w, c.id, 'launch');
    await drainJobs(t);
    // The second step becomes an email reminder, sent once.
    const patched = await w.pm.request({ method: 'PATCH', url: `${w.base}/campaigns/${c.id}`, payload: { plan: { steps: [{ channel: 'email' }, { channel: 'email', delayMinutes: 24 * 60, attempts: 1 }] } } });
    expect(patched.statusCode, patched.body).toBe(200);
    t.clock.advance(24 * 3_600_000 + 60_000);
    await drainJobs(t);
    const { campaignTick } = await import('../../src/app/campaigns/ticker.ts');
    await campaignTick(t.ctx);
    await drainJobs(t);
    const attempts = (await w.pm.request({ method: 'GET', url: `${w.base}/campaigns/${c.id}/attempts` })).json().items as Array<{ step: number; channel: string; status: string }>;
    expect(attempts.map((a) => [a.step, a.channel, a.status]).sort()).toEqual([
      [0, 'email', 'sent'],
      [1, 'email', 'sent'],
    ]);
    expect((t.ctx.sms as FakeSmsSender).sent).toEqual([]);
    expect((await outbox()).filter((m) => m.to === person.email)).toHaveLength(2);
    await campaignTick(t.ctx);
    expect((await w.pm.request({ method: 'GET', url: `${w.base}/campaigns/${c.id}` })).json().status).toBe('completed');
  });

  it('lets analysts and operators read, not write; client viewers see nothing; another tenant gets 404 or 403', async () => {
    const w = await world();
    const c = await create(w);
    const analyst = await asRole(w, 'analyst');
    expect((await analyst.request({ method: 'GET', url: `${w.base}/campaigns` })).statusCode).toBe(200);
    expect((await analyst.request({ method: 'GET', url: `${w.base}/campaigns/${c.id}` })).statusCode).toBe(200);
    expect((await analyst.request({ method: 'GET', url: `${w.base}/campaigns/${c.id}/stats` })).statusCode).toBe(200);
    const analystCreate = await analyst.request({ method: 'POST', url: `${w.base}/campaigns`, payload: { name: 'x', surveyId: w.surveyId, audience: { kind: 'contacts' }, plan: emailThenSms } });
    expect(analystCreate.statusCode).toBe(403);
    expect((await analyst.request({ method: 'POST', url: `${w.base}/campaigns/${c.id}/launch` })).statusCode).toBe(403);
    // The message list, yes; but addresses are personal data an analyst does not see (checked with messages below).
    expect((await analyst.request({ method: 'GET', url: `${w.base}/campaigns/${c.id}/attempts` })).statusCode).toBe(200);

    const operator = await asRole(w, 'operator');
    expect((await operator.request({ method: 'GET', url: `${w.base}/campaigns/${c.id}` })).statusCode).toBe(200);
    expect((await operator.request({ method: 'GET', url: `${w.base}/campaigns/${c.id}/attempts` })).statusCode).toBe(200);
    expect((await operator.request({ method: 'PATCH', url: `${w.base}/campaigns/${c.id}`, payload: { name: 'y' } })).statusCode).toBe(403);

    const viewer = await asRole(w, 'client_viewer');
    expect((await viewer.request({ method: 'GET', url: `${w.base}/campaigns` })).statusCode).toBe(403);
    expect((await viewer.request({ method: 'GET', url: `${w.base}/campaigns/${c.id}` })).statusCode).toBe(403);
    expect((await viewer.request({ method: 'GET', url: `${w.base}/campaign-settings` })).statusCode).toBe(403);

    // Another tenant's manager learns nothing: 404 on this tenant's routes and through their own.
    const other = await world();
    expect((await other.pm.request({ method: 'GET', url: `${w.base}/campaigns/${c.id}` })).statusCode).toBe(404);
    expect((await other.pm.request({ method: 'GET', url: `${other.base}/campaigns/${c.id}` })).statusCode).toBe(404);
    expect((await other.pm.request({ method: 'POST', url: `${other.base}/campaigns/${c.id}/cancel` })).statusCode).toBe(404);
  });

  it('honours API token scopes campaigns:read and campaigns:write', async () => {
    const w = await world();
    const c = await create(w);
    const token = async (scopes: string[]) => {
      const res = await w.pm.request({ method: 'POST', url: `${w.base}/api-tokens`, payload: { name: scopes.join(' '), scopes } });
      expect(res.statusCode, res.body).toBe(201);
      return { authorization: `Bearer ${res.json().secret as string}` };
    };
    const reader = await token(['campaigns:read']);
    expect((await t.app.inject({ method: 'GET', url: `${w.base}/campaigns/${c.id}`, headers: reader })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `${w.base}/campaigns/${c.id}/stats`, headers: reader })).statusCode).toBe(200);
    const readerWrites = await t.app.inject({ method: 'POST', url: `${w.base}/campaigns/${c.id}/launch`, headers: reader });
    expect(readerWrites.statusCode).toBe(403);

    const writer = await token(['campaigns:read', 'campaigns:write']);
    const made = await t.app.inject({ method: 'POST', url: `${w.base}/campaigns`, headers: writer, payload: { name: 'From the CRM', surveyId: w.surveyId, audience: { kind: 'contacts' }, plan: emailThenSms } });
    expect(made.statusCode, made.body).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: `${w.base}/campaigns/${made.json().id}/launch`, headers: writer })).statusCode).toBe(200);

    const unrelated = await token(['responses:read']);
    expect((await t.app.inject({ method: 'GET', url: `${w.base}/campaigns`, headers: unrelated })).statusCode).toBe(403);
  });

  it('dispatches through the jobs and reports the funnel and the attempts', async () => {
    const w = await world();
    const withEmail = await makeContact(t.ctx, w.tenant.id, { language: 'en' });
    const noEmail = await makeContact(t.ctx, w.tenant.id, { email: null });
    const c = await create(w);
    expect((await action(w, c.id, 'launch')).statusCode).toBe(200);
    await drainJobs(t);

    const sms = t.ctx.sms as FakeSmsSender;
    expect(sms.sent.map((m) => m.to)).toEqual([noEmail.phone]);
    const mails = (await outbox()).filter((m) => m.to === withEmail.email);
    expect(mails).toHaveLength(1);

    const got = await w.pm.request({ method: 'GET', url: `${w.base}/campaigns/${c.id}` });
    expect(got.json()).toMatchObject({ planStatus: 'done', planned: 2, status: 'running' });

    const stats = await w.pm.request({ method: 'GET', url: `${w.base}/campaigns/${c.id}/stats` });
    expect(stats.statusCode, stats.body).toBe(200);
    const body = stats.json();
    // The person without email got the last step already: their chain is over (stopped) without an answer.
    expect(body.people).toMatchObject({ planned: 2, reached: 2, opened: 0, started: 0, completed: 0, stopped: 1 });
    expect(body.channels).toEqual([
      expect.objectContaining({ channel: 'email', planned: 2, scheduled: 0, sent: 1, delivered: 1, skipped: 1, failed: 0 }),
      expect.objectContaining({ channel: 'sms', planned: 2, scheduled: 1, sent: 1, delivered: 0, failed: 0 }),
    ]);
    expect(body.reasons).toEqual({ no_address: 1 });
    expect(body.at).toBe(MORNING_MOSCOW.toISOString());

    const attempts = await w.pm.request({ method: 'GET', url: `${w.base}/campaigns/${c.id}/attempts` });
    expect(attempts.statusCode).toBe(200);
    const items = attempts.json().items as Array<{ contactId: string; channel: string; status: string; address: string | null; reason: string | null; parts: number | null }>;
    expect(items).toHaveLength(4);
    expect(items.filter((a) => a.contactId === withEmail.id).map((a) => [a.channel, a.status]).sort()).toEqual([
      ['email', 'sent'],
      ['sms', 'scheduled'],
    ]);
    expect(items.find((a) => a.contactId === withEmail.id && a.channel === 'email')).toMatchObject({ address: withEmail.email });
    expect(items.find((a) => a.contactId === noEmail.id && a.channel === 'sms')).toMatchObject({ status: 'sent', address: noEmail.phone, parts: 2 }); // a Russian text with its link: two UCS-2 parts
    const analyst = await asRole(w, 'analyst');
    const seenByAnalyst = (await analyst.request({ method: 'GET', url: `${w.base}/campaigns/${c.id}/attempts` })).json().items as typeof items;
    expect(seenByAnalyst).toHaveLength(4);
    expect(seenByAnalyst.every((a) => a.address === null)).toBe(true);
    const onlySent = await w.pm.request({ method: 'GET', url: `${w.base}/campaigns/${c.id}/attempts?status=sent,delivered` });
    expect(onlySent.json().items).toHaveLength(2);
  });

  it('previews a localised email and an SMS, and test-sends one to the outbox with a test invitation', async () => {
    const w = await world();
    const person = await makeContact(t.ctx, w.tenant.id, { language: 'en', firstName: 'Alice' });
    const c = await create(w, { plan: { steps: [{ channel: 'email', template: { subject: { en: 'Tell us, please', ru: 'Расскажите' } } }, { channel: 'sms', delayMinutes: 60 }] } });

    const en = await w.pm.request({ method: 'POST', url: `${w.base}/campaigns/${c.id}/preview`, payload: { step: 0, contactId: person.id } });
    expect(en.statusCode, en.body).toBe(200);
    expect(en.json()).toMatchObject({ channel: 'email', to: person.email, subject: 'Tell us, please' });
    expect(en.json().from).toContain(w.tenant.name);
    expect(en.json().html).toContain('<');
    expect(en.json().html).toContain('Alice');

    const ru = await w.pm.request({ method: 'POST', url: `${w.base}/campaigns/${c.id}/preview`, payload: { step: 0, language: 'ru' } });
    expect(ru.json()).toMatchObject({ channel: 'email', to: null, subject: 'Расскажите' });

    const text = await w.pm.request({ method: 'POST', url: `${w.base}/campaigns/${c.id}/preview`, payload: { step: 1, language: 'en' } });
    expect(text.statusCode).toBe(200);
    expect(text.json()).toMatchObject({ channel: 'sms', to: null });
    expect(text.json().text).toMatch(/please rate/);
    expect(text.json()).not.toHaveProperty('subject');

    const noStep = await w.pm.request({ method: 'POST', url: `${w.base}/campaigns/${c.id}/preview`, payload: { step: 5 } });
    expect(noStep.statusCode).toBe(400);
    expect(noStep.json().errors[0].path).toBe('step');
    const stranger = await makeContact(t.ctx, (await makeTenant(t.ctx)).id);
    const foreignContact = await w.pm.request({ method: 'POST', url: `${w.base}/campaigns/${c.id}/preview`, payload: { step: 0, contactId: stranger.id } });
    expect(foreignContact.statusCode).toBe(400);

    const sent = await w.pm.request({ method: 'POST', url: `${w.base}/campaigns/${c.id}/test-send`, payload: { step: 0, to: ' me@Example.TEST ', language: 'en' } });
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json()).toMatchObject({ channel: 'email', to: 'me@example.test' });
    await drainJobs(t);
    const mails = (await outbox()).filter((m) => m.to === 'me@example.test');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('[TEST] Tell us, please');
    expect(mails[0]!.from).toContain(w.tenant.name);
    const invitation = await t.ctx.db.execute<{ test: boolean; contact_id: string | null; language: string }>(
      sql`select test, contact_id, language from invitations where id = ${sent.json().invitationId}`,
    );
    expect(invitation.rows).toEqual([{ test: true, contact_id: null, language: 'en' }]);

    // The SMS step's test goes through the worker's SMS connection.
    const textSent = await w.pm.request({ method: 'POST', url: `${w.base}/campaigns/${c.id}/test-send`, payload: { step: 1, to: '8 (916) 111-22-33', language: 'en' } });
    expect(textSent.statusCode, textSent.body).toBe(202);
    expect(textSent.json()).toMatchObject({ channel: 'sms', to: '+79161112233' });
    await drainJobs(t);
    const texts = (t.ctx.sms as FakeSmsSender).sent.filter((m) => m.to === '+79161112233');
    expect(texts).toHaveLength(1);
    expect(texts[0]!.text).toMatch(/please rate/);

    const badAddress = await w.pm.request({ method: 'POST', url: `${w.base}/campaigns/${c.id}/test-send`, payload: { step: 0, to: 'not an address' } });
    expect(badAddress.statusCode).toBe(400);
    const analyst = await asRole(w, 'analyst');
    // An analyst may see the words, not a person's address (contacts are not theirs to read).
    expect((await analyst.request({ method: 'POST', url: `${w.base}/campaigns/${c.id}/preview`, payload: { step: 0, language: 'en' } })).statusCode).toBe(200);
    expect((await analyst.request({ method: 'POST', url: `${w.base}/campaigns/${c.id}/preview`, payload: { step: 0, contactId: person.id } })).statusCode).toBe(403);
    expect((await analyst.request({ method: 'POST', url: `${w.base}/campaigns/${c.id}/test-send`, payload: { step: 0, to: 'me@example.test' } })).statusCode).toBe(403);
  });

  it('reads and replaces campaign settings; the sender name is used in the next email', async () => {
    const w = await world();
    const initial = await w.pm.request({ method: 'GET', url: `${w.base}/campaign-settings` });
    expect(initial.statusCode).toBe(200);
    expect(initial.json()).toMatchObject({ contactHours: { from: '09:00', to: '21:00' }, email: { fromName: null, fromAddress: null, replyTo: null }, sms: { senderId: null } });
    expect(initial.json().defaults.fromAddress).toMatch(/@/);

    const put = (body: Record<string, unknown>) =>
      w.pm.request({ method: 'PUT', url: `${w.base}/campaign-settings`, payload: { contactHours: { from: '10:00', to: '20:00' }, email: { fromName: 'Acme Care', fromAddress: null, replyTo: 'care@acme.test' }, sms: { senderId: 'ACME' }, ...body } });
    const backwards = await put({ contactHours: { from: '21:00', to: '09:00' } });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([expect.objectContaining({ path: 'contactHours' })]);
    const notATime = await put({ contactHours: { from: '9am', to: '20:00' } });
    expect(notATime.statusCode).toBe(400);
    const longSender = await put({ sms: { senderId: 'MUCH TOO LONG SENDER' } });
    expect(longSender.statusCode).toBe(400);

    const saved = await put({});
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ contactHours: { from: '10:00', to: '20:00' }, email: { fromName: 'Acme Care', fromAddress: null, replyTo: 'care@acme.test' }, sms: { senderId: 'ACME' } });
    expect((await w.pm.request({ method: 'GET', url: `${w.base}/campaign-settings` })).json()).toMatchObject(saved.json());
    const analyst = await asRole(w, 'analyst');
    expect((await analyst.request({ method: 'GET', url: `${w.base}/campaign-settings` })).statusCode).toBe(200);
    const { defaults: _defaults, ...asSaved } = saved.json();
    expect((await analyst.request({ method: 'PUT', url: `${w.base}/campaign-settings`, payload: asSaved })).statusCode).toBe(403);

    const person = await makeContact(t.ctx, w.tenant.id);
    const c = await create(w, { plan: { steps: [{ channel: 'email' }] } });
    // 11:00 in Moscow: within 10:00–20:00.
    expect((await action(w, c.id, 'launch')).statusCode).toBe(200);
    await drainJobs(t);
    const mails = (await outbox()).filter((m) => m.to === person.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.from).toMatch(/^"Acme Care" </);
  });
});
