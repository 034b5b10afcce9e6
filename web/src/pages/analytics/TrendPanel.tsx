// The trend: NPS per bucket with its 95% interval as a band, the three groups' shares per bucket,
// and the 0–10 distribution of the whole period.
import { useMemo, useState } from 'react';
import { SelectField } from '../../components/Field.tsx';
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { analyticsApi } from './analyticsApi.ts';
import { GRANULARITIES, type Granularity, type TrendView } from './analyticsTypes.ts';
import { EChart } from './EChart.tsx';
import type { AnalyticsPanelProps } from './filters.ts';
import { bucketLabel, npsText, rangeText, shareText } from './format.ts';
import { PanelBody } from './PanelState.tsx';
import { ScoreDistribution } from './ScoreDistribution.tsx';
import { npsTrendOption, sharesOption } from './trendCharts.ts';

/** A sensible first granularity for the period's length: about 3–30 buckets. */
function defaultGranularity(from: string, to: string): Granularity {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days <= 31) return 'day';
  if (days <= 120) return 'week';
  if (days <= 800) return 'month';
  return 'quarter';
}

export function TrendPanel({ tenantId, filters }: AnalyticsPanelProps) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<Granularity | null>(null);
  const granularity = chosen ?? defaultGranularity(filters.from, filters.to);
  const trend = useLoad(
    () => analyticsApi.trend(tenantId, filters, granularity),
    [tenantId, filters.from, filters.to, filters.surveyId, filters.dimension, filters.value, granularity],
  );

  return (
    <>
      <section className="card" aria-labelledby="trend-title">
        <div className="analytics-card-head">
          <h2 id="trend-title">{t('analytics.trend.title')}</h2>
          <div className="analytics-inline-field">
            <SelectField label={t('analytics.trend.granularity')} value={granularity} onChange={(e) => setChosen(e.target.value as Granularity)}>
              {GRANULARITIES.map((g) => (
                <option key={g} value={g}>
                  {t(`analytics.granularity.${g}`)}
                </option>
              ))}
            </SelectField>
          </div>
        </div>
        {trend.data?.withheld && <p className="muted small" role="note">{t('analytics.withheldValue')}</p>}
        <PanelBody loaded={trend} isEmpty={(d) => d.total.n === 0}>
          {(d) => <TrendCharts trend={d} />}
        </PanelBody>
      </section>
      <section className="card" aria-labelledby="distribution-title">
        <h2 id="distribution-title">{t('analytics.distribution.title')}</h2>
        <PanelBody loaded={trend} isEmpty={(d) => d.total.n === 0}>
          {(d) => <ScoreDistribution distribution={d.distribution} />}
        </PanelBody>
      </section>
    </>
  );
}

function TrendCharts({ trend }: { trend: TrendView }) {
  const { t, lang, formatNumber } = useI18n();
  const labels = useMemo(() => trend.points.map((p) => bucketLabel(p.start, trend.granularity, lang, t)), [trend, lang, t]);
  const npsOption = useMemo(() => npsTrendOption(trend, labels, t, formatNumber), [trend, labels, t, formatNumber]);
  const shares = useMemo(() => sharesOption(trend, labels, t, formatNumber), [trend, labels, t, formatNumber]);
  const hasPartial = trend.points.some((p) => p.partial);

  const npsDescription = t('analytics.trend.aria', {
    granularity: t(`analytics.granularity.${trend.granularity}`),
    points: trend.points
      .map((p, i) => `${labels[i]}: ${p.n > 0 ? `${npsText(p.nps, formatNumber)} (${rangeText(p.interval, formatNumber)}, n = ${formatNumber(p.n)})` : t('analytics.trend.noAnswers')}`)
      .join('; '),
  });
  const sharesDescription = t('analytics.shares.aria', {
    points: trend.points
      .filter((p) => p.shares)
      .map((p) => `${labels[trend.points.indexOf(p)]}: ${shareText(p.shares!.promoters, formatNumber)} / ${shareText(p.shares!.passives, formatNumber)} / ${shareText(p.shares!.detractors, formatNumber)}`)
      .join('; '),
  });

  return (
    <>
      <EChart option={npsOption} description={npsDescription} height={300} />
      <p className="muted small chart-note">
        {t('analytics.trend.bandNote')}
        {hasPartial && ` ${t('analytics.trend.partialNote')}`}
      </p>
      <h3 className="subsection">{t('analytics.shares.title')}</h3>
      <EChart option={shares} description={sharesDescription} height={260} />
    </>
  );
}
