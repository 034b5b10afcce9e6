import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { TestSmsc } from '../channels/sms/testSmsc.ts';
import { startCountingSmtpPeer, until, type CountingSmtpPeer } from './crashPeers.ts';
import { newEnv, startVoxpop, type VoxpopEnv, type VoxpopProcess } from './voxpopProcess.ts';

/**
 * Exactly-once delivery attempts, proven against a real process: a campaign
 * (email, then SMS a day later) to 400 people, sent by `voxpop start` to a real
 * SMTP server and a real SMPP SMSC. The process is SIGKILLed in the middle of
 * the emails and again in the middle of the SMS, and started again each time.
 * Nobody may get a message twice; whoever got none must be `in_doubt`, and
 * `in_doubt` is only what had been handed to the channel when the process
 * died; what was claimed but not yet handed goes back to the queue and is sent.
 */
const ADMIN = { email: 'owner@example.test', password: 'a long enough password' };
const PEOPLE = 400;
const DAY = 86_400_000;
const SMSC = { systemId: 'voxpop', password: 'secret' };
/** What one dispatcher claims at once, and one campaign has one dispatcher: all that a crash may leave in doubt. */
/**
 * Handed and not yet recorded, at most (src/app/campaigns/dispatcher.ts): the channel's in-flight
 * number (twice the SMTP pool of 5; the SMPP window of 10), plus a group waiting to be written
 * and a group being written, of that size each.
 */
const MOST_IN_FLIGHT = 3 * 10;
const FINAL = new Set(['sent', 'delivered', 'bounced', 'failed', 'skipped', 'cancelled', 'in_doubt']);

let env: VoxpopEnv;
let clockFile: string;
let smtp: CountingSmtpPeer;
let smsc: TestSmsc;
let voxpop: VoxpopProcess | null = null;
/** Output of every voxpop process this test started, printed if it fails. */
const outputs: Array<() => string> = [];

/** Milliseconds to add to the real clock so that "now" is 12:00 in Moscow (09:00 UTC) today. */
function noonInMoscowOffset(): number {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9, 0, 0) - now.getTime();
}

beforeAll(async () => {
  smtp = await startCountingSmtpPeer(40);
  smsc = await TestSmsc.start({ ...SMSC, submitDelayMs: 100 });
  env = await newEnv({
    VOXPOP_ADMIN_EMAIL: ADMIN.email,
    VOXPOP_ADMIN_PASSWORD: ADMIN.password,
    VOXPOP_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    VOXPOP_SMTP_STARTTLS: 'off',
    VOXPOP_SMPP_URL: `smpp://${SMSC.systemId}:${SMSC.password}@127.0.0.1:${smsc.port}`,
    VOXPOP_CAMPAIGN_TICK_SECONDS: '0.5',
    VOXPOP_SEND_LEASE_SECONDS: '3',
  });
  clockFile = path.join(env.dataDir, 'clock-offset');
  env.extra = { ...env.extra, VOXPOP_CLOCK_FILE: clockFile };
  await fs.writeFile(clockFile, String(noonInMoscowOffset()));
});

afterAll(async () => {
  if (voxpop && voxpop.child.exitCode === null && voxpop.child.signalCode === null) {
    voxpop.child.kill('SIGTERM');
    await voxpop.exited;
  }
  await stopOrphanedPostgres();
  await smtp?.close();
  await smsc?.close();
  if (env) await fs.rm(env.dataDir, { recursive: true, force: true });
});

/** A PostgreSQL left by a killed voxpop when the test failed before the last clean stop. */
async function stopOrphanedPostgres() {
  if (!env) return;
  const pidFile = path.join(env.dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await fs.readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid)) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  await until('the orphaned PostgreSQL to stop', () => !existsSync(pidFile), 15_000).catch(() => undefined);
}

/** The embedded database, reached directly (it outlives a SIGKILLed voxpop). */
async function query<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const password = (await fs.readFile(path.join(env.dataDir, 'postgres.password'), 'utf8')).trim();
  const client = new pg.Client({ connectionString: `postgres://voxpop:${encodeURIComponent(password)}@127.0.0.1:${env.pgPort}/postgres` });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

