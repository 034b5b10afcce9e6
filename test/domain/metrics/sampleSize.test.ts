import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { npsFromCounts, npsSampleSize } from '../../../src/domain/metrics/index.ts';
import { expectDomainError } from './expectDomainError.ts';

describe('NPS sample size', () => {
  it('reproduces the reference table with no prior: ±5 → 1534, ±10 → 382', () => {
    expect(npsSampleSize({ marginPoints: 5 })).toMatchObject({
      requiredN: 1534,
      assumption: 'worst-case',
      assumedVariance: 1,
      assumedShares: { promoters: 0.5, passives: 0, detractors: 0.5 },
      populationSize: null,
    });
    expect(npsSampleSize({ marginPoints: 10 }).requiredN).toBe(382);
    expect(npsSampleSize({ marginPoints: 3 }).requiredN).toBe(4266);
    expect(npsSampleSize({ marginPoints: 1 }).requiredN).toBe(38412);
  });

  it('with an expected NPS uses the largest variance it allows (no passives)', () => {
    const plan = npsSampleSize({ marginPoints: 10, expectedNps: 40 });
    expect(plan.assumedShares.promoters).toBeCloseTo(0.7, 15);
    expect(plan.assumedShares.detractors).toBeCloseTo(0.3, 15);
    expect(plan.assumedVariance).toBeCloseTo(0.84, 15);
    expect(plan.requiredN).toBe(320);
  });

  it('passives lower the variance and so the answers needed', () => {
    const withPassives = npsSampleSize({ marginPoints: 10, expectedNps: 40, expectedPassiveShare: 0.3 });
    expect(withPassives.assumedVariance).toBeCloseTo(0.54, 12);
    expect(withPassives.requiredN).toBeLessThan(320);
  });

  it('applies the finite population correction n0 / (1 + (n0 − 1)/N)', () => {
    const plan = npsSampleSize({ marginPoints: 10, expectedNps: 40, populationSize: 2000 });
    expect(plan).toMatchObject({ requiredN: 276, requiredNWithoutFpc: 320, populationSize: 2000 });
    expect(npsSampleSize({ marginPoints: 1, populationSize: 50 }).requiredN).toBeLessThanOrEqual(50);
  });

  it('a higher level needs more answers', () => {
    expect(npsSampleSize({ marginPoints: 5, level: 0.99 }).requiredN).toBeGreaterThan(1534);
  });

  it('rejects impossible plans', () => {
    expectDomainError(() => npsSampleSize({ marginPoints: 0 }), 'metrics.invalid_margin');
    expectDomainError(() => npsSampleSize({ marginPoints: Number.NaN }), 'metrics.invalid_margin');
    expectDomainError(() => npsSampleSize({ marginPoints: 5, expectedNps: 150 }), 'metrics.invalid_option');
    expectDomainError(
      () => npsSampleSize({ marginPoints: 5, expectedNps: 80, expectedPassiveShare: 0.3 }),
      'metrics.invalid_option',
    );
    expectDomainError(() => npsSampleSize({ marginPoints: 5, level: 0 }), 'metrics.invalid_level');
    expectDomainError(() => npsSampleSize({ marginPoints: 5, populationSize: 0.5 }), 'metrics.invalid_population_size');
  });

  it('law: the planned number of worst-case answers achieves the margin', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 40, noNaN: true }), fc.constantFrom(0.9, 0.95, 0.99), (marginPoints, level) => {
        const { requiredN } = npsSampleSize({ marginPoints, level });
        const promoters = Math.ceil(requiredN / 2);
        const { interval } = npsFromCounts({ promoters, passives: 0, detractors: requiredN - promoters }, { level });
        expect((interval!.upper - interval!.lower) / 2).toBeLessThanOrEqual(marginPoints + 1e-9);
      }),
    );
  });
});
