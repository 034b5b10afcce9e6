import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { login } from '../src/app/auth/login.ts';
import { SESSION_COOKIE } from '../src/app/auth/sessionCookie.ts';
import { NO_META } from '../src/app/context.ts';
import { makeTenant, makeUser, TEST_PASSWORD } from '../test/factories/index.ts';
import type { Cleanup } from './lib/cleanup.ts';
import { printSummary, summarise } from './http-baseline-report.ts';
import { cpuSince, cpuSnapshot, type CpuShare } from './lib/cpu.ts';
import { AUTOCANNON_VERSION, runLoad, type LoadResult } from './lib/loadgen.ts';
import { measurePasswordHashing } from './lib/passwordHashing.ts';
import { machineInfo, round } from './lib/report.ts';
import { openStack, type Stack } from './lib/stack.ts';

export interface BaselineOptions {
  cleanup: Cleanup;
  /** A PostgreSQL server to create a throw-away database on; the embedded one otherwise. */
  databaseUrl: string | undefined;
  /** One short round: checks that the benchmark works, proves nothing. */
  quick: boolean;
  uvThreadpoolSize: number;
}

interface Scenario {
  name: string;
  logLevel: 'warn' | 'info';
  path: string;
  headers?: Record<string, string>;
  headersPerConnection?: Array<Record<string, string>>;
  /** The same route at LOG_LEVEL=warn, for the cost of logging as a ratio. */
  sameRouteAtWarn?: string;
}

export interface Sample {
  result: LoadResult;
  cpu: CpuShare;
}

const REFERENCE = '/healthz';
const CONNECTIONS = 20;
const TENANTS = 20;
const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'http-baseline.json');

/**
 * HTTP + database baseline: a few routes under a fixed concurrent load, each compared with
 * /healthz (no database) measured in the same round, plus argon2id measured in-process.
 * Rounds run every scenario in turn, so that a burst of load from something else on the
 * machine lands on all of them rather than on one; each figure is the median over rounds.
 * Returns false if any scenario got an answer other than 2xx.
 */
