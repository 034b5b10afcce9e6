// Chart options of the trend panel, built from the API's figures (no React here).
import type { I18n, Translate } from '../../i18n/index.tsx';
import type { TrendView } from './analyticsTypes.ts';
import type { ChartOption } from './echarts.ts';
import { npsText, rangeText, shareText } from './format.ts';
import { PALETTE, responsive } from './echarts.ts';

type FormatNumber = I18n['formatNumber'];

const axisLabel = { color: PALETTE.axis, hideOverlap: true };
const splitLine = { lineStyle: { color: PALETTE.grid } };

/** Each x label: the bucket (with * when the period cuts it) and its n underneath. */
const xLabels = (trend: TrendView, labels: string[], formatNumber: FormatNumber) =>
  trend.points.map((p, i) => `${labels[i]}${p.partial ? ' *' : ''}\nn = ${formatNumber(p.n)}`);

/** NPS as a line; the interval as a shaded band (stacked areas: the lower end, then upper − lower on top). */
export function npsTrendOption(trend: TrendView, labels: string[], t: Translate, formatNumber: FormatNumber): ChartOption {
  const pts = trend.points;
  const lower = pts.map((p) => (p.interval ? p.interval.lower : '-'));
  const width = pts.map((p) => (p.interval ? p.interval.upper - p.interval.lower : '-'));
  return responsive({
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [t('analytics.nps'), t('analytics.trend.band')], itemGap: 16 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (items: unknown) => {
        const index = (items as Array<{ dataIndex: number }>)[0]?.dataIndex ?? 0;
        const p = pts[index]!;
        const lines = [
          `<strong>${labels[index]}</strong>${p.partial ? ` (${t('analytics.trend.partial')})` : ''}`,
          `${t('analytics.nps')}: ${npsText(p.nps, formatNumber)}`,
          `${t('analytics.interval95')}: ${rangeText(p.interval, formatNumber)}`,
          `n = ${formatNumber(p.n)}`,
        ];
        return lines.join('<br>');
      },
    },
    xAxis: { type: 'category', data: xLabels(trend, labels, formatNumber), boundaryGap: false, axisLabel: { ...axisLabel, lineHeight: 16 } },
    yAxis: { type: 'value', axisLabel, splitLine },
    series: [
      { name: 'lower', type: 'line', data: lower, stack: 'band', stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false }, z: 1 },
      {
        name: t('analytics.trend.band'),
        type: 'line',
        data: width,
        stack: 'band',
        stackStrategy: 'all',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: PALETTE.band },
        itemStyle: { color: PALETTE.band },
        silent: true,
        z: 1,
      },
      {
        name: t('analytics.nps'),
        type: 'line',
        z: 3,
        color: PALETTE.line,
        lineStyle: { width: 2.5 },
        connectNulls: false,
        data: pts.map((p) => ({
          value: p.nps ?? '-',
          // A bucket the period cuts is drawn hollow: its figure covers only part of the bucket.
          symbol: p.partial ? 'emptyCircle' : 'circle',
          symbolSize: p.partial ? 9 : 7,
        })),
        label: { show: pts.length <= 16, position: 'top', color: PALETTE.line, fontWeight: 600, formatter: (x: { value: number | string }) => (typeof x.value === 'number' ? npsText(x.value, formatNumber) : '') },
        labelLayout: { hideOverlap: true },
      },
    ],
  }, { series: [{}, {}, { label: { show: pts.length <= 6 } }] });
}

/** Detractors, passives and promoters as stacked shares of 100% per bucket. */
export function sharesOption(trend: TrendView, labels: string[], t: Translate, formatNumber: FormatNumber): ChartOption {
  const pts = trend.points;
  const groups = [
    { key: 'detractors', color: PALETTE.detractors },
    { key: 'passives', color: PALETTE.passives },
    { key: 'promoters', color: PALETTE.promoters },
  ] as const;
  return responsive({
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, itemGap: 16 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      formatter: (items: unknown) => {
        const index = (items as Array<{ dataIndex: number }>)[0]?.dataIndex ?? 0;
        const p = pts[index]!;
        return [
          `<strong>${labels[index]}</strong> (n = ${formatNumber(p.n)})`,
          ...groups.map((g) => `${t(`analytics.group.${g.key}`)}: ${shareText(p.shares?.[g.key], formatNumber)} (${formatNumber(p.counts[g.key])})`),
        ].join('<br>');
      },
    },
    xAxis: { type: 'category', data: xLabels(trend, labels, formatNumber), axisLabel: { ...axisLabel, lineHeight: 16 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...axisLabel, formatter: '{value} %' }, splitLine },
    series: groups.map((g) => ({
      name: t(`analytics.group.${g.key}`),
      type: 'bar',
      stack: 'shares',
      color: g.color,
      barMaxWidth: 48,
      data: pts.map((p) => (p.shares ? Math.round(p.shares[g.key] * 1000) / 10 : 0)),
      label: {
        show: pts.length <= 12,
        color: g.key === 'passives' ? '#1b1f24' : '#fff',
        fontSize: 11,
        formatter: (x: { value: number }) => (x.value >= 10 ? `${formatNumber(Math.round(x.value))}%` : ''),
      },
    })),
  }, { series: groups.map(() => ({ label: { show: pts.length <= 4 } })) });
}
