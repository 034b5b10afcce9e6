import { describe, expect, it } from 'vitest';
import {
  classifyNpsScore,
  enpsFromCounts,
  enpsFromHistogram,
  npsCountsFromHistogram,
  npsFromCounts,
  npsFromHistogram,
  npsFromScores,
} from '../../../src/domain/metrics/index.ts';
import { expectDomainError } from './expectDomainError.ts';

const round1 = (x: number | undefined | null): number | null => (x == null ? null : Math.round(x * 10) / 10);
const REFERENCE = { promoters: 120, passives: 50, detractors: 30 };

describe('NPS reference numbers (120 promoters, 50 passives, 30 detractors)', () => {
  it('estimate is 45.0', () => {
    const result = npsFromCounts(REFERENCE);
    expect(result.estimate).toBe(45);
    expect(result.n).toBe(200);
    expect(result.shares).toEqual({ promoters: 0.6, passives: 0.25, detractors: 0.15 });
  });

  it('Wald 95% interval is [34.7, 55.3]', () => {
    const { interval } = npsFromCounts(REFERENCE, { method: 'wald' });
    expect(interval).toMatchObject({ level: 0.95, method: 'wald' });
    expect([round1(interval?.lower), round1(interval?.upper)]).toEqual([34.7, 55.3]);
  });

  it('adjusted Wald 95% interval (the default) is ≈ [34.1, 54.5]', () => {
    const result = npsFromCounts(REFERENCE);
    expect(result.interval?.method).toBe('adjusted-wald');
    expect([round1(result.interval?.lower), round1(result.interval?.upper)]).toEqual([34.1, 54.5]);
    // Centre: (120.75 − 30.75) / 203 = 44.33 points
    expect(result.intervalCentre).toBeCloseTo((90 / 203) * 100, 10);
  });

  it('a higher level gives a wider interval', () => {
    const at90 = npsFromCounts(REFERENCE, { level: 0.9 }).interval!;
    const at99 = npsFromCounts(REFERENCE, { level: 0.99 }).interval!;
    expect(at99.upper - at99.lower).toBeGreaterThan(at90.upper - at90.lower);
    expect(at99.level).toBe(0.99);
  });
});

describe('NPS input forms', () => {
  it('classifies scores: 0–6 detractor, 7–8 passive, 9–10 promoter', () => {
    expect([0, 6, 7, 8, 9, 10].map(classifyNpsScore)).toEqual([
      'detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter',
    ]);
  });

  it('histogram, raw scores and counts agree', () => {
    const histogram = [1, 0, 2, 0, 0, 3, 4, 10, 40, 60, 60];
    expect(npsCountsFromHistogram(histogram)).toEqual({ promoters: 120, passives: 50, detractors: 10 });
    const scores = histogram.flatMap((count, score) => Array<number>(count).fill(score));
    const fromCounts = npsFromCounts({ promoters: 120, passives: 50, detractors: 10 });
    expect(npsFromHistogram(histogram)).toEqual(fromCounts);
    expect(npsFromScores(scores)).toEqual(fromCounts);
  });

  it('eNPS is the same math under its own key', () => {
    const nps = npsFromCounts(REFERENCE);
    const enps = enpsFromCounts(REFERENCE);
    expect(enps.metric).toBe('enps');
    expect(nps.metric).toBe('nps');
    expect({ ...enps, metric: 'nps' }).toEqual(nps);
    expect(enpsFromHistogram([0, 0, 0, 0, 0, 0, 30, 0, 50, 0, 120]).estimate).toBe(45);
  });
});

