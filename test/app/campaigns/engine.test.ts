import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cancelCampaign, createCampaign, launchCampaign, pauseCampaign, resumeCampaign } from '../../../src/app/campaigns/campaigns.ts';
import { attemptId } from '../../../src/app/campaigns/attempts.ts';
import { dispatchCampaign } from '../../../src/app/campaigns/dispatcher.ts';
import { invitationToken, tokenHashSql } from '../../../src/app/campaigns/links.ts';
import { planNextChunk } from '../../../src/app/campaigns/planner.ts';
import { campaignStats } from '../../../src/app/campaigns/stats.ts';
import { campaignTick } from '../../../src/app/campaigns/ticker.ts';
import { NO_META } from '../../../src/app/context.ts';
import { eraseContactFor } from '../../../src/app/contacts/eraseContact.ts';
import { createSmtpMailer } from '../../../src/channels/email/smtpMailer.ts';
import type { Mailer } from '../../../src/channels/email/port.ts';
import { FakeSmsSender } from '../../../src/channels/sms/fakeSmsSender.ts';
import type { Actor } from '../../../src/domain/access.ts';
import type { ChannelPlan } from '../../../src/domain/campaigns/plan.ts';
import { makeContact, makeLaunchedSurvey, makeTenant } from '../../factories/index.ts';
import { createTestApp, type TestApp } from '../../helpers/app.ts';
import { startSmtpPeer, type SmtpPeer } from '../../helpers/smtpPeer.ts';
import { freshIp, get, hiddenFields, postForm } from '../../http/respondentHelpers.ts';

