// Shapes of the analytics API (src/http/routes/analytics/present.ts, commentPresent.ts), as the dashboard reads them.

export type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'year';
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month', 'quarter', 'year'];

export type RankingMethod = 'empirical_bayes' | 'lower_bound';
export const RANKING_METHODS: readonly RankingMethod[] = ['empirical_bayes', 'lower_bound'];

export const DIMENSION_KEYS = ['service_type', 'department', 'employee', 'channel', 'region'] as const;
export type DimensionKey = (typeof DIMENSION_KEYS)[number];

export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export const SENTIMENTS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

export interface PeriodView {
  from: string;
  to: string;
}

/** 95% interval in NPS points; null when n = 0. */
export type IntervalView = { lower: number; upper: number; level?: number; method?: string } | null;

export interface Categories {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface Figures {
  period: PeriodView;
  n: number;
  nps: number | null;
  interval: IntervalView;
  shares: Categories | null;
  counts: Categories;
  smallSample: boolean;
}

export interface HeadlineView {
  current: Figures;
  previous: Figures;
  change: { difference: number | null; interval: IntervalView; pValue: number | null; significant: boolean };
  smallSample: boolean;
  /** Shown as no answers by the anonymity rule. */
  withheld: boolean;
}

export interface TrendPoint extends Figures {
  /** First day of the bucket. */
  start: string;
  /** The period cuts the bucket. */
  partial: boolean;
}

export interface TrendView {
  granularity: Granularity;
  period: PeriodView;
  points: TrendPoint[];
  distribution: Array<{ score: number; count: number; share: number | null }>;
  total: Figures;
  /** Shown as no answers by the anonymity rule. */
  withheld: boolean;
}

export interface BreakdownGroup {
  value: string;
  n: number;
  nps: number | null;
  interval: IntervalView;
  shares: Categories | null;
  counts: Categories;
  small: boolean;
  rank: number | null;
}

export interface BreakdownView {
  dimension: string;
  period: PeriodView;
  smallSampleMin: number;
  groups: BreakdownGroup[];
  withheldGroups: number;
}

export interface EmployeeRow {
  employee: string;
  department: string | null;
  n: number;
  nps: number | null;
  interval: IntervalView;
  shrunkNps: number | null;
  prior: { group: string | null; nps: number; weight: number };
  score: number | null;
  rank: number | null;
  small: boolean;
}

export interface EmployeesView {
  method: RankingMethod;
  period: PeriodView;
  smallSampleMin: number;
  employees: EmployeeRow[];
  withheldGroups: number;
}

export interface CommentView {
  id: string;
  surveyId: string;
  responseId: string | null;
  contactId: string | null;
  anonymous: boolean;
  channel: string;
  attributes: Record<string, string>;
  withheldAttributes: string[];
  completedAt: string;
  language: 'ru' | 'en' | 'other';
  text: string;
  topics: string[];
  topicPolarity: Record<string, SentimentLabel>;
  npsScore: number | null;
  sentiment: { text: { score: number; label: SentimentLabel }; label: SentimentLabel; disagreement: boolean };
  /** An analyst corrected the topics and the label. */
  corrected: boolean;
}

export interface CommentsPage {
  items: CommentView[];
  nextCursor: string | null;
  anonymousWithheld: number;
}

export interface TopicFigures {
  n: number;
  nps: number | null;
  interval: { lower: number; upper: number } | null;
  counts: Categories;
  smallSample: boolean;
}

export interface TopicImpactView {
  topic: string;
  label: { ru: string; en: string } | null;
  mentioning: TopicFigures;
  rest: TopicFigures;
  impact: { difference: number | null; interval: { lower: number; upper: number } | null; pValue: number | null; significant: boolean };
}

export interface TopicsView {
  total: TopicFigures;
  topics: TopicImpactView[];
}
