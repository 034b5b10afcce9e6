import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormError, LoadState } from '../../components/Feedback.tsx';
import { TextField } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import type { ContactView } from '../../contactTypes.ts';
import { api } from '../../endpoints.ts';
import { useAction, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hasTenantPermission, sectionPath } from '../../sections.ts';
import { useUser } from '../../session.tsx';
import { useTenants } from '../../tenants.tsx';
import type { TenantView } from '../../types.ts';
import { contactName } from './contactName.ts';
import { ContactsTabs } from './ContactsTabs.tsx';
import './contacts.css';

const PAGE_SIZE = 50;

/** `/t/:tenantId/contacts`: the people a tenant may survey, searchable, with a way in to import more. */
export function ContactsPage() {
  const { current } = useTenants();
  return current ? <ContactList key={current.id} tenant={current} /> : null;
}

function ContactList({ tenant }: { tenant: TenantView }) {
  const { t, formatDateTime } = useI18n();
  const user = useUser();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const first = useLoad(() => api.listContacts(tenant.id, { search, limit: PAGE_SIZE }), [tenant.id, search]);
  const [more, setMore] = useState<{ items: ContactView[]; nextCursor: string | null } | null>(null);
  const loadMore = useAction(async (cursor: string) => {
    const page = await api.listContacts(tenant.id, { search, cursor, limit: PAGE_SIZE });
    setMore((previous) => ({ items: [...(previous?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
  });
  const base = sectionPath('contacts', tenant.id);
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more ? more.nextCursor : (first.data?.nextCursor ?? null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMore(null);
    setSearch(typed.trim());
  };

  return (
    <>
      <ContactsTabs tenantId={tenant.id} />
      <PageHeader title={t('contacts.title')}>
        {hasTenantPermission(user, tenant.id, 'contacts.manage') && (
          <Link className="btn btn-primary" to={`${base}/import`}>
            {t('contacts.import')}
          </Link>
        )}
      </PageHeader>
      <form className="inline-form search-form" role="search" onSubmit={submit}>
        <TextField label={t('contacts.search')} hint={t('contacts.searchHint')} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit" className="btn">
          {t('contacts.find')}
        </button>
      </form>
      {!first.data && <LoadState loading={first.loading} error={first.error} reload={first.reload} />}
      {first.data && items.length === 0 && <p className="muted">{search ? t('contacts.noMatches', { search }) : t('contacts.empty')}</p>}
      {items.length > 0 && (
        <TableWrap label={t('contacts.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('contacts.name')}</th>
                <th scope="col">{t('contactField.phone')}</th>
                <th scope="col">{t('contactField.email')}</th>
                <th scope="col">{t('contactField.externalId')}</th>
                <th scope="col">{t('contacts.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((contact) => (
                <tr key={contact.id}>
                  <th scope="row">
                    <Link to={`${base}/${encodeURIComponent(contact.id)}`}>{contact.erased ? t('contacts.erasedName') : (contactName(contact) ?? t('contacts.noName'))}</Link>
                  </th>
                  <td className="nowrap">{contact.phone ?? t('common.none')}</td>
                  <td>{contact.email ?? t('common.none')}</td>
                  <td>{contact.externalId ?? t('common.none')}</td>
                  <td className="nowrap">{formatDateTime(contact.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <FormError error={loadMore.error} />
      {nextCursor && (
        <button type="button" className="btn load-more" disabled={loadMore.pending} onClick={() => void loadMore.run(nextCursor)}>
          {loadMore.pending ? t('audit.loadingMore') : t('audit.loadMore')}
        </button>
      )}
    </>
  );
}
