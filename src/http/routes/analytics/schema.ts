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
