// The employee ranking that does not reward luck: the method is named and explained on screen,
// small samples are marked, and the same list downloads for payroll.
import { useState } from 'react';
import { SelectField } from '../../components/Field.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { analyticsApi, exportLinks } from './analyticsApi.ts';
import { RANKING_METHODS, type EmployeesView, type RankingMethod } from './analyticsTypes.ts';
import type { AnalyticsPanelProps } from './filters.ts';
import { marginText, npsText, rangeText } from './format.ts';
import { PanelBody } from './PanelState.tsx';

export function EmployeesPanel({ tenantId, filters }: AnalyticsPanelProps) {
  const { t } = useI18n();
  const [method, setMethod] = useState<RankingMethod>('empirical_bayes');
  const employees = useLoad(() => analyticsApi.employees(tenantId, filters, method), [tenantId, filters.from, filters.to, filters.surveyId, method]);

  return (
    <section className="card" aria-labelledby="employees-title">
      <div className="analytics-card-head">
        <h2 id="employees-title">{t('analytics.employees.title')}</h2>
        <div className="analytics-inline-field">
          <SelectField label={t('analytics.employees.method')} value={method} onChange={(e) => setMethod(e.target.value as RankingMethod)}>
            {RANKING_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`analytics.employees.method.${m}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <p className="method-explained">
        <strong>{t(`analytics.employees.method.${method}`)}.</strong> {t(`analytics.employees.explain.${method}`)}
      </p>
      <div className="export-group" role="group" aria-label={t('analytics.employees.export')}>
        <span className="export-label">{t('analytics.employees.export')}:</span>
        <a className="btn btn-small" href={exportLinks.employees(tenantId, filters, method, 'csv')} download>
          CSV
        </a>
        <a className="btn btn-small" href={exportLinks.employees(tenantId, filters, method, 'xlsx')} download>
          XLSX
        </a>
      </div>
      {filters.dimension && filters.value && <p className="muted small">{t('analytics.breakdown.filterIgnored')}</p>}
      <PanelBody loaded={employees} isEmpty={(e) => e.employees.length === 0 && e.withheldGroups === 0}>
        {(e) => <EmployeesTable view={e} />}
      </PanelBody>
    </section>
  );
}

function EmployeesTable({ view }: { view: EmployeesView }) {
  const { t, formatNumber } = useI18n();
  const scoreName = t(`analytics.employees.score.${view.method}`);
  return (
    <>
      {view.employees.some((e) => e.small) && <p className="muted small">{t('analytics.employees.smallNote', { min: formatNumber(view.smallSampleMin) })}</p>}
      {view.withheldGroups > 0 && (
        <p className="alert alert-info" role="note">
          {t('analytics.withheld', { n: formatNumber(view.withheldGroups) })}
        </p>
      )}
      <TableWrap label={t('analytics.employees.title')}>
        <table className="analytics-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('analytics.col.rank')}
              </th>
              <th scope="col">{t('analytics.dimension.employee')}</th>
              <th scope="col">{t('analytics.dimension.department')}</th>
              <th scope="col" className="num">
                n
              </th>
              <th scope="col" className="num">
                {t('analytics.employees.rawNps')}
              </th>
              <th scope="col" className="num">
                {t('analytics.col.interval')}
              </th>
              <th scope="col" className="num">
                {scoreName}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.employees.map((e) => (
              <tr key={e.employee} className={e.small ? 'row-small' : undefined}>
                <td className="num">{e.rank ?? '—'}</td>
                <th scope="row">
                  {e.employee}
                  {e.small && <span className="badge badge-muted small-badge">{t('analytics.employees.small')}</span>}
                </th>
                <td>{e.department ?? '—'}</td>
                <td className="num">{formatNumber(e.n)}</td>
                <td className="num">{npsText(e.nps, formatNumber)}</td>
                <td className="num nowrap">
                  {marginText(e.interval, formatNumber)} <span className="muted small">({rangeText(e.interval, formatNumber)})</span>
                </td>
                <td className="num strong">{npsText(e.score, formatNumber)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
