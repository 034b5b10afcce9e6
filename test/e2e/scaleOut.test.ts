import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/store/embedded.ts';
import { freePort } from '../helpers/global-setup.ts';
import { newEnv, startVoxpop, type VoxpopProcess } from './voxpopProcess.ts';

/**
 * Production shape: several `voxpop serve` and a `voxpop worker`, separate
 * processes on one PostgreSQL. A job enqueued by a web process is carried out by
 * the worker process.
 */
let pgDir: string;
let server: EmbeddedServer;
const processes: VoxpopProcess[] = [];

beforeAll(async () => {
  pgDir = await fs.mkdtemp(path.join(os.tmpdir(), 'voxpop-scale-'));
  await fs.chmod(pgDir, 0o755);
  server = await startEmbeddedPostgres({ dir: path.join(pgDir, 'pg'), port: await freePort() });
});
afterAll(async () => {
  for (const p of processes) p.child.kill('SIGTERM');
  await Promise.all(processes.map((p) => p.exited));
  await server.stop();
  await fs.rm(pgDir, { recursive: true, force: true });
});

describe('serve and worker as separate processes', () => {
  it('two web processes and one worker share one PostgreSQL; the worker runs what the web enqueued', async () => {
    const admin = { VOXPOP_ADMIN_EMAIL: 'owner@example.test', VOXPOP_ADMIN_PASSWORD: 'a long enough password' };
    const shared = await newEnv({ DATABASE_URL: server.url(), ...admin });
    // Started together: migrations and the first-admin creation must not race.
    const [webA, webB] = await Promise.all([startVoxpop({ ...shared }, 'serve'), startVoxpop({ ...shared, port: await freePort() }, 'serve')]);
    processes.push(webA!, webB!);
    const worker = await startVoxpop({ ...shared, port: await freePort() }, 'worker');
    processes.push(worker);

    const login = await fetch(`${webB!.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: admin.VOXPOP_ADMIN_EMAIL, password: admin.VOXPOP_ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const reset = await fetch(`${webA!.baseUrl}/api/v1/auth/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: admin.VOXPOP_ADMIN_EMAIL }),
    });
    expect(reset.status).toBe(202);

    const outbox = path.join(shared.dataDir, 'outbox');
    const deadline = Date.now() + 30_000;
    let files: string[] = [];
    while (files.length === 0 && Date.now() < deadline) {
      files = await fs.readdir(outbox).catch(() => []);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(files).toHaveLength(1);
    expect(await fs.readFile(path.join(outbox, files[0]!), 'utf8')).toContain('/reset-password/');
  });
});