const system: Actor = { kind: 'system', label: 'test' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 11:00 in Moscow, a Tuesday: inside the default contact hours. */
const MORNING_MOSCOW = new Date('2026-03-10T08:00:00Z');

let t: TestApp;
let peer: SmtpPeer;
let mailer: Mailer;
let sms: FakeSmsSender;

beforeAll(async () => {
  t = await createTestApp();
  peer = await startSmtpPeer();
  mailer = createSmtpMailer({ host: '127.0.0.1', port: peer.port, tls: 'none', maxConnections: 3, maxMessages: 1000 });
});
afterAll(async () => {
  await mailer.close?.();
  await peer.close();
  await t.close();
});
beforeEach(() => {
  sms = new FakeSmsSender();
  peer.received.length = 0;
  t.clock.set(MORNING_MOSCOW);
});

const emailThenSms: ChannelPlan = {
  steps: [
    { channel: 'email', delayMinutes: 0, attempts: 1, retryMinutes: 120, template: {} },
    { channel: 'sms', delayMinutes: 24 * 60, attempts: 1, retryMinutes: 120, template: {} },
  ],
};

async function setup(contacts: Array<Parameters<typeof makeContact>[2]>, plan: ChannelPlan = emailThenSms) {
  const tenant = await makeTenant(t.ctx);
  const { survey } = await makeLaunchedSurvey(t.ctx, tenant.id);
  const people = [];
  for (const c of contacts) people.push(await makeContact(t.ctx, tenant.id, c));
  const campaign = await createCampaign(t.ctx, system, tenant.id, { name: 'After-call NPS', surveyId: survey.id, audience: { kind: 'contacts', filter: {} }, plan }, NO_META);
  return { tenant, survey, people, campaign };
}

async function launchAndPlan(tenantId: string, campaignId: string) {
  await launchCampaign(t.ctx, system, tenantId, campaignId, NO_META);
  // Two partitions side by side, in chunks of 2, as the plan job does with bigger ones.
  await Promise.all([0, 1].map(async (index) => {
    for (;;) if ((await planNextChunk(t.ctx, campaignId, 2, { index, of: 2 })).done) break;
  }));
  const planned = await t.ctx.db.execute<{ plan_status: string }>(sql`select plan_status from campaigns where id = ${campaignId}`);
  expect(planned.rows[0]!.plan_status).toBe('done');
}

const dispatch = (campaignId: string) => dispatchCampaign(t.ctx, { mailer, sms }, campaignId);

async function attemptsOf(campaignId: string) {
  const rows = await t.ctx.db.execute<{ contact_id: string; step: number; attempt: number; channel: string; status: string; reason: string | null; due_at: Date }>(
    sql`select contact_id, step, attempt, channel, status, reason, due_at from campaign_attempts where campaign_id = ${campaignId} order by contact_id, step, attempt`,
  );
  return rows.rows;
}

describe('derived invitation tokens', () => {
  it('the SQL token hash equals the Node one', async () => {
    const id = '3f1c2b4e-8a9d-4c1e-9f00-123456789abc';
    const key = t.ctx.config.secretKey;
    const result = await t.ctx.db.execute<{ h: string }>(sql`select ${tokenHashSql(key, sql`${id}::uuid`)} as h`);
    expect(result.rows[0]!.h).toBe(createHash('sha256').update(invitationToken(key, id)).digest('hex'));
    const long = 'k'.repeat(100);
    const longResult = await t.ctx.db.execute<{ h: string }>(sql`select ${tokenHashSql(long, sql`${id}::uuid`)} as h`);
    expect(longResult.rows[0]!.h).toBe(createHash('sha256').update(invitationToken(long, id)).digest('hex'));
  });

  it('the attempt id is the same in SQL and Node', async () => {
    const id = '3f1c2b4e-8a9d-4c1e-9f00-123456789abc';
    const result = await t.ctx.db.execute<{ u: string }>(sql`select md5(${id}::uuid::text || ':1:2')::uuid::text as u`);
    expect(result.rows[0]!.u).toBe(attemptId(id, 1, 2));
  });
});

describe('a list campaign: email, then SMS after a day', () => {
  it('emails everyone, stops the chain for whoever answers, and texts the rest a day later', async () => {
    const { tenant, people, campaign } = await setup([{ language: 'ru' }, { language: 'en' }, { language: 'ru' }]);
    await launchAndPlan(tenant.id, campaign.id);
    const first = await dispatch(campaign.id);
    expect(first.sent).toBe(3);
    await peer.waitFor(3);
    const byTo = new Map(peer.received.map((m) => [m.parsed.to && 'text' in m.parsed.to ? m.parsed.to.text : '', m]));
    const ru = byTo.get(people[0]!.email!)!;
    const en = byTo.get(people[1]!.email!)!;
    expect(ru.parsed.subject).toMatch(/[а-я]/i);
    expect(en.parsed.subject).toMatch(/how did we do/i);
    const rawHeaders = ru.raw.toString('utf8').split('\r\n\r\n')[0]!;
    expect(rawHeaders).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const unsubscribeUrl = /^List-Unsubscribe:\s*<([^>]+)>/m.exec(rawHeaders)![1]!;
    expect(rawHeaders).toMatch(/^X-Voxpop-Attempt: [0-9a-f-]{36}$/m);

    // Person 0 answers from the link in their email.
    const link = /\/s\/([A-Za-z0-9_-]{22})/.exec(ru.parsed.text ?? '')![1]!;
    const page = await get(t, `/s/${link}?score=9`, freshIp());
    expect(page.statusCode).toBe(200);
    const sent = await postForm(t, `/s/${link}`, { ...hiddenFields(page.body), a_nps: '9' }, freshIp());
    expect(sent.statusCode).toBe(303);

    // Nothing more is due today.
    expect((await dispatch(campaign.id)).sent).toBe(0);
    expect(sms.sent).toHaveLength(0);

    t.clock.advance(DAY + 60_000);
    const second = await dispatch(campaign.id);
    expect(second.sent).toBe(2);
    expect(sms.sent.map((m) => m.to).sort()).toEqual([people[1]!.phone, people[2]!.phone].sort());
    expect(sms.sent.find((m) => m.to === people[1]!.phone)!.text).toMatch(/please rate/);
    expect(sms.sent.find((m) => m.to === people[2]!.phone)!.text).toMatch(/оцените/);

    const rows = await attemptsOf(campaign.id);
    const answered = rows.filter((r) => r.contact_id === people[0]!.id);
    expect(answered.map((r) => [r.channel, r.status, r.reason])).toEqual([
      ['email', 'sent', null],
      ['sms', 'cancelled', 'answered'],
    ]);
    // Person 2 unsubscribes with the mail client's one-click POST (RFC 8058): their email goes on do-not-contact.
    const p2 = byTo.get(people[2]!.email!)!;
    const p2Unsubscribe = /^List-Unsubscribe:\s*<([^>]+)>/m.exec(p2.raw.toString('utf8'))![1]!;
    const oneClick = await t.app.inject({ method: 'POST', url: new URL(p2Unsubscribe).pathname, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(oneClick.statusCode).toBe(200);
    const listed = await t.ctx.db.execute(sql`select reason from do_not_contact where tenant_id = ${tenant.id} and kind = 'email' and value = ${people[2]!.email}`);
    expect(listed.rows).toEqual([{ reason: 'unsubscribe' }]);
    void unsubscribeUrl;

    const stats = await campaignStats(t.ctx, system, tenant.id, campaign.id);
    expect(stats.people).toMatchObject({ planned: 3, reached: 3, opened: 1, started: 1 });
    expect(stats.channels.find((c) => c.channel === 'email')).toMatchObject({ planned: 3, sent: 3, delivered: 3, opened: 1, started: 1 });
    expect(stats.channels.find((c) => c.channel === 'sms')).toMatchObject({ planned: 2, sent: 2, delivered: 0 });

    await campaignTick(t.ctx);
    const finished = await t.ctx.db.execute<{ status: string }>(sql`select status from campaigns where id = ${campaign.id}`);
    expect(finished.rows[0]!.status).toBe('completed');
  });

  it('never sends twice: planning and dispatching again change nothing', async () => {
    const { tenant, campaign } = await setup([{}, {}]);
    await launchAndPlan(tenant.id, campaign.id);
    // A second planner run (a retried job) finds everything planned.
    await t.ctx.db.execute(sql`update campaigns set plan_status = 'planning', plan_cursors = '{}' where id = ${campaign.id}`);
    await launchAndPlanAgain(campaign.id);
    expect(await attemptsOf(campaign.id)).toHaveLength(2);
    const [a, b] = await Promise.all([dispatch(campaign.id), dispatch(campaign.id)]);
    expect(a.sent + b.sent).toBe(2);
    expect((await dispatch(campaign.id)).sent).toBe(0);
    await peer.waitFor(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(peer.received).toHaveLength(2);
  });

  it('skips to SMS at once for a person without an email, and skips people on do-not-contact', async () => {
    const { tenant, people, campaign } = await setup([{ email: null }, {}]);
    await t.ctx.db.execute(sql`insert into do_not_contact (tenant_id, kind, value) values (${tenant.id}, 'email', ${people[1]!.email}), (${tenant.id}, 'phone', ${people[1]!.phone})`);
    await launchAndPlan(tenant.id, campaign.id);
    await dispatch(campaign.id);
    expect(peer.received).toHaveLength(0);
    expect(sms.sent.map((m) => m.to)).toEqual([people[0]!.phone]);
    const rows = await attemptsOf(campaign.id);
    expect(rows.filter((r) => r.contact_id === people[1]!.id).map((r) => [r.channel, r.status, r.reason])).toEqual([
      ['email', 'skipped', 'do_not_contact'],
      ['sms', 'skipped', 'do_not_contact'],
    ]);
  });

  it('waits for contact hours in each person’s own time zone instead of dropping the send', async () => {
    // 19:30 UTC: 21:30 in Kaliningrad, 22:30 in Moscow, 05:30 next day in Vladivostok.
    t.clock.set(new Date('2026-03-10T19:30:00Z'));
    const { tenant, people, campaign } = await setup([{ timezone: 'Europe/Kaliningrad' }, { timezone: 'Europe/Moscow' }, { timezone: 'Asia/Vladivostok' }], {
      steps: [{ channel: 'email', delayMinutes: 0, attempts: 1, retryMinutes: 120, template: {} }],
    });
    await launchAndPlan(tenant.id, campaign.id);
    const result = await dispatch(campaign.id);
    expect(result).toMatchObject({ sent: 0, deferred: 3 });
    const due = new Map((await attemptsOf(campaign.id)).map((r) => [r.contact_id, new Date(r.due_at).toISOString()]));
    expect(due.get(people[0]!.id)).toBe('2026-03-11T07:00:00.000Z'); // 09:00 Kaliningrad (UTC+2)
    expect(due.get(people[1]!.id)).toBe('2026-03-11T06:00:00.000Z'); // 09:00 Moscow (UTC+3)
    expect(due.get(people[2]!.id)).toBe('2026-03-10T23:00:00.000Z'); // 09:00 Vladivostok (UTC+10)
    t.clock.set(new Date('2026-03-10T23:00:00Z'));
    expect((await dispatch(campaign.id)).sent).toBe(1);
    t.clock.set(new Date('2026-03-11T07:00:00Z'));
    expect((await dispatch(campaign.id)).sent).toBe(2);
  });

  it('honours the frequency cap across campaigns', async () => {
    const { tenant, people, campaign } = await setup([{}, {}], { steps: [{ channel: 'email', delayMinutes: 0, attempts: 1, retryMinutes: 120, template: {} }] });
    await t.ctx.db.execute(sql`update tenants set survey_frequency_cap_days = 30 where id = ${tenant.id}`);
    await t.ctx.db.execute(sql`update contacts set last_invited_at = ${new Date(MORNING_MOSCOW.getTime() - 10 * DAY)} where id = ${people[0]!.id}`);
    await launchAndPlan(tenant.id, campaign.id);
    const result = await dispatch(campaign.id);
    expect(result).toMatchObject({ sent: 1, skipped: 1 });
    const rows = await attemptsOf(campaign.id);
    expect(rows.find((r) => r.contact_id === people[0]!.id)).toMatchObject({ status: 'skipped', reason: 'frequency_cap' });
    const invited = await t.ctx.db.execute<{ last_invited_at: Date }>(sql`select last_invited_at from contacts where id = ${people[1]!.id}`);
    expect(new Date(invited.rows[0]!.last_invited_at).toISOString()).toBe(MORNING_MOSCOW.toISOString());
  });

  it('pauses, resumes and cancels; a paused campaign sends nothing, a cancelled one cancels what waits', async () => {
    const { tenant, campaign } = await setup([{}, {}]);
    await launchAndPlan(tenant.id, campaign.id);
    await pauseCampaign(t.ctx, system, tenant.id, campaign.id, NO_META);
    expect((await dispatch(campaign.id)).sent).toBe(0);
    await resumeCampaign(t.ctx, system, tenant.id, campaign.id, NO_META);
    expect((await dispatch(campaign.id)).sent).toBe(2);
    await cancelCampaign(t.ctx, system, tenant.id, campaign.id, NO_META);
    const rows = await attemptsOf(campaign.id);
    expect(rows.filter((r) => r.channel === 'sms').every((r) => r.status === 'cancelled' && r.reason === 'campaign_cancelled')).toBe(true);
  });

  it('pauses itself when the budget is spent, and goes on after it is raised', async () => {
    const { tenant, campaign } = await setup([{}, {}, {}], { steps: [{ channel: 'email', delayMinutes: 0, attempts: 1, retryMinutes: 120, template: {} }] });
    await t.ctx.db.execute(sql`update campaigns set limits = '{"maxMessages": 2}' where id = ${campaign.id}`);
    await launchAndPlan(tenant.id, campaign.id);
    expect((await dispatch(campaign.id)).sent).toBe(2);
    const paused = await t.ctx.db.execute<{ status: string; pause_reason: string }>(sql`select status, pause_reason from campaigns where id = ${campaign.id}`);
    expect(paused.rows[0]).toEqual({ status: 'paused', pause_reason: 'budget' });
    await t.ctx.db.execute(sql`update campaigns set limits = '{"maxMessages": 10}' where id = ${campaign.id}`);
    await resumeCampaign(t.ctx, system, tenant.id, campaign.id, NO_META);
    expect((await dispatch(campaign.id)).sent).toBe(1);
  });

  it('a message claimed but not yet handed to the channel by a dead worker goes back to the queue and is sent once', async () => {
    const { tenant, campaign } = await setup([{}], { steps: [{ channel: 'email', delayMinutes: 0, attempts: 1, retryMinutes: 120, template: {} }] });
    await launchAndPlan(tenant.id, campaign.id);
    await t.ctx.db.execute(sql`update campaign_attempts set status = 'sending', claimed_at = ${MORNING_MOSCOW} where campaign_id = ${campaign.id}`);
    expect((await dispatch(campaign.id)).sent).toBe(0);
    t.clock.advance(t.ctx.config.campaigns.sendLeaseMs + 1000);
    expect((await campaignTick(t.ctx)).abandoned).toBe(0);
    expect((await dispatch(campaign.id)).sent).toBe(1);
    await peer.waitFor(1);
    expect((await attemptsOf(campaign.id)).map((r) => r.status)).toEqual(['sent']);
  });

  it('a live dispatcher’s slow sends are not declared abandoned, and a second dispatcher waits its turn', async () => {
    const { tenant, campaign } = await setup([{}], { steps: [{ channel: 'email', delayMinutes: 0, attempts: 1, retryMinutes: 120, template: {} }] });
    await launchAndPlan(tenant.id, campaign.id);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Mailer = { name: 'slow', send: async (email, from) => (await gate, mailer.send(email, from)) };
    const running = dispatchCampaign(t.ctx, { mailer: slow, sms }, campaign.id);
    await expect.poll(async () => (await attemptsOf(campaign.id))[0]!.status).toBe('sending');
    expect(await dispatch(campaign.id)).toMatchObject({ sent: 0, more: true });
    t.clock.advance(t.ctx.config.campaigns.sendLeaseMs + 1000);
    expect((await campaignTick(t.ctx)).abandoned).toBe(0);
    release();
    expect((await running).sent).toBe(1);
    expect((await attemptsOf(campaign.id)).map((r) => r.status)).toEqual(['sent']);
  });

  it('erasing a person cancels what waits for them and empties the address of what was sent', async () => {
    const { tenant, people, campaign } = await setup([{}]);
    await launchAndPlan(tenant.id, campaign.id);
    expect((await dispatch(campaign.id)).sent).toBe(1);
    await eraseContactFor(t.ctx, system, tenant.id, people[0]!.id, NO_META);
    const rows = await t.ctx.db.execute<{ contact_id: string | null; address: string | null; status: string; reason: string | null }>(
      sql`select contact_id, address, status, reason from campaign_attempts where campaign_id = ${campaign.id} order by step`,
    );
    expect(rows.rows).toEqual([
      { contact_id: null, address: null, status: 'sent', reason: null },
      { contact_id: null, address: null, status: 'cancelled', reason: 'contact_erased' },
    ]);
  });

  it('a message abandoned mid-send by a dead worker is in doubt, never sent again, and the chain goes on', async () => {
    const { tenant, campaign } = await setup([{}]);
    await launchAndPlan(tenant.id, campaign.id);
    await t.ctx.db.execute(sql`update campaign_attempts set status = 'sending', claimed_at = ${MORNING_MOSCOW}, handed_at = ${MORNING_MOSCOW} where campaign_id = ${campaign.id}`);
    t.clock.advance(t.ctx.config.campaigns.sendLeaseMs + 1000);
    expect((await campaignTick(t.ctx)).abandoned).toBe(1);
    expect((await dispatch(campaign.id)).sent).toBe(0);
    const rows = await attemptsOf(campaign.id);
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['email', 'in_doubt'],
      ['sms', 'scheduled'],
    ]);
  });
});

async function launchAndPlanAgain(campaignId: string) {
  for (;;) if ((await planNextChunk(t.ctx, campaignId, 1)).done) break;
}

