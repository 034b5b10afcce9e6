// Every other metric of the period as cards: NPS, eNPS, CSAT, CES, FCR, CLI questions and the
// organisation's own keys, each with n, its 95% interval and the tested change against the
// previous period of the same length. Units stay their own: NPS points, shares, scale means.
import { useLoad } from '../../hooks.ts';
import { useI18n, type I18n, type Translate } from '../../i18n/index.tsx';
import type { AnalyticsPanelProps } from './filters.ts';
import { npsText, periodText, pValueText, shareText } from './format.ts';
import { metricsApi, type EstimateView, type MetricView, type Unit } from './metricsApi.ts';
import { PanelBody } from './PanelState.tsx';
import './analyticsMetrics.css';

type FormatNumber = I18n['formatNumber'];

const CLI_PREFIX = 'cli.';

function metricTitle(key: string, t: Translate): string {
  switch (key) {
    case 'nps':
    case 'enps':
    case 'csat':
    case 'ces':
    case 'fcr':
      return t(`analyticsMetrics.metric.${key}`);
    default:
      return key.startsWith(CLI_PREFIX) ? t('analyticsMetrics.metric.cli', { name: key.slice(CLI_PREFIX.length) }) : t('analyticsMetrics.metric.own', { key });
  }
}

/** A value in its unit: NPS points with one decimal, a share as a percentage, a scale mean with two decimals. */
function valueText(value: number | null, unit: Unit, formatNumber: FormatNumber): string {
  if (value === null) return '—';
  if (unit === 'nps_points') return npsText(value, formatNumber);
  if (unit === 'share') return shareText(value, formatNumber);
  return formatNumber(value, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
}

/** A difference: NPS points and scale units signed; a share difference in percentage points. */
function differenceText(diff: number, unit: Unit, formatNumber: FormatNumber, t: Translate): string {
  if (unit === 'share') return t('analyticsMetrics.percentagePoints', { value: formatNumber(diff * 100, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }) });
  if (unit === 'nps_points') return npsText(diff, formatNumber, true);
  return formatNumber(diff, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
}

const rangeOf = (e: EstimateView, formatNumber: FormatNumber) =>
  e.interval ? `${valueText(e.interval.lower, e.unit, formatNumber)} … ${valueText(e.interval.upper, e.unit, formatNumber)}` : '—';

function MetricCard({ metric, smallSampleMin }: { metric: MetricView; smallSampleMin: number }) {
  const { t, formatNumber } = useI18n();
  const { current, previous, change, alongside } = metric;
  const diff = change.difference;
  const direction = diff === null || diff === 0 ? 'flat' : diff > 0 ? 'up' : 'down';
  const titleId = `metric-${metric.metricKey.replace(/[^a-z0-9_-]/gi, '-')}`;
  return (
    <article className="card metric-card" aria-labelledby={titleId}>
      <h3 id={titleId}>{metricTitle(metric.metricKey, t)}</h3>
      <p className="metric-value">{valueText(current.value, current.unit, formatNumber)}</p>
      {current.interval && <p className="muted small">{t('analyticsMetrics.interval', { range: rangeOf(current, formatNumber) })}</p>}
      <p className="muted small">{t('analyticsMetrics.n', { n: formatNumber(current.n) })}</p>
      {alongside && alongside.value !== null && (
        <p className="small">
          {t(alongside.measure === 'csat_mean' ? 'analyticsMetrics.alongside.csat_mean' : 'analyticsMetrics.alongside.ces_easy_share', {
            value: valueText(alongside.value, alongside.unit, formatNumber),
          })}
        </p>
      )}
      <p className={`change change-${direction}`}>
        <span aria-hidden="true">{diff === null || diff === 0 ? '→' : diff > 0 ? '▲' : '▼'} </span>
        {diff === null
          ? t('analyticsMetrics.noChange')
          : t('analyticsMetrics.change', { diff: differenceText(diff, current.unit, formatNumber, t), previous: valueText(previous.value, previous.unit, formatNumber) })}
      </p>
      {diff !== null && (
        <p>
          <span className={change.significant ? 'badge badge-info' : 'badge badge-muted'}>
            {change.significant ? t('analyticsMetrics.significant') : t('analyticsMetrics.notSignificant')}
          </span>{' '}
          <span className="muted small">{t('analyticsMetrics.pValue', { p: pValueText(change.pValue, formatNumber) })}</span>
        </p>
      )}
      {current.smallSample && (
        <p className="alert alert-warning small" role="note">
          {t('analyticsMetrics.smallSample', { min: smallSampleMin })}
        </p>
      )}
    </article>
  );
}

export function MetricsPanel({ tenantId, filters }: AnalyticsPanelProps) {
  const { t, lang } = useI18n();
  const metrics = useLoad(() => metricsApi.metrics(tenantId, filters), [tenantId, filters.from, filters.to, filters.surveyId, filters.dimension, filters.value]);

  return (
    <section className="card" aria-labelledby="metrics-title">
      <h2 id="metrics-title">{t('analyticsMetrics.metrics.title')}</h2>
      <PanelBody loaded={metrics} isEmpty={(m) => m.metrics.length === 0 && m.unsupported.length === 0}>
        {(m) => (
          <>
            <p className="muted">{t('analyticsMetrics.metrics.intro', { period: periodText(m.previousPeriod, lang) })}</p>
            <div className="metric-cards">
              {m.metrics.map((metric) => (
                <MetricCard key={metric.metricKey} metric={metric} smallSampleMin={m.smallSampleMin} />
              ))}
            </div>
            {m.metrics.length === 0 && <p className="muted">{t('analyticsMetrics.metrics.none')}</p>}
            {m.unsupported.length > 0 && (
              <p className="muted small" role="note">
                {t('analyticsMetrics.unsupported', { keys: m.unsupported.map((u) => u.metricKey).join(', ') })}
              </p>
            )}
          </>
        )}
      </PanelBody>
    </section>
  );
}
