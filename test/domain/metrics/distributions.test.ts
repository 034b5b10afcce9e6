import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  normalCdf,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
} from '../../../src/domain/metrics/distributions.ts';
import { erfc, logGamma, regularizedIncompleteBeta } from '../../../src/domain/metrics/specialFunctions.ts';

describe('Student t quantile', () => {
  it.each([
    // Printed t tables (3 decimals); exact values from scipy.stats.t.ppf
    [0.975, 1, 12.706],
    [0.975, 2, 4.303],
    [0.975, 9, 2.262],
    [0.975, 29, 2.045],
    [0.975, 30, 2.042],
    [0.975, 120, 1.98],
    [0.995, 5, 4.032],
    [0.995, 10, 3.169],
    [0.95, 4, 2.132],
  ])('t(%f, %d) ≈ %f', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 3);
  });

  it('matches scipy.stats.t.ppf to 1e-9', () => {
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.2621571627409915, 9);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.045229642132703, 9);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736174705, 9);
  });

  it('is antisymmetric and 0 at the median', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.262157, 6);
  });

  it('accepts fractional degrees of freedom (Welch) and tends to the normal', () => {
    expect(studentTQuantile(0.975, 15.381)).toBeGreaterThan(2.1);
    expect(studentTQuantile(0.975, 15.381)).toBeLessThan(2.132);
    expect(studentTQuantile(0.975, 1e12)).toBeCloseTo(1.959964, 6);
  });

  it('inverts the CDF', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        (p, df) => {
          expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
        },
      ),
    );
  });

  it('CDF matches scipy', () => {
    expect(studentTCdf(2, 5)).toBeCloseTo(0.9490302605850709, 12);
    expect(studentTCdf(-1.5, 12.5)).toBeCloseTo(0.07922129, 8);
    expect(studentTCdf(3.3, 3)).toBeCloseTo(0.97713327, 8);
  });

  it('rejects impossible arguments', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError);
  });
});

describe('normal distribution', () => {
  it('CDF is accurate to better than 1e-7 (scipy.stats.norm.cdf reference values)', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(Math.abs(normalCdf(1.959963984540054) - 0.975)).toBeLessThan(1e-14);
    expect(Math.abs(normalCdf(-1) - 0.15865525393145707)).toBeLessThan(1e-14);
    expect(Math.abs(normalCdf(0.5) - 0.6914624612740131)).toBeLessThan(1e-14);
    expect(Math.abs(normalCdf(-3) - 0.0013498980316300933)).toBeLessThan(1e-16);
  });

  it('keeps relative accuracy deep in the lower tail', () => {
    expect(normalCdf(-8.3) / 5.2055697448902465e-17).toBeCloseTo(1, 10);
    expect(normalCdf(-20) / 2.7536241186061556e-89).toBeCloseTo(1, 10);
  });

  it('quantile matches reference values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 12);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
  });

  it('quantile inverts the CDF', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 13);
      }),
    );
  });
});

describe('special functions', () => {
  it('logGamma matches known values', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(1)).toBeCloseTo(0, 13);
  });

  it('erfc matches known values', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(1)).toBeCloseTo(0.15729920705028513, 14);
    expect(erfc(-1)).toBeCloseTo(1.8427007929497148, 14);
    expect(erfc(3) / 2.2090496998585445e-5).toBeCloseTo(1, 12);
  });

  it('incomplete beta has the closed form I_x(1, 1) = x and the symmetry law', () => {
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedIncompleteBeta(0.2, 2.5, 4) + regularizedIncompleteBeta(0.8, 4, 2.5)).toBeCloseTo(1, 13);
  });
});