interface Attempt {
  id: string;
  contact_id: string;
  channel: string;
  status: string;
  address: string | null;
  email: string;
  phone: string;
}

const attemptsOf = (campaignId: string, channel: string) =>
  query<Attempt>(
    `select a.id, a.contact_id, a.channel, a.status, a.address, c.email, c.phone
     from campaign_attempts a join contacts c on c.id = a.contact_id
     where a.campaign_id = $1 and a.channel = $2`,
    [campaignId, channel],
  );

const countIn = async (campaignId: string, channel: string, status: string) =>
  (await query<{ n: number }>(`select count(*)::int as n from campaign_attempts where campaign_id = $1 and channel = $2 and status = $3`, [campaignId, channel, status]))[0]!.n;

async function stepFinished(campaignId: string, channel: string): Promise<boolean> {
  const rows = await query<{ status: string; n: number }>(
    `select status, count(*)::int as n from campaign_attempts where campaign_id = $1 and channel = $2 group by status`,
    [campaignId, channel],
  );
  const total = rows.reduce((s, r) => s + r.n, 0);
  return total === PEOPLE && rows.every((r) => FINAL.has(r.status));
}

interface Api {
  send: <T = Record<string, unknown>>(method: string, url: string, body?: unknown, contentType?: string) => Promise<T>;
}