describe('NPS edge cases', () => {
  it('n = 0 has no value, not 0', () => {
    const result = npsFromCounts({ promoters: 0, passives: 0, detractors: 0 });
    expect(result).toMatchObject({ n: 0, estimate: null, interval: null, shares: null, smallSample: true });
    expect(result.standardError).toBeNull();
  });

  it('n = 1 gives a valid interval that contains the single answer', () => {
    const result = npsFromCounts({ promoters: 1, passives: 0, detractors: 0 });
    expect(result.estimate).toBe(100);
    expect(result.interval!.upper).toBe(100);
    expect(result.interval!.lower).toBeGreaterThanOrEqual(-100);
    expect(result.interval!.lower).toBeLessThan(0);
    expect(result.smallSample).toBe(true);
  });

  it('all promoters: the adjusted interval is not degenerate and is clipped at 100', () => {
    const adjusted = npsFromCounts({ promoters: 50, passives: 0, detractors: 0 });
    expect(adjusted.estimate).toBe(100);
    expect(adjusted.interval!.upper).toBe(100);
    expect(adjusted.interval!.lower).toBeLessThan(100);
    expect(adjusted.interval!.lower).toBeGreaterThan(80);
    // Wald collapses to a point here: the reason adjusted Wald is the default.
    const wald = npsFromCounts({ promoters: 50, passives: 0, detractors: 0 }, { method: 'wald' });
    expect(wald.interval).toMatchObject({ lower: 100, upper: 100 });
  });

  it('all detractors mirrors all promoters', () => {
    const result = npsFromCounts({ promoters: 0, passives: 0, detractors: 50 });
    expect(result.estimate).toBe(-100);
    expect(result.interval!.lower).toBe(-100);
  });

  it('flags small samples: n < 30 by default, configurable', () => {
    expect(npsFromCounts({ promoters: 29, passives: 0, detractors: 0 }).smallSample).toBe(true);
    expect(npsFromCounts({ promoters: 30, passives: 0, detractors: 0 }).smallSample).toBe(false);
    expect(npsFromCounts(REFERENCE, { smallSampleThreshold: 500 }).smallSample).toBe(true);
  });
});

describe('NPS finite population correction', () => {
  it('multiplies the variance by (N − n)/(N − 1)', () => {
    const plain = npsFromCounts(REFERENCE, { method: 'wald' });
    const corrected = npsFromCounts(REFERENCE, { method: 'wald', populationSize: 1000 });
    expect(corrected.standardError).toBeCloseTo(plain.standardError! * Math.sqrt(800 / 999), 10);
    expect(corrected.populationSize).toBe(1000);
    expect(corrected.estimate).toBe(plain.estimate);
  });

  it('a census (N = n) has no sampling error', () => {
    const census = npsFromCounts(REFERENCE, { populationSize: 200 });
    expect(census.interval).toMatchObject({ lower: 45, upper: 45 });
    expect(census.standardError).toBe(0);
  });
});

describe('NPS invalid input', () => {
  it.each([
    [{ promoters: -1, passives: 0, detractors: 0 }],
    [{ promoters: 1.5, passives: 0, detractors: 0 }],
    [{ promoters: 1, passives: Number.NaN, detractors: 0 }],
    [{ promoters: 1, passives: 0, detractors: Number.POSITIVE_INFINITY }],
  ])('rejects counts %o', (counts) => {
    expectDomainError(() => npsFromCounts(counts), 'metrics.invalid_count');
  });

  it('rejects scores off the 0–10 scale or fractional', () => {
    expectDomainError(() => npsFromScores([3, 11]), 'metrics.score_out_of_range');
    expectDomainError(() => npsFromScores([-1]), 'metrics.score_out_of_range');
    expectDomainError(() => npsFromScores([7.5]), 'metrics.score_out_of_range');
  });

  it('rejects a histogram without 11 counts, or with a bad count', () => {
    expectDomainError(() => npsFromHistogram([1, 2, 3]), 'metrics.invalid_histogram');
    expectDomainError(() => npsFromHistogram([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -2]), 'metrics.invalid_count');
  });

  it('rejects bad options', () => {
    expectDomainError(() => npsFromCounts(REFERENCE, { level: 95 }), 'metrics.invalid_level');
    expectDomainError(() => npsFromCounts(REFERENCE, { level: 1 }), 'metrics.invalid_level');
    expectDomainError(() => npsFromCounts(REFERENCE, { populationSize: 199 }), 'metrics.invalid_population_size');
    expectDomainError(() => npsFromCounts(REFERENCE, { populationSize: 0 }), 'metrics.invalid_population_size');
    expectDomainError(
      () => npsFromCounts(REFERENCE, { method: 'exact' as never }),
      'metrics.invalid_option',
    );
    expectDomainError(() => npsFromCounts(REFERENCE, { smallSampleThreshold: -1 }), 'metrics.invalid_option');
  });
});
