import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountScale, compareOutcomeByGroup, parseObservedOn, parseOutcomeCell, type ScoreOutcomeSums } from '../../../src/domain/analytics/outcomes.ts';
import { compareShares, meanFromValues, shareFromCounts } from '../../../src/domain/metrics/index.ts';

describe('outcome cells', () => {
  it('reads numbers as people write them, and yes/no in both languages', () => {
    for (const [cell, value] of [
      ['1', 1],
      ['0', 0],
      ['12990,50', 12990.5],
      ['1 234.5', 1234.5],
      ['1\u00a0234,5', 1234.5],
      ['-3', -3],
      ['.5', 0.5],
      ['1e3', 1000],
      ['Да', 1],
      ['нет', 0],
      ['TRUE', 1],
      ['no', 0],
    ] as const) {
      expect(parseOutcomeCell(cell), cell).toEqual({ ok: true, value });
    }
    for (const cell of ['1O', 'abc', '1,2,3', '1.2.3', '--1', 'NaN', 'Infinity', '1e999', '2e12', '12 %']) expect(parseOutcomeCell(cell), cell).toEqual({ ok: false });
  });

  it('reads dates as YYYY-MM-DD or DD.MM.YYYY, and only real days', () => {
    expect(parseObservedOn('2026-03-31')).toBe('2026-03-31');
    expect(parseObservedOn('1.3.2026')).toBe('2026-03-01');
    expect(parseObservedOn('2026-02-30')).toBeNull();
    expect(parseObservedOn('31/03/2026')).toBeNull();
  });
});

describe('outcomes by NPS group', () => {
  const sums = (score: number, values: number[], respondents = values.length): ScoreOutcomeSums => ({
    score,
    respondents,
    n: values.length,
    sum: values.reduce((a, b) => a + b, 0),
    sumSquares: values.reduce((a, b) => a + b * b, 0),
  });

  it('groups scores 0–6, 7–8 and 9–10 and matches the metrics engine', () => {
    const result = compareOutcomeByGroup([sums(10, [1, 0]), sums(9, [0], 2), sums(8, [1]), sums(6, [1, 1]), sums(0, [1, 0])], { kind: 'binary', scale: { min: 0, max: 1 }, smallSampleThreshold: 30 });
    expect(result.groups.map((g) => [g.group, g.respondents, g.n, g.estimate])).toEqual([
      ['promoter', 4, 3, 1 / 3],
      ['passive', 1, 1, 1],
      ['detractor', 4, 4, 3 / 4],
    ]);
    expect(result.groups[0]!.interval).toEqual(shareFromCounts({ successes: 1, n: 3 }).interval);
    const test = compareShares({ successes: 3, n: 4 }, { successes: 1, n: 3 });
    expect(result.difference).toEqual({ estimate: test.difference, interval: test.interval, pValue: test.pValue, significant: test.significant, smallSample: true });
  });

  it('gives means of amounts with intervals that contain them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 5000 })), { minLength: 1, maxLength: 60 }), (pairs) => {
        const byScore = new Map<number, number[]>();
        for (const [score, value] of pairs) byScore.set(score, [...(byScore.get(score) ?? []), value]);
        const values = pairs.map(([, v]) => v);
        const scale = amountScale(Math.min(...values), Math.max(...values));
        const result = compareOutcomeByGroup([...byScore].map(([s, v]) => sums(s, v)), { kind: 'amount', scale, smallSampleThreshold: 30 });
        for (const g of result.groups) {
          if (g.estimate === null) continue;
          const expected = meanFromValues(pairs.filter(([s]) => (g.group === 'promoter' ? s >= 9 : g.group === 'passive' ? s >= 7 && s <= 8 : s <= 6)).map(([, v]) => v), scale);
          expect(g.estimate).toBeCloseTo(expected.estimate!, 6);
          expect(g.interval!.lower).toBeLessThanOrEqual(g.estimate + 1e-9);
          expect(g.interval!.upper).toBeGreaterThanOrEqual(g.estimate - 1e-9);
        }
      }),
    );
  });

  it('keeps a valid scale for amounts', () => {
    expect(amountScale(10, 300)).toEqual({ min: 0, max: 300 });
    expect(amountScale(-50, -5)).toEqual({ min: -50, max: 0 });
    expect(amountScale(0, 0)).toEqual({ min: 0, max: 1 });
  });
});
