import { describe, expect, it } from 'vitest';
import { bucketsOf, bucketStart } from '../../../src/domain/analytics/buckets.ts';
import { competitionRanks, shrinkNps } from '../../../src/domain/analytics/ranking.ts';

const c = (promoters: number, passives: number, detractors: number) => ({ promoters, passives, detractors });

describe('shrinkNps', () => {
  it('puts each estimate between the prior and the employee’s own NPS, closer to its own the more answers it has', () => {
    const out = shrinkNps([
      { key: 'few', prior: 'd', counts: c(3, 0, 0) },
      { key: 'many', prior: 'd', counts: c(140, 40, 20) },
      { key: 'x', prior: 'd', counts: c(20, 20, 20) },
      { key: 'y', prior: 'd', counts: c(30, 10, 20) },
    ]);
    for (const r of out) {
      expect(r.weight).toBeGreaterThanOrEqual(0);
      expect(r.weight).toBeLessThanOrEqual(1);
      expect(r.priorGroup).toBe('d');
    }
    const [few, many] = out;
    expect(few!.weight).toBeLessThan(many!.weight);
    expect(few!.nps!).toBeGreaterThan(few!.priorNps);
    expect(few!.nps!).toBeLessThan(100);
  });

  it('shrinks everyone to the pooled NPS when employees differ no more than chance', () => {
    const out = shrinkNps(['a', 'b', 'c'].map((key) => ({ key, prior: 'd', counts: c(10, 10, 10) })));
    for (const r of out) expect(r).toMatchObject({ weight: 0, nps: 0, priorVariance: 0 });
  });

  it('uses all employees as the prior when a department is unknown or too small', () => {
    const out = shrinkNps([
      { key: 'solo', prior: 'tiny', counts: c(5, 0, 0) },
      { key: 'nobody', prior: null, counts: c(0, 0, 5) },
      { key: 'empty', prior: null, counts: c(0, 0, 0) },
    ]);
    expect(out.map((r) => r.priorGroup)).toEqual([null, null, null]);
    expect(out[2]!.nps).toBeNull();
  });
});

describe('competitionRanks', () => {
  it('shares ranks on ties and skips the ineligible', () => {
    expect(
      competitionRanks([
        { score: 10, eligible: true },
        { score: 30, eligible: true },
        { score: 30, eligible: true },
        { score: 99, eligible: false },
        { score: null, eligible: true },
        { score: 5, eligible: true },
      ]),
    ).toEqual([3, 1, 1, null, null, 4]);
  });
});

describe('trend buckets', () => {
  it('start weeks on Monday and cover the period', () => {
    expect(bucketStart('2026-03-08', 'week')).toBe('2026-03-02');
    expect(bucketStart('2026-03-09', 'week')).toBe('2026-03-09');
    expect(bucketStart('2026-11-30', 'quarter')).toBe('2026-10-01');
    expect(bucketsOf({ from: '2024-02-27', to: '2024-03-02' }, 'day').map((b) => b.start)).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02']);
    expect(bucketsOf({ from: '2025-12-30', to: '2026-01-06' }, 'week').map((b) => [b.start, b.period.from, b.period.to, b.partial])).toEqual([
      ['2025-12-29', '2025-12-30', '2026-01-04', true],
      ['2026-01-05', '2026-01-05', '2026-01-06', true],
    ]);
  });
});
