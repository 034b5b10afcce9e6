/**
 * Report periods are inclusive ranges of local calendar dates (YYYY-MM-DD, in
 * the tenant's time zone). Plain date arithmetic in UTC, so no time zone or
 * daylight-saving change can shift a day.
 */
export interface DatePeriod {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const toEpochDay = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromEpochDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && fromEpochDay(toEpochDay(value)) === value;
}

/** Number of days in the period, both ends included. */
export const periodLengthDays = (p: DatePeriod): number => toEpochDay(p.to) - toEpochDay(p.from) + 1;

/** The period of the same length that ends the day before this one starts. */
export function previousPeriod(p: DatePeriod): DatePeriod {
  const length = periodLengthDays(p);
  const from = toEpochDay(p.from);
  return { from: fromEpochDay(from - length), to: fromEpochDay(from - 1) };
}
