// Period presets of the dashboard, as inclusive local dates (YYYY-MM-DD) in the organisation's time zone.
// Pure date arithmetic on UTC dates, so the browser's own time zone never leaks in.

export const PERIOD_PRESETS = ['this_month', 'last_month', 'this_quarter', 'last_quarter', 'last_12_months', 'quarter', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const DEFAULT_PRESET: PeriodPreset = 'last_12_months';

export interface DateRange {
  from: string;
  to: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

export const isIsoDate = (value: string | null | undefined): value is string =>
  !!value && ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

const fmt = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, day: number) => new Date(Date.UTC(y, m, day));

/** Today's date where the organisation is. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return fmt(now); // an unknown zone: UTC is the least surprising fallback
  }
}

const parts = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m: m - 1, d };
};

/** A quarter as `2026-Q1`: the URL form, also the value of the quarter picker. */
export const quarterKey = (year: number, quarter: number) => `${year}-Q${quarter}`;

export function parseQuarter(key: string | null | undefined): { year: number; quarter: number } | null {
  const match = key ? QUARTER.exec(key) : null;
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}

export function quarterRange(year: number, quarter: number): DateRange {
  const startMonth = (quarter - 1) * 3;
  return { from: fmt(utc(year, startMonth, 1)), to: fmt(utc(year, startMonth + 3, 0)) };
}

/** The quarter holding `today` and the `count - 1` before it, newest first. */
export function recentQuarters(today: string, count = 8): Array<{ year: number; quarter: number }> {
  const { y, m } = parts(today);
  const out = [];
  let index = y * 4 + Math.floor(m / 3);
  for (let i = 0; i < count; i++, index--) out.push({ year: Math.floor(index / 4), quarter: (index % 4) + 1 });
  return out;
}

/** The dates a preset stands for, seen on `today`. `quarter` and `custom` need their own values. */
export function presetRange(preset: PeriodPreset, today: string, extra: { quarter?: string | null; from?: string | null; to?: string | null } = {}): DateRange {
  const { y, m } = parts(today);
  const q0 = m - (m % 3);
  switch (preset) {
    case 'this_month':
      return { from: fmt(utc(y, m, 1)), to: today };
    case 'last_month':
      return { from: fmt(utc(y, m - 1, 1)), to: fmt(utc(y, m, 0)) };
    case 'this_quarter':
      return { from: fmt(utc(y, q0, 1)), to: today };
    case 'last_quarter':
      return { from: fmt(utc(y, q0 - 3, 1)), to: fmt(utc(y, q0, 0)) };
    case 'quarter': {
      const q = parseQuarter(extra.quarter) ?? recentQuarters(today, 1)[0]!;
      return quarterRange(q.year, q.quarter);
    }
    case 'custom': {
      const from = isIsoDate(extra.from) ? extra.from : fmt(utc(y, m, 1));
      const to = isIsoDate(extra.to) ? extra.to : today;
      return from <= to ? { from, to } : { from: to, to: from };
    }
    case 'last_12_months':
    default:
      return { from: fmt(utc(y, m - 11, 1)), to: today };
  }
}

export const isPreset = (value: string | null): value is PeriodPreset => PERIOD_PRESETS.includes(value as PeriodPreset);
