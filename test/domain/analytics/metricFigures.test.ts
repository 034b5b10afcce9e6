import { describe, expect, it } from 'vitest';
import { compareMetricKeys, isUnsupported, metricFigures, type RollupSums } from '../../../src/domain/analytics/metricFigures.ts';
import { normalisedShares, weightingSharesProblems } from '../../../src/domain/analytics/weightingScheme.ts';
import { csatFromScores, fcrFromAnswers } from '../../../src/domain/metrics/index.ts';

const sums = (scores: number[]): RollupSums => {
  const counts = Array.from({ length: 11 }, () => 0);
  for (const s of scores) if (s >= 0 && s <= 10) counts[s]! += 1;
  return { counts, n: scores.length, sum: scores.reduce((a, b) => a + b, 0), sumSquares: scores.reduce((a, b) => a + b * b, 0) };
};

describe('metric figures from rollup sums', () => {
  it('reads CSAT from the 1–5 slots and FCR from 0/1, as the engine does on raw answers', () => {
    const csat = [5, 4, 4, 3, 1, 2, 5];
    const f = metricFigures('csat', sums(csat), sums([]), {});
    expect(isUnsupported(f)).toBe(false);
    if (!isUnsupported(f)) {
      expect(f.current.value).toBe(csatFromScores(csat).topTwoBox.estimate);
      expect(f.alongside?.value).toBe(csatFromScores(csat).mean.estimate);
      expect(f.change.difference).toBeNull();
    }
    const fcr = metricFigures('fcr', sums([1, 1, 0, 1]), sums([0, 1]), {});
    if (!isUnsupported(fcr)) expect(fcr.current.value).toBe(fcrFromAnswers([true, true, false, true]).estimate);
  });

  it('refuses to guess the scale of a key with answers outside 0–10', () => {
    expect(metricFigures('own_wide', sums([3, 40]), sums([]), {})).toEqual({ metricKey: 'own_wide', reason: 'scale_unknown' });
  });

  it('orders standard keys first, then CLI questions, then own keys', () => {
    expect(['zeta', 'cli.b', 'fcr', 'nps', 'cli.a', 'alpha', 'csat'].sort(compareMetricKeys)).toEqual(['nps', 'csat', 'fcr', 'cli.a', 'cli.b', 'alpha', 'zeta']);
  });
});

describe('weighting scheme shares', () => {
  it('accepts rounded shares within ±0.001 and rescales them to 1', () => {
    expect(weightingSharesProblems({ a: 0.3333, b: 0.3333, c: 0.3333 })).toEqual([]);
    const s = normalisedShares({ a: 0.3333, b: 0.3333, c: 0.3333 });
    expect(Object.values(s).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
  });

  it('names what is wrong', () => {
    expect(weightingSharesProblems({ a: 0.5, b: 0.4 })[0]!.path).toBe('shares');
    expect(weightingSharesProblems({ a: -1, b: 2 })[0]!.path).toBe('shares.a');
    expect(weightingSharesProblems({})[0]!.message).toMatch(/between 1 and 500/);
  });
});