async function signIn(baseUrl: string): Promise<Api> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    send: async (method, url, body, contentType = 'application/json') => {
      const res = await fetch(`${baseUrl}/api/v1${url}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': contentType }) },
        body: typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
      return (await res.json()) as never;
    },
  };
}

const phoneOf = (i: number) => `+7916${String(1_000_000 + i).padStart(7, '0')}`;
const emailOf = (i: number) => `person${i}@example.test`;

/** A tenant in Moscow, a launched NPS survey, 400 people with an email and a phone, and a draft campaign: email, then SMS a day later. */
async function prepare(api: Api): Promise<{ tenantId: string; campaignId: string }> {
  const tenant = await api.send<{ id: string }>('POST', '/tenants', { name: 'Ромашка', slug: 'romashka', locale: 'ru', timezone: 'Europe/Moscow', defaultRegion: 'RU' });
  const survey = await api.send<{ id: string }>('POST', `/tenants/${tenant.id}/surveys`, { templateId: 'transactional_nps' });
  await api.send('POST', `/tenants/${tenant.id}/surveys/${survey.id}/launch`);

  const csv = ['email,phone,first_name,timezone', ...Array.from({ length: PEOPLE }, (_, i) => `${emailOf(i)},${phoneOf(i)},Person ${i},Europe/Moscow`)].join('\n');
  const upload = await api.send<{ id: string }>('POST', `/tenants/${tenant.id}/contact-imports?fileName=people.csv`, `${csv}\n`, 'text/csv');
  const importStatus = async () => (await api.send<{ status: string }>('GET', `/tenants/${tenant.id}/contact-imports/${upload.id}`)).status;
  await api.send('POST', `/tenants/${tenant.id}/contact-imports/${upload.id}/check`, {
    mapping: { columns: { email: 'email', phone: 'phone', first_name: 'firstName', timezone: 'timezone' } },
  });
  await until('the import to be checked', async () => {
    const status = await importStatus();
    if (status === 'failed') throw new Error('the import failed');
    return status === 'checked';
  }, 60_000);
  await api.send('POST', `/tenants/${tenant.id}/contact-imports/${upload.id}/confirm`);
  await until('the import to be done', async () => (await importStatus()) === 'done', 60_000);

  const campaign = await api.send<{ id: string }>('POST', `/tenants/${tenant.id}/campaigns`, {
    name: 'After-call NPS',
    surveyId: survey.id,
    audience: { kind: 'contacts', filter: {} },
    plan: {
      steps: [
        { channel: 'email', delayMinutes: 0, attempts: 1, retryMinutes: 120, template: {} },
        { channel: 'sms', delayMinutes: 24 * 60, attempts: 1, retryMinutes: 120, template: {} },
      ],
    },
  });
  return { tenantId: tenant.id, campaignId: campaign.id };
}

async function start(): Promise<VoxpopProcess> {
  const proc = await startVoxpop(env);
  outputs.push(proc.output);
  return proc;
}

/** SIGKILLs the process once `received()` reaches `at`; returns what the peer had then and what the database says was claimed. */
async function killWhen(received: () => number, at: number, campaignId: string, channel: string) {
  const proc = voxpop!;
  await until(`${at} ${channel} messages before the kill`, () => received() >= at || proc.child.exitCode !== null, 60_000);
  if (proc.child.exitCode !== null) throw new Error(`voxpop exited by itself (${proc.child.exitCode}):\n${proc.output()}`);
  proc.child.kill('SIGKILL');
  const receivedAtKill = received();
  await proc.exited;
  voxpop = null;
  // The embedded PostgreSQL outlives its voxpop: read what the dead process had claimed.
  const sendingAtKill = await countIn(campaignId, channel, 'sending');
  const sentAtKill = await countIn(campaignId, channel, 'sent');
  const handedAtKill = (
    await query<{ n: number }>(`select count(*)::int as n from campaign_attempts where campaign_id = $1 and channel = $2 and status = 'sending' and handed_at is not null`, [campaignId, channel])
  )[0]!.n;
  return { receivedAtKill, sendingAtKill, sentAtKill, handedAtKill };
}

/** The submit_sm the SMSC received, as parts: a text without a concatenation header is part 1 of 1. */
function smsParts(): Array<{ to: string; seq: number; total: number }> {
  return smsc.submits.map((pdu) => {
    const udh = (pdu.short_message as { udh?: Buffer[] }).udh?.[0];
    return { to: String(pdu.destination_addr), seq: udh ? udh[4]! : 1, total: udh ? udh[3]! : 1 };
  });
}

/** SMS whose first part reached the SMSC. */
const messagesStarted = () => smsParts().filter((p) => p.seq === 1).length;

function duplicates(values: string[]): string[] {
  const seen = new Map<string, number>();
  for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([v]) => v);
}

describe('a campaign survives its worker being killed mid-send', () => {
  it('sends every email and SMS at most once across two SIGKILLs, and accounts for every one', async () => {
    onTestFailed(() => outputs.forEach((output, i) => console.log(`---- output of voxpop #${i + 1}\n${output()}`)));
    const t0 = Date.now();
    const phases: Record<string, number> = {};
    const mark = (name: string) => (phases[name] = Math.round((Date.now() - t0) / 100) / 10);
    voxpop = await start();
    mark('started');
    let api = await signIn(voxpop.baseUrl);
    const { tenantId, campaignId } = await prepare(api);
    mark('prepared');
    await api.send('POST', `/tenants/${tenantId}/campaigns/${campaignId}/launch`);

    // ---- Email step: kill at ~30 %, start again, let it finish.
    const emailKill = await killWhen(() => smtp.received.length, Math.round(PEOPLE * 0.3), campaignId, 'email');
    mark('emailKilled');
    voxpop = await start();
    mark('restarted1');
    await until('the email step to finish', () => stepFinished(campaignId, 'email'), 60_000);
    mark('emailDone');
    // Nothing more arrives late.
    const emailsAfter = smtp.received.length;

    // ---- SMS step, a day (and a minute) later: kill at ~30 %, start again, let it finish.
    expect(smsc.submits).toHaveLength(0);
    await fs.writeFile(clockFile, String(Number(await fs.readFile(clockFile, 'utf8')) + DAY + 60_000));
    const smsKill = await killWhen(() => messagesStarted(), Math.round(PEOPLE * 0.3), campaignId, 'sms');
    mark('smsKilled');
    voxpop = await start();
    mark('restarted2');
    await until('the SMS step to finish', () => stepFinished(campaignId, 'sms'), 60_000);
    mark('smsDone');

    api = await signIn(voxpop.baseUrl);
    const stats = await api.send<{ channels: Array<{ channel: string; planned: number; sent: number; inDoubt: number; failed: number; skipped: number; scheduled: number }> }>(
      'GET',
      `/tenants/${tenantId}/campaigns/${campaignId}/stats`,
    );

    // ---- Email: at most once, by recipient and by attempt; each person received or in doubt.
    expect(smtp.received.length).toBe(emailsAfter);
    const mails = smtp.received;
    expect(mails.every((m) => m.attemptId !== null && m.to.length === 1)).toBe(true);
    expect(duplicates(mails.flatMap((m) => m.to))).toEqual([]);
    expect(duplicates(mails.map((m) => m.attemptId!))).toEqual([]);
    const emailRows = await attemptsOf(campaignId, 'email');
    const mailedAttempts = new Set(mails.map((m) => m.attemptId!));
    const mailedTo = new Set(mails.flatMap((m) => m.to));
    const email = account(emailRows, mailedAttempts, (r) => mailedTo.has(r.email.toLowerCase()));

    // ---- SMS: at most once per number (a long text is several parts; each part at most once); each person received or in doubt.
    const parts = smsParts();
    expect(duplicates(parts.map((p) => `${p.to} part ${p.seq}`))).toEqual([]);
    const numbers = parts.filter((p) => p.seq === 1).map((p) => p.to);
    expect(duplicates(numbers)).toEqual([]);
    const smsRows = await attemptsOf(campaignId, 'sms');
    const texted = new Set(parts.map((p) => p.to));
    const sms = account(smsRows, null, (r) => texted.has(r.phone.replace(/^\+/, '')));

    const report = {
      email: { ...emailKill, ...email, peerReceived: mails.length },
      sms: { ...smsKill, ...sms, smscReceived: numbers.length, smscParts: parts.length },
      stats: stats.channels,
      secondsSinceStart: phases,
    };
    console.log(`campaign crash test: ${JSON.stringify(report)}`);

    for (const [channel, result, kill, received] of [
      ['email', email, emailKill, mails.length],
      ['sms', sms, smsKill, numbers.length],
    ] as const) {
      // Every person: the message arrived, or its attempt is in doubt (possibly lost with the dead worker).
      expect(result.lost, `${channel}: sent by the books but never received`).toEqual([]);
      expect(result.unexpected, `${channel}: received but neither sent nor in doubt`).toEqual([]);
      expect(result.otherStatuses, `${channel}: attempts in another status`).toEqual({});
      expect(result.missing, `${channel}: people without a message and not in doubt`).toBe(0);
      // In doubt is only what the dead process had handed to the channel, no more than it has in flight.
      expect(result.inDoubt).toBe(kill.handedAtKill);
      expect(kill.handedAtKill).toBeLessThanOrEqual(MOST_IN_FLIGHT);
      // The monitor says what the peers counted.
      const funnel = stats.channels.find((c) => c.channel === channel)!;
      expect(funnel).toMatchObject({ planned: PEOPLE, scheduled: 0, failed: 0, skipped: 0, inDoubt: result.inDoubt, sent: PEOPLE });
      expect(funnel.sent).toBe(received + result.inDoubtNotReceived);
    }
  }, 240_000);
});

/** Each attempt against the peer's count: sent ⇒ received; received ⇒ sent or in doubt. */
function account(rows: Attempt[], receivedAttempts: Set<string> | null, receivedByPerson: (r: Attempt) => boolean) {
  const lost: string[] = [];
  const unexpected: string[] = [];
  const otherStatuses: Record<string, number> = {};
  let inDoubt = 0;
  let inDoubtReceived = 0;
  let missing = 0;
  for (const row of rows) {
    const got = receivedByPerson(row) && (receivedAttempts === null || receivedAttempts.has(row.id));
    if (row.status === 'sent' || row.status === 'delivered') {
      if (!got) lost.push(row.id);
    } else if (row.status === 'in_doubt') {
      inDoubt += 1;
      if (got) inDoubtReceived += 1;
    } else {
      otherStatuses[row.status] = (otherStatuses[row.status] ?? 0) + 1;
      if (got) unexpected.push(row.id);
      else missing += 1;
    }
  }
  return { attempts: rows.length, inDoubt, inDoubtReceived, inDoubtNotReceived: inDoubt - inDoubtReceived, lost, unexpected, otherStatuses, missing };
}
