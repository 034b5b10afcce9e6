import type { Sample } from './http-baseline.ts';
import { pctOfCore } from './lib/cpu.ts';
import type { PasswordHashingResult } from './lib/passwordHashing.ts';
import { markdownTable, round, type MachineInfo } from './lib/report.ts';

type Environment = MachineInfo & { loadAverage1mAtEnd: number; database: string; databaseVersion: string; synchronousCommit: string };
type Settings = { rounds: number; durationS: number; warmupS: number; connections: number; tenants: number; dbPoolMax: number; autocannon: string; uvThreadpoolSize: number };

/** What one run of the HTTP baseline found; also the JSON written to bench/results/. */
export interface BaselineSummary {
  benchmark: 'http-baseline';
  environment: Environment;
  settings: Settings;
  scenarios: ScenarioSummary[];
  passwordHashing: PasswordHashingResult;
}

interface ScenarioSummary {
  name: string;
  path: string;
  logLevel: string;
  /** Medians over rounds; ratios are taken within each round, then their median. */
  requestsPerS: number;
  ratioToHealthz: number;
  ratioToHealthzRange: [number, number];
  ratioToSameRouteAtWarn: number | null;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number };
  rounds: Array<{ requestsPerS: number; ratioToHealthz: number }>;
  /** Summed over rounds, warm-ups apart. */
  totalRequests: number;
  failures: { non2xx: number; errors: number; timeouts: number; inWarmup: number };
  /** Pooled over rounds (warm-ups included): CPU time ÷ wall time, and ÷ requests answered. */
  cpuPctOfOneCore: { server: number; postgres: number | null; loadGenerator: number; machine: number | null; otherProcesses: number | null };
  cpuUsPerRequest: { server: number | null; postgres: number | null };
}

