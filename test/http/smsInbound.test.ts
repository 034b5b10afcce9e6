import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, launchCampaign } from '../../src/app/campaigns/campaigns.ts';
import { dispatchCampaign } from '../../src/app/campaigns/dispatcher.ts';
import { planNextChunk } from '../../src/app/campaigns/planner.ts';
import { NO_META } from '../../src/app/context.ts';
import { FakeSmsSender } from '../../src/channels/sms/fakeSmsSender.ts';
import type { Actor } from '../../src/domain/access.ts';
import { makeContact, makeLaunchedSurvey, makeTenant } from '../factories/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const system: Actor = { kind: 'system', label: 'test' };
const SECRET = 'inbound-secret-0123456789abcdef';
let t: TestApp;
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'voxpop-gw-'));
  const file = path.join(dir, 'gateway.json');
  await fs.writeFile(
    file,
    JSON.stringify({
      template: { method: 'POST', url: 'http://127.0.0.1:9/send', contentType: 'json', body: '{"to":"{to}","text":"{text}"}' },
      inbound: { secret: SECRET, mapping: { from: 'From', text: 'Body' } },
    }),
  );
  t = await createTestApp({ VOXPOP_SMS_GATEWAY_FILE: file });
  t.clock.set(new Date('2026-03-10T08:00:00Z'));
});
afterAll(async () => {
  await t.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('incoming SMS through the HTTP gateway', () => {
  it('a STOP reply to a campaign SMS puts the number on do-not-contact; other replies and wrong secrets do not', async () => {
    const tenant = await makeTenant(t.ctx);
    const { survey } = await makeLaunchedSurvey(t.ctx, tenant.id);
    const person = await makeContact(t.ctx, tenant.id);
    const campaign = await createCampaign(
      t.ctx,
      system,
      tenant.id,
      { name: 'SMS', surveyId: survey.id, audience: { kind: 'contacts', filter: {} }, plan: { steps: [{ channel: 'sms', delayMinutes: 0, attempts: 1, retryMinutes: 60, template: {} }] } },
      NO_META,
    );
    await launchCampaign(t.ctx, system, tenant.id, campaign.id, NO_META);
    while (!(await planNextChunk(t.ctx, campaign.id)).done);
    const sms = new FakeSmsSender();
    expect((await dispatchCampaign(t.ctx, { mailer: t.ctx.mailer, sms }, campaign.id)).sent).toBe(1);

    const post = (secret: string, body: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/hooks/sms/${secret}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body });
    expect((await post('wrong-secret-0123456789abcdef', `From=${encodeURIComponent(person.phone!)}&Body=STOP`)).statusCode).toBe(404);
    const thanks = await post(SECRET, `From=${encodeURIComponent(person.phone!)}&Body=${encodeURIComponent('Спасибо, всё хорошо')}`);
    expect(thanks.json()).toEqual({ optOut: false });
    const stop = await post(SECRET, `From=${encodeURIComponent(person.phone!.slice(1))}&Body=${encodeURIComponent('СТОП')}`);
    expect(stop.json()).toEqual({ optOut: true });
    const listed = await t.ctx.db.execute(sql`select reason from do_not_contact where tenant_id = ${tenant.id} and kind = 'phone' and value = ${person.phone}`);
    expect(listed.rows).toEqual([{ reason: 'sms_stop' }]);
    const missing = await post(SECRET, 'Body=STOP');
    expect(missing.statusCode).toBe(400);
  });
});
