// A horizontal bar chart of NPS per group with the 95% interval drawn as an error bar.
// Small groups are grey and say so in their label; colour is never the only cue.
import type { I18n, Translate } from '../../i18n/index.tsx';
import type { ChartOption } from './echarts.ts';
import { PALETTE, responsive } from './echarts.ts';
import { npsText, rangeText } from './format.ts';

type FormatNumber = I18n['formatNumber'];

export interface IntervalBar {
  label: string;
  nps: number | null;
  interval: { lower: number; upper: number } | null;
  n: number;
  small: boolean;
}

interface RenderApi {
  value: (dim: number) => number;
  coord: (point: [number, number]) => [number, number];
}

/**
 * ECharts custom-series item for a horizontal error bar with caps; the data
 * item is [lower, upper, category index] ('-' for no interval).
 */
export function errorBarItem(_params: unknown, api: RenderApi) {
  const y = api.value(2);
  const lo = api.coord([api.value(0), y]);
  const hi = api.coord([api.value(1), y]);
  if (!Number.isFinite(lo[0]) || !Number.isFinite(hi[0])) return null;
  const cap = 5;
  const style = { stroke: '#1b1f24', lineWidth: 1.5 };
  return {
    type: 'group',
    children: [
      { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style },
      { type: 'line', shape: { x1: lo[0], y1: lo[1] - cap, x2: lo[0], y2: lo[1] + cap }, style },
      { type: 'line', shape: { x1: hi[0], y1: hi[1] - cap, x2: hi[0], y2: hi[1] + cap }, style },
    ],
  };
}

/** Room for every group: about 30 px a bar. */
export const intervalChartHeight = (count: number) => Math.max(140, count * 30 + 60);

export function intervalBarsOption(bars: IntervalBar[], t: Translate, formatNumber: FormatNumber): ChartOption {
  // The figure sits in the label, clear of the error bar: "Billing · 25".
  const names = bars.map((b) => `${b.label} · ${npsText(b.nps, formatNumber)}${b.small ? ` (${t('analytics.breakdown.smallTag')})` : ''}`);
  return responsive({
    animation: false,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (x: { dataIndex: number }) => {
        const b = bars[x.dataIndex]!;
        return [
          `<strong>${escapeHtml(b.label)}</strong>`,
          `${t('analytics.nps')}: ${npsText(b.nps, formatNumber)}`,
          `${t('analytics.interval95')}: ${rangeText(b.interval, formatNumber)}`,
          `n = ${formatNumber(b.n)}`,
          ...(b.small ? [t('analytics.breakdown.tooFew')] : []),
        ].join('<br>');
      },
    },
    xAxis: { type: 'value', axisLabel: { color: PALETTE.axis }, splitLine: { lineStyle: { color: PALETTE.grid } } },
    yAxis: { type: 'category', inverse: true, data: names, axisLabel: { color: PALETTE.axis, width: 200, overflow: 'truncate' }, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: t('analytics.nps'),
        barMaxWidth: 18,
        data: bars.map((b) => ({ value: b.nps ?? 0, itemStyle: { color: b.small ? PALETTE.small : PALETTE.line } })),
      },
      {
        type: 'custom',
        name: t('analytics.interval95'),
        silent: true,
        z: 5,
        encode: { x: [0, 1], y: 2 },
        data: bars.map((b, i) => (b.interval ? [b.interval.lower, b.interval.upper, i] : ['-', '-', i])),
        renderItem: errorBarItem,
      },
    ],
  }, { yAxis: { axisLabel: { width: 120 } } });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
