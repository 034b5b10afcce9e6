import { useState } from 'react';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { FormError, LoadState, Notice } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/Field.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { TableWrap } from '../../../components/TableWrap.tsx';
import type { DoNotContactEntry } from '../../../contactTypes.ts';
import { api } from '../../../endpoints.ts';
import { useI18n, type Translate } from '../../../i18n/index.tsx';
import { hasTenantPermission } from '../../../sections.ts';
import { useUser } from '../../../session.tsx';
import { useTenants } from '../../../tenants.tsx';
import type { TenantView } from '../../../types.ts';
import { ContactsTabs } from '../ContactsTabs.tsx';
import { AddDoNotContact } from './AddDoNotContact.tsx';
import { entryKey, matchesFilter, useDoNotContactList } from './useDoNotContactList.ts';
import '../contacts.css';

/** `/t/:tenantId/contacts/do-not-contact`: phones and emails no survey is ever sent to. */
export function DoNotContactPage() {
  const { current } = useTenants();
  return current ? <DoNotContactList key={current.id} tenant={current} /> : null;
}

function DoNotContactList({ tenant }: { tenant: TenantView }) {
  const { t, formatDateTime } = useI18n();
  const user = useUser();
  const canManage = hasTenantPermission(user, tenant.id, 'contacts.manage');
  const list = useDoNotContactList(tenant.id);
  const [filter, setFilter] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const shown = list.items.filter((e) => matchesFilter(e, filter));

  const remove = async (entry: DoNotContactEntry) => {
    setRemoveError(null);
    setNotice(null);
    try {
      await api.removeDoNotContact(tenant.id, entry.kind, entry.value);
    } catch (err) {
      setRemoveError(err);
      return;
    }
    list.removed(entry);
    setNotice(t('dnc.removed', { value: entry.value }));
  };

  return (
    <>
      <ContactsTabs tenantId={tenant.id} />
      <PageHeader title={t('dnc.title')} />
      <p className="dnc-explain">{t('dnc.explain')}</p>
      {canManage ? (
        <AddDoNotContact
          tenant={tenant}
          onSubmit={() => setNotice(null)}
          onAdded={(entry) => {
            list.added(entry);
            setRemoveError(null);
            setNotice(t('dnc.added', { value: entry.value }));
          }}
        />
      ) : (
        <p className="alert alert-info">{t('dnc.readOnly')}</p>
      )}
      <Notice>{notice}</Notice>
      <FormError error={removeError} />
      {!list.first.data && <LoadState loading={list.first.loading} error={list.first.error} reload={list.first.reload} />}
      {list.first.data && list.items.length === 0 && <p className="muted">{t('dnc.empty')}</p>}
      {list.items.length > 0 && (
        <>
          <form className="inline-form search-form dnc-filter" role="search" onSubmit={(e) => e.preventDefault()}>
            <TextField
              label={t('dnc.filter')}
              hint={list.nextCursor ? t('dnc.filterLoaded', { count: list.items.length }) : t('dnc.filterHint')}
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          </form>
          {shown.length === 0 ? (
            <p className="muted">{t('dnc.noMatches', { search: filter.trim() })}</p>
          ) : (
            <TableWrap label={t('dnc.title')}>
              <table className="dnc-table">
                <thead>
                  <tr>
                    <th scope="col">{t('dnc.value')}</th>
                    <th scope="col">{t('dnc.kind')}</th>
                    <th scope="col">{t('dnc.reasonColumn')}</th>
                    <th scope="col">{t('dnc.addedAt')}</th>
                    {canManage && <th scope="col">{t('common.actions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((entry) => (
                    <tr key={entryKey(entry)} data-testid="dnc-entry">
                      <th scope="row" className="dnc-value">
                        {entry.value}
                      </th>
                      <td>{entry.kind === 'phone' ? t('dnc.kind.phone') : t('dnc.kind.email')}</td>
                      <td>{describeReason(entry.reason, t)}</td>
                      <td className="nowrap">{formatDateTime(entry.createdAt)}</td>
                      {canManage && (
                        <td className="actions">
                          <ConfirmButton
                            label={t('dnc.remove')}
                            action={t('dnc.removeAction')}
                            question={t('dnc.confirmRemove', { value: entry.value })}
                            onConfirm={() => remove(entry)}
                          />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </>
      )}
      <FormError error={list.loadMore.error} />
      {list.nextCursor && (
        <button type="button" className="btn load-more" disabled={list.loadMore.pending} onClick={() => void list.loadMore.run(list.nextCursor!)}>
          {list.loadMore.pending ? t('dnc.loadingMore') : t('dnc.loadMore')}
        </button>
      )}
    </>
  );
}

/** `manual` is the server's word for "no reason given"; anything else is what a person typed. */
const describeReason = (reason: string, t: Translate) => (reason === 'manual' ? t('dnc.reason.manual') : reason);
