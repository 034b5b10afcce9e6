import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import type { AppContext } from '../../src/app/context.ts';
import { openRuntime } from '../../src/bin/runtime.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createLogger } from '../../src/http/logger.ts';
import { buildServer } from '../../src/http/server.ts';
import type { Cleanup } from './cleanup.ts';
import { parentPid } from './cpu.ts';

export interface Stack {
  ctx: AppContext;
  /** 'embedded' or 'DATABASE_URL'. */
  databaseMode: string;
  databaseVersion: string;
  synchronousCommit: string;
  /** For CPU accounting; null when PostgreSQL is not a process on this machine that /proc shows. */
  postmasterPid: number | null;
  dataDir: string;
  /** The benchmark database's URL, for a second pool of its own (e.g. one that explains its statements). */
  url: string;
  /** Starts a server on a free 127.0.0.1 port and returns its base URL; closed by the cleanup. */
  listen: (logLevel: 'warn' | 'info') => Promise<string>;
}

/**
 * The real runtime: the embedded PostgreSQL in a temporary data directory, or a fresh
 * database `voxpop_bench_<random>` created on the server DATABASE_URL points at (and
 * dropped afterwards), migrated by openRuntime like `voxpop start` does.
 */
export async function openStack(cleanup: Cleanup, serverUrl: string | undefined): Promise<Stack> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'voxpop-bench-'));
  // Running as root, the embedded PostgreSQL runs as "postgres" and must be able to enter it.
  await fs.chmod(dataDir, 0o755);
  cleanup.defer(`remove ${dataDir}`, () => fs.rm(dataDir, { recursive: true, force: true }));

  let databaseUrl: string | undefined;
  if (serverUrl) {
    const name = `voxpop_bench_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `create database ${name}`);
    cleanup.defer(`drop database ${name}`, () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`));
    databaseUrl = withDatabase(serverUrl, name);
  }

  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    VOXPOP_DATA_DIR: dataDir,
    VOXPOP_EMBEDDED_PG_PORT: String(await freePort()),
    DATABASE_URL: databaseUrl,
  });
  const runtime = await openRuntime(config, createLogger('warn'));
  cleanup.defer('close the runtime (pool, embedded PostgreSQL)', () => runtime.close());

  const version = await runtime.database.pool.query<{ version: string }>('select version()');
  const syncCommit = await runtime.database.pool.query<{ synchronous_commit: string }>('show synchronous_commit');
  const backend = await runtime.database.pool.query<{ pid: number }>('select pg_backend_pid() as pid');

  const listen = async (logLevel: 'warn' | 'info') => {
    // The asynchronous pino destination that stdout gets in production. At warn nothing is
    // written unless something is wrong, so it goes to stderr, where it can be seen; at info
    // every request writes two JSON lines, which go to a file instead of this terminal.
    const dest = logLevel === 'warn' ? 2 : path.join(dataDir, `server-${logLevel}.log`);
    const destination = pino.destination({ dest, sync: false });
    const ctx: AppContext = { ...runtime.ctx, config: { ...config, logLevel }, log: createLogger(logLevel, destination) };
    const app = await buildServer(ctx, { webApp: false, logStream: destination as unknown as NodeJS.WritableStream });
    await app.listen({ host: '127.0.0.1', port: 0 });
    cleanup.defer(`close the ${logLevel} server`, async () => {
      await app.close();
      destination.flushSync();
      if (typeof dest === 'string') destination.end(); // never close stderr itself
    });
    const address = app.server.address() as net.AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  };

  return {
    ctx: runtime.ctx,
    databaseMode: serverUrl ? 'DATABASE_URL' : 'embedded',
    databaseVersion: version.rows[0]?.version ?? 'unknown',
    synchronousCommit: syncCommit.rows[0]?.synchronous_commit ?? 'unknown',
    postmasterPid: backend.rows[0] ? parentPid(backend.rows[0].pid) : null,
    dataDir,
    url: runtime.database.url,
    listen,
  };
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
