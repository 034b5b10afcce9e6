import { round } from './report.ts';

/** One thing to time: `run` does what one request of the dashboard does. */
export interface LatencyCase {
  name: string;
  group: string;
  targetMs: number;
  run: () => Promise<unknown>;
}

export interface LatencyFigures {
  name: string;
  group: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  targetMs: number;
  ok: boolean;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Warm latency: `warmups` untimed runs of each case, then `rounds` rounds, each running
 * every case once in turn, one at a time (so a burst of other activity on the machine
 * spreads over all cases instead of landing on one).
 */
export async function measureLatency(cases: LatencyCase[], opts: { warmups: number; rounds: number; onRound?: (i: number) => void }): Promise<LatencyFigures[]> {
  for (const c of cases) for (let i = 0; i < opts.warmups; i++) await c.run();
  const times = cases.map(() => [] as number[]);
  for (let r = 0; r < opts.rounds; r++) {
    for (const [i, c] of cases.entries()) {
      const t = performance.now();
      await c.run();
      times[i]!.push(performance.now() - t);
    }
    opts.onRound?.(r);
  }
  return cases.map((c, i) => {
    const sorted = [...times[i]!].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    return { name: c.name, group: c.group, runs: sorted.length, p50Ms: round(percentile(sorted, 50), 1), p95Ms: round(p95, 1), maxMs: round(sorted.at(-1)!, 1), targetMs: c.targetMs, ok: p95 <= c.targetMs };
  });
}