interface SummariseInput {
  environment: Environment;
  settings: Settings;
  scenarios: Array<{ name: string; path: string; logLevel: string; sameRouteAtWarn: string | null; samples: Sample[] }>;
  reference: string;
  passwordHashing: PasswordHashingResult;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const sumOrNull = (values: Array<number | null>) => (values.some((v) => v === null) ? null : sum(values as number[]));

export function summarise(input: SummariseInput): BaselineSummary {
  const rps = (name: string) => input.scenarios.find((s) => s.name === name)!.samples.map((s) => s.result.requestsPerS);
  const reference = rps(input.reference);
  const scenarios = input.scenarios.map(({ name, path, logLevel, sameRouteAtWarn, samples }): ScenarioSummary => {
    const results = samples.map((s) => s.result);
    const ratios = results.map((r, i) => r.requestsPerS / reference[i]!);
    const warn = sameRouteAtWarn ? rps(sameRouteAtWarn) : null;
    const wallS = sum(samples.map((s) => s.cpu.wallS));
    const requests = sum(results.map((r) => r.totalRequests + r.warmupRequests));
    const serverS = sum(samples.map((s) => s.cpu.serverS));
    const postgresS = sumOrNull(samples.map((s) => s.cpu.postgresS));
    const generatorS = sum(results.map((r) => r.generatorCpuS));
    const machineS = sumOrNull(samples.map((s) => s.cpu.machineS));
    const perRequestUs = (cpuS: number | null) => (cpuS === null || requests === 0 ? null : Math.round((cpuS / requests) * 1e6));
    return {
      name,
      path,
      logLevel,
      requestsPerS: round(median(results.map((r) => r.requestsPerS))),
      ratioToHealthz: round(median(ratios), 3),
      ratioToHealthzRange: [round(Math.min(...ratios), 3), round(Math.max(...ratios), 3)],
      ratioToSameRouteAtWarn: warn ? round(median(results.map((r, i) => r.requestsPerS / warn[i]!)), 3) : null,
      latencyMs: {
        p50: median(results.map((r) => r.latencyMs.p50)),
        p97_5: median(results.map((r) => r.latencyMs.p97_5)),
        p99: median(results.map((r) => r.latencyMs.p99)),
        max: Math.max(...results.map((r) => r.latencyMs.max)),
      },
      rounds: results.map((r, i) => ({ requestsPerS: round(r.requestsPerS), ratioToHealthz: round(ratios[i]!, 3) })),
      totalRequests: sum(results.map((r) => r.totalRequests)),
      failures: {
        non2xx: sum(results.map((r) => r.non2xx)),
        errors: sum(results.map((r) => r.errors)),
        timeouts: sum(results.map((r) => r.timeouts)),
        inWarmup: sum(results.map((r) => r.warmupNon2xx)),
      },
      cpuPctOfOneCore: {
        server: pctOfCore(serverS, wallS)!,
        postgres: pctOfCore(postgresS, wallS),
        loadGenerator: pctOfCore(generatorS, wallS)!,
        machine: pctOfCore(machineS, wallS),
        // Whatever else ran on the machine meanwhile: the noise in these figures.
        otherProcesses: machineS === null || postgresS === null ? null : pctOfCore(Math.max(0, machineS - serverS - postgresS - generatorS), wallS),
      },
      cpuUsPerRequest: { server: perRequestUs(serverS), postgres: perRequestUs(postgresS) },
    };
  });
  const h = input.passwordHashing;
  return {
    benchmark: 'http-baseline',
    environment: input.environment,
    settings: input.settings,
    scenarios,
    passwordHashing: { ...h, verifyMsMedian: round(h.verifyMsMedian), verifyMsMax: round(h.verifyMsMax), concurrentVerifiesPerS: round(h.concurrentVerifiesPerS) },
  };
}

/** Other processes' CPU, in percent of one core, above which a run is flagged as noisy. */
const NOISY_OTHER_PCT = 20;

const dash = (value: number | null) => (value === null ? '-' : String(value));
// autocannon records latency in whole milliseconds.
const ms = (value: number) => (value === 0 ? '<1' : String(value));
const ratio = (value: number) => value.toFixed(value < 0.1 ? 3 : 2);

/** The run as markdown, ready to paste into bench/README.md. */
export function printSummary(s: BaselineSummary): void {
  const e = s.environment;
  const t = s.settings;
  console.log(`\n## HTTP baseline — ${e.date}\n`);
  console.log(
    `Node ${e.node}, ${e.cpuModel} × ${e.cores} cores, ${e.memoryGiB} GiB, load average ${e.loadAverage1m} at start and ${e.loadAverage1mAtEnd} at end; ` +
      `PostgreSQL ${e.database}: ${e.databaseVersion.split(' on ')[0]} (synchronous_commit=${e.synchronousCommit}, pool of ${t.dbPoolMax}); commit ${e.gitCommit}.`,
  );
  console.log(
    `autocannon ${t.autocannon} in a child process, ${t.connections} connections; ${t.rounds} round(s), each running every scenario in turn for ${t.warmupS} s of warm-up then ${t.durationS} s measured. ` +
      'Figures are medians over rounds; × /healthz is req/s ÷ /healthz req/s of the same round (median, and lowest–highest over rounds).\n',
  );
  const rows = s.scenarios.map((r) => [
    r.name,
    Math.round(r.requestsPerS),
    `${ratio(r.ratioToHealthz)}×`,
    `${ratio(r.ratioToHealthzRange[0])}–${ratio(r.ratioToHealthzRange[1])}`,
    ms(r.latencyMs.p50),
    ms(r.latencyMs.p97_5),
    ms(r.latencyMs.p99),
    r.failures.non2xx + r.failures.errors + r.failures.timeouts + r.failures.inWarmup,
    dash(r.cpuPctOfOneCore.server),
    dash(r.cpuPctOfOneCore.postgres),
    dash(r.cpuPctOfOneCore.loadGenerator),
    dash(r.cpuPctOfOneCore.otherProcesses),
    dash(r.cpuUsPerRequest.server),
    dash(r.cpuUsPerRequest.postgres),
  ]);
  const header = ['Scenario', 'req/s', '× /healthz', 'range', 'p50 ms', 'p97.5 ms', 'p99 ms', 'non-2xx', 'CPU % server', 'PG', 'load gen', 'other', 'CPU µs/req server', 'PG'];
  console.log(markdownTable(header, rows));
  console.log(
    `\nCPU % is of one core (${e.cores} cores = ${e.cores * 100} %) over warm-ups and runs: the server process, PostgreSQL, autocannon, and other processes on the machine. ` +
      'CPU µs/req is CPU time ÷ the requests answered in warm-ups and runs.',
  );
  const other = s.scenarios.map((r) => r.cpuPctOfOneCore.otherProcesses).filter((v): v is number => v !== null);
  const otherMean = other.length > 0 ? Math.round(sum(other) / other.length) : null;
  if (otherMean !== null && otherMean > NOISY_OTHER_PCT) {
    console.log(`\nWARNING: other processes used ${otherMean} % of a core on average during the run: the machine was busy, figures are noisier than usual (see the ranges).`);
  }
  const logging = s.scenarios.filter((r) => r.ratioToSameRouteAtWarn !== null);
  console.log(`\nLogging cost, req/s at LOG_LEVEL=info ÷ the same route at warn in the same round (median): ${logging.map((r) => `${r.path} ${r.ratioToSameRouteAtWarn!.toFixed(2)}×`).join(', ')}.`);
  const h = s.passwordHashing;
  console.log(
    `\nargon2id verify (login's hash, in-process): median ${h.verifyMsMedian} ms, max ${h.verifyMsMax} ms over ${h.sequentialVerifies} one at a time; ` +
      `${h.concurrentVerifiesPerS} verifies/s with ${h.concurrentVerifies} at once (libuv pool of ${t.uvThreadpoolSize} threads).`,
  );
}
