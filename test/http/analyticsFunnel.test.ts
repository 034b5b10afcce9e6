import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, launchCampaign } from '../../src/app/campaigns/campaigns.ts';
import { dispatchCampaign } from '../../src/app/campaigns/dispatcher.ts';
import { planNextChunk } from '../../src/app/campaigns/planner.ts';
import { campaignStats } from '../../src/app/campaigns/stats.ts';
import { NO_META } from '../../src/app/context.ts';
import type { Mailer } from '../../src/channels/email/port.ts';
import { createSmtpMailer } from '../../src/channels/email/smtpMailer.ts';
import { FakeSmsSender } from '../../src/channels/sms/fakeSmsSender.ts';
import type { Actor } from '../../src/domain/access.ts';
import { wilsonInterval } from '../../src/domain/metrics/index.ts';
import { TEST_PASSWORD, makeContact, makeLaunchedSurvey, makeTenant, makeUser } from '../factories/index.ts';
import { createTestApp, signIn, type Browser, type TestApp } from '../helpers/app.ts';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.ts';
import { freshIp, get, hiddenFields, postForm } from './respondentHelpers.ts';

const system: Actor = { kind: 'system', label: 'test' };
/** 11:00 in Moscow, a Tuesday: inside the default contact hours. */
const MORNING_MOSCOW = new Date('2026-03-10T08:00:00Z');

let t: TestApp;
let peer: SmtpPeer;
let mailer: Mailer;
let tenantId: string;
let surveyId: string;
let otherSurveyId: string;
let campaignId: string;
let viewer: Browser;
let otherViewer: Browser;

beforeAll(async () => {
  t = await createTestApp();
  peer = await startSmtpPeer();
  mailer = createSmtpMailer({ host: '127.0.0.1', port: peer.port, tls: 'none', maxConnections: 3, maxMessages: 1000 });
  t.clock.set(MORNING_MOSCOW);
  const tenant = await makeTenant(t.ctx);
  tenantId = tenant.id;
  surveyId = (await makeLaunchedSurvey(t.ctx, tenantId)).survey.id;
  otherSurveyId = (await makeLaunchedSurvey(t.ctx, tenantId, { name: 'Another' })).survey.id;
  for (const language of ['ru', 'en', 'ru'] as const) await makeContact(t.ctx, tenantId, { language });
  const plan = { steps: [{ channel: 'email' as const, delayMinutes: 0, attempts: 1, retryMinutes: 120, template: {} }] };
  const campaign = await createCampaign(t.ctx, system, tenantId, { name: 'After-call NPS', surveyId, audience: { kind: 'contacts', filter: {} }, plan }, NO_META);
  campaignId = campaign.id;
  await launchCampaign(t.ctx, system, tenantId, campaignId, NO_META);
  for (;;) if ((await planNextChunk(t.ctx, campaignId, 10, { index: 0, of: 1 })).done) break;
  const sent = await dispatchCampaign(t.ctx, { mailer, sms: new FakeSmsSender() }, campaignId);
  expect(sent.sent).toBe(3);
  await peer.waitFor(3);
  // One person answers from the email's link.
  const link = /\/s\/([A-Za-z0-9_-]{22})/.exec(peer.received[0]!.parsed.text ?? '')![1]!;
  const page = await get(t, `/s/${link}?score=9`, freshIp());
  expect(page.statusCode).toBe(200);
  expect((await postForm(t, `/s/${link}`, { ...hiddenFields(page.body), a_nps: '9' }, freshIp())).statusCode).toBe(303);

  const other = await makeTenant(t.ctx);
  const u = await makeUser(t.ctx, { memberships: [{ tenantId, role: 'client_viewer' }] });
  const o = await makeUser(t.ctx, { memberships: [{ tenantId: other.id, role: 'client_viewer' }] });
  viewer = await signIn(t, u.email, TEST_PASSWORD);
  otherViewer = await signIn(t, o.email, TEST_PASSWORD);
}, 120_000);

afterAll(async () => {
  await mailer?.close?.();
  await peer?.close();
  await t?.close();
});

const url = (query: string) => `/api/v1/tenants/${tenantId}/analytics/funnel?${query}`;

describe('GET /analytics/funnel', () => {
  it('counts a real campaign run per channel, as the campaign monitor does, with the response rate', async () => {
    const res = await viewer.request({ method: 'GET', url: url(`from=2026-03-01&to=2026-03-31&surveyId=${surveyId}`) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.channels).toHaveLength(1);
    const email = body.channels[0];
    expect(email).toMatchObject({ channel: 'email', planned: 3, sent: 3, delivered: 3, opened: 1, started: 1, completed: 1 });
    const monitor = await campaignStats(t.ctx, system, tenantId, campaignId);
    const { responseRate, ...counts } = email;
    expect(counts).toEqual(monitor.channels[0]);
    expect(responseRate).toMatchObject({ value: 1 / 3, n: 3, smallSample: true });
    expect(responseRate.interval).toEqual(wilsonInterval(1, 3, 0.95));
    expect(body.total).toMatchObject({ channel: 'all', sent: 3, completed: 1 });
  });

  it('leaves out attempts outside the period and campaigns of other surveys', async () => {
    for (const q of ['from=2026-04-01&to=2026-04-30', `from=2026-03-01&to=2026-03-31&surveyId=${otherSurveyId}`]) {
      const res = await viewer.request({ method: 'GET', url: url(q) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().channels).toEqual([]);
      expect(res.json().total).toMatchObject({ sent: 0, responseRate: { value: null, interval: null } });
    }
  });

  it('answers 404 to other organisations and for a survey that is not theirs, 400 to a bad period', async () => {
    expect((await otherViewer.request({ method: 'GET', url: url('from=2026-03-01&to=2026-03-31') })).statusCode).toBe(404);
    expect((await viewer.request({ method: 'GET', url: url('from=2026-03-01&to=2026-03-31&surveyId=00000000-0000-4000-8000-000000000000') })).statusCode).toBe(404);
    expect((await viewer.request({ method: 'GET', url: url('from=2026-03-31&to=2026-03-01') })).statusCode).toBe(400);
  });

  it('counts a person reached on two channels once in the total', async () => {
    // The person who answered also got an SMS reminder (seeded: the fake SMS sender is not needed for counting).
    const { rows } = await t.ctx.db.execute<{ invitation_id: string; contact_id: string }>(sql`
      select a.invitation_id, a.contact_id from campaign_attempts a join responses r on r.invitation_id = a.invitation_id
       where a.campaign_id = ${campaignId} and r.status = 'completed'`);
    const answered = rows[0]!;
    await t.ctx.db.execute(sql`
      insert into campaign_attempts (id, tenant_id, campaign_id, invitation_id, contact_id, step, attempt, channel, status, due_at, sent_at)
      values (${randomUUID()}, ${tenantId}, ${campaignId}, ${answered.invitation_id}, ${answered.contact_id}, 1, 1, 'sms', 'sent', ${MORNING_MOSCOW}, ${MORNING_MOSCOW})`);
    const res = await viewer.request({ method: 'GET', url: url('from=2026-03-01&to=2026-03-31') });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.channels.map((c: { channel: string; sent: number; completed: number }) => [c.channel, c.sent, c.completed])).toEqual([['email', 3, 1], ['sms', 1, 1]]);
    expect(body.total).toMatchObject({ channel: 'all', planned: 4, sent: 4, delivered: 3, opened: 1, started: 1, completed: 1, responseRate: { value: 1 / 4, n: 4 } });
  });
});
