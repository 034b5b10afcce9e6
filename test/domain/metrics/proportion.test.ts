import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fcrFromAnswers,
  fcrFromCounts,
  shareFromCounts,
  wilsonInterval,
  wouldMissUsFromAnswers,
  wouldMissUsFromCounts,
} from '../../../src/domain/metrics/index.ts';
import { expectDomainError } from './expectDomainError.ts';

describe('Wilson interval', () => {
  it.each([
    // Reference values computed with the closed-form Wilson formula in Python (z = 1.959964)
    [5, 10, 0.236593090512564, 0.7634069094874361],
    [0, 10, 0, 0.2775327998628892],
    [10, 10, 0.7224672001371107, 1],
    [81, 263, 0.2552885198782742, 0.36620957698280004],
    [1, 1, 0.20654931437723745, 1],
  ])('%d of %d → [%f, %f]', (successes, n, lower, upper) => {
    const interval = wilsonInterval(successes, n, 0.95);
    expect(interval.lower).toBeCloseTo(lower, 12);
    expect(interval.upper).toBeCloseTo(upper, 12);
    expect(interval.method).toBe('wilson');
  });

  it('with a finite population correction of 0 (census) collapses to the share', () => {
    expect(wilsonInterval(3, 10, 0.95, 0)).toMatchObject({ lower: 0.3, upper: 0.3 });
  });
});

describe('shares', () => {
  it('reports a share on 0..1 with n and successes', () => {
    const result = shareFromCounts({ successes: 81, n: 263 });
    expect(result).toMatchObject({ metric: 'share', unit: 'share', n: 263, successes: 81, smallSample: false });
    expect(result.estimate).toBeCloseTo(81 / 263, 15);
  });

  it('n = 0 has no value', () => {
    expect(shareFromCounts({ successes: 0, n: 0 })).toMatchObject({ estimate: null, interval: null, smallSample: true });
  });

  it('rejects impossible counts', () => {
    expectDomainError(() => shareFromCounts({ successes: 5, n: 4 }), 'metrics.invalid_count');
    expectDomainError(() => shareFromCounts({ successes: -1, n: 4 }), 'metrics.invalid_count');
    expectDomainError(() => shareFromCounts({ successes: 1, n: 4 }, { populationSize: 3 }), 'metrics.invalid_population_size');
  });

  it('law: the share and its interval stay in [0, 1] and the interval contains the share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (n, fraction, level) => {
          const successes = Math.round(fraction * n);
          const { estimate, interval } = shareFromCounts({ successes, n }, { level });
          expect(interval!.lower).toBeGreaterThanOrEqual(0);
          expect(interval!.upper).toBeLessThanOrEqual(1);
          expect(interval!.lower).toBeLessThanOrEqual(estimate!);
          expect(interval!.upper).toBeGreaterThanOrEqual(estimate!);
        },
      ),
    );
  });
});

describe('FCR', () => {
  it('is the share of yes among yes/no answers', () => {
    const result = fcrFromCounts({ yes: 70, no: 30 });
    expect(result).toMatchObject({ metric: 'fcr', n: 100, successes: 70, estimate: 0.7 });
    expect(fcrFromAnswers([true, true, false, true])).toMatchObject({ metric: 'fcr', n: 4, estimate: 0.75 });
  });

  it('rejects negative counts', () => {
    expectDomainError(() => fcrFromCounts({ yes: -1, no: 3 }), 'metrics.invalid_count');
  });
});

describe('would you miss us', () => {
  it('is the share answering "very" among all answers', () => {
    const result = wouldMissUsFromCounts({ very: 40, somewhat: 35, 'not at all': 25 });
    expect(result).toMatchObject({ metric: 'would_miss_us', n: 100, successes: 40, estimate: 0.4 });
  });

  it('takes a configurable positive category and raw answers', () => {
    const result = wouldMissUsFromAnswers(['a lot', 'a little', 'a lot'], ['a lot', 'a little', 'no'], {
      positiveCategory: 'a lot',
    });
    expect(result.estimate).toBeCloseTo(2 / 3, 15);
  });

  it('rejects a positive category that is not on the scale, and unknown answers', () => {
    expectDomainError(() => wouldMissUsFromCounts({ Very: 3, somewhat: 2 }), 'metrics.unknown_category');
    expectDomainError(() => wouldMissUsFromAnswers(['maybe'], ['very', 'somewhat']), 'metrics.unknown_category');
    expectDomainError(() => wouldMissUsFromCounts({ very: 3, somewhat: 2.5 }), 'metrics.invalid_count');
  });
});
