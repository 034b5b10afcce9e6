import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { campaignTick } from '../../src/app/campaigns/ticker.ts';
import { makeContact, makeLaunchedSurvey, makeTenant, makeUser, TEST_PASSWORD } from '../factories/index.ts';
import { createTestApp, signIn, type TestApp } from '../helpers/app.ts';
import { drainJobs } from '../helpers/jobs.ts';
import { freshIp, get, hiddenFields, postForm } from './respondentHelpers.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** 11:00 in Moscow, a Tuesday. */
const MORNING_MOSCOW = new Date('2026-03-10T08:00:00Z');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => {
  t.clock.set(MORNING_MOSCOW);
});

/** A tenant with a running events campaign (repairs, 3 days after the service) and an events:write token. */
async function world() {
  const tenant = await makeTenant(t.ctx);
  const user = await makeUser(t.ctx, { memberships: [{ tenantId: tenant.id, role: 'project_manager' }] });
  const pm = await signIn(t, user.email, TEST_PASSWORD);
  const { survey } = await makeLaunchedSurvey(t.ctx, tenant.id);
  const base = `/api/v1/tenants/${tenant.id}`;
  const created = await pm.request({
    method: 'POST',
    url: `${base}/campaigns`,
    payload: {
      name: 'After repair',
      surveyId: survey.id,
      audience: { kind: 'events', eventType: 'service_delivered', delayMinutes: 4320, filter: { service_type: ['repair'] } },
      plan: { steps: [{ channel: 'email' }] },
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const campaignId = created.json().id as string;
  const launched = await pm.request({ method: 'POST', url: `${base}/campaigns/${campaignId}/launch` });
  expect(launched.json()).toMatchObject({ status: 'running', planStatus: 'done' });
  const token = await pm.request({ method: 'POST', url: `${base}/api-tokens`, payload: { name: 'CRM', scopes: ['events:write'] } });
  expect(token.statusCode, token.body).toBe(201);
  const auth = { authorization: `Bearer ${token.json().secret as string}` };
  const send = (event: Record<string, unknown>, headers: Record<string, string> = auth) => t.app.inject({ method: 'POST', url: `${base}/events`, headers, payload: event });
  return { tenant, pm, base, campaignId, auth, send, surveyId: survey.id };
}

let eventCounter = 0;
const event = (overrides: Record<string, unknown> = {}) => ({
  eventId: `evt-${++eventCounter}`,
  type: 'service_delivered',
  occurredAt: new Date(MORNING_MOSCOW.getTime() - 60 * MINUTE).toISOString(),
  customer: { externalId: `C-${eventCounter}`, email: `customer${eventCounter}@example.test`, name: 'Ivan Petrov' },
  serviceType: 'repair',
  department: 'Service centre North',
  employee: 'Anna S.',
  ...overrides,
});

async function invitationsOf(campaignId: string) {
  const rows = await t.ctx.db.execute<{ id: string; contact_id: string | null; attributes: Record<string, string>; external_key: string }>(
    sql`select id, contact_id, attributes, external_key from invitations where campaign_id = ${campaignId} order by created_at`,
  );
  return rows.rows;
}

async function outboxTo(address: string) {
  const files = await fs.readdir(t.outboxDir).catch(() => [] as string[]);
  const found = [];
  for (const file of files) {
    const raw = await fs.readFile(path.join(t.outboxDir, file), 'utf8');
    if (new RegExp(`^To: ${address.replace(/[.+]/g, '\\$&')}$`, 'm').test(raw)) found.push(raw);
  }
  return found;
}

describe('service events', () => {
  it('schedules the survey 3 days after the service, once per event id, and sends it when the time comes', async () => {
    const w = await world();
    const first = event();
    const res = await w.send(first);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ eventId: first.eventId, duplicate: false, contactId: expect.any(String) });
    expect(body.scheduled).toEqual([{ campaignId: w.campaignId, invitationId: expect.any(String), firstAttemptAt: new Date(Date.parse(first.occurredAt) + 3 * DAY).toISOString() }]);
    const attempts = await t.ctx.db.execute<{ status: string; due_at: Date; channel: string }>(sql`select status, due_at, channel from campaign_attempts where campaign_id = ${w.campaignId}`);
    expect(attempts.rows.map((r) => [r.channel, r.status, new Date(r.due_at).toISOString()])).toEqual([['email', 'scheduled', body.scheduled[0].firstAttemptAt]]);

    const again = await w.send({ ...first, serviceType: 'repair', customer: { externalId: 'someone-else' } });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ eventId: first.eventId, duplicate: true, contactId: body.contactId, scheduled: [] });
    expect(await invitationsOf(w.campaignId)).toHaveLength(1);

    const [invitation] = await invitationsOf(w.campaignId);
    expect(invitation!.attributes).toEqual({ service_type: 'repair', department: 'Service centre North', employee: 'Anna S.' });

    // Nothing goes out before the delay.
    t.clock.advance(DAY);
    await campaignTick(t.ctx);
    await drainJobs(t);
    expect(await outboxTo(first.customer.email)).toHaveLength(0);

    t.clock.set(new Date(Date.parse(body.scheduled[0].firstAttemptAt) + MINUTE));
    expect((await campaignTick(t.ctx)).dispatched).toBe(1);
    await drainJobs(t);
    const mails = await outboxTo(first.customer.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain('Ivan');

    // The answer carries the event's attributes as dimensions.
    const token = /\/s\/([A-Za-z0-9_-]{22})/.exec(mails[0]!)![1]!;
    const ip = freshIp();
    const page = await get(t, `/s/${token}?score=4`, ip);
    expect(page.statusCode).toBe(200);
    const answered = await postForm(t, `/s/${token}`, { ...hiddenFields(page.body), a_nps: '4' }, ip);
    expect(answered.statusCode).toBe(303);
    const response = await t.ctx.db.execute<{ attributes: Record<string, string> }>(sql`select attributes from responses where invitation_id = ${invitation!.id}`);
    expect(response.rows[0]!.attributes).toMatchObject({ service_type: 'repair', department: 'Service centre North', employee: 'Anna S.' });
  });

  it('schedules nothing for another service type or another event type, but still keeps the event', async () => {
    const w = await world();
    const other = await w.send(event({ serviceType: 'installation' }));
    expect(other.statusCode).toBe(200);
    expect(other.json()).toMatchObject({ duplicate: false, scheduled: [] });
    const untyped = await w.send(event({ serviceType: undefined }));
    expect(untyped.json().scheduled).toEqual([]);
    const otherType = await w.send(event({ type: 'call_finished' }));
    expect(otherType.json().scheduled).toEqual([]);
    expect(await invitationsOf(w.campaignId)).toHaveLength(0);
    const kept = await t.ctx.db.execute(sql`select event_id from service_events where tenant_id = ${w.tenant.id}`);
    expect(kept.rows).toHaveLength(3);
  });

  it('an event in the past beyond the delay is scheduled for now and dispatched at once', async () => {
    const w = await world();
    const old = event({ occurredAt: new Date(MORNING_MOSCOW.getTime() - 5 * DAY).toISOString() });
    const res = await w.send(old);
    expect(res.json().scheduled[0].firstAttemptAt).toBe(MORNING_MOSCOW.toISOString());
    await drainJobs(t);
    expect(await outboxTo(old.customer.email)).toHaveLength(1);
  });

  it('finds the customer by external id, phone or email, fills gaps, or creates them with a zone from the phone', async () => {
    const w = await world();
    const known = await makeContact(t.ctx, w.tenant.id, { externalId: 'CRM-1', phone: '+79160000001', email: 'known@example.test' });
    const noPhone = await makeContact(t.ctx, w.tenant.id, { externalId: null, phone: null, email: 'nophone@example.test' });
    const contacts = async () => (await t.ctx.db.execute(sql`select id from contacts where tenant_id = ${w.tenant.id}`)).rows.length;

    expect((await w.send(event({ customer: { externalId: 'CRM-1' } }))).json().contactId).toBe(known.id);
    expect((await w.send(event({ customer: { phone: '8 (916) 000-00-01' } }))).json().contactId).toBe(known.id);
    expect((await w.send(event({ customer: { email: 'known@example.test' } }))).json().contactId).toBe(known.id);
    expect((await w.send(event({ customer: { email: 'nophone@example.test', phone: '+7 916 000 00 02', externalId: 'CRM-2' } }))).json().contactId).toBe(noPhone.id);
    expect(await contacts()).toBe(2);
    const filled = await t.ctx.db.execute<{ phone: string; external_id: string; email: string }>(sql`select phone, external_id, email from contacts where id = ${noPhone.id}`);
    expect(filled.rows[0]).toEqual({ phone: '+79160000002', external_id: 'CRM-2', email: 'nophone@example.test' });

    const created = await w.send(event({ customer: { phone: '+995 555 12 34 56', name: 'Giorgi', language: 'en' } }));
    expect(created.statusCode, created.body).toBe(200);
    const newId = created.json().contactId as string;
    expect([known.id, noPhone.id]).not.toContain(newId);
    const row = await t.ctx.db.execute<{ phone: string; timezone: string; full_name: string; language: string }>(sql`select phone, timezone, full_name, language from contacts where id = ${newId}`);
    expect(row.rows[0]).toEqual({ phone: '+995555123456', timezone: 'Asia/Tbilisi', full_name: 'Giorgi', language: 'en' });
    const zoned = await w.send(event({ customer: { externalId: 'CRM-zone', phone: '+995555000001', timezone: 'Asia/Krasnoyarsk' } }));
    expect(zoned.statusCode, zoned.body).toBe(200);
    const zone = await t.ctx.db.execute<{ timezone: string }>(sql`select timezone from contacts where id = ${zoned.json().contactId}`);
    expect(zone.rows[0]!.timezone).toBe('Asia/Krasnoyarsk'); // given beats the phone's country

    const anonymous = await w.send(event({ customer: {} }));
    expect(anonymous.statusCode).toBe(200);
    // Nobody to send the survey to: nothing is scheduled (a message to no one would only be skipped later).
    expect(anonymous.json()).toMatchObject({ contactId: null, scheduled: [] });

    const refused = event({ customer: { phone: 'not a phone' } });
    const badPhone = await w.send(refused);
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().errors[0].path).toBe('customer.phone');
    // A refused event is not kept: the same id can be sent again once corrected.
    const retried = await w.send({ ...refused, customer: { phone: '+79160000003' } });
    expect(retried.json().duplicate).toBe(false);
  });

  it('takes events only with events:write, and for its own tenant', async () => {
    const w = await world();
    const noAuth = await t.app.inject({ method: 'POST', url: `${w.base}/events`, payload: event() });
    expect(noAuth.statusCode).toBe(401);
    const readToken = await w.pm.request({ method: 'POST', url: `${w.base}/api-tokens`, payload: { name: 'read', scopes: ['campaigns:read'] } });
    expect((await w.send(event(), { authorization: `Bearer ${readToken.json().secret as string}` })).statusCode).toBe(403);
    const other = await makeTenant(t.ctx);
    const foreign = await t.app.inject({ method: 'POST', url: `/api/v1/tenants/${other.id}/events`, headers: w.auth, payload: event() });
    expect(foreign.statusCode).toBe(404);
    const bad = await w.send({ ...event(), type: 'Service Delivered' });
    expect(bad.statusCode).toBe(400);
  });

  it('takes events at the secret receiver URL without auth; a wrong secret is 404; a deleted hook stops working', async () => {
    const w = await world();
    const made = await w.pm.request({ method: 'POST', url: `${w.base}/event-hooks`, payload: { name: 'Telephony' } });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.headers['cache-control']).toBe('no-store');
    const url = new URL(made.json().url as string);
    expect(url.pathname).toMatch(/^\/api\/v1\/hooks\/events\/evh_/);

    const first = event();
    const res = await t.app.inject({ method: 'POST', url: url.pathname, payload: first });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ duplicate: false, scheduled: [{ campaignId: w.campaignId }] });
    const listed = await w.pm.request({ method: 'GET', url: `${w.base}/event-hooks` });
    expect(listed.json().items).toEqual([expect.objectContaining({ name: 'Telephony', lastUsedAt: MORNING_MOSCOW.toISOString() })]);
    expect(listed.body).not.toContain(url.pathname.split('/').at(-1));

    const wrong = await t.app.inject({ method: 'POST', url: `${url.pathname}x`, payload: event() });
    expect(wrong.statusCode).toBe(404);
    expect(await invitationsOf(w.campaignId)).toHaveLength(1);

    expect((await w.pm.request({ method: 'DELETE', url: `${w.base}/event-hooks/${made.json().hook.id}` })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'POST', url: url.pathname, payload: event() })).statusCode).toBe(404);
  });
});
