import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { manualClock } from '../../src/app/clock.ts';
import type { AppContext } from '../../src/app/context.ts';
import { createOutboxMailer } from '../../src/channels/email/outboxMailer.ts';
import { loadConfig } from '../../src/config/index.ts';
import { withSigningKey } from '../../src/app/signingKey.ts';
import { createLogger } from '../../src/http/logger.ts';
import { buildServer, type RouteEntry } from '../../src/http/server.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface TestApp {
  ctx: AppContext;
  app: FastifyInstance & { routeTable: RouteEntry[] };
  database: TestDatabase;
  clock: ReturnType<typeof manualClock>;
  /** Every log line written by the server and the app, for "no secrets in logs" checks. */
  logs: string[];
  outboxDir: string;
  close: () => Promise<void>;
}

/** The real server on a database of its own, driven in-process with app.inject (no port, no mocks). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'voxpop-app-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', VOXPOP_DATA_DIR: dataDir, DATABASE_URL: database.url, ...env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const clock = manualClock(new Date());
  const outboxDir = path.join(dataDir, 'outbox');
  const ctx: AppContext = { config: await withSigningKey(config, database.db), db: database.db, clock, mailer: createOutboxMailer(outboxDir), log: createLogger('info', sink) };
  const app = await buildServer(ctx, { webApp: false, logStream: sink });
  await app.ready();
  return {
    ctx,
    app,
    database,
    clock,
    logs,
    outboxDir,
    close: async () => {
      await app.close();
      await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in browser: keeps the session cookie and sends the CSRF token on writes. */
export interface Browser {
  cookie: string;
  csrfToken: string;
  request: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
}

export async function signIn(t: TestApp, email: string, password: string): Promise<Browser> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'voxpop_session');
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = res.json().csrfToken as string;
  const header = `voxpop_session=${cookie.value}`;
  return {
    cookie: header,
    csrfToken,
    request: (opts) => t.app.inject({ ...opts, headers: { cookie: header, 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) } }),
  };
}
