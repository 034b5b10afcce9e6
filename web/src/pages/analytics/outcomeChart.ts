// The outcomes panel's figures: shapes of the API answer, how values are written (a rate in %, an
// amount as a number) and the bar chart of the groups with their 95% intervals as error bars.
import type { I18n, Translate } from '../../i18n/index.tsx';
import { PALETTE, type ChartOption } from './echarts.ts';
import { errorBarItem } from './intervalBars.ts';

export type OutcomeKind = 'binary' | 'amount';
export type NpsGroup = 'promoter' | 'passive' | 'detractor';
export interface Interval {
  lower: number;
  upper: number;
}

export interface OutcomeKeyItem {
  key: string;
  kind: OutcomeKind;
  contacts: number;
  updatedAt: string;
}

export interface OutcomesView {
  key: string;
  kind: OutcomeKind;
  period: { from: string; to: string };
  smallSampleMin: number;
  groups: Array<{ group: NpsGroup; respondents: number; n: number; estimate: number | null; interval: Interval | null; standardDeviation: number | null; smallSample: boolean }>;
  difference: { estimate: number | null; interval: Interval | null; pValue: number | null; significant: boolean; smallSample: boolean };
}

const GROUP_COLOURS: Record<NpsGroup, string> = { promoter: PALETTE.promoters, passive: PALETTE.passives, detractor: PALETTE.detractors };

/** A rate as a percentage, an amount as a number with at most two decimals. */
export function valueText(value: number | null | undefined, kind: OutcomeKind, formatNumber: I18n['formatNumber'], signed = false): string {
  if (value === null || value === undefined) return '—';
  const signDisplay = signed ? ('exceptZero' as const) : ('auto' as const);
  return kind === 'binary' ? formatNumber(value, { style: 'percent', maximumFractionDigits: 1, signDisplay }) : formatNumber(value, { maximumFractionDigits: 2, signDisplay });
}

export const intervalText = (interval: Interval | null, kind: OutcomeKind, formatNumber: I18n['formatNumber']) =>
  interval ? `${valueText(interval.lower, kind, formatNumber)} … ${valueText(interval.upper, kind, formatNumber)}` : '—';

/** One bar per NPS group (rate in %, or mean) with its 95% interval as an error bar. */
export function outcomeChartOption(view: OutcomesView, t: Translate, formatNumber: I18n['formatNumber']): ChartOption {
  const scale = view.kind === 'binary' ? 100 : 1;
  const names = view.groups.map((g) => `${t(`outcomes.group.${g.group}`)}${g.smallSample ? ' ⓘ' : ''}`);
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (x: { dataIndex: number }) => {
        const g = view.groups[x.dataIndex]!;
        return [
          `<strong>${t(`outcomes.group.${g.group}`)}</strong>`,
          valueText(g.estimate, view.kind, formatNumber),
          `${t('outcomes.col.interval')}: ${intervalText(g.interval, view.kind, formatNumber)}`,
          `n = ${formatNumber(g.n)}`,
          ...(g.smallSample ? [t('outcomes.small', { min: formatNumber(view.smallSampleMin) })] : []),
        ].join('<br>');
      },
    },
    xAxis: {
      type: 'value',
      min: view.kind === 'binary' ? 0 : undefined,
      max: view.kind === 'binary' ? 100 : undefined,
      axisLabel: { color: PALETTE.axis, formatter: (v: number) => (view.kind === 'binary' ? `${v}%` : formatNumber(v)) },
      splitLine: { lineStyle: { color: PALETTE.grid } },
    },
    yAxis: { type: 'category', inverse: true, data: names, axisLabel: { color: PALETTE.axis }, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: view.groups.map((g) => ({ value: g.estimate === null ? 0 : g.estimate * scale, itemStyle: { color: g.smallSample ? PALETTE.small : GROUP_COLOURS[g.group] } })),
      },
      {
        type: 'custom',
        silent: true,
        z: 5,
        encode: { x: [0, 1], y: 2 },
        data: view.groups.map((g, i) => (g.interval ? [g.interval.lower * scale, g.interval.upper * scale, i] : ['-', '-', i])),
        renderItem: errorBarItem,
      },
    ],
  };
}
