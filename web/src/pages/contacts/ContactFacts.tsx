import type { ContactView } from '../../contactTypes.ts';
import { useI18n } from '../../i18n/index.tsx';

/** What is held about the person, as a definition list. */
export function ContactFacts({ contact }: { contact: ContactView }) {
  const { t, formatDateTime } = useI18n();
  const none = t('common.none');
  const consent = (value: boolean | null) => (value === null ? t('contacts.consentUnknown') : value ? t('contacts.consentYes') : t('contacts.consentNo'));
  const rows: Array<[string, string]> = [
    [t('contactField.externalId'), contact.externalId ?? none],
    [t('contactField.phone'), contact.phone ?? none],
    [t('contactField.email'), contact.email ?? none],
    [t('contactField.lastName'), contact.lastName ?? none],
    [t('contactField.firstName'), contact.firstName ?? none],
    [t('contactField.middleName'), contact.middleName ?? none],
    [t('contactField.fullName'), contact.fullName ?? none],
    [t('contactField.language'), contact.language ?? none],
    [t('contactField.timezone'), contact.timezone ?? none],
    [t('contactField.region'), contact.region ?? none],
    [t('contactField.consentEmail'), consent(contact.consent.email)],
    [t('contactField.consentSms'), consent(contact.consent.sms)],
    [t('contactField.consentVoice'), consent(contact.consent.voice)],
    ...Object.entries(contact.attributes).map(([key, value]): [string, string] => [key, value]),
    [t('contacts.lastInvited'), contact.lastInvitedAt ? formatDateTime(contact.lastInvitedAt) : t('common.never')],
    [t('common.created'), formatDateTime(contact.createdAt)],
    [t('contacts.updated'), formatDateTime(contact.updatedAt)],
  ];
  return (
    <section className="card" aria-labelledby="contact-facts">
      <h2 id="contact-facts">{t('contacts.details')}</h2>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
