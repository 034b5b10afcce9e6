import fs from 'node:fs/promises';
import { once } from 'node:events';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchCampaign } from '../../../src/app/campaigns/campaigns.ts';
import { unsubscribeToken } from '../../../src/app/campaigns/links.ts';
import { NO_META } from '../../../src/app/context.ts';
import { startCampaignServices, type CampaignServices } from '../../../src/bin/campaignServices.ts';
import type { Actor } from '../../../src/domain/access.ts';
import { verpAddress } from '../../../src/domain/bounces/verp.ts';
import { verify } from '../../../src/domain/webhooks/signature.ts';
import { makeContact, makeLaunchedSurvey, makeTenant, makeUser, TEST_PASSWORD } from '../../factories/index.ts';
import { createTestApp, signIn, type TestApp } from '../../helpers/app.ts';
import { drainJobs } from '../../helpers/jobs.ts';
import { freshIp, get, postForm } from '../../http/respondentHelpers.ts';
import { TestSmsc } from '../../channels/sms/testSmsc.ts';

const system: Actor = { kind: 'system', label: 'test' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 11:00 in Moscow, a Tuesday: inside the default contact hours. */
const MORNING_MOSCOW = new Date('2026-03-10T08:00:00Z');
const BOUNCE = 'bounces@mail.voxpop.test';
const FIXTURES = path.join(import.meta.dirname, '../../fixtures/bounces');

/** A real HTTP peer on localhost standing in for the tenant's CRM. */
async function startReceiver() {
  const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crm/voxpop`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let t: TestApp;
let smsc: TestSmsc;
let services: CampaignServices;
let bouncePort: number;
const receivers: Array<Awaited<ReturnType<typeof startReceiver>>> = [];

beforeAll(async () => {
  smsc = await TestSmsc.start();
  bouncePort = await freePort();
  t = await createTestApp({
    VOXPOP_SMPP_URL: `smpp://voxpop:secret@127.0.0.1:${smsc.port}`,
    VOXPOP_WEBHOOKS_ALLOW_PRIVATE: 'true',
    VOXPOP_BOUNCE_ADDRESS: BOUNCE,
    VOXPOP_BOUNCE_SMTP_PORT: String(bouncePort),
    // The test moves time itself; the background ticker stays out of the way.
    VOXPOP_CAMPAIGN_TICK_SECONDS: '3600',
  });
  services = await startCampaignServices(t.ctx);
});
afterAll(async () => {
  await services.stop();
  await smsc.close();
  await t.close();
});
beforeEach(() => {
  t.clock.set(MORNING_MOSCOW);
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

type Step = { channel: 'email' | 'sms'; delayMinutes: number; attempts: number; retryMinutes: number; template: Record<string, never> };
const step = (channel: 'email' | 'sms', delayMinutes = 0, attempts = 1): Step => ({ channel, delayMinutes, attempts, retryMinutes: 120, template: {} });

/** A tenant with one contact, a webhook endpoint at a local receiver, and a launched campaign with `steps`, dispatched once. */
async function world(steps: Step[], contact: Parameters<typeof makeContact>[2] = {}) {
  const tenant = await makeTenant(t.ctx);
  const user = await makeUser(t.ctx, { memberships: [{ tenantId: tenant.id, role: 'project_manager' }] });
  const pm = await signIn(t, user.email, TEST_PASSWORD);
  const receiver = await startReceiver();
  receivers.push(receiver);
  const hook = await pm.request({ method: 'POST', url: `/api/v1/tenants/${tenant.id}/webhooks`, payload: { url: receiver.url, events: ['invitation.failed', 'contact.unsubscribed'] } });
  expect(hook.statusCode, hook.body).toBe(201);
  const { survey } = await makeLaunchedSurvey(t.ctx, tenant.id);
  const person = await makeContact(t.ctx, tenant.id, contact);
  const created = await pm.request({ method: 'POST', url: `/api/v1/tenants/${tenant.id}/campaigns`, payload: { name: 'Delivery', surveyId: survey.id, audience: { kind: 'contacts' }, plan: { steps } } });
  expect(created.statusCode, created.body).toBe(201);
  const campaignId = created.json().id as string;
  await launchCampaign(t.ctx, system, tenant.id, campaignId, NO_META);
  await drainJobs(t);
  return { tenant, pm, person, campaignId, receiver, secret: hook.json().secret as string };
}

async function attemptsOf(campaignId: string) {
  const rows = await t.ctx.db.execute<{ id: string; invitation_id: string; step: number; attempt: number; channel: string; status: string; reason: string | null; due_at: Date; provider_ids: string[] | null }>(
    sql`select id, invitation_id, step, attempt, channel, status, reason, due_at, provider_ids from campaign_attempts where campaign_id = ${campaignId} order by step, attempt`,
  );
  return rows.rows.map((r) => ({ ...r, due_at: new Date(r.due_at).toISOString() }));
}

async function waitForStatus(campaignId: string, stepIndex: number, status: string) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const row = (await attemptsOf(campaignId)).find((a) => a.step === stepIndex);
    if (row?.status === status) return row;
    if (Date.now() > deadline) throw new Error(`step ${stepIndex} is ${row?.status}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function until(condition: () => Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function doNotContact(tenantId: string) {
  const rows = await t.ctx.db.execute<{ kind: string; value: string; reason: string }>(sql`select kind, value, reason from do_not_contact where tenant_id = ${tenantId} order by kind`);
  return rows.rows;
}

/** The webhook deliveries that reached the receiver, checked for a valid signature. */
async function signedEvents(w: { receiver: { received: Array<{ headers: http.IncomingHttpHeaders; body: string }> }; secret: string }) {
  await drainJobs(t);
  const nowSeconds = Math.floor(t.clock.now().getTime() / 1000);
  const events = [];
  for (const r of w.receiver.received) {
    expect(await verify(w.secret, r.headers['voxpop-signature'] as string, r.headers['voxpop-timestamp'] as string, r.body, nowSeconds)).toEqual({ ok: true });
    events.push(JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
  }
  return events;
}

const receipt = (messageId: string, stat: 'DELIVRD' | 'UNDELIV', err = '000') =>
  smsc.deliver({ esm_class: 0x04, short_message: `id:${messageId} sub:001 dlvrd:001 submit date:2603101100 done date:2603101101 stat:${stat} err:${err} text:` });

describe('SMS over SMPP: receipts and STOP replies', () => {
  it('sends an SMS-only campaign through the SMSC and marks it delivered on the receipt', async () => {
    const w = await world([step('sms')], { email: null });
    const [sent] = await attemptsOf(w.campaignId);
    expect(sent).toMatchObject({ channel: 'sms', status: 'sent' });
    const submit = smsc.submits.find((pdu) => pdu.destination_addr === w.person.phone!.slice(1));
    expect(submit).toBeDefined();
    expect(sent!.provider_ids!.length).toBeGreaterThan(0);

    const ack = await receipt(sent!.provider_ids![0]!, 'DELIVRD');
    expect(ack.command_status).toBe(0);
    await waitForStatus(w.campaignId, 0, 'delivered');
    const stats = await w.pm.request({ method: 'GET', url: `/api/v1/tenants/${w.tenant.id}/campaigns/${w.campaignId}/stats` });
    expect(stats.json().channels).toEqual([expect.objectContaining({ channel: 'sms', sent: 1, delivered: 1 })]);
    // A second receipt for the same message changes nothing.
    await receipt(sent!.provider_ids![0]!, 'DELIVRD');
    expect((await attemptsOf(w.campaignId))[0]!.status).toBe('delivered');
  });

  it('a receipt that arrives before the send is recorded is asked again, not lost', async () => {
    const tenant = await makeTenant(t.ctx);
    const { survey } = await makeLaunchedSurvey(t.ctx, tenant.id);
    await makeContact(t.ctx, tenant.id, { email: null, phone: '+79031234503' });
    const { createCampaign } = await import('../../../src/app/campaigns/campaigns.ts');
    const campaign = await createCampaign(t.ctx, system, tenant.id, { name: 'Fast SMSC', surveyId: survey.id, audience: { kind: 'contacts', filter: {} }, plan: { steps: [step('sms')] } }, NO_META);
    const early: number[] = [];
    smsc.beforeSubmitResponse = async (messageId) => {
      early.push((await receipt(messageId, 'UNDELIV', '001')).command_status);
    };
    try {
      await launchCampaign(t.ctx, system, tenant.id, campaign.id, NO_META);
      await drainJobs(t);
    } finally {
      smsc.beforeSubmitResponse = null;
    }
    // The attempt was still being sent: the SMSC is asked to deliver each part's receipt again (ESME_RX_T_APPN) …
    expect(early.length).toBeGreaterThan(0);
    expect(early.every((status) => status === 0x64)).toBe(true);
    const [sent] = await attemptsOf(campaign.id);
    expect(sent).toMatchObject({ status: 'sent' });
    // … and the redelivered receipt is recorded.
    expect((await receipt(sent!.provider_ids![0]!, 'UNDELIV', '001')).command_status).toBe(0);
    await waitForStatus(campaign.id, 0, 'failed');
  });

  it('an undeliverable receipt fails the attempt, tells the CRM (invitation.failed) and brings the email step forward', async () => {
    const w = await world([step('sms'), step('email', 24 * 60)]);
    const [sms, email] = await attemptsOf(w.campaignId);
    expect(sms).toMatchObject({ status: 'sent' });
    expect(email).toMatchObject({ status: 'scheduled', due_at: new Date(MORNING_MOSCOW.getTime() + DAY).toISOString() });

    t.clock.advance(HOUR);
    await receipt(sms!.provider_ids![0]!, 'UNDELIV', '012');
    const failed = await waitForStatus(w.campaignId, 0, 'failed');
    expect(failed.reason).toBe('sms_undeliverable:012');
    const after = await attemptsOf(w.campaignId);
    expect(after[1]).toMatchObject({ channel: 'email', status: 'scheduled', due_at: t.clock.now().toISOString() });

    const events = await signedEvents(w);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'invitation.failed',
        data: expect.objectContaining({ campaignId: w.campaignId, attemptId: sms!.id, contactId: w.person.id, channel: 'sms', step: 0, reason: 'sms_undeliverable:012' }),
      }),
    ]);
  });

  it('a STOP reply puts the number on do-not-contact, cancels the waiting SMS and tells the CRM', async () => {
    const phone = '+79031234501';
    const w = await world([step('sms', 0, 2), step('email', 24 * 60)], { phone });
    expect((await attemptsOf(w.campaignId)).map((a) => [a.channel, a.attempt, a.status])).toEqual([
      ['sms', 1, 'sent'],
      ['sms', 2, 'scheduled'],
    ]);

    const ack = await smsc.deliverMo('СТОП', { coding: 'ucs2', from: phone.slice(1) });
    expect(ack.command_status).toBe(0);
    await until(async () => (await doNotContact(w.tenant.id)).length > 0);
    expect(await doNotContact(w.tenant.id)).toEqual([{ kind: 'phone', value: phone, reason: 'sms_stop' }]);
    await until(async () => (await attemptsOf(w.campaignId)).some((a) => a.status === 'cancelled'));
    const after = await attemptsOf(w.campaignId);
    expect(after.find((a) => a.attempt === 2)).toMatchObject({ status: 'cancelled', reason: 'unsubscribed' });

    const events = await signedEvents(w);
    expect(events).toEqual([expect.objectContaining({ type: 'contact.unsubscribed', data: expect.objectContaining({ contactId: w.person.id, kind: 'phone', via: 'sms_reply' }) })]);

    // Saying it twice changes nothing and tells the CRM nothing new.
    await smsc.deliverMo('STOP', { from: phone.slice(1) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await signedEvents(w)).toHaveLength(1);
  });

  it('one STOP reaches every organisation that texted the number lately, and only those', async () => {
    const phone = '+79031234504';
    const a = await world([step('sms')], { phone });
    const b = await world([step('sms')], { phone });
    const bystander = await makeTenant(t.ctx);
    await makeContact(t.ctx, bystander.id, { phone });
    await smsc.deliverMo('Stop', { from: phone.slice(1) });
    await until(async () => (await doNotContact(a.tenant.id)).length > 0 && (await doNotContact(b.tenant.id)).length > 0);
    expect(await doNotContact(b.tenant.id)).toEqual([{ kind: 'phone', value: phone, reason: 'sms_stop' }]);
    expect(await doNotContact(bystander.id)).toEqual([]);
    // Each organisation's CRM hears of it (delivered now: a retry would be timed on the test clock, months before the database's).
    for (const w of [a, b]) expect((await signedEvents(w)).map((e) => e.type)).toEqual(['contact.unsubscribed']);
  });

  it('an ordinary reply is not an opt-out', async () => {
    const phone = '+79031234502';
    const w = await world([step('sms', 0, 2)], { phone });
    await smsc.deliverMo('не останавливайтесь, всё отлично', { coding: 'ucs2', from: phone.slice(1) });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await doNotContact(w.tenant.id)).toEqual([]);
    expect((await attemptsOf(w.campaignId)).map((a) => a.status)).toEqual(['sent', 'scheduled']);
  });
});

/** Relays a DSN to the bounce receiver as an MTA would: null sender, the VERP address as the envelope recipient. */
async function relayDsn(fixture: string, attemptId: string, originalAttempt: string, recipient: string, originalRecipient: string) {
  const raw = (await fs.readFile(path.join(FIXTURES, fixture), 'utf8')).replaceAll(originalAttempt, attemptId).replaceAll(originalRecipient, recipient);
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: bouncePort, secure: false, ignoreTLS: true, logger: false });
  try {
    await transport.sendMail({ envelope: { from: '', to: [verpAddress(BOUNCE, attemptId)] }, raw });
  } finally {
    transport.close();
  }
}

describe('email bounces through the bounce receiver', () => {
  it('a hard bounce (5.1.1) marks the attempt bounced, lists the address and brings the SMS forward', async () => {
    const w = await world([step('email'), step('sms', 24 * 60)], { email: 'Ivan.Petrov@example.org' });
    const [email, sms] = await attemptsOf(w.campaignId);
    expect(email).toMatchObject({ status: 'sent' });
    expect(sms).toMatchObject({ status: 'scheduled', due_at: new Date(MORNING_MOSCOW.getTime() + DAY).toISOString() });

    t.clock.advance(HOUR);
    await relayDsn('postfix-hard-5.1.1.eml', email!.id, '3f1c2a9e-7b4d-4e21-9c55-0a8d2e6f4b10', 'Ivan.Petrov@example.org', 'Ivan.Petrov@Example.org');
    const bounced = await waitForStatus(w.campaignId, 0, 'bounced');
    expect(bounced.reason).toBe('bounced:5.1.1');
    expect(await doNotContact(w.tenant.id)).toEqual([{ kind: 'email', value: 'Ivan.Petrov@example.org', reason: 'bounce' }]);
    expect((await attemptsOf(w.campaignId))[1]).toMatchObject({ channel: 'sms', status: 'scheduled', due_at: t.clock.now().toISOString() });
    const events = await signedEvents(w);
    expect(events).toEqual([expect.objectContaining({ type: 'invitation.failed', data: expect.objectContaining({ attemptId: email!.id, channel: 'email', reason: 'bounced:5.1.1' }) })]);
  });

  it('a delay notice (4.4.1) changes nothing', async () => {
    const w = await world([step('email'), step('sms', 24 * 60)], { email: 'anna@slow.example.com' });
    const before = await attemptsOf(w.campaignId);
    await relayDsn('delayed-4.4.1.eml', before[0]!.id, 'c2b7e0f1-5a3d-4c89-8e42-9d1f6a0b7c35', 'anna@slow.example.com', 'anna@slow.example.com');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await attemptsOf(w.campaignId)).toEqual(before);
    expect(await doNotContact(w.tenant.id)).toEqual([]);
  });
});

describe('the unsubscribe page', () => {
  it('asks on GET without changing anything, unsubscribes on POST, and refuses a forged token', async () => {
    const w = await world([step('email'), step('email', 24 * 60)], { language: 'en' });
    const [first] = await attemptsOf(w.campaignId);
    const mail = await fs.readFile(path.join(t.outboxDir, `attempt_${first!.id}.eml`), 'utf8');
    const link = /\/u\/([A-Za-z0-9._-]+)/.exec(mail)?.[1] ?? unsubscribeToken(t.ctx.config.secretKey, first!.invitation_id);
    expect(link).toBe(unsubscribeToken(t.ctx.config.secretKey, first!.invitation_id));

    const ip = freshIp();
    const page = await get(t, `/u/${link}`, ip);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<form method="post" action="/u/${link}">`);
    expect(page.body).toMatch(/Unsubscribe/);
    expect(page.body).not.toContain(w.person.email!);
    expect(await doNotContact(w.tenant.id)).toEqual([]);

    const done = await postForm(t, `/u/${link}`, { 'List-Unsubscribe': 'One-Click' }, ip);
    expect(done.statusCode).toBe(200);
    expect(done.body).toMatch(/You are unsubscribed/);
    expect(await doNotContact(w.tenant.id)).toEqual([{ kind: 'email', value: w.person.email, reason: 'unsubscribe' }]);
    expect((await attemptsOf(w.campaignId))[1]).toMatchObject({ status: 'cancelled', reason: 'unsubscribed' });
    const events = await signedEvents(w);
    expect(events).toEqual([expect.objectContaining({ type: 'contact.unsubscribed', data: expect.objectContaining({ contactId: w.person.id, kind: 'email', via: 'email_link' }) })]);

    // Again: harmless, and the CRM is not told twice.
    expect((await postForm(t, `/u/${link}`, {}, ip)).statusCode).toBe(200);
    expect(await signedEvents(w)).toHaveLength(1);

    const [id] = link.split('.');
    const forged = await get(t, `/u/${id}.AAAAAAAAAAAAAAAAAAAAAA`, ip);
    expect(forged.statusCode).toBe(404);
    expect(forged.headers['content-type']).toMatch(/text\/html/);
    expect((await postForm(t, `/u/${id}.AAAAAAAAAAAAAAAAAAAAAA`, {}, ip)).statusCode).toBe(404);
    expect((await get(t, '/u/garbage', ip)).statusCode).toBe(404);
  });
});
