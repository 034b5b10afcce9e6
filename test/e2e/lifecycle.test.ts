import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEnv, startVoxpop, type VoxpopEnv } from './voxpopProcess.ts';

const ADMIN = { email: 'owner@example.test', password: 'a long enough password' };
let env: VoxpopEnv;
beforeAll(async () => {
  env = await newEnv({ VOXPOP_ADMIN_EMAIL: ADMIN.email, VOXPOP_ADMIN_PASSWORD: ADMIN.password });
});
afterAll(async () => fs.rm(env.dataDir, { recursive: true, force: true }));

async function login(baseUrl: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '', body: (await res.json()) as { csrfToken: string } };
}

describe('the voxpop process', () => {
  it('starts, keeps data across a clean stop and a SIGKILL, and always starts again', async () => {
    const first = await startVoxpop(env);
    expect(first.output()).toContain(`First administrator created: ${ADMIN.email}`);
    expect((await fetch(`${first.baseUrl}/readyz`)).status).toBe(200);
    const session = await login(first.baseUrl);
    expect(session.status).toBe(200);
    const created = await fetch(`${first.baseUrl}/api/v1/tenants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.body.csrfToken },
      body: JSON.stringify({ name: 'Пример', slug: 'primer' }),
    });
    expect(created.status).toBe(201);

    // SIGTERM: drains and exits 0, leaving nothing running.
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    await expect(fs.access(`${env.dataDir}/postgres/postmaster.pid`)).rejects.toThrow();

    // SIGKILL at full speed: the embedded PostgreSQL is orphaned; the next start must cope.
    const second = await startVoxpop(env);
    expect(second.output()).not.toContain('First administrator created');
    second.child.kill('SIGKILL');
    await second.exited;

    const third = await startVoxpop(env);
    try {
      const again = await login(third.baseUrl);
      expect(again.status).toBe(200);
      const tenants = await fetch(`${third.baseUrl}/api/v1/tenants`, { headers: { cookie: again.cookie } });
      expect(((await tenants.json()) as { items: Array<{ name: string }> }).items.map((t) => t.name)).toEqual(['Пример']);
    } finally {
      third.child.kill('SIGTERM');
      expect(await third.exited).toBe(0);
    }
  });

  it('says clearly what is wrong when the configuration is bad', async () => {
    const bad = { ...env, extra: { PORT: 'eighty' } };
    await expect(startVoxpop(bad)).rejects.toThrow(/Invalid configuration:[\s\S]*PORT/);
  });
});
