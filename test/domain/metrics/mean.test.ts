import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cesFromHistogram,
  cesFromScores,
  cliFromAnswers,
  cliFromSufficientStats,
  cliRespondentMeans,
  csatFromHistogram,
  csatFromScores,
  meanFromHistogram,
  meanFromSufficientStats,
  meanFromValues,
} from '../../../src/domain/metrics/index.ts';
import { expectDomainError } from './expectDomainError.ts';

const ONE_TO_TEN = { min: 1, max: 10 };

describe('mean with t interval', () => {
  it('values 1..10: mean 5.5, 95% interval [3.334, 7.666] (t(0.975, 9) = 2.262)', () => {
    const result = meanFromValues([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ONE_TO_TEN);
    expect(result.estimate).toBe(5.5);
    expect(result.standardDeviation).toBeCloseTo(3.0276503540974917, 12);
    expect(result.interval!.lower).toBeCloseTo(3.334149410331831, 10);
    expect(result.interval!.upper).toBeCloseTo(7.665850589668169, 10);
    expect(result.interval!.method).toBe('t');
  });

  it('raw values, a histogram and sufficient statistics agree', () => {
    const values = [1, 2, 2, 3, 4, 5, 5, 5, 4, 3, 2, 5];
    const fromValues = meanFromValues(values, { min: 1, max: 5 });
    expect(meanFromHistogram([1, 3, 2, 2, 4], 1)).toEqual(fromValues);
    expect(meanFromSufficientStats({ n: 12, sum: 41, sumSquares: 163 }, { min: 1, max: 5 })).toEqual(fromValues);
  });

  it('n = 0 has no value; n = 1 spans the whole scale', () => {
    expect(meanFromValues([], ONE_TO_TEN)).toMatchObject({ n: 0, estimate: null, interval: null, smallSample: true });
    const single = meanFromValues([7], ONE_TO_TEN);
    expect(single).toMatchObject({ n: 1, estimate: 7, standardDeviation: null });
    expect(single.interval).toMatchObject({ lower: 1, upper: 10, method: 'scale-bounds' });
  });

  it('is clipped to the scale', () => {
    const result = meanFromValues([5, 5, 5, 4], { min: 1, max: 5 });
    expect(result.interval!.upper).toBe(5);
  });

  it('applies the finite population correction', () => {
    const plain = meanFromValues([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ONE_TO_TEN);
    const corrected = meanFromValues([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ONE_TO_TEN, { populationSize: 20 });
    expect(corrected.standardError).toBeCloseTo(plain.standardError! * Math.sqrt(10 / 19), 12);
  });

  it('rejects values off the scale and inconsistent statistics', () => {
    expectDomainError(() => meanFromValues([0], ONE_TO_TEN), 'metrics.score_out_of_range');
    expectDomainError(() => meanFromValues([1], { min: 5, max: 1 }), 'metrics.invalid_option');
    expectDomainError(() => meanFromSufficientStats({ n: 2, sum: 30, sumSquares: 450 }, ONE_TO_TEN), 'metrics.invalid_statistics');
    expectDomainError(() => meanFromSufficientStats({ n: 2, sum: 10, sumSquares: 10 }, ONE_TO_TEN), 'metrics.invalid_statistics');
    expectDomainError(() => meanFromSufficientStats({ n: 0, sum: 1, sumSquares: 1 }, ONE_TO_TEN), 'metrics.invalid_statistics');
    expectDomainError(() => meanFromHistogram([1, -1], 1), 'metrics.invalid_count');
    expectDomainError(() => meanFromHistogram([], 1), 'metrics.invalid_histogram');
  });

  it('law: the mean and interval lie on the scale and the interval contains the mean', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 7, maxLength: 7 }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (histogram, level) => {
          const result = meanFromHistogram(histogram, 1, { level });
          if (result.n === 0) return expect(result.estimate).toBeNull();
          expect(result.estimate!).toBeGreaterThanOrEqual(1);
          expect(result.estimate!).toBeLessThanOrEqual(7);
          expect(result.interval!.lower).toBeGreaterThanOrEqual(1);
          expect(result.interval!.upper).toBeLessThanOrEqual(7);
          expect(result.interval!.lower).toBeLessThanOrEqual(result.estimate!);
          expect(result.interval!.upper).toBeGreaterThanOrEqual(result.estimate!);
        },
      ),
    );
  });
});

