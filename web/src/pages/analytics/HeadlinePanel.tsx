// The headline: the period's NPS with its 95% interval and n, and the change against the period just before.
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { analyticsApi } from './analyticsApi.ts';
import type { AnalyticsPanelProps } from './filters.ts';
import { marginText, npsText, periodText, pValueLabel, rangeText } from './format.ts';
import { PanelBody } from './PanelState.tsx';

export function HeadlinePanel({ tenantId, filters }: AnalyticsPanelProps) {
  const { t, lang, formatNumber } = useI18n();
  const headline = useLoad(() => analyticsApi.headline(tenantId, filters), [tenantId, filters.from, filters.to, filters.surveyId, filters.dimension, filters.value]);

  return (
    <section className="card analytics-headline" aria-labelledby="headline-title">
      <h2 id="headline-title">{t('analytics.headline.title')}</h2>
      {headline.data?.withheld && <p className="muted small" role="note">{t('analytics.withheldValue')}</p>}
      <PanelBody loaded={headline} isEmpty={(h) => h.current.n === 0}>
        {(h) => {
          const { current, previous, change } = h;
          const diff = change.difference;
          const arrow = diff === null || diff === 0 ? '→' : diff > 0 ? '▲' : '▼';
          const direction = diff === null || diff === 0 ? 'flat' : diff > 0 ? 'up' : 'down';
          return (
            <div className="headline-grid">
              <div className="headline-main">
                <p className="headline-nps" data-testid="headline-nps">
                  <span className="sr-only">{t('analytics.nps')}: </span>
                  {npsText(current.nps, formatNumber)}
                </p>
                {current.interval && (
                  <p className="headline-interval">
                    {t('analytics.headline.interval', { margin: marginText(current.interval, formatNumber), range: rangeText(current.interval, formatNumber) })}
                  </p>
                )}
                <p className="muted">{t('analytics.headline.n', { n: formatNumber(current.n) })}</p>
              </div>
              <div className="headline-change">
                <p className={`change change-${direction}`}>
                  <span aria-hidden="true">{arrow} </span>
                  {diff === null
                    ? t('analytics.headline.noChange')
                    : t('analytics.headline.change', { diff: npsText(diff, formatNumber, true), previous: npsText(previous.nps, formatNumber) })}
                </p>
                {diff !== null && (
                  <p>
                    <span className={change.significant ? 'badge badge-info' : 'badge badge-muted'}>{change.significant ? t('analytics.significant') : t('analytics.notSignificant')}</span>{' '}
                    <span className="muted small">{pValueLabel(change.pValue, formatNumber)}</span>
                  </p>
                )}
                <p className="muted small">{t('analytics.headline.previous', { period: periodText(previous.period, lang), n: formatNumber(previous.n) })}</p>
              </div>
              {current.smallSample && (
                <p className="alert alert-warning headline-warning" role="note">
                  {t('analytics.headline.smallSample')}
                </p>
              )}
            </div>
          );
        }}
      </PanelBody>
    </section>
  );
}
