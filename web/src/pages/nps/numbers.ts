// Text from number inputs → numbers for the metrics engine, and NPS formatting.
import { useI18n } from '../../i18n/index.tsx';
import type { Interval, NpsCounts } from '../../../../src/domain/metrics/index.ts';

/** The confidence level of every interval on the page. */
export const LEVEL = 0.95;

/** `''` → undefined (not given); a whole number ≥ min → it; anything else → null (invalid). */
export function parseWhole(text: string, min = 0): number | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && value >= min ? value : null;
}

/** Like parseWhole but any finite number within bounds (e.g. an expected NPS of 32.5). */
export function parseNumber(text: string, min: number, max: number): number | undefined | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
}

export type CountsText = Record<keyof NpsCounts, string>;
export const COUNT_KEYS = ['promoters', 'passives', 'detractors'] as const;

/** Empty fields count as 0; null when any field is not a whole number ≥ 0. */
export function parseCounts(text: CountsText): NpsCounts | null {
  const counts = { promoters: 0, passives: 0, detractors: 0 };
  for (const key of COUNT_KEYS) {
    const value = parseWhole(text[key]);
    if (value === null) return null;
    counts[key] = value ?? 0;
  }
  return counts;
}

export function useNpsFormat() {
  const { t, formatNumber } = useI18n();
  const points = (value: number) =>
    formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return {
    points,
    interval: (interval: Interval | null) =>
      interval ? t('nps.interval', { lower: points(interval.lower), upper: points(interval.upper) }) : t('common.none'),
    count: (value: number) => formatNumber(value, { maximumFractionDigits: 0 }),
    pValue: (p: number | null) =>
      p === null ? t('common.none') : p < 0.001 ? `< ${formatNumber(0.001)}` : formatNumber(p, { maximumFractionDigits: 3 }),
  };
}
