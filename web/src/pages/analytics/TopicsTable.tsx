// Topic impact: NPS of the people whose comments mention a topic against everyone else, with n.
import { TableWrap } from '../../components/TableWrap.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { TopicsView } from './analyticsTypes.ts';
import { npsText, pValueLabel, rangeText } from './format.ts';

export function TopicsTable({ view, topicName }: { view: TopicsView; topicName: (id: string) => string }) {
  const { t, formatNumber } = useI18n();
  if (view.topics.length === 0) return <p className="muted">{t('analytics.topics.none')}</p>;
  return (
    <TableWrap label={t('analytics.topics.title')}>
      <table className="analytics-table">
        <thead>
          <tr>
            <th scope="col">{t('analytics.topics.topic')}</th>
            <th scope="col" className="num">
              {t('analytics.topics.mentioning')}
            </th>
            <th scope="col" className="num">
              {t('analytics.topics.rest')}
            </th>
            <th scope="col" className="num">
              {t('analytics.topics.difference')}
            </th>
            <th scope="col">{t('analytics.topics.test')}</th>
          </tr>
        </thead>
        <tbody>
          {view.topics.map((topic) => (
            <tr key={topic.topic}>
              <th scope="row">{topicName(topic.topic)}</th>
              <td className="num nowrap">
                <strong>{npsText(topic.mentioning.nps, formatNumber)}</strong> <span className="muted small">n = {formatNumber(topic.mentioning.n)}</span>
              </td>
              <td className="num nowrap">
                {npsText(topic.rest.nps, formatNumber)} <span className="muted small">n = {formatNumber(topic.rest.n)}</span>
              </td>
              <td className="num nowrap">
                {npsText(topic.impact.difference, formatNumber, true)} <span className="muted small">({rangeText(topic.impact.interval, formatNumber)})</span>
              </td>
              <td className="nowrap">
                <span className={topic.impact.significant ? 'badge badge-info' : 'badge badge-muted'}>{topic.impact.significant ? t('analytics.significant') : t('analytics.notSignificant')}</span>{' '}
                <span className="muted small">{pValueLabel(topic.impact.pValue, formatNumber)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
