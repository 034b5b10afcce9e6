import { NavLink } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import { sectionPath } from '../../sections.ts';

/** The contacts section's own tabs: the people, and the addresses never to survey. */
export function ContactsTabs({ tenantId }: { tenantId: string }) {
  const { t } = useI18n();
  const base = sectionPath('contacts', tenantId);
  return (
    <nav className="sub-nav" aria-label={t('contacts.sections')}>
      <ul>
        <li>
          <NavLink to={base} end>
            {t('contacts.allContacts')}
          </NavLink>
        </li>
        <li>
          <NavLink to={`${base}/do-not-contact`}>{t('dnc.title')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
