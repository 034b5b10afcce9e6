import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareFirstAdmin } from '../../src/app/setup/firstAdmin.ts';
import { makeUser, TEST_PASSWORD } from '../factories/index.ts';
import { createTestApp, signIn, type TestApp } from '../helpers/app.ts';
import { drainJobs, queuedJobs } from '../helpers/jobs.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('first-admin setup', () => {
  it('creates exactly one owner from the one-time link, then refuses', async () => {
    expect((await t.app.inject('/api/v1/setup')).json()).toEqual({ needed: true });
    const first = await prepareFirstAdmin(t.ctx);
    if (first.kind !== 'link') throw new Error('expected a link');
    const token = new URL(first.url).searchParams.get('token')!;

    const bad = await post('/api/v1/setup', { token: 'nope', email: 'boss@example.test', name: 'Boss', password: TEST_PASSWORD });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('auth.link_invalid');

    const ok = await post('/api/v1/setup', { token, email: 'boss@example.test', name: 'Boss', password: TEST_PASSWORD });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().user).toMatchObject({ email: 'boss@example.test', installationRole: 'owner' });
    const cookie = ok.cookies.find((c) => c.name === 'voxpop_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const again = await post('/api/v1/setup', { token, email: 'other@example.test', name: 'Other', password: TEST_PASSWORD });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('setup.done');
    expect((await t.app.inject('/api/v1/setup')).json()).toEqual({ needed: false });
    expect(await prepareFirstAdmin(t.ctx)).toEqual({ kind: 'exists' });
  });

  it('creates the owner from VOXPOP_ADMIN_EMAIL/PASSWORD without a link', async () => {
    const withEnv = await createTestApp({ VOXPOP_ADMIN_EMAIL: 'env-admin@example.test', VOXPOP_ADMIN_PASSWORD: TEST_PASSWORD });
    try {
      expect(await prepareFirstAdmin(withEnv.ctx)).toEqual({ kind: 'created', email: 'env-admin@example.test' });
      const b = await signIn(withEnv, 'env-admin@example.test', TEST_PASSWORD);
      expect((await b.request({ method: 'GET', url: '/api/v1/auth/me' })).json().user.installationRole).toBe('owner');
    } finally {
      await withEnv.close();
    }
  });
});

describe('login, session and CSRF', () => {
  it('signs in, reads /me, refuses a cookie write without the CSRF token, signs out', async () => {
    const user = await makeUser(t.ctx, { installationRole: 'admin' });
    const b = await signIn(t, user.email.toUpperCase(), TEST_PASSWORD);
    const me = await b.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json().user.email).toBe(user.email);

    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/tenants', headers: { cookie: b.cookie }, payload: { name: 'A', slug: 'a' } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('auth.csrf');
    expect(noCsrf.headers['content-type']).toMatch(/^application\/problem\+json/);

    const withCsrf = await b.request({ method: 'POST', url: '/api/v1/tenants', payload: { name: 'A', slug: 'a' } });
    expect(withCsrf.statusCode).toBe(201);

    expect((await b.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await b.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const user = await makeUser(t.ctx);
    const wrong = await post('/api/v1/auth/login', { email: user.email, password: 'not the password' });
    const unknown = await post('/api/v1/auth/login', { email: 'nobody@example.test', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('locks the account after repeated failures, even for the right password, until the lock expires', async () => {
    const user = await makeUser(t.ctx);
    for (let i = 0; i < t.ctx.config.login.maxFailures; i++) {
      expect((await post('/api/v1/auth/login', { email: user.email, password: `wrong-${i}` })).statusCode).toBe(401);
    }
    const locked = await post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);

    t.clock.advance(t.ctx.config.login.lockMs + 1000);
    // After the lock runs out, one more mistake does not lock again at once: the count starts afresh.
    expect((await post('/api/v1/auth/login', { email: user.email, password: 'wrong again' })).statusCode).toBe(401);
    expect((await post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('rate-limits login attempts per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) codes.push((await post('/api/v1/auth/login', { email: `x${i}@example.test`, password: 'whatever' })).statusCode);
    expect(codes).toContain(429);
    expect(codes.filter((c) => c === 401).length).toBe(20);
  });

  it('refuses disabled users and ends their sessions', async () => {
    const owner = await makeUser(t.ctx, { installationRole: 'owner' });
    const user = await makeUser(t.ctx);
    const admin = await signIn(t, owner.email, TEST_PASSWORD);
    const victim = await signIn(t, user.email, TEST_PASSWORD);
    expect((await admin.request({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { disabled: true } })).statusCode).toBe(200);
    expect((await victim.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(401);
  });
});

describe('password reset by email', () => {
  it('emails a one-time link through the job queue; the link sets a new password once and ends old sessions', async () => {
    const user = await makeUser(t.ctx);
    const oldSession = await signIn(t, user.email, TEST_PASSWORD);
    expect((await post('/api/v1/auth/password-reset', { email: user.email })).statusCode).toBe(202);
    expect((await post('/api/v1/auth/password-reset', { email: 'nobody@example.test' })).statusCode).toBe(202);
    expect((await queuedJobs(t.ctx)).map((j) => j.task)).toEqual(['email.send']);

    await drainJobs(t);
    const files = await fs.readdir(t.outboxDir);
    expect(files).toHaveLength(1);
    const mail = await fs.readFile(path.join(t.outboxDir, files[0]!), 'utf8');
    expect(mail).toContain(`To: ${user.email}`);
    const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail)![1]!;

    const newPassword = 'a brand new passphrase';
    expect((await post('/api/v1/auth/password-reset/confirm', { token, password: newPassword })).statusCode).toBe(204);
    const reused = await post('/api/v1/auth/password-reset/confirm', { token, password: 'yet another passphrase' });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().code).toBe('auth.link_invalid');

    expect((await oldSession.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await post('/api/v1/auth/login', { email: user.email, password: newPassword })).statusCode).toBe(200);
  });

  it('expires the link after an hour', async () => {
    const user = await makeUser(t.ctx);
    await post('/api/v1/auth/password-reset', { email: user.email });
    await drainJobs(t);
    const [file] = await fs.readdir(t.outboxDir);
    const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(await fs.readFile(path.join(t.outboxDir, file!), 'utf8'))![1]!;
    t.clock.advance(61 * 60_000);
    expect((await post('/api/v1/auth/password-reset/confirm', { token, password: 'a brand new passphrase' })).statusCode).toBe(400);
  });
});
