/**
 * Behavioural outcomes (churned, repeat purchase, revenue …) compared by NPS
 * group. Pure: reading an outcome cell, and turning per-score sums into rates
 * or means with intervals and the detractors-vs-promoters difference.
 */
import { compareMeans } from '../metrics/compareMeans.ts';
import { compareShares } from '../metrics/compareShares.ts';
import { meanFromSufficientStats } from '../metrics/mean.ts';
import { classifyNpsScore } from '../metrics/nps.ts';
import { shareFromCounts } from '../metrics/proportion.ts';
import type { Interval, NpsCategory, Scale } from '../metrics/index.ts';
import { isIsoDate } from './period.ts';

/** A lower snake identifier of at most 64 characters: 'churned', 'repeat_purchase', 'revenue_2026'. */
export const OUTCOME_KEY = /^[a-z][a-z0-9_]{0,63}$/;
export const isOutcomeKey = (key: string): boolean => OUTCOME_KEY.test(key);

/** Largest magnitude of a value: a trillion of any currency; beyond it sums of squares would lose meaning. */
export const OUTCOME_VALUE_MAX = 1e12;

/** Outcomes accepted by one API call. */
export const OUTCOMES_PER_CALL_MAX = 10_000;

/**
 * 0/1 outcomes are shown as a rate (Wilson interval), anything else as an
 * amount (mean, t interval). Decided by the values stored for the key.
 */
export type OutcomeKind = 'binary' | 'amount';
export const outcomeKind = (allZeroOrOne: boolean): OutcomeKind => (allZeroOrOne ? 'binary' : 'amount');

export type CellResult = { ok: true; value: number } | { ok: false };

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'да', 'д']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'нет', 'н']);
/** "1 234,56", "1234.56", "-3", "1e3"; spaces (also no-break ones) group thousands, a comma may be the decimal mark. */
const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$/i;

/** An outcome cell of a CSV file: a number, or yes/no (да/нет, true/false) as 1/0. Empty cells are handled by the caller. */
export function parseOutcomeCell(raw: string): CellResult {
  const text = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(text)) return { ok: true, value: 1 };
  if (FALSE_WORDS.has(text)) return { ok: true, value: 0 };
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!NUMBER.test(compact)) return { ok: false };
  const value = Number(compact.replace(',', '.'));
  return Number.isFinite(value) && Math.abs(value) <= OUTCOME_VALUE_MAX ? { ok: true, value } : { ok: false };
}

/** YYYY-MM-DD, or DD.MM.YYYY as Russian spreadsheets write it; null when it is neither or no such day exists. */
export function parseObservedOn(raw: string): string | null {
  const text = raw.trim();
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = dotted ? `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}` : text;
  return isIsoDate(iso) ? iso : null;
}

/** Sums of one key's values among respondents who gave one NPS score. */
export interface ScoreOutcomeSums {
  /** NPS score 0–10. */
  score: number;
  /** Contacts whose latest answer had this score. */
  respondents: number;
  /** Of them, those with a value for the key. */
  n: number;
  sum: number;
  sumSquares: number;
}

export interface OutcomeGroup {
  group: NpsCategory;
  respondents: number;
  n: number;
  /** Rate 0..1 (binary) or mean in the outcome's units (amount); null when n = 0. */
  estimate: number | null;
  interval: Interval | null;
  /** Amounts only; null for rates or when n < 2. */
  standardDeviation: number | null;
  smallSample: boolean;
}

export interface OutcomeDifference {
  /** detractors − promoters: rate 0..1 or outcome units; null when either group is empty. */
  estimate: number | null;
  interval: Interval | null;
  pValue: number | null;
  significant: boolean;
  smallSample: boolean;
}

export interface OutcomeComparison {
  kind: OutcomeKind;
  groups: OutcomeGroup[];
  difference: OutcomeDifference;
}

export const NPS_GROUPS: readonly NpsCategory[] = ['promoter', 'passive', 'detractor'];

export interface OutcomeCompareOptions {
  kind: OutcomeKind;
  /** Bounds the amounts can take (for the interval's clipping); ignored for rates. */
  scale: Scale;
  smallSampleThreshold: number;
}

/**
 * Rates or means per NPS group and the difference detractors − promoters.
 * Rates: a 0/1 value's sum is its count of ones, so the Wilson interval and
 * the Newcombe difference come from (ones, n); means use Student t and Welch.
 */
export function compareOutcomeByGroup(byScore: readonly ScoreOutcomeSums[], options: OutcomeCompareOptions): OutcomeComparison {
  const totals = new Map(NPS_GROUPS.map((g) => [g, { respondents: 0, n: 0, sum: 0, sumSquares: 0 }]));
  for (const row of byScore) {
    const total = totals.get(classifyNpsScore(row.score))!;
    total.respondents += row.respondents;
    total.n += row.n;
    total.sum += row.sum;
    total.sumSquares += row.sumSquares;
  }
  const estimateOptions = { smallSampleThreshold: options.smallSampleThreshold };
  const groups = NPS_GROUPS.map((group): OutcomeGroup => {
    const t = totals.get(group)!;
    if (options.kind === 'binary') {
      const r = shareFromCounts({ successes: Math.round(t.sum), n: t.n }, estimateOptions);
      return { group, respondents: t.respondents, n: t.n, estimate: r.estimate, interval: r.interval, standardDeviation: null, smallSample: r.smallSample };
    }
    const r = meanFromSufficientStats({ n: t.n, sum: t.sum, sumSquares: t.sumSquares }, options.scale, estimateOptions);
    return { group, respondents: t.respondents, n: t.n, estimate: r.estimate, interval: r.interval, standardDeviation: r.standardDeviation, smallSample: r.smallSample };
  });
  const d = totals.get('detractor')!;
  const p = totals.get('promoter')!;
  const test =
    options.kind === 'binary'
      ? compareShares({ successes: Math.round(d.sum), n: d.n }, { successes: Math.round(p.sum), n: p.n }, estimateOptions)
      : compareMeans({ n: d.n, sum: d.sum, sumSquares: d.sumSquares }, { n: p.n, sum: p.sum, sumSquares: p.sumSquares }, options.scale, estimateOptions);
  return {
    kind: options.kind,
    groups,
    difference: { estimate: test.difference, interval: test.interval, pValue: test.pValue, significant: test.significant, smallSample: test.smallSample },
  };
}

/**
 * The scale an amount's mean is clipped to: the smallest and largest value
 * stored for the key, widened to include 0 (amounts are measured from
 * nothing), so min < max whenever the key is not all zeros (which is binary).
 */
export function amountScale(minValue: number, maxValue: number): Scale {
  const min = Math.min(0, minValue);
  const max = Math.max(0, maxValue);
  return min < max ? { min, max } : { min, max: min + 1 };
}
