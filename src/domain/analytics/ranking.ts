/**
 * Ranking groups (employees, services …) by NPS without rewarding luck. Pure.
 *
 * A respondent's answer is x = +1 (promoter), 0 (passive) or −1 (detractor),
 * and an NPS is 100 · mean(x). Three promoters out of three is NPS 100, but
 * says little; two hundred answers at NPS 60 say a lot. Two remedies:
 *
 * - `lower_bound`: rank by the lower end of the metrics engine's 95% interval
 *   (computed by the caller and passed in as `lowerBound`).
 * - `empirical_bayes`: shrink each employee's NPS toward their department's,
 *   the more the fewer answers they have (see `shrinkNps`).
 */
import type { NpsCounts } from '../metrics/types.ts';

export const RANKING_METHODS = ['empirical_bayes', 'lower_bound'] as const;
export type RankingMethod = (typeof RANKING_METHODS)[number];

export interface ShrinkInput {
  key: string;
  /** The group whose level the estimate is shrunk toward (the department); null = unknown. */
  prior: string | null;
  counts: NpsCounts;
}

export interface ShrinkResult {
  key: string;
  /** The group actually used as the prior: the department, or null for "all employees" (see shrinkNps). */
  priorGroup: string | null;
  /** Prior mean, NPS points. */
  priorNps: number;
  /** Between-employee variance τ² of the prior group, in squared NPS points. */
  priorVariance: number;
  /** Weight of the employee's own NPS, 0..1: n·τ² / (n·τ² + σ²). */
  weight: number;
  /** Shrunk NPS, NPS points; null when n = 0. */
  nps: number | null;
}

interface Pool {
  n: number;
  /** Pooled mean of x. */
  mean: number;
  /** Pooled per-answer variance σ² of x around the group's employees' own means (within-employee). */
  within: number;
  /** Between-employee variance τ² of the true means. */
  between: number;
}

const nOf = (c: NpsCounts) => c.promoters + c.passives + c.detractors;
const meanOf = (c: NpsCounts) => (c.promoters - c.detractors) / nOf(c);

/**
 * Method of moments for a one-way random-effects model, unbalanced groups
 * (the ANOVA estimator): employees i = 1..k of one department with n_i answers,
 * own mean p_i = (P_i − D_i)/n_i, N = Σ n_i, pooled mean μ = Σ n_i p_i / N.
 *
 *   σ² (within)  = SSW / (N − k),  SSW = Σ_i [ (P_i + D_i) − n_i p_i² ]   (Σ of (x − p_i)² inside employee i)
 *   SSB          = Σ_i n_i (p_i − μ)²
 *   τ² (between) = max(0, (SSB − (k − 1) σ²) / (N − Σ n_i² / N))
 *
 * since E[SSB] = (k − 1) σ² + (N − Σ n_i²/N) τ². Employee i's shrunk NPS is then
 *
 *   θ_i = μ + w_i (p_i − μ),   w_i = n_i τ² / (n_i τ² + σ²)
 *
 * (the posterior mean under a normal prior N(μ, τ²) and sampling variance σ²/n_i).
 * τ² = 0 (no difference between employees beyond chance) shrinks everyone to μ.
 */
function pool(members: readonly NpsCounts[]): Pool {
  const groups = members.filter((c) => nOf(c) > 0);
  const k = groups.length;
  const N = groups.reduce((s, c) => s + nOf(c), 0);
  if (N === 0) return { n: 0, mean: 0, within: 0, between: 0 };
  const mean = groups.reduce((s, c) => s + (c.promoters - c.detractors), 0) / N;
  const ssw = groups.reduce((s, c) => s + (c.promoters + c.detractors) - nOf(c) * meanOf(c) ** 2, 0);
  const within = N > k ? ssw / (N - k) : 0;
  const ssb = groups.reduce((s, c) => s + nOf(c) * (meanOf(c) - mean) ** 2, 0);
  const denominator = N - groups.reduce((s, c) => s + nOf(c) ** 2, 0) / N;
  const between = k >= 2 && denominator > 0 ? Math.max(0, (ssb - (k - 1) * within) / denominator) : 0;
  return { n: N, mean, within, between };
}

/** The fewest employees with answers a department needs to be its members' prior; otherwise all employees are. */
export const PRIOR_GROUP_MIN_MEMBERS = 3;

/**
 * Empirical-Bayes NPS of each employee, shrunk toward the department
 * (`prior`). A department with fewer than PRIOR_GROUP_MIN_MEMBERS employees
 * with answers — or an unknown one — cannot tell its own spread, so those
 * employees are shrunk toward all employees instead (priorGroup null).
 */
export function shrinkNps(items: readonly ShrinkInput[]): ShrinkResult[] {
  const byPrior = new Map<string, NpsCounts[]>();
  for (const item of items) {
    if (item.prior === null || nOf(item.counts) === 0) continue;
    byPrior.set(item.prior, [...(byPrior.get(item.prior) ?? []), item.counts]);
  }
  const pools = new Map<string, Pool>();
  for (const [key, members] of byPrior) if (members.length >= PRIOR_GROUP_MIN_MEMBERS) pools.set(key, pool(members));
  const overall = pool(items.map((i) => i.counts));
  return items.map((item) => {
    const priorGroup = item.prior !== null && pools.has(item.prior) ? item.prior : null;
    const p = priorGroup === null ? overall : pools.get(priorGroup)!;
    const n = nOf(item.counts);
    const weight = n === 0 ? 0 : p.between === 0 ? 0 : p.within === 0 ? 1 : (n * p.between) / (n * p.between + p.within);
    const nps = n === 0 ? null : 100 * (p.mean + weight * (meanOf(item.counts) - p.mean));
    return { key: item.key, priorGroup, priorNps: 100 * p.mean, priorVariance: 10_000 * p.between, weight, nps };
  });
}

/**
 * Competition ranking ("1, 2, 2, 4") of the eligible items by score, highest
 * first; items not eligible or without a score get rank null. Returns ranks in
 * the input's order.
 */
export function competitionRanks(scores: ReadonlyArray<{ score: number | null; eligible: boolean }>): Array<number | null> {
  const order = scores
    .map((s, index) => ({ ...s, index }))
    .filter((s): s is { score: number; eligible: boolean; index: number } => s.eligible && s.score !== null)
    .sort((a, b) => b.score - a.score);
  const ranks: Array<number | null> = scores.map(() => null);
  order.forEach((s, position) => {
    const previous = order[position - 1];
    ranks[s.index] = previous && previous.score === s.score ? ranks[previous.index]! : position + 1;
  });
  return ranks;
}
