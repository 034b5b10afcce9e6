import { z } from 'zod';
import type { EmployeeRanking } from '../../../app/analytics/employeeRanking.ts';
import type { NpsBreakdown } from '../../../app/analytics/breakdown.ts';
import type { NpsHeadline, NpsPeriodFigures } from '../../../app/analytics/headline.ts';
import type { NpsTrend, NpsTrendPoint } from '../../../app/analytics/trend.ts';
import { GRANULARITIES } from '../../../domain/analytics/buckets.ts';
import { RANKING_METHODS } from '../../../domain/analytics/ranking.ts';

const PeriodView = z.object({ from: z.string(), to: z.string() });
const IntervalView = z.object({ lower: z.number(), upper: z.number(), level: z.number(), method: z.string() }).nullable().describe('95% interval, NPS points; null when n = 0');
const CategoriesView = z.object({ promoters: z.number(), passives: z.number(), detractors: z.number() });
const nps = z.number().nullable().describe('NPS points, −100..100; null when n = 0');

const FiguresView = z.object({
  period: PeriodView,
  n: z.number().int(),
  nps,
  interval: IntervalView,
  shares: CategoriesView.nullable().describe('Shares 0..1; null when n = 0'),
  counts: CategoriesView,
  smallSample: z.boolean(),
});

export const HeadlineView = z.object({
  current: FiguresView,
  previous: FiguresView.describe('The period of the same length just before'),
  change: z.object({ difference: z.number().nullable(), interval: IntervalView, pValue: z.number().nullable(), significant: z.boolean() }),
  smallSample: z.boolean(),
  withheld: z.boolean().describe('Some figures are shown as no answers: the value belongs to an anonymous survey and has fewer than 5 answers'),
});

const presentFigures = (f: Omit<NpsPeriodFigures, 'result' | 'withheld'>) => ({ period: f.period, n: f.n, nps: f.nps, interval: f.interval, shares: f.shares, counts: f.counts, smallSample: f.smallSample });

export const presentHeadline = (h: NpsHeadline): z.infer<typeof HeadlineView> => ({
  current: presentFigures(h.current),
  previous: presentFigures(h.previous),
  change: h.change,
  smallSample: h.smallSample,
  withheld: h.withheld,
});

const TrendPointView = FiguresView.extend({ start: z.string().describe('First day of the bucket'), partial: z.boolean().describe('The period cuts the bucket') });

export const TrendView = z.object({
  granularity: z.enum(GRANULARITIES),
  period: PeriodView,
  points: z.array(TrendPointView),
  distribution: z.array(z.object({ score: z.number().int(), count: z.number().int(), share: z.number().nullable() })),
  total: FiguresView,
  withheld: z.boolean().describe('Shown as no answers: the value belongs to an anonymous survey and has fewer than 5 answers'),
});

const presentPoint = (p: NpsTrendPoint) => ({ start: p.start, partial: p.partial, ...presentFigures(p) });

export const presentTrend = (t: NpsTrend): z.infer<typeof TrendView> => ({
  granularity: t.granularity,
  period: t.period,
  points: t.points.map(presentPoint),
  distribution: t.distribution,
  total: presentFigures(t.total),
  withheld: t.withheld,
});

export const BreakdownView = z.object({
  dimension: z.string(),
  period: PeriodView,
  smallSampleMin: z.number().int(),
  groups: z.array(
    z.object({
      value: z.string(),
      n: z.number().int(),
      nps,
      interval: IntervalView,
      shares: CategoriesView.nullable(),
      counts: CategoriesView,
      small: z.boolean().describe('n below smallSampleMin: show greyed, not ranked'),
      rank: z.number().int().nullable(),
    }),
  ),
  withheldGroups: z.number().int().describe('Groups of anonymous surveys with fewer than 5 answers, left out'),
});

export const presentBreakdown = (b: NpsBreakdown): z.infer<typeof BreakdownView> => b;

export const EmployeesView = z.object({
  method: z.enum(RANKING_METHODS),
  period: PeriodView,
  smallSampleMin: z.number().int(),
  employees: z.array(
    z.object({
      employee: z.string(),
      department: z.string().nullable(),
      n: z.number().int(),
      nps,
      interval: IntervalView,
      shrunkNps: z.number().nullable().describe('Empirical-Bayes estimate toward the department'),
      prior: z.object({ group: z.string().nullable().describe('Department shrunk toward; null = all employees'), nps: z.number(), weight: z.number() }),
      score: z.number().nullable().describe('What is ranked: shrunkNps or interval.lower'),
      rank: z.number().int().nullable(),
      small: z.boolean(),
    }),
  ),
  withheldGroups: z.number().int(),
});

export const presentEmployees = (r: EmployeeRanking): z.infer<typeof EmployeesView> => r;
