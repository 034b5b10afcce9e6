import { Link, useParams } from 'react-router';
import { FormError, LoadState, Notice } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import type { ContactDetailView } from '../../contactTypes.ts';
import { api } from '../../endpoints.ts';
import { useAction, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hasTenantPermission, sectionPath } from '../../sections.ts';
import { useUser } from '../../session.tsx';
import { useTenants } from '../../tenants.tsx';
import type { TenantView } from '../../types.ts';
import { ContactFacts } from './ContactFacts.tsx';
import { ContactHistory } from './ContactHistory.tsx';
import { contactName } from './contactName.ts';
import { ContactDoNotContact } from './doNotContact/ContactDoNotContact.tsx';
import { EraseContact } from './EraseContact.tsx';
import './contacts.css';

/** `/t/:tenantId/contacts/:contactId`: one person, what changed, export and erase. */
export function ContactDetailPage() {
  const { current } = useTenants();
  const { contactId = '' } = useParams();
  return current ? <ContactDetail key={`${current.id}:${contactId}`} tenant={current} contactId={contactId} /> : null;
}

function ContactDetail({ tenant, contactId }: { tenant: TenantView; contactId: string }) {
  const { t } = useI18n();
  const user = useUser();
  const contact = useLoad(() => api.getContact(tenant.id, contactId), [tenant.id, contactId]);
  const exportData = useAction(async () => {
    const data = await api.exportContact(tenant.id, contactId);
    download(`contact-${contactId}.json`, JSON.stringify(data, null, 2));
    return true;
  });
  const erase = useAction(async () => {
    await api.eraseContact(tenant.id, contactId);
    contact.reload();
    return true;
  });
  const canManage = hasTenantPermission(user, tenant.id, 'contacts.manage');
  const back = <Link to={sectionPath('contacts', tenant.id)}>← {t('contacts.backToList')}</Link>;

  if (!contact.data)
    return (
      <>
        <p>{back}</p>
        <LoadState loading={contact.loading} error={contact.error} reload={contact.reload} />
      </>
    );
  const view: ContactDetailView = contact.data;
  const title = view.erased ? t('contacts.erasedName') : (contactName(view) ?? view.phone ?? view.email ?? t('contacts.noName'));

  return (
    <>
      <PageHeader title={title}>
        {canManage && !view.erased && (
          <button type="button" className="btn" onClick={() => void exportData.run()} disabled={exportData.pending}>
            {t('contacts.export')}
          </button>
        )}
      </PageHeader>
      <p>{back}</p>
      <FormError error={exportData.error ?? erase.error} />
      {view.erased && <p className="alert alert-info">{t('contacts.erasedNotice')}</p>}
      {(view.doNotContact.phone || view.doNotContact.email) && (
        <p className="status-line">
          <span className="badge badge-error" data-testid="dnc-badge">
            {t('dnc.badge')}
          </span>
        </p>
      )}
      <ContactFacts contact={view} />
      {!view.erased && (
        <ContactDoNotContact
          tenantId={tenant.id}
          contact={view}
          canManage={canManage}
          onListed={(kind) => contact.setData((c) => c && { ...c, doNotContact: { ...c.doNotContact, [kind]: true } })}
        />
      )}
      <ContactHistory history={view.history} />
      {canManage && !view.erased && <EraseContact onErase={() => erase.run()} />}
      {erase.pending && <Notice>{t('contacts.erasing')}</Notice>}
    </>
  );
}

/** Saves text as a file through a temporary link: the browser's own download, no new window. */
function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
