import { Link } from 'react-router';
import { FormError } from '../../../components/Feedback.tsx';
import type { ContactDetailView, DoNotContactKind } from '../../../contactTypes.ts';
import { api } from '../../../endpoints.ts';
import { useAction } from '../../../hooks.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { sectionPath } from '../../../sections.ts';

interface Props {
  tenantId: string;
  contact: ContactDetailView;
  canManage: boolean;
  /** The address is now on the list. */
  onListed: (kind: DoNotContactKind) => void;
}

/** On the contact's page: is their phone or email on the do-not-contact list, and a way to put it there. */
export function ContactDoNotContact({ tenantId, contact, canManage, onListed }: Props) {
  const { t } = useI18n();
  const add = useAction(async (kind: DoNotContactKind, value: string) => {
    await api.addDoNotContact(tenantId, { kind, value });
    onListed(kind);
  });
  const addresses = [
    { kind: 'phone' as const, value: contact.phone, listed: contact.doNotContact.phone, addLabel: t('dnc.addPhone') },
    { kind: 'email' as const, value: contact.email, listed: contact.doNotContact.email, addLabel: t('dnc.addEmail') },
  ].filter((a): a is typeof a & { value: string } => a.value !== null);

  return (
    <section className="card" aria-labelledby="contact-dnc" data-testid="contact-dnc">
      <h2 id="contact-dnc">{t('dnc.contactTitle')}</h2>
      <p>{t('dnc.explain')}</p>
      {addresses.length === 0 ? (
        <p className="muted">{t('dnc.noAddress')}</p>
      ) : (
        <ul className="dnc-addresses">
          {addresses.map((a) => (
            <li key={a.kind}>
              <span className="dnc-value">{a.value}</span>
              {a.listed ? <span className="badge badge-error">{t('dnc.onList')}</span> : <span className="badge badge-muted">{t('dnc.notOnList')}</span>}
              {canManage && !a.listed && (
                <button type="button" className="btn btn-small" disabled={add.pending} onClick={() => void add.run(a.kind, a.value)}>
                  {a.addLabel}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormError error={add.error} />
      <p>
        <Link to={`${sectionPath('contacts', tenantId)}/do-not-contact`}>{t('dnc.openList')}</Link>
      </p>
    </section>
  );
}
