// How the dashboard writes its figures: NPS points with one decimal and a real minus sign, intervals, shares, bucket names.
import type { I18n, Translate } from '../../i18n/index.tsx';
import type { Granularity, IntervalView } from './analyticsTypes.ts';

type FormatNumber = I18n['formatNumber'];

export const npsText = (value: number | null | undefined, formatNumber: FormatNumber, signed = false): string =>
  value === null || value === undefined ? '—' : formatNumber(value, { maximumFractionDigits: 1, minimumFractionDigits: 0, signDisplay: signed ? 'exceptZero' : 'auto' });

/** `±6.2`: half the width of the interval. */
export const marginText = (interval: IntervalView | undefined, formatNumber: FormatNumber): string =>
  interval ? `±${formatNumber((interval.upper - interval.lower) / 2, { maximumFractionDigits: 1 })}` : '—';

/** `31.4 … 43.8`. */
export const rangeText = (interval: { lower: number; upper: number } | null | undefined, formatNumber: FormatNumber): string =>
  interval ? `${npsText(interval.lower, formatNumber)} … ${npsText(interval.upper, formatNumber)}` : '—';

export const shareText = (share: number | null | undefined, formatNumber: FormatNumber): string =>
  share === null || share === undefined ? '—' : formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });

/** The p-value's figure alone: `0.042`, `< 0.001` (other panels put it in their own sentence). */
export const pValueText = (p: number | null, formatNumber: FormatNumber): string =>
  p === null ? '—' : p < 0.001 ? `< ${formatNumber(0.001)}` : formatNumber(p, { maximumFractionDigits: 3, minimumFractionDigits: p < 0.01 ? 3 : 2 });

/** `p = 0.042`, `p < 0.001`: the same figure with its sign, standing alone. */
export const pValueLabel = (p: number | null, formatNumber: FormatNumber): string => {
  const text = pValueText(p, formatNumber);
  return text.startsWith('<') ? `p ${text}` : `p = ${text}`;
};

/** A bucket's name from its first day, in the page language (dates are calendar dates: formatted in UTC). */
export function bucketLabel(start: string, granularity: Granularity, lang: string, t: Translate): string {
  const date = new Date(`${start}T00:00:00Z`);
  const year = date.getUTCFullYear();
  switch (granularity) {
    case 'year':
      return String(year);
    case 'quarter':
      return t('analytics.period.quarterName', { year, quarter: Math.floor(date.getUTCMonth() / 3) + 1 });
    case 'month':
      return new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
    case 'week':
      return t('analytics.trend.weekOf', { date: new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date) });
    case 'day':
    default:
      return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
  }
}

/** A local date (YYYY-MM-DD) for people: `2 Dec 2026`. */
export const dayText = (date: string, lang: string): string =>
  new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

export const periodText = (period: { from: string; to: string }, lang: string): string => `${dayText(period.from, lang)} – ${dayText(period.to, lang)}`;
