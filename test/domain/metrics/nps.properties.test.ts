import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { npsFromCounts, weightedNps, type NpsCounts, type NpsOptions } from '../../../src/domain/metrics/index.ts';

const count = fc.integer({ min: 0, max: 5_000 });
const counts = fc.record({ promoters: count, passives: count, detractors: count });
const smallCounts = fc.record({
  promoters: fc.integer({ min: 0, max: 5 }),
  passives: fc.integer({ min: 0, max: 5 }),
  detractors: fc.integer({ min: 0, max: 5 }),
});
const anyCounts = fc.oneof(counts, smallCounts);
const options: fc.Arbitrary<NpsOptions> = fc.record({
  level: fc.double({ min: 0.5, max: 0.999, noNaN: true }),
  method: fc.constantFrom('adjusted-wald' as const, 'wald' as const),
});
const total = (c: NpsCounts) => c.promoters + c.passives + c.detractors;

describe('NPS laws', () => {
  it('estimate and interval lie in [−100, 100] and the interval contains the estimate', () => {
    fc.assert(
      fc.property(anyCounts, options, fc.option(fc.integer({ min: 0, max: 10_000 })), (c, opts, extra) => {
        const populationSize = extra === null ? undefined : Math.max(1, total(c) + extra);
        const result = npsFromCounts(c, { ...opts, populationSize });
        if (total(c) === 0) {
          expect(result.estimate).toBeNull();
          expect(result.interval).toBeNull();
          return;
        }
        const { estimate, interval } = result;
        expect(estimate).not.toBeNull();
        expect(interval).not.toBeNull();
        expect(estimate!).toBeGreaterThanOrEqual(-100);
        expect(estimate!).toBeLessThanOrEqual(100);
        expect(interval!.lower).toBeGreaterThanOrEqual(-100);
        expect(interval!.upper).toBeLessThanOrEqual(100);
        expect(interval!.lower).toBeLessThanOrEqual(estimate!);
        expect(interval!.upper).toBeGreaterThanOrEqual(estimate!);
      }),
    );
  });

  it('swapping promoters and detractors negates the NPS and mirrors the interval', () => {
    fc.assert(
      fc.property(anyCounts, options, (c, opts) => {
        const original = npsFromCounts(c, opts);
        const swapped = npsFromCounts({ promoters: c.detractors, passives: c.passives, detractors: c.promoters }, opts);
        if (original.estimate === null) {
          expect(swapped.estimate).toBeNull();
          return;
        }
        expect(swapped.estimate!).toBeCloseTo(-original.estimate, 10);
        expect(swapped.interval!.lower).toBeCloseTo(-original.interval!.upper, 10);
        expect(swapped.interval!.upper).toBeCloseTo(-original.interval!.lower, 10);
      }),
    );
  });

  it('weights of 1 reproduce the unweighted result exactly, however the answers are grouped', () => {
    fc.assert(
      fc.property(fc.array(anyCounts, { minLength: 1, maxLength: 5 }), options, (groups, opts) => {
        const summed = groups.reduce(
          (acc, g) => ({
            promoters: acc.promoters + g.promoters,
            passives: acc.passives + g.passives,
            detractors: acc.detractors + g.detractors,
          }),
          { promoters: 0, passives: 0, detractors: 0 },
        );
        const weighted = weightedNps(groups.map((g) => ({ ...g, weight: 1 })), opts);
        expect(weighted).toEqual(npsFromCounts(summed, opts));
      }),
    );
  });

  it('a known population never widens the interval', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 0, max: 100_000 }), (c, extra) => {
        fc.pre(total(c) > 0);
        const plain = npsFromCounts(c).interval!;
        const corrected = npsFromCounts(c, { populationSize: total(c) + extra }).interval!;
        expect(corrected.upper - corrected.lower).toBeLessThanOrEqual(plain.upper - plain.lower + 1e-9);
      }),
    );
  });
});
