import { useState } from 'react';
import { Link } from 'react-router';
import { ATTEMPT_STATUSES, type AttemptStatus } from '../../campaignTypes.ts';
import { LoadState } from '../../components/Feedback.tsx';
import { SelectField } from '../../components/Field.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../endpoints.ts';
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { sectionPath } from '../../sections.ts';
import { reasonLabel } from './funnel.ts';

const PROBLEMS: readonly AttemptStatus[] = ['bounced', 'failed', 'skipped', 'in_doubt'];
type Filter = '' | 'problems' | AttemptStatus;

const STATUS_CLASS: Partial<Record<AttemptStatus, string>> = {
  delivered: 'badge badge-ok',
  sent: 'badge badge-info',
  bounced: 'badge badge-error',
  failed: 'badge badge-error',
  in_doubt: 'badge badge-warn',
};

/** The latest 200 messages of the campaign, filtered by status. */
export function AttemptsTable({ tenantId, campaignId, refreshKey, linkContacts }: { tenantId: string; campaignId: string; refreshKey: number; linkContacts: boolean }) {
  const { t, formatDateTime } = useI18n();
  const [filter, setFilter] = useState<Filter>('');
  const statuses = filter === '' ? [] : filter === 'problems' ? PROBLEMS : [filter];
  const attempts = useLoad(() => api.listCampaignAttempts(tenantId, campaignId, statuses), [tenantId, campaignId, filter, refreshKey]);
  const contacts = sectionPath('contacts', tenantId);
  const items = attempts.data?.items ?? [];

  return (
    <section className="card" aria-labelledby="attempts-title">
      <div className="card-head-row">
        <h2 id="attempts-title">{t('campaigns.attempts.title')}</h2>
        <button type="button" className="btn btn-small" onClick={attempts.reload} disabled={attempts.loading}>
          {t('campaigns.attempts.refresh')}
        </button>
      </div>
      <div className="filters">
        <SelectField label={t('campaigns.attempts.filter')} value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          <option value="">{t('campaigns.attempts.all')}</option>
          <option value="problems">{t('campaigns.attempts.problems')}</option>
          {ATTEMPT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`campaigns.attemptStatus.${status}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {!attempts.data && <LoadState loading={attempts.loading} error={attempts.error} reload={attempts.reload} />}
      {attempts.data && items.length === 0 && <p className="muted">{t('campaigns.attempts.empty')}</p>}
      {items.length > 0 && (
        <TableWrap label={t('campaigns.attempts.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('campaigns.attempts.when')}</th>
                <th scope="col">{t('campaigns.attempts.step')}</th>
                <th scope="col">{t('campaigns.plan.channel')}</th>
                <th scope="col">{t('campaigns.attempts.address')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('campaigns.monitor.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td className="nowrap">{formatDateTime(a.failedAt ?? a.deliveredAt ?? a.sentAt ?? a.dueAt)}</td>
                  <td className="nowrap">{t('campaigns.attempts.stepAttempt', { step: a.step + 1, attempt: a.attempt })}</td>
                  <td>{a.channel === 'email' || a.channel === 'sms' || a.channel === 'voice' ? t(`campaigns.channel.${a.channel}`) : a.channel}</td>
                  <td className="address-cell">
                    {a.contactId && linkContacts ? <Link to={`${contacts}/${encodeURIComponent(a.contactId)}`}>{a.address ?? t('campaigns.attempts.contact')}</Link> : (a.address ?? t('common.none'))}
                    {a.parts !== null && a.parts > 1 && <span className="muted small"> · {t('campaigns.attempts.parts', { parts: a.parts })}</span>}
                  </td>
                  <td>
                    <span className={STATUS_CLASS[a.status] ?? 'badge badge-muted'}>{t(`campaigns.attemptStatus.${a.status}`)}</span>
                  </td>
                  <td>{a.reason ? reasonLabel(a.reason, t) : t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
