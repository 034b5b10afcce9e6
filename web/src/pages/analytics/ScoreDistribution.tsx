// The 0–10 answers of the period as bars, coloured (and named in a legend) by group.
import { useMemo } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { TrendView } from './analyticsTypes.ts';
import { EChart } from './EChart.tsx';
import { PALETTE, type ChartOption } from './echarts.ts';
import { shareText } from './format.ts';

const groupOf = (score: number) => (score <= 6 ? 'detractors' : score <= 8 ? 'passives' : 'promoters');

export function ScoreDistribution({ distribution }: { distribution: TrendView['distribution'] }) {
  const { t, formatNumber } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (x: { dataIndex: number }) => {
          const d = distribution[x.dataIndex]!;
          return `${t('analytics.distribution.score', { score: d.score })} (${t(`analytics.group.${groupOf(d.score)}`)})<br>${formatNumber(d.count)} · ${shareText(d.share, formatNumber)}`;
        },
      },
      xAxis: { type: 'category', data: distribution.map((d) => String(d.score)), axisLabel: { color: PALETTE.axis } },
      yAxis: { type: 'value', axisLabel: { color: PALETTE.axis }, splitLine: { lineStyle: { color: PALETTE.grid } } },
      series: [
        {
          type: 'bar',
          name: t('analytics.distribution.answers'),
          data: distribution.map((d) => ({ value: d.count, itemStyle: { color: PALETTE[groupOf(d.score)] } })),
          label: { show: true, position: 'top', fontSize: 11, color: PALETTE.axis, formatter: (x: { value: number }) => formatNumber(x.value) },
        },
      ],
    }),
    [distribution, t, formatNumber],
  );
  const description = t('analytics.distribution.aria', {
    list: distribution.map((d) => `${d.score}: ${formatNumber(d.count)}`).join(', '),
  });
  return (
    <>
      <EChart option={option} description={description} height={240} />
      <ul className="chart-legend" aria-label={t('analytics.distribution.legend')}>
        {(['detractors', 'passives', 'promoters'] as const).map((g) => (
          <li key={g}>
            <span className="swatch" style={{ background: PALETTE[g] }} aria-hidden="true" />
            {t(`analytics.distribution.range.${g}`)}
          </li>
        ))}
      </ul>
    </>
  );
}
