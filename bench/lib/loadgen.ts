import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const CHILD = fileURLToPath(new URL('./autocannon-child.mjs', import.meta.url));
export const AUTOCANNON_VERSION: string = (require('autocannon/package.json') as { version: string }).version;

export interface LoadOptions {
  url: string;
  connections: number;
  durationS: number;
  warmupS: number;
  headers?: Record<string, string>;
  /** Connection i sends headersPerConnection[i % length] on top of headers (one session per connection). */
  headersPerConnection?: Array<Record<string, string>>;
  signal: AbortSignal;
}

export interface LoadResult {
  /** Mean of autocannon's one-second samples. */
  requestsPerS: number;
  requestsPerSStddev: number;
  totalRequests: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  warmupNon2xx: number;
  warmupRequests: number;
  /** CPU time of the generator process over its whole life (warm-up included). */
  generatorCpuS: number;
}

/** The part of autocannon's --json output read here. */
interface AutocannonJson {
  requests: { average: number; stddev: number; total: number };
  latency: { p50: number; p97_5: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  warmup?: { non2xx: number; errors: number; timeouts: number; requests: { total: number } };
}

/**
 * Runs autocannon in a child process (its own event loop, its own core when the scheduler
 * gives it one), with a warm-up whose figures are discarded. Bounded: the child stops after
 * warmupS + durationS by itself, and is killed if it has not exited 30 s later or on abort.
 */
export function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const input = { url: opts.url, connections: opts.connections, durationS: opts.durationS, warmupS: opts.warmupS, headers: opts.headers ?? {}, headersPerConnection: opts.headersPerConnection ?? [] };
  // Options go in on stdin: they hold session cookies and a token, which argv would show to `ps`.
  const child = spawn(process.execPath, [CHILD], { stdio: ['pipe', 'pipe', 'pipe'], signal: opts.signal });
  child.stdin.on('error', () => {}); // a child that died early is reported by 'close' below
  child.stdin.end(JSON.stringify(input));
  const killAfter = setTimeout(() => child.kill('SIGKILL'), (opts.warmupS + opts.durationS + 30) * 1000);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  return new Promise((resolve, reject) => {
    child.once('error', (err) => {
      clearTimeout(killAfter);
      reject(err);
    });
    child.once('close', (code, signal) => {
      clearTimeout(killAfter);
      const line = stdout.trim().split('\n').at(-1);
      if (code !== 0 || !line) {
        reject(new Error(`autocannon exited with ${signal ?? code} for ${opts.url}:\n${stderr.slice(-2000)}`));
        return;
      }
      const { result: raw, cpuS } = JSON.parse(line) as { result: AutocannonJson; cpuS: number };
      resolve({
        requestsPerS: raw.requests.average,
        requestsPerSStddev: raw.requests.stddev,
        totalRequests: raw.requests.total,
        latencyMs: { p50: raw.latency.p50, p97_5: raw.latency.p97_5, p99: raw.latency.p99, max: raw.latency.max },
        non2xx: raw.non2xx,
        errors: raw.errors,
        timeouts: raw.timeouts,
        warmupNon2xx: (raw.warmup?.non2xx ?? 0) + (raw.warmup?.errors ?? 0) + (raw.warmup?.timeouts ?? 0),
        warmupRequests: raw.warmup?.requests.total ?? 0,
        generatorCpuS: cpuS,
      });
    });
  });
}
