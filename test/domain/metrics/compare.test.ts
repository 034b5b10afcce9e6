import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareMeans,
  compareNps,
  compareNpsResults,
  compareShares,
  enpsFromCounts,
  npsFromCounts,
  weightedNps,
} from '../../../src/domain/metrics/index.ts';
import { expectDomainError } from './expectDomainError.ts';

// Reference values: the same formulas evaluated independently in Python with scipy.stats.norm.
describe('compareNps (adjusted Wald z test)', () => {
  it('120/50/30 vs 80/60/60', () => {
    const test = compareNps({ promoters: 120, passives: 50, detractors: 30 }, { promoters: 80, passives: 60, detractors: 60 });
    expect(test.a.estimate).toBe(45);
    expect(test.b.estimate).toBe(10);
    expect(test.difference).toBe(35);
    expect(test.statistic).toBeCloseTo(4.417233965210719, 10);
    expect(test.pValue).toBeCloseTo(9.997200004117064e-6, 14);
    expect(test.interval!.lower).toBeCloseTo(19.182467643026733, 9);
    expect(test.interval!.upper).toBeCloseTo(49.78304959835258, 9);
    expect(test).toMatchObject({ significant: true, alpha: expect.closeTo(0.05, 12), unit: 'nps_points' });
  });

  it('40/30/30 vs 35/30/35 is not significant', () => {
    const test = compareNps({ promoters: 40, passives: 30, detractors: 30 }, { promoters: 35, passives: 30, detractors: 35 });
    expect(test.statistic).toBeCloseTo(0.839095307535952, 10);
    expect(test.pValue).toBeCloseTo(0.4014158291066715, 10);
    expect(test.interval!.lower).toBeCloseTo(-12.968991802664931, 9);
    expect(test.interval!.upper).toBeCloseTo(32.386467530820276, 9);
    expect(test.significant).toBe(false);
    expect(test.smallSample).toBe(false);
  });

  it('identical groups: z = 0, p = 1', () => {
    const group = { promoters: 50, passives: 20, detractors: 30 };
    expect(compareNps(group, group)).toMatchObject({ statistic: 0, pValue: 1, significant: false, difference: 0 });
  });

  it('an empty group gives no test', () => {
    const test = compareNps({ promoters: 0, passives: 0, detractors: 0 }, { promoters: 5, passives: 0, detractors: 0 });
    expect(test).toMatchObject({ difference: null, statistic: null, pValue: null, interval: null, significant: false });
  });

  it('two censuses compare exactly', () => {
    const test = compareNps(
      { promoters: 6, passives: 2, detractors: 2 },
      { promoters: 5, passives: 2, detractors: 3 },
      { populationSizeA: 10, populationSizeB: 10 },
    );
    expect(test).toMatchObject({ statistic: null, pValue: 0, significant: true });
    expect(test.interval).toMatchObject({ lower: 20, upper: 20 });
  });

  it('compares weighted results the same way, but not NPS with eNPS or mixed methods', () => {
    const counts = { promoters: 60, passives: 20, detractors: 20 };
    const weighted = weightedNps([{ ...counts, weight: 2 }]);
    expect(compareNpsResults(weighted, npsFromCounts(counts)).pValue).toBeCloseTo(1, 12);
    expectDomainError(() => compareNpsResults(npsFromCounts(counts), enpsFromCounts(counts)), 'metrics.invalid_option');
    expectDomainError(
      () => compareNpsResults(npsFromCounts(counts), npsFromCounts(counts, { method: 'wald' })),
      'metrics.invalid_option',
    );
  });

  it('laws: significant ⇔ the interval excludes 0; swapping groups negates z', () => {
    const counts = fc.record({
      promoters: fc.integer({ min: 0, max: 400 }),
      passives: fc.integer({ min: 0, max: 400 }),
      detractors: fc.integer({ min: 0, max: 400 }),
    });
    fc.assert(
      fc.property(counts, counts, fc.constantFrom(0.9, 0.95, 0.99), (a, b, level) => {
        const forward = compareNps(a, b, { level });
        if (forward.interval === null) return;
        const excludesZero = forward.interval.lower > 0 || forward.interval.upper < 0;
        expect(forward.significant).toBe(excludesZero);
        expect(forward.pValue!).toBeGreaterThanOrEqual(0);
        expect(forward.pValue!).toBeLessThanOrEqual(1);
        const backward = compareNps(b, a, { level });
        expect(backward.statistic!).toBeCloseTo(-forward.statistic!, 10);
        expect(backward.pValue!).toBeCloseTo(forward.pValue!, 12);
      }),
    );
  });
});

describe('compareShares (pooled z test, Newcombe interval)', () => {
  it('56/70 vs 48/80 reproduces Newcombe (1998): difference 0.2, interval 0.0524 to 0.3339', () => {
    const test = compareShares({ successes: 56, n: 70 }, { successes: 48, n: 80 });
    expect(test.difference).toBeCloseTo(0.2, 12);
    expect(test.interval!.lower).toBeCloseTo(0.0524, 4);
    expect(test.interval!.upper).toBeCloseTo(0.3339, 4);
    expect(test.statistic).toBeCloseTo(2.6501719512585336, 10);
    expect(test.pValue).toBeCloseTo(0.00804508136819656, 12);
    expect(test.significant).toBe(true);
    expect(test.interval!.method).toBe('newcombe');
  });

  it('identical all-yes groups: no statistic, p = 1', () => {
    expect(compareShares({ successes: 10, n: 10 }, { successes: 20, n: 20 })).toMatchObject({
      statistic: null,
      pValue: 1,
      significant: false,
    });
  });
});

describe('compareMeans (Welch)', () => {
  // a = [1,2,2,3,4,5,5,5,4,3,2,5], b = [3,4,4,5,5,5,4,5,5,4,4,5,5,3,4]; scipy.stats.ttest_ind(equal_var=False)
  it('matches scipy', () => {
    const test = compareMeans({ n: 12, sum: 41, sumSquares: 163 }, { n: 15, sum: 65, sumSquares: 289 }, { min: 1, max: 5 });
    expect(test.statistic).toBeCloseTo(-2.0073603857711904, 10);
    expect(test.degreesOfFreedom).toBeCloseTo(15.381235077290206, 9);
    expect(test.pValue).toBeCloseTo(0.0626149516963919, 9);
    expect(test.interval!.lower).toBeCloseTo(-1.8879020033880094, 8);
    expect(test.interval!.upper).toBeCloseTo(0.05456867005467647, 8);
    expect(test.significant).toBe(false);
  });

  it('needs two answers per group', () => {
    const test = compareMeans({ n: 1, sum: 3, sumSquares: 9 }, { n: 5, sum: 15, sumSquares: 47 }, { min: 1, max: 5 });
    expect(test).toMatchObject({ statistic: null, pValue: null, significant: false });
  });
});
