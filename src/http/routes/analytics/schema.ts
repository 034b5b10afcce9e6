import { z } from 'zod';
import { GRANULARITIES } from '../../../domain/analytics/buckets.ts';
import { isIsoDate } from '../../../domain/analytics/period.ts';
import { RANKING_METHODS } from '../../../domain/analytics/ranking.ts';
import { DIMENSION_VALUE_MAX_LENGTH, DimensionKey } from '../../../domain/surveys/dimensions.ts';
import { uuid } from '../../schemas.ts';

const localDate = z.string().refine(isIsoDate, 'must be a date as YYYY-MM-DD').describe('A date in the organisation’s time zone, YYYY-MM-DD, inclusive');

const period = {
  from: localDate,
  to: localDate,
  surveyId: uuid.optional().describe('One survey; omitted = all of the organisation’s surveys'),
};

const dimensionFilter = {
  dimension: DimensionKey.optional().describe('Filter to one value of a dimension (service_type, department, employee, channel, region or custom); give value too'),
  value: z.string().min(1).max(DIMENSION_VALUE_MAX_LENGTH).optional(),
};

export const HeadlineQuery = z.strictObject({ ...period, ...dimensionFilter });
export const TrendQuery = z.strictObject({ ...period, ...dimensionFilter, granularity: z.enum(GRANULARITIES).default('month') });
export const BreakdownQuery = z.strictObject({ ...period, dimension: DimensionKey.describe('service_type, department, employee, channel, region or a custom key') });
export const EmployeesQuery = z.strictObject({
  ...period,
  method: z.enum(RANKING_METHODS).default('empirical_bayes').describe('empirical_bayes: shrink toward the department; lower_bound: rank by the 95% interval’s lower end'),
});

/** The headline's filter for every metric: period, survey, one dimension value. */
export const MetricsQuery = HeadlineQuery;
export const WeightedQuery = z.strictObject({ ...period, schemeId: uuid.describe('The weighting scheme to post-stratify by') });
export const FunnelQuery = z.strictObject(period);

export const WeightingSchemeBody = z.strictObject({
  name: z.string().min(1).max(200),
  dimension: DimensionKey.describe('The dimension whose values the shares are of (channel, region, a custom key …)'),
  shares: z.record(z.string(), z.number().min(0).max(1)).describe('Dimension value → population share 0..1; 1 to 500 values summing to 1 (±0.001)'),
});
export const WeightingSchemePatch = WeightingSchemeBody.partial();

/** The comment explorer's filters, without paging (the exports read every page). Mirrors commentRoutes.ts. */
const exportDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const commentScope = {
  surveyId: uuid.optional(),
  dimension: z.string().min(1).max(100).optional().describe("'channel' or an answer attribute (service_type, employee …)"),
  value: z.string().max(500).optional(),
  from: exportDay.optional().describe('Completed on or after this local date (tenant time zone)'),
  to: exportDay.optional().describe('Completed on or before this local date'),
};
export const TopicsExportQuery = z.strictObject(commentScope);
export const CommentsExportQuery = z.strictObject({
  ...commentScope,
  q: z.string().max(500).optional().describe('Full-text search, web-search syntax, in each comment’s language'),
  topic: z.string().min(1).max(100).optional(),
  sentiment: z.enum(['negative', 'neutral', 'positive']).optional(),
  scoreMin: z.coerce.number().int().min(0).max(10).optional(),
  scoreMax: z.coerce.number().int().min(0).max(10).optional(),
});
