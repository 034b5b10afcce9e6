import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emitEvent } from '../../src/app/webhooks/emitEvent.ts';
import { WEBHOOK_MAX_ATTEMPTS, WEBHOOK_MAX_DELAY_MS } from '../../src/domain/webhooks/backoff.ts';
import { verify } from '../../src/domain/webhooks/signature.ts';
import { isPrivateAddress } from '../../src/channels/http/publicAddress.ts';
import { makeLaunchedSurvey, makeTenant, makeUser, TEST_PASSWORD } from '../factories/index.ts';
import { createTestApp, signIn, type Browser, type TestApp } from '../helpers/app.ts';
import { drainJobs, queuedJobs } from '../helpers/jobs.ts';

/** A real HTTP peer on localhost: records what arrives, answers with `status`. */
interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}
async function startReceiver() {
  const received: Received[] = [];
  const state = { status: 200 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(state.status).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/voxpop`;
  return { url, received, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

let t: TestApp;
const receivers: Receiver[] = [];
beforeAll(async () => {
  // The receiver is on 127.0.0.1, which the default (no private addresses) would refuse; see the test below.
  t = await createTestApp({ VOXPOP_WEBHOOKS_ALLOW_PRIVATE: 'true' });
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});
afterAll(async () => t.close());

/** A tenant of its own per test (its endpoints get only its events), a project manager and a receiver. */
async function world(opts: { anonymous?: boolean; events?: string[] } = {}, app: TestApp = t) {
  const tenant = await makeTenant(app.ctx);
  const user = await makeUser(app.ctx, { memberships: [{ tenantId: tenant.id, role: 'project_manager' }] });
  const pm = await signIn(app, user.email, TEST_PASSWORD);
  const survey = await makeLaunchedSurvey(app.ctx, tenant.id, opts.anonymous === undefined ? {} : { anonymous: opts.anonymous });
  const receiver = await startReceiver();
  receivers.push(receiver);
  const created = await pm.request({
    method: 'POST',
    url: `/api/v1/tenants/${tenant.id}/webhooks`,
    payload: { url: receiver.url, events: opts.events ?? ['response.completed', 'detractor.received'] },
  });
  expect(created.statusCode, created.body).toBe(201);
  const { webhook, secret } = created.json() as { webhook: { id: string }; secret: string };
  return { tenantId: tenant.id, pm, surveyId: survey.survey.id, receiver, webhookId: webhook.id, secret };
}
type World = Awaited<ReturnType<typeof world>>;

/** Answers through the public API, as the widget would; returns the response id. */
async function answer(w: World, score: number, app: TestApp = t): Promise<string> {
  const inv = await w.pm.request({ method: 'POST', url: `/api/v1/tenants/${w.tenantId}/surveys/${w.surveyId}/invitations`, payload: {} });
  expect(inv.statusCode, inv.body).toBe(201);
  const res = await app.app.inject({ method: 'POST', url: `/api/public/v1/s/${inv.json().token}/answers`, payload: { answers: { nps: score }, final: true } });
  expect(res.json()).toMatchObject({ status: 'completed' });
  const { rows } = await app.database.pool.query<{ id: string }>('select id from responses where invitation_id = $1', [inv.json().id]);
  return rows[0]!.id;
}

const deliveries = async (w: World, status?: string) => {
  const res = await w.pm.request({ method: 'GET', url: `/api/v1/tenants/${w.tenantId}/webhooks/${w.webhookId}/deliveries${status ? `?status=${status}` : ''}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Array<{ id: string; event: string; status: string; attempts: number; nextAttemptAt: string; lastStatusCode: number | null }>;
};

/**
 * Moves time for retries: the handler takes "now" from ctx.clock (the test
 * clock) and re-enqueues itself at next_attempt_at; graphile's run_at is on the
 * database clock, so queued webhook jobs are made due (reschedule_jobs) and the
 * handler, seeing the test clock, sends only what is due by it.
 */
async function advance(ms: number) {
  t.clock.advance(ms);
  await t.ctx.db.execute(
    sql`select graphile_worker.reschedule_jobs(array(select id from graphile_worker.jobs where task_identifier = 'webhook.deliver'), run_at => now())`,
  );
  await drainJobs(t);
}

describe('outgoing webhooks', () => {
  it('delivers a completed detractor response once, signed, as response.completed and detractor.received', async () => {
    const w = await world();
    const responseId = await answer(w, 3);
    await drainJobs(t);
    expect(w.receiver.received.map((r) => r.headers['voxpop-event']).sort()).toEqual(['detractor.received', 'response.completed']);
    const nowSeconds = Math.floor(t.clock.now().getTime() / 1000);
    for (const r of w.receiver.received) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(await verify(w.secret, r.headers['voxpop-signature'] as string, r.headers['voxpop-timestamp'] as string, r.body, nowSeconds)).toEqual({ ok: true });
      expect(await verify('whsec_wrong', r.headers['voxpop-signature'] as string, r.headers['voxpop-timestamp'] as string, r.body, nowSeconds)).toMatchObject({ ok: false });
      const body = JSON.parse(r.body);
      expect(body).toMatchObject({ id: `${r.headers['voxpop-event']}:${responseId}`, type: r.headers['voxpop-event'] });
      expect(body.data).toMatchObject({ responseId, surveyId: w.surveyId, surveyVersion: 1, answers: { nps: 3 }, test: false, channel: expect.any(String), language: expect.any(String) });
      expect(body.data).toHaveProperty('contactId');
    }
    const detractor = JSON.parse(w.receiver.received.find((r) => r.headers['voxpop-event'] === 'detractor.received')!.body);
    expect(detractor.data).toMatchObject({ npsQuestionId: 'nps', score: 3 });
    const listed = await deliveries(w);
    expect(listed.map((d) => [d.status, d.attempts, d.lastStatusCode])).toEqual([
      ['delivered', 1, 200],
      ['delivered', 1, 200],
    ]);
    expect(new Set(w.receiver.received.map((r) => r.headers['voxpop-delivery']))).toEqual(new Set(listed.map((d) => d.id)));

    // Draining again, even with every job forced due, sends nothing more.
    await drainJobs(t);
    await advance(WEBHOOK_MAX_DELAY_MS);
    expect(w.receiver.received).toHaveLength(2);
  });

  it('sends only response.completed for a promoter, and no contact for an anonymous survey', async () => {
    const w = await world({ anonymous: true });
    await answer(w, 9);
    await drainJobs(t);
    expect(w.receiver.received.map((r) => r.headers['voxpop-event'])).toEqual(['response.completed']);
    const body = JSON.parse(w.receiver.received[0]!.body);
    expect(body.data).not.toHaveProperty('contactId');
    expect(body.data).not.toHaveProperty('invitationId');
  });

  it('retries a failing receiver with backoff, then dead; listed as dead; a manual retry delivers', async () => {
    const w = await world({ events: ['response.completed'] });
    w.receiver.state.status = 500;
    await answer(w, 10);
    await drainJobs(t);
    let [d] = await deliveries(w);
    expect(d).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 500 });
    expect(new Date(d!.nextAttemptAt).getTime()).toBeGreaterThan(t.clock.now().getTime());

    // Forced due by the queue but not by the clock: the handler waits for next_attempt_at.
    await advance(0);
    expect(w.receiver.received).toHaveLength(1);

    for (let attempt = 2; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
      await advance(WEBHOOK_MAX_DELAY_MS);
      expect(w.receiver.received).toHaveLength(attempt);
    }
    [d] = await deliveries(w);
    expect(d).toMatchObject({ status: 'dead', attempts: WEBHOOK_MAX_ATTEMPTS });
    expect((await deliveries(w, 'dead')).map((x) => x.id)).toEqual([d!.id]);
    expect(await deliveries(w, 'delivered')).toEqual([]);
    await advance(WEBHOOK_MAX_DELAY_MS);
    expect(w.receiver.received).toHaveLength(WEBHOOK_MAX_ATTEMPTS);

    w.receiver.state.status = 204;
    const retried = await w.pm.request({ method: 'POST', url: `/api/v1/tenants/${w.tenantId}/webhooks/${w.webhookId}/deliveries/${d!.id}/retry` });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json().status).toBe('pending');
    await drainJobs(t);
    expect(w.receiver.received).toHaveLength(WEBHOOK_MAX_ATTEMPTS + 1);
    [d] = await deliveries(w);
    expect(d).toMatchObject({ status: 'delivered', lastStatusCode: 204 });
    const again = await w.pm.request({ method: 'POST', url: `/api/v1/tenants/${w.tenantId}/webhooks/${w.webhookId}/deliveries/${d!.id}/retry` });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('webhooks.already_delivered');
    await advance(WEBHOOK_MAX_DELAY_MS);
    expect(w.receiver.received).toHaveLength(WEBHOOK_MAX_ATTEMPTS + 1);
  });

  it('emits nothing when the transaction rolls back, and an event id once per endpoint', async () => {
    const w = await world({ events: ['response.completed'] });
    const before = (await queuedJobs(t.ctx)).length;
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await emitEvent(tx, w.tenantId, 'response.completed', 'response.completed:rolled-back', {}, t.clock.now());
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await deliveries(w)).toEqual([]);
    expect(await queuedJobs(t.ctx)).toHaveLength(before);

    const first = await t.ctx.db.transaction((tx) => emitEvent(tx, w.tenantId, 'response.completed', 'response.completed:same', { n: 1 }, t.clock.now()));
    const second = await t.ctx.db.transaction((tx) => emitEvent(tx, w.tenantId, 'response.completed', 'response.completed:same', { n: 2 }, t.clock.now()));
    expect([first, second]).toEqual([1, 0]);
    await drainJobs(t);
    expect(w.receiver.received).toHaveLength(1);
  });

  it('is for project managers and tokens with webhooks:write; refuses non-http URLs; deletes', async () => {
    const w = await world();
    const analyst = await signIn(t, (await makeUser(t.ctx, { memberships: [{ tenantId: w.tenantId, role: 'analyst' }] })).email, TEST_PASSWORD);
    const base = `/api/v1/tenants/${w.tenantId}/webhooks`;
    expect((await analyst.request({ method: 'GET', url: base })).statusCode).toBe(403);
    expect((await analyst.request({ method: 'POST', url: base, payload: { url: w.receiver.url, events: ['response.completed'] } })).statusCode).toBe(403);

    const token = async (pm: Browser, scopes: string[]) =>
      (await pm.request({ method: 'POST', url: `/api/v1/tenants/${w.tenantId}/api-tokens`, payload: { name: 'crm', scopes } })).json().secret as string;
    const reader = { authorization: `Bearer ${await token(w.pm, ['responses:read'])}` };
    const writer = { authorization: `Bearer ${await token(w.pm, ['webhooks:write'])}` };
    expect((await t.app.inject({ method: 'GET', url: base, headers: reader })).statusCode).toBe(403);
    const byToken = await t.app.inject({ method: 'POST', url: base, headers: writer, payload: { url: w.receiver.url, events: ['detractor.received'] } });
    expect(byToken.statusCode, byToken.body).toBe(201);
    expect(byToken.json().secret).toMatch(/^whsec_/);

    const ftp = await w.pm.request({ method: 'POST', url: base, payload: { url: 'ftp://crm.example/hook', events: ['response.completed'] } });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.json().code).toBe('webhooks.invalid_url');
    const unknownEvent = await w.pm.request({ method: 'POST', url: base, payload: { url: 'https://crm.example/hook', events: ['everything'] } });
    expect(unknownEvent.statusCode).toBe(400);

    const list = await w.pm.request({ method: 'GET', url: base });
    expect(list.json().items).toHaveLength(2);
    expect(list.body).not.toContain(w.secret);
    expect((await w.pm.request({ method: 'DELETE', url: `${base}/${w.webhookId}` })).statusCode).toBe(204);
    expect((await w.pm.request({ method: 'DELETE', url: `${base}/${w.webhookId}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `${base}/${byToken.json().webhook.id}`, headers: writer })).statusCode).toBe(204);
    await answer(w, 2);
    await drainJobs(t);
    expect(w.receiver.received).toEqual([]);
  });

  it('documents the body and the signature in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const post = doc.paths['/api/v1/tenants/{tenantId}/webhooks'].post;
    expect(post.description).toContain('Voxpop-Signature');
    expect(JSON.stringify(doc.paths['/api/v1/tenants/{tenantId}/webhooks/{webhookId}/deliveries'])).toContain('surveyVersion');
  });
});

describe('private addresses', () => {
  it('are refused by default, so a tenant cannot probe the installation’s own network', async () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.0.5', '169.254.169.254', '100.64.1.1', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '77.88.8.8', '2a00:1450:4010:c0e::65']) expect(isPrivateAddress(address), address).toBe(false);

    const strict = await createTestApp();
    try {
      const w = await world({}, strict);
      await answer(w, 9, strict);
      await drainJobs(strict);
      expect(w.receiver.received).toHaveLength(0);
      const res = await w.pm.request({ method: 'GET', url: `/api/v1/tenants/${w.tenantId}/webhooks/${w.webhookId}/deliveries` });
      const [delivery] = res.json().items;
      expect(delivery).toMatchObject({ status: 'failed', attempts: 1 });
      expect(delivery.lastError).toMatch(/127\.0\.0\.1, a private or local address/);
    } finally {
      await strict.close();
    }
  });
});
