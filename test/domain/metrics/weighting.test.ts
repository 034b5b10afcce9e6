import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  npsFromCounts,
  postStratificationWeights,
  postStratifiedNps,
  weightedNps,
} from '../../../src/domain/metrics/index.ts';
import { expectDomainError } from './expectDomainError.ts';

describe('post-stratification weights', () => {
  it('weight = population share / sample share', () => {
    const weights = postStratificationWeights([
      { key: 'phone', sampleCount: 150, populationShare: 0.5 },
      { key: 'chat', sampleCount: 50, populationShare: 0.5 },
    ]);
    expect(weights[0]).toEqual({ key: 'phone', weight: expect.closeTo(2 / 3, 15) });
    expect(weights[1]).toEqual({ key: 'chat', weight: 2 });
  });

  it('law: weighted stratum sizes match the population shares', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 100 })), { minLength: 1, maxLength: 6 }), (strata) => {
        const shareTotal = strata.reduce((sum, [, share]) => sum + share, 0);
        const sampleTotal = strata.reduce((sum, [count]) => sum + count, 0);
        const input = strata.map(([sampleCount, share], i) => ({ key: `s${i}`, sampleCount, populationShare: share / shareTotal }));
        const weights = postStratificationWeights(input);
        weights.forEach((w, i) => {
          expect((w.weight * input[i]!.sampleCount) / sampleTotal).toBeCloseTo(input[i]!.populationShare, 10);
        });
      }),
    );
  });

  it('rejects shares that do not sum to 1 and populated strata without answers', () => {
    expectDomainError(
      () => postStratificationWeights([{ key: 'a', sampleCount: 5, populationShare: 0.6 }]),
      'metrics.invalid_population_share',
    );
    expectDomainError(
      () => postStratificationWeights([{ key: 'a', sampleCount: 5, populationShare: -0.1 }, { key: 'b', sampleCount: 5, populationShare: 1.1 }]),
      'metrics.invalid_population_share',
    );
    expectDomainError(
      () =>
        postStratificationWeights([
          { key: 'a', sampleCount: 5, populationShare: 0.5 },
          { key: 'b', sampleCount: 0, populationShare: 0.5 },
        ]),
      'metrics.empty_stratum',
    );
  });
});

describe('weighted NPS', () => {
  const phone = { key: 'phone', promoters: 90, passives: 30, detractors: 30, populationShare: 0.5 }; // NPS 40
  const chat = { key: 'chat', promoters: 10, passives: 10, detractors: 30, populationShare: 0.5 }; // NPS −40

  it('re-weights strata to their population shares and uses Kish n_eff for the interval', () => {
    const result = postStratifiedNps([phone, chat], { method: 'wald' });
    expect(npsFromCounts({ promoters: 100, passives: 40, detractors: 60 }).estimate).toBe(20); // unweighted
    expect(result.estimate).toBeCloseTo(0, 12);
    expect(result.n).toBe(200);
    expect(result.effectiveN).toBeCloseTo(150, 10); // (Σw)² / Σw² = 200² / (150·(2/3)² + 50·2²)
    expect(result.shares!.promoters).toBeCloseTo(0.4, 12);
    // Wald: ±1.96·√(0.8 / 150) = ±14.31 points
    expect(result.interval!.upper).toBeCloseTo(1.959963984540054 * Math.sqrt(0.8 / 150) * 100, 9);
    expect(result.weights.map((w) => w.key)).toEqual(['phone', 'chat']);
    expect(result.smallSample).toBe(false);
  });

  it('no answers, no value; all-zero weights are an error', () => {
    expect(weightedNps([]).estimate).toBeNull();
    expectDomainError(() => weightedNps([{ promoters: 3, passives: 0, detractors: 0, weight: 0 }]), 'metrics.invalid_weight');
    expectDomainError(() => weightedNps([{ promoters: 3, passives: 0, detractors: 0, weight: -1 }]), 'metrics.invalid_weight');
    expectDomainError(() => weightedNps([{ promoters: -3, passives: 0, detractors: 0, weight: 1 }]), 'metrics.invalid_count');
  });

  it('can produce a weighted eNPS', () => {
    expect(weightedNps([{ promoters: 3, passives: 0, detractors: 1, weight: 1 }], { metric: 'enps' }).metric).toBe('enps');
  });

  it('law: estimate and interval stay in bounds, and the interval contains the estimate', () => {
    const group = fc.record({
      promoters: fc.integer({ min: 0, max: 300 }),
      passives: fc.integer({ min: 0, max: 300 }),
      detractors: fc.integer({ min: 0, max: 300 }),
      weight: fc.double({ min: 0.01, max: 20, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 5 }), (groups) => {
        const result = weightedNps(groups);
        if (result.estimate === null) return;
        expect(result.effectiveN).toBeLessThanOrEqual(result.n + 1e-9);
        expect(result.interval!.lower).toBeGreaterThanOrEqual(-100);
        expect(result.interval!.upper).toBeLessThanOrEqual(100);
        expect(result.interval!.lower).toBeLessThanOrEqual(result.estimate);
        expect(result.interval!.upper).toBeGreaterThanOrEqual(result.estimate);
      }),
    );
  });
});
