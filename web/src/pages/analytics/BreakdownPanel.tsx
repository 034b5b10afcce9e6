// NPS per value of a dimension, sorted by the API: a table and a bar chart with intervals.
// Groups too small to rank are greyed, unranked and say why.
import { useMemo, useState } from 'react';
import { SelectField } from '../../components/Field.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { analyticsApi } from './analyticsApi.ts';
import { DIMENSION_KEYS, type BreakdownView, type DimensionKey } from './analyticsTypes.ts';
import { EChart } from './EChart.tsx';
import type { AnalyticsPanelProps } from './filters.ts';
import { marginText, npsText, rangeText, shareText } from './format.ts';
import { intervalBarsOption, intervalChartHeight } from './intervalBars.ts';
import { PanelBody } from './PanelState.tsx';

/** Bars beyond this many make the chart a wall; the table still lists every group. */
const CHART_GROUPS_MAX = 30;

export function BreakdownPanel({ tenantId, filters }: AnalyticsPanelProps) {
  const { t } = useI18n();
  const [dimension, setDimension] = useState<DimensionKey>(() => (DIMENSION_KEYS.includes(filters.dimension as DimensionKey) ? (filters.dimension as DimensionKey) : 'service_type'));
  const breakdown = useLoad(() => analyticsApi.breakdown(tenantId, filters, dimension), [tenantId, filters.from, filters.to, filters.surveyId, dimension]);

  return (
    <section className="card" aria-labelledby="breakdown-title">
      <div className="analytics-card-head">
        <h2 id="breakdown-title">{t('analytics.breakdown.title')}</h2>
        <div className="analytics-inline-field">
          <SelectField label={t('analytics.breakdown.by')} value={dimension} onChange={(e) => setDimension(e.target.value as DimensionKey)}>
            {DIMENSION_KEYS.map((d) => (
              <option key={d} value={d}>
                {t(`analytics.dimension.${d}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      {filters.dimension && filters.value && <p className="muted small">{t('analytics.breakdown.filterIgnored')}</p>}
      <PanelBody loaded={breakdown} isEmpty={(b) => b.groups.length === 0 && b.withheldGroups === 0}>
        {(b) => <BreakdownBody view={b} dimension={dimension} />}
      </PanelBody>
    </section>
  );
}

function BreakdownBody({ view, dimension }: { view: BreakdownView; dimension: DimensionKey }) {
  const { t, formatNumber } = useI18n();
  const shown = useMemo(() => view.groups.slice(0, CHART_GROUPS_MAX), [view]);
  const option = useMemo(
    () => intervalBarsOption(shown.map((g) => ({ label: g.value, nps: g.nps, interval: g.interval, n: g.n, small: g.small })), t, formatNumber),
    [shown, t, formatNumber],
  );
  const dimensionName = t(`analytics.dimension.${dimension}`);
  const description = t('analytics.breakdown.aria', {
    dimension: dimensionName,
    list: shown.map((g) => `${g.value}: ${npsText(g.nps, formatNumber)} (${rangeText(g.interval, formatNumber)}, n = ${formatNumber(g.n)})`).join('; '),
  });
  const hasSmall = view.groups.some((g) => g.small);

  return (
    <>
      {shown.length > 0 && <EChart option={option} description={description} height={intervalChartHeight(shown.length)} />}
      {view.groups.length > CHART_GROUPS_MAX && <p className="muted small">{t('analytics.breakdown.chartTop', { n: CHART_GROUPS_MAX })}</p>}
      {hasSmall && <p className="muted small chart-note">{t('analytics.breakdown.smallNote', { min: formatNumber(view.smallSampleMin) })}</p>}
      {view.withheldGroups > 0 && (
        <p className="alert alert-info" role="note">
          {t('analytics.withheld', { n: formatNumber(view.withheldGroups) })}
        </p>
      )}
      {view.groups.length > 0 && (
        <TableWrap label={t('analytics.breakdown.tableLabel', { dimension: dimensionName })}>
          <table className="analytics-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('analytics.col.rank')}
                </th>
                <th scope="col">{dimensionName}</th>
                <th scope="col" className="num">
                  n
                </th>
                <th scope="col" className="num">
                  {t('analytics.nps')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.col.interval')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.group.promoters')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.group.passives')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.group.detractors')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.groups.map((g) => (
                <tr key={g.value} className={g.small ? 'row-small' : undefined}>
                  <td className="num">{g.rank ?? <span title={t('analytics.breakdown.tooFew')}>—</span>}</td>
                  <th scope="row">
                    {g.value}
                    {g.small && <span className="badge badge-muted small-badge">{t('analytics.breakdown.tooFew')}</span>}
                  </th>
                  <td className="num">{formatNumber(g.n)}</td>
                  <td className="num strong">{npsText(g.nps, formatNumber)}</td>
                  <td className="num nowrap">
                    {marginText(g.interval, formatNumber)} <span className="muted small">({rangeText(g.interval, formatNumber)})</span>
                  </td>
                  <td className="num">{shareText(g.shares?.promoters, formatNumber)}</td>
                  <td className="num">{shareText(g.shares?.passives, formatNumber)}</td>
                  <td className="num">{shareText(g.shares?.detractors, formatNumber)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
