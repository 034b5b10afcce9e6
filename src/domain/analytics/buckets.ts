/**
 * Trend buckets over local calendar dates (see period.ts): a day, an ISO week
 * (Monday first, as PostgreSQL's date_trunc('week')), a calendar month,
 * quarter or year. Pure date arithmetic in UTC on YYYY-MM-DD strings.
 */
import type { DatePeriod } from './period.ts';

export const GRANULARITIES = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const DAY_MS = 86_400_000;
const parse = (date: string) => new Date(`${date}T00:00:00Z`);
const format = (d: Date) => d.toISOString().slice(0, 10);

/** The first day of the bucket holding `date`. */
export function bucketStart(date: string, granularity: Granularity): string {
  const d = parse(date);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (granularity) {
    case 'day':
      return date;
    case 'week':
      return format(new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS));
    case 'month':
      return format(new Date(Date.UTC(y, m, 1)));
    case 'quarter':
      return format(new Date(Date.UTC(y, m - (m % 3), 1)));
    case 'year':
      return format(new Date(Date.UTC(y, 0, 1)));
  }
}

/** The last day of the bucket that starts on `start`. */
export function bucketEnd(start: string, granularity: Granularity): string {
  const d = parse(start);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (granularity) {
    case 'day':
      return start;
    case 'week':
      return format(new Date(d.getTime() + 6 * DAY_MS));
    case 'month':
      return format(new Date(Date.UTC(y, m + 1, 0)));
    case 'quarter':
      return format(new Date(Date.UTC(y, m + 3, 0)));
    case 'year':
      return format(new Date(Date.UTC(y, 12, 0)));
  }
}

export interface Bucket {
  /** First day of the whole bucket: the key a chart's x axis uses. */
  start: string;
  /** The days of the bucket inside the requested period; shorter than the bucket at either end when the period cuts it. */
  period: DatePeriod;
  /** True when the period cuts the bucket. */
  partial: boolean;
}

/** Every bucket touching the period, in order, each clipped to it. */
export function bucketsOf(period: DatePeriod, granularity: Granularity): Bucket[] {
  const out: Bucket[] = [];
  let start = bucketStart(period.from, granularity);
  while (start <= period.to) {
    const end = bucketEnd(start, granularity);
    const from = start < period.from ? period.from : start;
    const to = end > period.to ? period.to : end;
    out.push({ start, period: { from, to }, partial: from !== start || to !== end });
    start = format(new Date(parse(end).getTime() + DAY_MS));
  }
  return out;
}
