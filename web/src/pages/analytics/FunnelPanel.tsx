// The response funnel: per channel, campaign messages planned → sent → delivered and the people
// reached who opened → started → completed, as grouped bars, with the response rate
// (completed ÷ sent) and its Wilson interval in a table that also serves screen readers.
import { useMemo } from 'react';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useLoad } from '../../hooks.ts';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { EChart } from './EChart.tsx';
import { PALETTE, type ChartOption } from './echarts.ts';
import type { AnalyticsPanelProps } from './filters.ts';
import { shareText } from './format.ts';
import { FUNNEL_STAGES, metricsApi, type FunnelChannel, type FunnelView } from './metricsApi.ts';
import { PanelBody } from './PanelState.tsx';
import './analyticsMetrics.css';

/** One colour per channel (Okabe–Ito); the legend names each, so colour is never the only cue. */
const CHANNEL_COLOURS: Record<string, string> = { email: PALETTE.line, sms: '#E69F00', voice: '#CC79A7' };

function channelName(channel: string, t: Translate): string {
  return channel === 'email' || channel === 'sms' || channel === 'voice' || channel === 'all' ? t(`analyticsMetrics.channel.${channel}`) : channel;
}

function funnelOption(view: FunnelView, t: Translate, formatNumber: (v: number) => string): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v)) },
    xAxis: { type: 'category', data: FUNNEL_STAGES.map((s) => t(`analyticsMetrics.stage.${s}`)), axisLabel: { color: PALETTE.axis } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: PALETTE.axis }, splitLine: { lineStyle: { color: PALETTE.grid } } },
    series: view.channels.map((c) => ({
      type: 'bar',
      name: channelName(c.channel, t),
      data: FUNNEL_STAGES.map((s) => c[s]),
      itemStyle: { color: CHANNEL_COLOURS[c.channel] ?? PALETTE.small },
      label: { show: view.channels.length <= 2, position: 'top', formatter: (p: { value: number }) => formatNumber(p.value) },
    })),
  };
}

function rateText(c: FunnelChannel, formatNumber: (v: number, o?: Intl.NumberFormatOptions) => string): string {
  const r = c.responseRate;
  if (r.value === null) return '—';
  const range = r.interval ? ` (${shareText(r.interval.lower, formatNumber)} … ${shareText(r.interval.upper, formatNumber)})` : '';
  return `${shareText(r.value, formatNumber)}${range}`;
}

export function FunnelPanel({ tenantId, filters }: AnalyticsPanelProps) {
  const { t, formatNumber } = useI18n();
  const funnel = useLoad(() => metricsApi.funnel(tenantId, filters), [tenantId, filters.from, filters.to, filters.surveyId]);
  const data = funnel.data;
  const option = useMemo(() => (data ? funnelOption(data, t, (v) => formatNumber(v)) : null), [data, t, formatNumber]);
  const description = useMemo(
    () =>
      data
        ? t('analyticsMetrics.funnel.aria', {
            details: data.channels
              .map((c) =>
                t('analyticsMetrics.funnel.ariaChannel', {
                  channel: channelName(c.channel, t),
                  stages: FUNNEL_STAGES.map((s) => `${t(`analyticsMetrics.stage.${s}`)} ${formatNumber(c[s])}`).join(', '),
                  rate: rateText(c, formatNumber),
                }),
              )
              .join(' '),
          })
        : '',
    [data, t, formatNumber],
  );

  return (
    <section className="card" aria-labelledby="funnel-title">
      <h2 id="funnel-title">{t('analyticsMetrics.funnel.title')}</h2>
      <p className="muted">{t('analyticsMetrics.funnel.intro')}</p>
      {filters.dimension && <p className="muted small">{t('analyticsMetrics.filterIgnored')}</p>}
      <PanelBody loaded={funnel} isEmpty={(f) => f.channels.length === 0}>
        {(f) => (
          <>
            {option && <EChart option={option} description={description} height={300} />}
            <TableWrap label={t('analyticsMetrics.funnel.tableLabel')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('analyticsMetrics.col.channel')}</th>
                    {FUNNEL_STAGES.map((s) => (
                      <th key={s} scope="col" className="numeric">
                        {t(`analyticsMetrics.stage.${s}`)}
                      </th>
                    ))}
                    <th scope="col">{t('analyticsMetrics.funnel.rate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...f.channels, ...(f.channels.length > 1 ? [f.total] : [])].map((c) => (
                    <tr key={c.channel}>
                      <th scope="row">{channelName(c.channel, t)}</th>
                      {FUNNEL_STAGES.map((s) => (
                        <td key={s} className="numeric">
                          {formatNumber(c[s])}
                        </td>
                      ))}
                      <td>{rateText(c, formatNumber)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <p className="muted small">{t('analyticsMetrics.funnel.rateNote')}</p>
          </>
        )}
      </PanelBody>
    </section>
  );
}
