import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/store/embedded.ts';
import { migrateDatabase } from '../../src/store/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL for the whole run: the embedded one (default, nothing to
 * install) or TEST_DATABASE_URL. Migrations are applied once to a template
 * database; every test file then gets its own copy (CREATE DATABASE … TEMPLATE),
 * so files run in parallel without sharing state.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedServer | null = null;
  let serverUrl = process.env.TEST_DATABASE_URL;
  let tmpDir: string | null = null;
  if (!serverUrl) {
    tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), 'voxpop-test-'));
    await fs.chmod(tmpDir, 0o755);
    embedded = await startEmbeddedPostgres({ dir: path.join(tmpDir, 'pg'), port: await freePort(), ephemeral: true });
    serverUrl = embedded.url('postgres');
  }
  const template = `voxpop_tpl_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${template}`);
  await migrateDatabase(withDatabase(serverUrl, template));
  project.provide('pgServerUrl', serverUrl);
  project.provide('templateDatabase', template);

  return async () => {
    const leftovers = await adminQuery(serverUrl, `select datname from pg_database where datname like 'voxpop_t_%' or datname = '${template}'`);
    for (const row of leftovers.rows as Array<{ datname: string }>) {
      await adminQuery(serverUrl, `drop database if exists ${row.datname} with (force)`).catch(() => {});
    }
    await embedded?.stop();
    if (tmpDir) await fs.rm(tmpDir, { recursive: true, force: true });
  };
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(serverUrl: string, text: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