describe('CSAT (1–5)', () => {
  it('reports top-2-box share and mean on their own scales', () => {
    const { topTwoBox, mean } = csatFromHistogram([5, 5, 10, 40, 40]);
    expect(topTwoBox).toMatchObject({ metric: 'csat_top2_box', unit: 'share', n: 100, successes: 80, estimate: 0.8 });
    expect(mean).toMatchObject({ metric: 'csat_mean', unit: 'scale_value', n: 100, scale: { min: 1, max: 5 } });
    expect(mean.estimate).toBeCloseTo((5 + 10 + 30 + 160 + 200) / 100, 12);
  });

  it('raw scores equal the histogram', () => {
    expect(csatFromScores([5, 4, 4, 1, 3])).toEqual(csatFromHistogram([1, 0, 1, 2, 1]));
  });

  it('rejects scores off 1–5 and histograms of the wrong length', () => {
    expectDomainError(() => csatFromScores([0]), 'metrics.score_out_of_range');
    expectDomainError(() => csatFromScores([6]), 'metrics.score_out_of_range');
    expectDomainError(() => csatFromHistogram([1, 2, 3]), 'metrics.invalid_histogram');
  });

  it('n = 0: both parts have no value', () => {
    const { topTwoBox, mean } = csatFromHistogram([0, 0, 0, 0, 0]);
    expect(topTwoBox.estimate).toBeNull();
    expect(mean.estimate).toBeNull();
  });
});

describe('CES (1–7)', () => {
  it('reports the mean and the share of easy answers (5–7)', () => {
    const { mean, easyShare } = cesFromHistogram([2, 2, 2, 4, 10, 30, 50]);
    expect(easyShare).toMatchObject({ metric: 'ces_easy_share', n: 100, successes: 90, estimate: 0.9 });
    expect(mean.metric).toBe('ces_mean');
    expect(mean.scale).toEqual({ min: 1, max: 7 });
    expect(mean.estimate).toBeCloseTo((2 + 4 + 6 + 16 + 50 + 180 + 350) / 100, 12);
  });

  it('raw scores equal the histogram; rejects 8', () => {
    expect(cesFromScores([7, 7, 1])).toEqual(cesFromHistogram([1, 0, 0, 0, 0, 0, 2]));
    expectDomainError(() => cesFromScores([8]), 'metrics.score_out_of_range');
  });
});

describe('CLI (0–10, averaged per respondent, then across respondents)', () => {
  const questions = ['recommend', 'repurchase', 'tryOther'];

  it('averages each respondent first', () => {
    const respondents = [
      { recommend: 10, repurchase: 8, tryOther: 6 }, // 8
      { recommend: 4, repurchase: null }, // 4 (answered one)
      { other: 10 }, // no CLI answers: skipped
    ];
    expect(cliRespondentMeans(respondents, questions)).toEqual([8, 4]);
    const result = cliFromAnswers(respondents, questions);
    expect(result).toMatchObject({ metric: 'cli', n: 2, estimate: 6, scale: { min: 0, max: 10 } });
  });

  it('can require every configured question', () => {
    const respondents = [{ recommend: 10, repurchase: 8, tryOther: 6 }, { recommend: 4 }];
    expect(cliFromAnswers(respondents, questions, { requireAllQuestions: true })).toMatchObject({ n: 1, estimate: 8 });
  });

  it('accepts stored sufficient statistics of respondent averages', () => {
    expect(cliFromSufficientStats({ n: 2, sum: 12, sumSquares: 80 }).estimate).toBe(6);
  });

  it('rejects scores off 0–10 and an empty question set', () => {
    expectDomainError(() => cliFromAnswers([{ recommend: 11 }], questions), 'metrics.score_out_of_range');
    expectDomainError(() => cliFromAnswers([], []), 'metrics.invalid_option');
    expectDomainError(() => cliFromAnswers([], ['a', 'a']), 'metrics.invalid_option');
  });
});