export async function runHttpBaseline(opts: BaselineOptions): Promise<boolean> {
  const settings = opts.quick ? { rounds: 1, durationS: 1, warmupS: 1 } : { rounds: 3, durationS: 5, warmupS: 1 };
  const machine = machineInfo();
  const stack = await openStack(opts.cleanup, opts.databaseUrl);
  const base = { warn: await stack.listen('warn'), info: await stack.listen('info') };
  const { tenantId, bearer, cookies } = await prepareData(stack, base.warn);

  const scenarios: Scenario[] = [
    { name: REFERENCE, logLevel: 'warn', path: '/healthz' },
    { name: '/readyz', logLevel: 'warn', path: '/readyz' },
    { name: 'GET tenant by API token', logLevel: 'warn', path: `/api/v1/tenants/${tenantId}`, headers: bearer },
    { name: 'GET tenants, a session per connection', logLevel: 'warn', path: '/api/v1/tenants', headersPerConnection: cookies.map((cookie) => ({ cookie })) },
    { name: 'GET tenants, one session on all connections', logLevel: 'warn', path: '/api/v1/tenants', headers: { cookie: cookies[0]! } },
    { name: '/healthz at LOG_LEVEL=info', logLevel: 'info', path: '/healthz', sameRouteAtWarn: REFERENCE },
    { name: 'GET tenant by API token at LOG_LEVEL=info', logLevel: 'info', path: `/api/v1/tenants/${tenantId}`, headers: bearer, sameRouteAtWarn: 'GET tenant by API token' },
  ];

  const samples = new Map<string, Sample[]>(scenarios.map((s) => [s.name, []]));
  for (let round = 1; round <= settings.rounds; round++) {
    for (const scenario of scenarios) {
      const url = base[scenario.logLevel] + scenario.path;
      await expectOk(url, { ...scenario.headers, ...scenario.headersPerConnection?.[0] });
      process.stderr.write(`  round ${round}/${settings.rounds} ${scenario.name}: ${settings.warmupS} s warm-up + ${settings.durationS} s at ${CONNECTIONS} connections…\n`);
      const cpuStart = cpuSnapshot(stack.postmasterPid);
      const load = { url, connections: CONNECTIONS, durationS: settings.durationS, warmupS: settings.warmupS, headers: scenario.headers, headersPerConnection: scenario.headersPerConnection, signal: opts.cleanup.signal };
      const result = await runLoad(load);
      samples.get(scenario.name)!.push({ result, cpu: cpuSince(cpuStart, stack.postmasterPid) });
    }
  }

  process.stderr.write('  argon2id verify, in-process…\n');
  const hashing = await measurePasswordHashing({ sequential: opts.quick ? 3 : 20, concurrent: opts.quick ? 4 : 40 });

  const summary = summarise({
    environment: {
      ...machine,
      loadAverage1mAtEnd: round(os.loadavg()[0] ?? 0, 2),
      database: stack.databaseMode,
      databaseVersion: stack.databaseVersion,
      synchronousCommit: stack.synchronousCommit,
    },
    settings: { ...settings, connections: CONNECTIONS, tenants: TENANTS, dbPoolMax: stack.ctx.config.database.poolMax, autocannon: AUTOCANNON_VERSION, uvThreadpoolSize: opts.uvThreadpoolSize },
    scenarios: scenarios.map((s) => ({ name: s.name, path: s.path.replace(tenantId, ':tenantId'), logLevel: s.logLevel, sameRouteAtWarn: s.sameRouteAtWarn ?? null, samples: samples.get(s.name)! })),
    reference: REFERENCE,
    passwordHashing: hashing,
  });
  printSummary(summary);

  if (!opts.quick) {
    await fs.mkdir(path.dirname(RESULTS_FILE), { recursive: true });
    await fs.writeFile(RESULTS_FILE, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`\nWrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
  }

  const failed = summary.scenarios.filter((s) => s.failures.non2xx + s.failures.errors + s.failures.timeouts + s.failures.inWarmup > 0);
  for (const s of failed) {
    console.error(`UNEXPECTED: ${s.name}: ${s.failures.non2xx} non-2xx, ${s.failures.errors} errors, ${s.failures.timeouts} timeouts, ${s.failures.inWarmup} failures in the warm-ups`);
  }
  return failed.length === 0;
}

/**
 * What the authenticated scenarios read: 20 organisations; one owner (who sees them all) per
 * connection, each signed in once; an API token of the first organisation.
 */
async function prepareData(stack: Stack, base: string) {
  const tenants = [];
  for (let i = 0; i < TENANTS; i++) tenants.push(await makeTenant(stack.ctx));
  const tenantId = tenants[0]!.id;
  const owners = [];
  for (let i = 0; i < CONNECTIONS; i++) owners.push(await makeUser(stack.ctx, { installationRole: 'owner' }));
  const first = await signIn(base, owners[0]!.email, TEST_PASSWORD);
  const secret = await createToken(base, tenantId, first.cookie, first.csrfToken);
  // The others sign in through the use case behind the route: the route allows 20 attempts a minute per address.
  const others = await Promise.all(owners.slice(1).map((o) => login(stack.ctx, { email: o.email, password: TEST_PASSWORD }, NO_META)));
  const cookies = [first.cookie, ...others.map((s) => `${SESSION_COOKIE}=${s.secret}`)];
  for (const cookie of cookies) await expectOk(`${base}/api/v1/tenants`, { cookie });
  return { tenantId, bearer: { authorization: `Bearer ${secret}` }, cookies };
}

async function expectOk(url: string, headers: Record<string, string> = {}): Promise<void> {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status} before the load: ${await res.text()}`);
}

async function signIn(base: string, email: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${await res.text()}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error('login set no voxpop_session cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: session.split(';')[0]!, csrfToken };
}

async function createToken(base: string, tenantId: string, cookie: string, csrfToken: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/tenants/${tenantId}/api-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench', scopes: ['tenant:read'] }),
  });
  if (res.status !== 201) throw new Error(`creating the API token answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { secret: string }).secret;
}
